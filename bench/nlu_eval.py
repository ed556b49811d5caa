"""Intent recognition on the sealed held-out set: the classifier alone (DIET) and the full
pipeline (DIET + the understanding rules + the fallback), per intent.

    .venv/bin/python bench/nlu_eval.py [--model models/werkbaar-....tar.gz] [--set FILE]

The sealed set (tests/sealed/nlu_sealed_v1.yml) was written blind and is read by nothing else
but this script and its test: no rule, no rule's test, no tuning. Both numbers come from one
pass: the understanding component records the classifier's own intent in the parse data
(`understanding.classifier`) before any rule acts.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Dict, List, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEALED = ROOT / "tests" / "sealed" / "nlu_sealed_v1.yml"


def sealed_examples(path: Path = SEALED) -> List[Tuple[str, str]]:
    from tests.support.nlu_files import read_examples, strip_annotations

    return [(intent, strip_annotations(text)) for intent, texts in read_examples(path).items()
            for text in texts]


async def _parse_all(model: Path, texts: List[str]) -> List[dict]:
    import logging

    from rasa.core.agent import Agent

    logging.getLogger().setLevel(logging.WARNING)
    for name in ("rasa", "tensorflow", "absl"):
        logging.getLogger(name).setLevel(logging.ERROR)

    agent = Agent.load(str(model))
    return [await agent.parse_message(text) for text in texts]


def scores(gold: List[str], predicted: List[str]) -> Dict[str, Dict[str, float]]:
    from sklearn.metrics import precision_recall_fscore_support

    labels = sorted(set(gold))
    precision, recall, f1, support = precision_recall_fscore_support(
        gold, predicted, labels=labels, zero_division=0)
    result = {label: {"precision": float(p), "recall": float(r), "f1": float(f),
                      "support": int(s)}
              for label, p, r, f, s in zip(labels, precision, recall, f1, support)}
    result["macro"] = {"f1": sum(v["f1"] for v in result.values()) / len(labels),
                       "accuracy": sum(g == p for g, p in zip(gold, predicted)) / len(gold)}
    return result


def evaluate(model: Path, path: Path = SEALED) -> Dict[str, Dict[str, Dict[str, float]]]:
    examples = sealed_examples(path)
    parsed = asyncio.run(_parse_all(model, [text for _, text in examples]))
    gold = [intent for intent, _ in examples]
    pipeline = [p["intent"]["name"] for p in parsed]
    diet = [(p.get("understanding") or {}).get("classifier") or p["intent"]["name"]
            for p in parsed]
    return {"diet": scores(gold, diet), "pipeline": scores(gold, pipeline),
            "errors": [{"text": t, "gold": g, "pipeline": pi, "diet": d}  # type: ignore[dict-item]
                       for (g, t), pi, d in zip(examples, pipeline, diet) if g != pi]}


def table(result: Dict[str, Dict[str, Dict[str, float]]]) -> str:
    diet, pipeline = result["diet"], result["pipeline"]
    lines = ["| intent | n | DIET F1 | pipeline F1 | pipeline P | pipeline R |",
             "| --- | --- | --- | --- | --- | --- |"]
    for label in sorted(k for k in pipeline if k != "macro"):
        d, p = diet[label], pipeline[label]
        lines.append(f"| {label} | {p['support']} | {d['f1']:.2f} | {p['f1']:.2f} | "
                     f"{p['precision']:.2f} | {p['recall']:.2f} |")
    lines.append(f"| **macro** | {sum(v['support'] for k, v in pipeline.items() if k != 'macro')}"
                 f" | {diet['macro']['f1']:.3f} | {pipeline['macro']['f1']:.3f} | | |")
    lines.append(f"accuracy: DIET {diet['macro']['accuracy']:.3f}, "
                 f"pipeline {pipeline['macro']['accuracy']:.3f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, help="default: train or reuse the current model")
    parser.add_argument("--set", type=Path, default=SEALED)
    parser.add_argument("--json", type=Path, help="write the full result here")
    args = parser.parse_args()
    model = args.model
    if model is None:
        from bot.training import ensure_trained

        model = ensure_trained(echo=lambda *_: None)
    result = evaluate(model, args.set)
    print(table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
