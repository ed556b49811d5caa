"""All benchmarks in one command; prints Markdown tables and writes bench/RESULTS.md.

    .venv/bin/python bench/run_all.py                 # everything (~20-30 min on 2 busy cores)
    .venv/bin/python bench/run_all.py --skip-train    # reuse trained models: a quick run
    make bench                                        # same as the first, and updates README.md

Parts (--parts, default all):
  train      `werkbaar train --force` into a temporary models dir and `rasa train` of Rasa's
             stock starter bot (`rasa init`): time and peak RSS of the training process tree.
  bots       both bots started side by side on free loopback ports: start time, RSS after start
             and after the load; then per concurrency level (1, 8, 32 conversations in parallel)
             the same load shape on both: p50/p95/p99 latency, msg/s, errors, and the ratio.
  knowledge  knowledge search latency at growing sizes (bench/knowledge_search.py).

The README section between `<!-- bench:start -->` and `<!-- bench:end -->` is replaced with
--update-readme; that is the default when run by `make` (MAKELEVEL set).
Numbers only: nothing here asserts a time. Other work on the machine makes them noisy, so the
report records the load average at start and end and the CPU share other processes took.
"""
from __future__ import annotations

import argparse
import os
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import conversations, starter, training  # noqa: E402
from bench.load import LevelResult, run_level, warm_up  # noqa: E402
from bench.machine import BusyMonitor, describe_machine  # noqa: E402
from bench.procs import cmdline, descendants, rss_mb, tree_rss_mb  # noqa: E402
from bench.report import (STARTER, WERKBAAR, Results, ServerRow, TrainingRow,  # noqa: E402
                          render, results_document, update_readme)
from bot.quiet import child_env, quiet_environment  # noqa: E402
from tests.support.assistant import RunningAssistant, start_assistant  # noqa: E402

PARTS = ("train", "bots", "knowledge")
ERROR_LINE = re.compile(r"\b(ERROR|Traceback|Exception)\b")


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _ints(text: str) -> list[int]:
    return [int(v) for v in text.split(",") if v.strip()]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-train", action="store_true",
                        help="do not measure training; reuse trained models (quick run)")
    parser.add_argument("--parts", default=",".join(PARTS),
                        help=f"comma-separated subset of {','.join(PARTS)}")
    parser.add_argument("--levels", default="1,8,32", help="concurrent conversations per level")
    parser.add_argument("--messages", type=int, default=256,
                        help="messages per level and bot (default 256)")
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="synthetic knowledge sizes (after the real content)")
    parser.add_argument("--repeat", type=int, default=3, help="knowledge query repeats")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    parser.add_argument("--readme", type=Path, default=ROOT / "README.md")
    parser.add_argument("--logs", type=Path,
                        help="keep server and training logs in this dir (default: a temp dir)")
    parser.add_argument("--update-readme", action=argparse.BooleanOptionalAction,
                        default=bool(os.environ.get("MAKELEVEL")),
                        help="replace the README's bench section; on by default under make")
    args = parser.parse_args(argv)
    args.parts = [p for p in args.parts.split(",") if p]
    unknown = set(args.parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")
    if args.skip_train and "train" in args.parts:
        args.parts.remove("train")
    return args


def _werkbaar_processes(assistant: RunningAssistant) -> dict[str, int]:
    found = {}
    for pid in descendants(assistant.process.pid):
        command = cmdline(pid)
        if "bot.launch rasa_sdk" in command:
            found["actions"] = pid
        elif "bot.launch rasa run" in command:
            found["rasa"] = pid
    return found


def _error_lines(log: str) -> list[str]:
    return [line for line in log.splitlines() if ERROR_LINE.search(line)]


def _ensure_werkbaar_model() -> None:
    """Quick run: the project's hash-keyed model, trained only when it is missing."""
    result = subprocess.run([sys.executable, "-m", "bot.cli", "train"], cwd=ROOT,
                            env=child_env(), capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"werkbaar train failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    say(result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "werkbaar train ok")


def _stop_werkbaar(assistant: RunningAssistant, timeout_s: float = 60) -> None:
    """SIGTERM, which `werkbaar run` turns into a clean stop of both servers. (SIGINT, which
    RunningAssistant.stop sends, is ignored when this runs as a background job of a
    non-interactive shell; the servers, in their own sessions, would then be left running.)"""
    if assistant.process.poll() is None:
        assistant.process.send_signal(signal.SIGTERM)
        try:
            assistant.process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            pass
    assistant.stop()


def _print_level(level: LevelResult) -> None:
    say(f"  {level.bot:<12} c={level.concurrency:<3} {level.ok:>4} ok {level.errors:>3} errors  "
        f"p50 {level.p(0.5):7.1f} ms  p95 {level.p(0.95):7.1f} ms  p99 {level.p(0.99):7.1f} ms  "
        f"{level.throughput:6.1f} msg/s")


def run_bots(results: Results, args: argparse.Namespace, tmp: Path, werkbaar_models: Path | None,
             project: Path, starter_model: Path) -> None:
    extra_env = {"WERKBAAR_MODELS_DIR": str(werkbaar_models)} if werkbaar_models else {}
    say("Starting Werkbaar (werkbaar run)...")
    t0 = time.monotonic()
    assistant = start_assistant(tmp / "werkbaar-data", extra_env)
    werkbaar_start = time.monotonic() - t0
    running_starter = None
    try:
        log = assistant.log()
        if "Model trainen" in log or "traint dit model al" in log:  # inputs changed meanwhile
            reported = re.search(r"opgestart in (\d+) s", log)
            results.notes.append("Werkbaar retrained at start (another process changed the "
                                 "training data); its start time is the one it reported itself.")
            werkbaar_start = float(reported.group(1)) if reported else werkbaar_start
        pids = _werkbaar_processes(assistant)
        rasa_start_mb = rss_mb(pids.get("rasa", 0))
        say(f"  Werkbaar up in {werkbaar_start:.1f} s; Rasa server {rasa_start_mb:.0f} MB")

        say("Starting the starter bot (rasa run)...")
        running_starter = starter.start_starter(project, starter_model, tmp / "starter-run.log")
        starter_start_mb = tree_rss_mb(running_starter.process.pid)
        say(f"  starter bot up in {running_starter.start_seconds:.1f} s; {starter_start_mb:.0f} MB")

        bots = [(WERKBAAR, assistant.webhook, conversations.WERKBAAR),
                (STARTER, running_starter.webhook, conversations.STARTER)]
        for bot, webhook, scripts in bots:
            warm = warm_up(bot, webhook, scripts)
            if warm.errors:
                raise RuntimeError(f"{bot} warm-up failed: {warm.error_examples}")
        say(f"Load: {args.messages} messages per level and bot")
        for concurrency in _ints(args.levels):
            for bot, webhook, scripts in bots:
                level = run_level(bot, webhook, scripts, concurrency, args.messages)
                results.load.append(level)
                _print_level(level)

        results.servers = [
            ServerRow(WERKBAAR, werkbaar_start, rasa_start_mb, rss_mb(pids.get("rasa", 0)),
                      rss_mb(pids.get("actions", 0)), tree_rss_mb(assistant.process.pid)),
            ServerRow(STARTER, running_starter.start_seconds, starter_start_mb,
                      rss_mb(running_starter.process.pid), None,
                      tree_rss_mb(running_starter.process.pid)),
        ]
        for bot, text in ((WERKBAAR, assistant.log()), (STARTER, running_starter.log())):
            errors = _error_lines(text)
            if errors:
                first = re.sub(r"^\S+ \S+ ", "", errors[0])[:200].replace("`", "'")
                results.notes.append(f"{bot} logged {len(errors)} error lines while it ran "
                                     f"(its replies still came); the first: `{first}`")
    finally:
        _stop_werkbaar(assistant)
        if running_starter is not None:
            running_starter.stop()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    quiet_environment()
    monitor = BusyMonitor()
    shown = " ".join(shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:]))
    results = Results(started=datetime.now(), command=f"bench/run_all.py {shown}".strip(),
                      machine=describe_machine(), messages_per_level=args.messages)
    say(f"Machine: {results.machine.describe()}")
    say(f"1-minute load average at start: {monitor.load_start:.2f}")

    with tempfile.TemporaryDirectory(prefix="werkbaar-bench-") as tmp_name:
        tmp = Path(tmp_name)
        if args.logs:
            args.logs.mkdir(parents=True, exist_ok=True)
            tmp = args.logs
        werkbaar_models, project, starter_model = None, None, None
        if "train" in args.parts or "bots" in args.parts:
            project = starter.ensure_project(echo=say)
            starter_model = starter.latest_model(project)
        if "train" in args.parts:
            say("Training Werkbaar (werkbaar train --force, temporary models dir)...")
            ours = training.train_werkbaar(tmp / "models", tmp / "train-werkbaar.log")
            say(f"  {ours.measured.seconds:.0f} s, peak {ours.measured.peak_mb:.0f} MB")
            say("Training the starter bot (rasa train)...")
            theirs = training.train_starter(project, tmp / "starter-models",
                                            tmp / "train-starter.log")
            say(f"  {theirs.measured.seconds:.0f} s, peak {theirs.measured.peak_mb:.0f} MB")
            results.training = [TrainingRow(t.bot, t.command, t.measured.seconds,
                                            t.measured.peak_mb) for t in (ours, theirs)]
            werkbaar_models, starter_model = ours.model.parent, theirs.model
        elif args.skip_train:
            results.notes.append("Training not measured in this run (--skip-train).")
        if "bots" in args.parts:
            if werkbaar_models is None:
                _ensure_werkbaar_model()
            run_bots(results, args, tmp, werkbaar_models, project, starter_model)
        if "knowledge" in args.parts:
            from bench import knowledge_search

            say(f"Knowledge search: real content, then {args.sizes} synthetic items...")
            results.knowledge = knowledge_search.run(_ints(args.sizes), args.repeat)

    results.busy = monitor.finish()
    print(render(results))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(results_document(results), encoding="utf-8")
    say(f"Written: {args.out}")
    if args.update_readme:
        update_readme(args.readme, results)
        say(f"Updated the benchmark section of {args.readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
