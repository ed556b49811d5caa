"""Benchmark of knowledge search: latency p50/p95 and index build time.

Sizes: the real content, then 1k, 10k and 100k synthetic items made by recombining
sentences, titles and keywords of the real items. Prints numbers only (no assertions).

    python bench/knowledge_search.py [--sizes 1000,10000,100000] [--repeat 3]

bench/run_all.py calls run() and puts the rows into its Markdown report.
"""
from __future__ import annotations

import argparse
import math
import random
import re
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge.base import KnowledgeBase, _item_document  # noqa: E402
from knowledge.config import CONTENT_DIR  # noqa: E402
from knowledge.schema import Content, content_files  # noqa: E402
from knowledge.search import SearchIndex  # noqa: E402
from knowledge.validation import Validator, read_yaml  # noqa: E402

QUERIES = [
    "supported employment", "supportid employment", "werkplekaanpassingen",
    "vermoeidheid", "vermoeidheit", "moe op het werk", "concentratieproblemen",
    "re-integratieplan opstellen", "jobcoach inzetten", "privacy medische gegevens",
    "samen beslissen", "onregelmatige werktijden", "thuiswerken reizen",
    "rechten en plichten werkgever", "ervaringsdeskundige coach", "overbescherming partner",
    "no-risk polis", "gesprek bedrijfsarts voorbereiden", "baas vertellen over ziekte",
    "multidisciplinair revalidatieprogramma",
]


def real_content() -> Content:
    """The real content; items that do not validate yet are skipped (with a note)."""
    validator = Validator()
    for path in content_files(CONTENT_DIR):
        data = read_yaml(path, validator.problems)
        if data is not None:
            validator.add_file(path.name, data)
    validator.check_references()
    if validator.problems:
        print(f"(note: content has {len(validator.problems)} validation problems; "
              f"benchmarking the {len(validator.items)} valid items)")
    return Content(validator.items, validator.resources, validator.conditions)


def synthetic_documents(texts, size, seed=42):
    rng = random.Random(seed)
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if len(s) > 20]
    words = sorted({w for t in texts for w in t.split() if len(w) > 4})
    docs = []
    for _ in range(size):
        title = " ".join(rng.sample(words, 5))
        body = " ".join(rng.sample(sentences, rng.randint(3, 8)))
        keywords = " ".join(rng.sample(words, 4))
        docs.append(f"{title}\n{title}\n{body}\n{keywords}")
    return docs


def measure(index, repeat):
    timings = []
    for _ in range(repeat):
        for query in QUERIES:
            start = time.perf_counter()
            index.top(query, 5)
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[min(len(timings) - 1, int(round(0.95 * len(timings))) - 1)]
    return p50, p95


@dataclass
class SearchRow:
    content: str  # "real" or "synthetic"
    items: int
    build_s: float
    p50_ms: float
    p95_ms: float


@dataclass
class SearchResult:
    kb_build_ms: float  # KnowledgeBase (index + matcher) over the real content
    kb_search_p50_ms: float  # through kb.search's index
    rows: list[SearchRow]


def run(sizes: list[int], repeat: int = 3) -> SearchResult:
    """Search latency over the real content, then over synthetic content of the given sizes."""
    content = real_content()
    start = time.perf_counter()
    kb = KnowledgeBase(content)
    kb_build = time.perf_counter() - start
    texts = [_item_document(item) for item in content.items.values()]
    rows = []
    start = time.perf_counter()
    index = SearchIndex(texts)
    rows.append(SearchRow("real", len(texts), time.perf_counter() - start,
                          *measure(index, repeat)))
    kb_p50 = measure(kb._index, 1)[0]
    for size in sizes:
        docs = synthetic_documents(texts, size)
        start = time.perf_counter()
        index = SearchIndex(docs)
        build = time.perf_counter() - start
        rows.append(SearchRow("synthetic", size, build, *measure(index, repeat)))
        del index, docs
    return SearchResult(kb_build * 1000, kb_p50, rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    result = run([int(s) for s in args.sizes.split(",") if s], args.repeat)
    rows = result.rows
    print(f"KnowledgeBase (index + matcher, real content, {rows[0].items} items) built in "
          f"{result.kb_build_ms:.0f} ms; search via kb.search p50 ~ "
          f"{result.kb_search_p50_ms:.2f} ms")
    print(f"{'content':<10} {'items':>8} {'build (s)':>10} {'p50 (ms)':>9} {'p95 (ms)':>9}")
    for row in rows:
        print(f"{row.content:<10} {row.items:>8} {row.build_s:>10.2f} {row.p50_ms:>9.2f} "
              f"{row.p95_ms:>9.2f}")
    if len(rows) >= 3:
        first, last = rows[1], rows[-1]
        factor = last.items / first.items
        exponent = (math.log(max(last.p50_ms, 1e-9) / max(first.p50_ms, 1e-9))
                    / math.log(factor))
        print(f"Growth {first.items} -> {last.items} items (x{factor:.0f}): index build "
              f"x{last.build_s / first.build_s:.0f} (linear), p50 latency "
              f"x{last.p50_ms / first.p50_ms:.1f} (~ n^{exponent:.2f}: the query only "
              f"touches the index columns of its own terms; typo correction works on the "
              f"vocabulary, which hardly grows).")


if __name__ == "__main__":
    main()
