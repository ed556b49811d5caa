"""Benchmark of bot/deidentify.py: milliseconds per text and memory of the loaded module.

Texts: every NLU training and held-out sentence (user messages), and the longest texts the
bot stores (knowledge items, as in a summary download). Prints numbers only (no assertions).

    python bench/deidentify_speed.py [--repeat 5]
"""
from __future__ import annotations

import argparse
import re
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _sentences() -> list[str]:
    import yaml

    found = []
    for path in [*sorted((ROOT / "data" / "nlu").glob("*.yml")),
                 *sorted((ROOT / "tests" / "nlu").glob("*.yml"))]:
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            for line in (block.get("examples") or "").splitlines():
                line = re.sub(r"\[([^\]]+)\]\{[^}]*\}", r"\1", line.strip().removeprefix("- "))
                if line:
                    found.append(line)
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    before = _rss_mb()
    start = time.perf_counter()
    from bot.deidentify import deidentify, knowledge_keep
    imported = time.perf_counter() - start
    start = time.perf_counter()
    keep = knowledge_keep()
    keep_s = time.perf_counter() - start
    after = _rss_mb()

    from knowledge.validation import load_content

    items = [i.text for i in load_content().items.values()]
    summary = "\n".join(items[:12])  # about the size of a summary download
    for label, texts in (("user sentences (NLU data)", _sentences()),
                         ("knowledge item texts", items),
                         ("summary-sized text", [summary])):
        runs = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            for text in texts:
                deidentify(text, keep)
            runs.append((time.perf_counter() - start) / len(texts) * 1000)
        chars = statistics.mean(len(t) for t in texts)
        print(f"{label:28s} n={len(texts):5d} avg {chars:6.0f} chars: "
              f"{statistics.median(runs):.3f} ms per text (median of {args.repeat})")
    print(f"import {imported * 1000:.0f} ms, organisation list {keep_s * 1000:.0f} ms "
          f"(knowledge content), RSS +{after - before:.0f} MB incl. the content loader")


if __name__ == "__main__":
    main()
