"""The answer matcher measured: top-1 / top-3 of the knowledge search, lexical only and fused
with the learned matcher (question bank), per audience.

    .venv/bin/python bench/matcher_eval.py          # blind set + the question bank's size
    .venv/bin/python bench/matcher_eval.py --dev    # tune the fusion weight on a dev split

`--dev` holds out every fifth banked message per item and measures how well the remaining
bank finds their item, for several fusion weights: the weight in knowledge/base.py is chosen
there, never on a test set. The blind set (tests/knowledge/blind_matcher_set.yaml) was written
by someone who saw the items but neither the question bank nor any evaluation set.
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
WEIGHTS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0)


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


def dev_split() -> None:
    from knowledge.base import KnowledgeBase

    content = _content()
    train_items, cases = {}, []
    for ident, item in content.items.items():
        held = [m for i, m in enumerate(item.asked) if i % 5 == 4]
        train_items[ident] = replace(item, asked=tuple(m for i, m in enumerate(item.asked)
                                                       if i % 5 != 4))
        audience = item.audiences[0]
        cases += [(audience, message, (ident,)) for message in held]
    kb = KnowledgeBase(replace(content, items=train_items))
    print(f"dev split: {len(cases)} held-out banked messages")
    for weight in WEIGHTS:
        kb.learned_weight = weight
        print(f"  learned weight {weight:.1f}: {summary(ranks(kb, cases))}")


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
