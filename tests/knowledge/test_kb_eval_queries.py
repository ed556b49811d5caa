"""HELD-OUT evaluation of the free-text search on the REAL content, as users would type it.

The query set lives in eval_queries.yaml and is kept SEPARATE from any data used to tune the
search (content keywords, vocabulary.QUERY_SYNONYMS, test_kb_search.py, bench/). Never add
these queries to the content or to the synonym list, never rephrase them to suit the engine
and never lower the bar: when the hit rate drops, improve the search in a general way.

A query passes when any acceptable item id is among the top 3 hits; top-1 is recorded too.
Run with `-s` to see the report:
    .venv/bin/python -m pytest tests/knowledge/test_kb_eval_queries.py -q -s
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from knowledge.config import CONTENT_DIR

EVAL_FILE = Path(__file__).resolve().parent / "eval_queries.yaml"
TOP_K = 3
MIN_TOP3_RATE = 0.85
MIN_QUERIES = 50
MIN_RESOURCE_QUERIES = 10


def _load():
    with open(EVAL_FILE, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


EVAL = _load()
QUERIES = EVAL["queries"]
RESOURCE_QUERIES = EVAL["resources"]


# -- sanity of the evaluation set itself -------------------------------------------------
def test_eval_set_is_well_formed(real_kb):
    """Enough varied queries, every expected id exists, all chapters and sources covered."""
    assert len(QUERIES) >= MIN_QUERIES
    texts = [q["query"] for q in QUERIES]
    assert len(set(texts)) == len(texts), "duplicate queries"
    unknown = sorted({i for q in QUERIES for i in q["expected"] if real_kb.get_item(i) is None})
    assert not unknown, f"expected ids not in the content: {unknown}"
    for q in QUERIES:
        assert q["expected"], q["query"]
        assert q.get("audience") in (None, "werkende", "werkzoekende", "professional", "werkgever")
        if q.get("audience"):  # an expected item must be visible to that audience
            assert any(q["audience"] in real_kb.get_item(i).audiences for i in q["expected"]), \
                q["query"]

    covered = set()
    for q in QUERIES:
        for item_id in q["expected"]:
            source = real_kb.get_item(item_id).source
            if source.document == "richtlijn" and source.section[:1] in "1234":
                covered.add(f"richtlijn-h{source.section[:1]}")
            else:
                covered.add(source.document)
    wanted = {"richtlijn-h1", "richtlijn-h2", "richtlijn-h3", "richtlijn-h4", "ser",
              "zelfmanagement", "visie", "zorgbasics"}
    assert wanted <= covered, f"not covered: {sorted(wanted - covered)}"
    groups = Counter(q.get("group") for q in QUERIES)
    assert {"professional", "werkende", "werkgever", "vlaams", "compound"} <= set(groups), groups

    assert len(RESOURCE_QUERIES) >= MIN_RESOURCE_QUERIES
    for q in RESOURCE_QUERIES:
        resources = [real_kb.get_resource(i) for i in q["expected"]]
        assert all(resources), f"unknown resource id in {q['expected']}"
        assert q["url"] in {r.url for r in resources}, \
            f"{q['query']!r}: {q['url']} is not the address of {q['expected']}"


# -- the evaluation --------------------------------------------------------------------------
def _evaluate(kb):
    rows = []
    for q in QUERIES:
        hits = kb.search(q["query"], audience=q.get("audience"), limit=TOP_K)
        got = [h.item.id for h in hits]
        expected = set(q["expected"])
        rows.append({
            "query": q["query"], "audience": q.get("audience"), "group": q.get("group", ""),
            "expected": q["expected"], "got": got,
            "scores": [h.score for h in hits],
            "top1": bool(got) and got[0] in expected,
            "top3": bool(expected.intersection(got)),
        })
    return rows


def _report(rows) -> str:
    n = len(rows)
    top1 = sum(r["top1"] for r in rows) / n
    top3 = sum(r["top3"] for r in rows) / n
    lines = [f"\n=== held-out search evaluation: {n} queries | top-1 {top1:.3f} | "
             f"top-3 {top3:.3f} (bar {MIN_TOP3_RATE}) ==="]
    per_group = {}
    for r in rows:
        stats = per_group.setdefault(r["group"], [0, 0, 0])
        stats[0] += 1
        stats[1] += r["top1"]
        stats[2] += r["top3"]
    for group, (count, t1, t3) in sorted(per_group.items()):
        lines.append(f"  {group:<14} n={count:<3} top-1 {t1 / count:.2f}  top-3 {t3 / count:.2f}")
    failures = [r for r in rows if not r["top3"]]
    lines.append(f"--- {len(failures)} queries without an acceptable hit in the top {TOP_K}:")
    for r in failures:
        audience = f" [{r['audience']}]" if r["audience"] else ""
        got = ", ".join(f"{i} ({s:.3f})" for i, s in zip(r["got"], r["scores"])) or "(nothing)"
        lines.append(f"  Q: {r['query']}{audience}\n     expected any of: "
                     f"{', '.join(r['expected'])}\n     got top-{TOP_K}: {got}")
    misses1 = [r for r in rows if r["top3"] and not r["top1"]]
    lines.append(f"--- {len(misses1)} queries found in the top {TOP_K} but not at top 1:")
    for r in misses1:
        lines.append(f"  Q: {r['query']} -> top-1 {r['got'][0]}")
    return "\n".join(lines)


def test_held_out_top3_hit_rate(real_kb):
    rows = _evaluate(real_kb)
    report = _report(rows)
    print(report)
    top3 = sum(r["top3"] for r in rows) / len(rows)
    assert top3 >= MIN_TOP3_RATE, report


def test_held_out_organisation_questions(real_kb):
    failures = []
    lines = []
    for q in RESOURCE_QUERIES:
        expected = set(q["expected"])
        if q["via"] == "search":
            window = TOP_K
            found = [h.resource for h in real_kb.search_resources(q["query"])[:window]]
        elif q["via"] == "resources_for":
            window = q.get("within", 1)
            found = real_kb.resources_for(q["query"])[:window]
        else:  # pragma: no cover - malformed eval file
            raise AssertionError(f"unknown via: {q['via']}")
        ids = [r.id for r in found]
        hit = [r for r in found if r.id in expected]
        ok = bool(hit) and q["url"] in {r.url for r in real_kb.content.resources.values()
                                        if r.id in expected}
        lines.append(f"  {'ok  ' if ok else 'FAIL'} {q['via']:<13} {q['query']!r} -> {ids}")
        if not ok:
            failures.append(f"{q['query']!r} ({q['via']}, top {window}): expected any of "
                            f"{sorted(expected)}, got {ids}")
    rate = 1 - len(failures) / len(RESOURCE_QUERIES)
    print(f"\n=== organisation questions: {len(RESOURCE_QUERIES)} | hit rate {rate:.3f} ===")
    print("\n".join(lines))
    assert not failures, "\n".join(failures)
