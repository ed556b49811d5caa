"""Where the time of one Werkbaar message goes (issue 18, "profile first"). Numbers only.

    .venv/bin/python bench/profile.py [--messages 240] [--profile-messages N] [--top 25]

Set-up, as `werkbaar run` has it (bot/servers.py, bot/endpoints.py), but the Rasa server runs
in this process so it can be timed from inside: the trained model (bot/training.model_path(),
never trained here) loaded with Rasa's `load_agent` and the endpoints file Werkbaar writes
(PrivacyTrackerStore on SQLite, Rasa's in-memory lock store, the action endpoint); Rasa's Sanic
app with the channels of credentials.yml on a free 127.0.0.1 port; the real action server
(`actions/`, rasa-sdk) as a subprocess on another free 127.0.0.1 port, with timers of its own
(bench/profile_actions.py). State (knowledge store, tracker database) goes to a temp dir.

Load: the conversations of bench/conversations.py (worker interview, professional, story,
employer, direct questions), each followed by single questions from the question bank
(knowledge/content/asked/), every conversation and question with a fresh sender id, sent one
after another over HTTP (POST /webhooks/rest/webhook). A warm-up goes first and is not counted.

Pass 1 (timers): wall-clock timers around the parts of a message (bench/profile_timers.py);
a Markdown tree: total ms, ms per message, share of the end-to-end time. Pass 2 (cProfile):
the same load with new senders, cProfile on in this process and in the action server, timers
off; the top functions by cumulative time. cProfile slows Python code down, so the shares of
pass 1 are the ones to trust; pass 2 says which functions. Other work on the machine makes all
numbers noisy: the load average and the CPU other processes used are printed.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if sys.path and Path(sys.path[0] or ".").resolve() == ROOT / "bench":
    sys.path.pop(0)  # this file is called profile.py: keep the stdlib `profile` importable
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import asyncio  # noqa: E402
import cProfile  # noqa: E402
import logging  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import secrets  # noqa: E402
import signal  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from collections import defaultdict  # noqa: E402
from typing import Any, Dict, List, Tuple  # noqa: E402

from bench import conversations  # noqa: E402
from bench.machine import BusyMonitor, describe_machine  # noqa: E402
from bench.profile_actions import ActionServer, profile_rows  # noqa: E402
from bench.profile_report import (actions_table, latency_summary, top_functions,  # noqa: E402
                                  watch_table)
from bench.profile_timers import (MESSAGE, Timers, add_server_rows, render_tree,  # noqa: E402
                                  summary_table)

QUESTIONS_PER_CONVERSATION = 4
REQUEST_TIMEOUT_S = 60
Plan = List[Tuple[str, str, str]]  # (conversation key, kind, text)


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def parse_args(argv: List[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=240,
                        help="messages in the timed pass (default 240)")
    parser.add_argument("--profile-messages", type=int, default=None,
                        help="messages in the cProfile pass (default: --messages; 0: no pass)")
    parser.add_argument("--top", type=int, default=25, help="functions listed (default 25)")
    parser.add_argument("--seed", type=int, default=18, help="order of the single questions")
    args = parser.parse_args(argv)
    if args.messages < 1:
        parser.error("--messages must be 1 or more")
    if args.profile_messages is None:
        args.profile_messages = args.messages
    return args


def question_bank() -> List[str]:
    import yaml

    found: List[str] = []
    for path in sorted((ROOT / "knowledge" / "content" / "asked").glob("*.yaml")):
        asked = (yaml.safe_load(path.read_text("utf-8")) or {}).get("asked") or {}
        for messages in asked.values():
            found += [m for m in messages or [] if isinstance(m, str) and 0 < len(m) < 2000]
    return found


def make_plan(n: int, seed: int) -> Plan:
    """Conversations and single questions interleaved: a conversation, then a few questions."""
    questions = question_bank()
    random.Random(seed).shuffle(questions)
    plan: Plan = []
    round_ = 0
    while len(plan) < n:
        script = conversations.WERKBAAR[round_ % len(conversations.WERKBAAR)]
        plan += [(f"c{round_}", "conversation turns", text) for text in script]
        for i in range(QUESTIONS_PER_CONVERSATION):
            text = questions[(round_ * QUESTIONS_PER_CONVERSATION + i) % len(questions)]
            plan.append((f"q{round_}.{i}", "single questions", text))
        round_ += 1
    return plan[:n]


def prepare_state(tmp: Path) -> Tuple[Path, Path, int, str]:
    """Temp data dir, knowledge store, endpoints file; returns the model, the endpoints file,
    the action server's port and a note on the model."""
    os.environ["WERKBAAR_DATA_DIR"] = str(tmp)
    os.environ["WERKBAAR_KNOWLEDGE_URL"] = f"sqlite:///{tmp / 'knowledge.db'}"
    from bot.endpoints import write_endpoints
    from bot.settings import Settings
    from bot.startup import prepare_knowledge
    from bot.training import model_path
    from tests.support.assistant import free_port

    say(prepare_knowledge())
    model, note = model_path(), "the model of the current training inputs"
    if not model.exists():  # the inputs changed since the last training: newest model
        models = sorted(model.parent.glob("werkbaar-*.tar.gz"), key=lambda p: p.stat().st_mtime)
        if not models:
            raise SystemExit("No trained model in models/ (run `make train`; this bench never "
                             "trains).")
        note = f"the newest model: {model.name} of the current inputs is not trained"
        say(f"Note: {note}.")
        model = models[-1]
    settings = Settings()
    settings.host, settings.actions_port = "127.0.0.1", free_port()
    settings.tracker_url, settings.lock_store_url = "", ""  # SQLite in tmp, in-memory locks
    return model, write_endpoints(settings), settings.actions_port, note


def configure_logging() -> None:
    """What `rasa run --quiet` sets up (warnings and up), to stderr."""
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="%(message)s")
    from rasa.utils.common import configure_logging_and_warnings, update_sanic_log_level
    from rasa.utils.log_utils import configure_structlog

    configure_logging_and_warnings(logging.WARNING, warn_only_once=True,
                                   filter_repeated_logs=True)
    configure_structlog(logging.WARNING)
    update_sanic_log_level()
    from rasa.utils.tensorflow.environment import setup_tf_environment

    setup_tf_environment()  # as rasa's __main__ does


async def send_all(url: str, plan: Plan, tag: str,
                   timers: Timers | None) -> Tuple[Dict[str, List[float]], int]:
    """Send the plan one message at a time; latencies (ms) per kind and the error count.
    An error: no 200 with a list of messages, or the channel's 'something went wrong' line
    (a custom action failed)."""
    import aiohttp

    from bot.channels.rest import REPLY_FAILED

    senders: Dict[str, str] = {}
    latencies: Dict[str, List[float]] = defaultdict(list)
    errors = 0
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=1)) as session:
        for key, kind, text in plan:
            sender = senders.setdefault(key, f"prof-{tag}-{uuid.uuid4().hex[:12]}")
            start = time.perf_counter()
            try:
                async with session.post(url, json={"sender": sender, "message": text},
                                        timeout=timeout) as response:
                    body = await response.json(content_type=None)
                    ok = (response.status == 200 and isinstance(body, list) and bool(body)
                          and not any(isinstance(m, dict) and m.get("text") == REPLY_FAILED
                                      for m in body))
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
                ok = False
            seconds = time.perf_counter() - start
            if not ok:
                errors += 1
                continue
            latencies[kind].append(seconds * 1000)
            if timers is not None:
                timers.record((MESSAGE,), seconds)
    return latencies, errors


async def measure(args: argparse.Namespace, model: Path, endpoints_file: Path,
                  actions: ActionServer) -> Dict[str, Any]:
    from rasa.core.agent import load_agent
    from rasa.core.run import configure_app, create_http_input_channels
    from rasa.core.utils import AvailableEndpoints
    from tests.support.assistant import free_port

    out: Dict[str, Any] = {}
    start = time.perf_counter()
    endpoints = AvailableEndpoints.read_endpoints(str(endpoints_file))
    agent = await load_agent(model_path=str(model), endpoints=endpoints)
    if not agent.is_ready():
        raise RuntimeError(f"the model {model} did not load")
    out["load_s"] = time.perf_counter() - start
    actions.wait_ready()
    port = free_port()
    app = configure_app(create_http_input_channels(None, str(ROOT / "credentials.yml")),
                        auth_token=secrets.token_urlsafe(24), enable_api=True,
                        endpoints=endpoints, port=port)
    app.ctx.agent = agent
    from rasa.utils.common import update_sanic_log_level

    update_sanic_log_level()  # after the app exists, as `rasa run` does
    # Sanic 21.12: create_server already listens; startup() finalises the routes.
    server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True)
    await server.startup()
    await server.before_start()
    await server.after_start()
    url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
    timers = Timers()
    try:
        plan = make_plan(args.messages, args.seed)
        say(f"Warm-up: every conversation once and {QUESTIONS_PER_CONVERSATION} questions...")
        warm = [(f"w{i}", "warm", t) for i, s in enumerate(conversations.WERKBAAR) for t in s]
        warm += [(f"wq{i}", "warm", t) for i, (_, k, t) in enumerate(
            make_plan(60, args.seed + 1)) if k == "single questions"][:QUESTIONS_PER_CONVERSATION]
        await send_all(url, warm, "warm", None)

        say(f"Pass 1 (timers): {len(plan)} messages...")
        timers.install()
        actions.call("/bench/reset", "POST")
        start = time.perf_counter()
        out["latencies"], out["errors"] = await send_all(url, plan, "t", timers)
        out["pass1_s"] = time.perf_counter() - start
        timers.restore()
        if not out["latencies"]:
            tail = actions.log_path.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"no message was answered. Action server log (end):\n{tail}")
        out["server"] = actions.call("/bench/stats")
        out["timers"] = timers

        if args.profile_messages > 0:
            plan2 = make_plan(args.profile_messages, args.seed)
            say(f"Pass 2 (cProfile, timers off): {len(plan2)} messages...")
            actions.call("/bench/profile/start", "POST")
            profile = cProfile.Profile()
            profile.enable()
            latencies2, out["errors2"] = await send_all(url, plan2, "p", None)
            profile.disable()
            out["server_rows"] = actions.call("/bench/profile/stop", "POST", timeout=120)
            out["rows"] = profile_rows(profile)
            out["pass2_messages"] = sum(len(v) for v in latencies2.values())
            out["pass2_total_s"] = sum(sum(v) for v in latencies2.values()) / 1000
    finally:
        timers.restore()
        try:
            await server.before_stop()
            closing = server.close()
            if closing is not None:
                await asyncio.wait_for(closing, timeout=10)
            await server.after_stop()
        except (asyncio.TimeoutError, OSError) as error:
            say(f"Rasa server did not stop cleanly ({type(error).__name__}); going on.")
    return out


def report(args: argparse.Namespace, out: Dict[str, Any], model: Path, model_note: str,
           busy: Any, machine: Any) -> str:
    timers: Timers = out["timers"]
    n = sum(len(v) for v in out["latencies"].values())
    total_s = timers.stats[(MESSAGE,)][1]
    server = out["server"]
    timed_calls = sum(c for p, (c, _) in timers.stats.items() if p != (MESSAGE,)) / n
    add_server_rows(timers.stats, server.get("totals", {}))
    parts = [
        "## Where the time of one message goes (bench/profile.py)",
        f"Machine: {machine.describe()}.",
        f"Model: `{model.name}` ({model_note}; loaded in {out['load_s']:.0f} s). "
        + busy.note(machine.cores),
        f"Pass 1: {n} messages answered ({out['errors']} errors) in {out['pass1_s']:.0f} s, "
        "one at a time over HTTP to the in-process Rasa server (fresh sender ids; "
        "tracker store: PrivacyTrackerStore on SQLite; action server: a subprocess).",
        latency_summary(out["latencies"]),
        "### Summary (pass 1, wall-clock timers; share = of the end-to-end time)",
        "Each component wherever it ran; indented rows are parts of the row above.",
        summary_table(timers.stats, n),
        "### Breakdown (pass 1): the same timers as a tree",
        "Rows nest (`·` = inside the row above it); `(rest of X)` is the part of X that none "
        "of its timed parts explain. The action server rows are measured in its own process; "
        "they are part of `HTTP POST to the action server`. Timed calls per message: "
        f"{timed_calls:.0f} (about 1.5 µs each: ~{timed_calls * 0.0015:.1f} ms per message).",
        render_tree(timers.stats, n),
        "### Actions (pass 1)",
        f"Domain sent with a call: {server.get('domain_bytes', 0) / 1024:.0f} KB as JSON.",
        actions_table(timers.details, server, n, total_s),
        "### Tracker replays (pass 1)",
        "\n".join(f"- {label}: {count / n:.0f} events per message"
                  for label, count in sorted(timers.sizes.items())),
    ]
    if args.profile_messages > 0 and out.get("rows"):
        m = out["pass2_messages"] or 1
        parts += [
            f"### Top {args.top} functions by cumulative time, Rasa process (pass 2, cProfile)",
            f"{m} messages ({out['errors2']} errors); mean {1000 * out['pass2_total_s'] / m:.0f}"
            " ms per message under cProfile. Event-loop plumbing and idle waiting (asyncio, "
            "epoll) are left out; the bench client's aiohttp calls are in this process too.",
            top_functions(out["rows"], m, out["pass2_total_s"], args.top),
            "Top 15 by own time (the function itself, not what it calls), Rasa process:",
            top_functions(out["rows"], m, out["pass2_total_s"], 15, by_own=True),
            f"### Top {min(args.top, 15)} functions by cumulative time, action server (pass 2)",
            top_functions(out["server_rows"], m, out["pass2_total_s"], min(args.top, 15)),
            "Top 10 by own time, action server:",
            top_functions(out["server_rows"], m, out["pass2_total_s"], 10, by_own=True),
            "### Usual suspects (pass 2, cProfile; times inflated by cProfile)",
            watch_table({"Rasa": out["rows"], "action server": out["server_rows"]}, m),
        ]
    return "\n\n".join(parts)


def _stop_on_signal(*_: Any) -> None:
    raise KeyboardInterrupt()


def main(argv: List[str] | None = None) -> int:
    args = parse_args(argv)
    os.chdir(ROOT)  # config.yml names the Dutch pipeline relative to the project root
    from bot.quiet import child_env, quiet_environment

    quiet_environment()
    from bot.launch import _drop_noise

    _drop_noise()  # as the launcher of `werkbaar run` does
    signal.signal(signal.SIGTERM, _stop_on_signal)
    monitor = BusyMonitor()
    machine = describe_machine()
    with tempfile.TemporaryDirectory(prefix="werkbaar-profile-") as tmp_name:
        tmp = Path(tmp_name)
        model, endpoints_file, actions_port, model_note = prepare_state(tmp)
        say(f"Model {model.name}; action server on 127.0.0.1:{actions_port}; loading...")
        actions = ActionServer(actions_port, child_env(), tmp / "actions.log")
        try:
            configure_logging()
            out = asyncio.run(measure(args, model, endpoints_file, actions))
        except KeyboardInterrupt:
            say("Stopped; no report.")
            return 130
        finally:
            actions.stop()
    print(report(args, out, model, model_note, monitor.finish(), machine))
    return 0


if __name__ == "__main__":
    sys.exit(main())
