"""Baseline numbers of the running assistant (prints, never asserts).

    .venv/bin/python bench/assistant_baseline.py [--messages 100] [--train]

- train time (with --train: a forced retrain into a temporary models dir)
- server start time (model already trained) and RSS of the Rasa and action servers
- p50/p95/max latency of N sequential messages through the REST channel
- virtualenv size
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.load import percentile  # noqa: E402
from bench.procs import cmdline, descendants, rss_mb  # noqa: E402
from tests.support.assistant import start_assistant  # noqa: E402

MESSAGES = [
    "hallo", "ik ben werkgever", "wat kun je?", "ik ben altijd moe na mijn werk",
    "wie betaalt mijn re-integratie?", "dank je wel", "wat voor weer wordt het?",
    "mijn leidinggevende snapt het niet", "ben jij een robot?", "doei",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=100)
    parser.add_argument("--train", action="store_true", help="also measure a forced retrain")
    args = parser.parse_args()

    if args.train:
        with tempfile.TemporaryDirectory() as models:
            start = time.monotonic()
            subprocess.run([sys.executable, "-m", "bot.cli", "train", "--force"], cwd=ROOT,
                           env=dict(os.environ, WERKBAAR_MODELS_DIR=models, RASA_MAX_CACHE_SIZE="0"),
                           check=True,
                           stdout=subprocess.DEVNULL)
            print(f"train (forced, no cache):    {time.monotonic() - start:7.1f} s")

    with tempfile.TemporaryDirectory() as data:
        start = time.monotonic()
        assistant = start_assistant(Path(data))
        print(f"server start (model cached):  {time.monotonic() - start:7.1f} s")
        try:
            for pid in descendants(assistant.process.pid):
                command = cmdline(pid)
                if "bot.launch rasa_sdk" in command:
                    print(f"action server RSS:            {rss_mb(pid):7.0f} MB")
                elif "bot.launch rasa run" in command:
                    print(f"rasa server RSS:              {rss_mb(pid):7.0f} MB")
            latencies = []
            for i in range(args.messages):
                message = MESSAGES[i % len(MESSAGES)]
                t0 = time.perf_counter()
                assistant.send(message, sender=f"bench-{i // len(MESSAGES)}")
                latencies.append((time.perf_counter() - t0) * 1000)
            print(f"{args.messages} sequential messages: p50 {statistics.median(latencies):.0f} ms, "
                  f"p95 {percentile(latencies, 0.95):.0f} ms, max {max(latencies):.0f} ms")
        finally:
            assistant.stop()

    venv = ROOT / ".venv"
    if venv.exists():
        size = subprocess.run(["du", "-sm", str(venv)], capture_output=True, text=True)
        print(f"virtualenv size:              {int(size.stdout.split()[0]):7d} MB")


if __name__ == "__main__":
    main()
