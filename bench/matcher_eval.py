"""The answer matcher measured: top-1 / top-3 of the knowledge search, lexical only and fused
with the learned matcher (question bank), per audience.

    .venv/bin/python bench/matcher_eval.py          # blind set + the question bank's size
    .venv/bin/python bench/matcher_eval.py --dev    # tune the fusion weight on a dev split

`--dev` measures, for several fusion weights, the dev set (bench/data/matcher_dev_*.yaml,
written by another independent writer who saw the items only) and a split of the bank (every
fifth banked message per item held out, found by the rest); then, for the answer thresholds in
actions/replies.py, the share of answerable dev messages scoring below each threshold and of
the out-of-scope examples of the NLU data scoring at or above it. The weight in
knowledge/base.py and those thresholds are chosen there, never on a test set. The blind set
(tests/knowledge/blind_matcher_set.yaml) was written by someone who saw the items but neither
the question bank nor any evaluation set.
"""
from __future__ import annotations

import argparse
import statistics
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BLIND = ROOT / "tests" / "knowledge" / "blind_matcher_set.yaml"
DEV_SETS = sorted((ROOT / "bench" / "data").glob("matcher_dev_*.yaml"))
OUT_OF_SCOPE = ROOT / "data" / "nlu" / "out_of_scope.yml"
WEIGHTS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0)
THRESHOLDS = (0.03, 0.05, 0.08, 0.1, 0.12, 0.15, 0.2)


def _content():
    from knowledge.validation import load_content

    return load_content()


def ranks(kb, cases: Sequence[Tuple[str, str, Sequence[str]]]) -> List[int]:
    """Rank (1-based, 99 when not in the top 10) of the first right item per case."""
    result = []
    for audience, message, right in cases:
        hits = kb.search(message, audience=audience, limit=10,
                         prefer_advice=audience in ("werkende", "werkzoekende"))
        ids = [h.item.id for h in hits]
        result.append(next((i + 1 for i, ident in enumerate(ids) if ident in right), 99))
    return result


def summary(found: List[int]) -> str:
    n = len(found)
    return (f"top-1 {sum(r == 1 for r in found) / n:.3f}, "
            f"top-3 {sum(r <= 3 for r in found) / n:.3f} (n={n})")


def _cases(paths: Sequence[Path]) -> List[Tuple[str, str, Tuple[str, ...]]]:
    cases = []
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
        cases += [(c["audience"], c["message"], tuple(c["right"])) for c in data]
    return cases


def _out_of_scope() -> List[str]:
    from tests.support.nlu_files import read_examples, strip_annotations

    return [strip_annotations(e) for e in read_examples(OUT_OF_SCOPE)["out_of_scope"]]


def _best_score(kb, audience: str, message: str) -> float:
    hits = kb.search(message, audience=audience, limit=1)
    return hits[0].score if hits else 0.0


def dev_split() -> None:
    from knowledge.base import LEARNED_WEIGHT, KnowledgeBase

    content = _content()
    train_items, held = {}, []
    for ident, item in content.items.items():
        train_items[ident] = replace(item, asked=tuple(m for i, m in enumerate(item.asked)
                                                       if i % 5 != 4))
        held += [(item.audiences[0], m, (ident,)) for i, m in enumerate(item.asked) if i % 5 == 4]
    dev = _cases(DEV_SETS)
    split_kb, full_kb = KnowledgeBase(replace(content, items=train_items)), KnowledgeBase(content)
    print(f"dev set: {len(dev)} messages ({len(DEV_SETS)} files); bank split: {len(held)} "
          "held-out banked messages (one right item each)")
    for weight in WEIGHTS:
        split_kb.learned_weight = full_kb.learned_weight = weight
        print(f"  learned weight {weight:.1f}: dev set {summary(ranks(full_kb, dev))}; "
              f"bank split {summary(ranks(split_kb, held))}")
    full_kb.learned_weight = LEARNED_WEIGHT
    answerable = [_best_score(full_kb, a, m) for a, m, _ in dev]
    outside = [_best_score(full_kb, "werkende", m) for m in _out_of_scope()]
    print(f"thresholds at weight {full_kb.learned_weight} (dev set n={len(answerable)}, "
          f"out-of-scope examples n={len(outside)}):")
    for threshold in THRESHOLDS:
        below = sum(s < threshold for s in answerable) / max(1, len(answerable))
        above = sum(s >= threshold for s in outside) / max(1, len(outside))
        print(f"  {threshold:.2f}: answerable below {below:.1%}, out of scope at or above "
              f"{above:.1%}")


def blind() -> None:
    from knowledge.base import KnowledgeBase

    content = _content()
    counts = [len(item.asked) for item in content.items.values()]
    print(f"question bank: {sum(counts)} messages for {len(counts)} items; per item min "
          f"{min(counts)}, median {statistics.median(counts)}; items with >= 8: "
          f"{sum(c >= 8 for c in counts) / len(counts):.0%}")
    if not BLIND.exists():
        print(f"(no blind set at {BLIND})")
        return
    data = yaml.safe_load(BLIND.read_text(encoding="utf-8"))["cases"]
    cases = [(c["audience"], c["message"], tuple(c["right"])) for c in data]
    kb = KnowledgeBase(content)
    fused_weight = kb.learned_weight
    for label, weight in (("lexical only", 0.0), (f"fused (weight {fused_weight})",
                                                  fused_weight)):
        kb.learned_weight = weight
        found = ranks(kb, cases)
        per: Dict[str, List[int]] = defaultdict(list)
        for (audience, _, _), rank in zip(cases, found):
            per["werker" if audience in ("werkende", "werkzoekende") else audience].append(rank)
        print(f"blind set, {label}: {summary(found)}")
        for audience, values in sorted(per.items()):
            print(f"    {audience:12s} {summary(values)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", action="store_true", help="tune on a dev split of the bank")
    args = parser.parse_args()
    if args.dev:
        dev_split()
    else:
        blind()


if __name__ == "__main__":
    main()
