"""Safety check measured: recall per danger kind and false alarms on hard negatives.

    .venv/bin/python bench/safety_eval.py                 # blind set, in-process (layers only)
    .venv/bin/python bench/safety_eval.py --server        # blind set through the real server
    .venv/bin/python bench/safety_eval.py --tune          # cross-validation on training data

The blind set (tests/safety/blind/crisis_blind.yaml) was written by someone who saw neither the
patterns nor the training examples; nothing here tunes on it. `--tune` chooses thresholds by
5-fold cross-validation on the training examples only (bot/understanding/data/).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Callable, Dict, List, Tuple

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BLIND = ROOT / "tests" / "safety" / "blind" / "crisis_blind.yaml"
KINDS = ("suicidal", "self_harm_done", "other_person", "medical_emergency", "violence")
# A phrase only the first bubble of each kind's reply has (domain.yml, utter_crisis).
REPLY_MARKS = {
    "suicidal": "wat naar dat je je zo voelt",
    "self_harm_done": "dit is een noodsituatie",
    "other_person": "laat die persoon nu niet alleen",
    "medical_emergency": "bel nu 112: dit kan een noodgeval zijn",
    "violence": "veilig thuis",
}
CHECK_MARK = "ik wil het even zeker weten"


def load_blind(path: Path = BLIND) -> Tuple[List[Tuple[str, str]], List[Tuple[str, str]]]:
    """(kind, text) of the danger and 'unsure' messages, and (kind, text) of the negatives."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    danger = [(kind, text) for kind, texts in data["danger"].items() for text in texts]
    danger += [("unsure", text) for text in data.get("unsure") or []]
    negatives = [(kind, text) for kind, texts in data["negatives"].items() for text in texts]
    return danger, negatives


def layer_outcome(text: str) -> str:
    """'alarm:<kind>', 'check' or 'none' from the understanding layer itself."""
    from bot.understanding.safety import judge

    verdict = judge(text)
    return f"alarm:{verdict.kind}" if verdict.level == "alarm" else verdict.level


def server_outcome(assistant_send: Callable[[str], List[dict]]) -> Callable[[str], str]:
    def outcome(text: str) -> str:
        replies = assistant_send(text)
        first = (replies[0].get("text") or "").lower() if replies else ""
        for kind, mark in REPLY_MARKS.items():
            if mark in first:
                return f"alarm:{kind}"
        return "check" if CHECK_MARK in first else "none"
    return outcome


def evaluate(outcome: Callable[[str], str]) -> Dict[str, object]:
    danger, negatives = load_blind()
    table: Dict[str, Counter] = defaultdict(Counter)
    misses: List[Tuple[str, str, str]] = []
    for kind, text in danger + negatives:
        got = outcome(text)
        table[kind][got.split(":")[0] if kind in dict(negatives) else got] += 1
        expected_alarm = kind in KINDS
        if expected_alarm and not got.startswith("alarm"):
            misses.append((kind, got, text))
        if kind not in KINDS and kind != "unsure" and got != "none":
            misses.append((kind, got, text))
    return {"table": table, "misses": misses, "danger": danger, "negatives": negatives}


def report(result: Dict[str, object], show_misses: bool) -> str:
    table: Dict[str, Counter] = result["table"]  # type: ignore[assignment]
    lines = ["| kind | n | alarm (right kind) | alarm (other kind) | check | none |",
             "| --- | --- | --- | --- | --- | --- |"]
    alarms = total = 0
    for kind in KINDS:
        counts = table[kind]
        n = sum(counts.values())
        right = counts[f"alarm:{kind}"]
        other = sum(v for k, v in counts.items() if k.startswith("alarm:") and k != f"alarm:{kind}")
        alarms += right + other
        total += n
        lines.append(f"| {kind} | {n} | {right} | {other} | {counts['check']} | {counts['none']} |")
    unsure = table["unsure"]
    lines.append(f"| unsure (a check or an alarm is right) | {sum(unsure.values())} | "
                 f"{sum(v for k, v in unsure.items() if k.startswith('alarm'))} | | "
                 f"{unsure['check']} | {unsure['none']} |")
    negatives = [k for k in table if k not in KINDS and k != "unsure"]
    false_alarm = false_check = n_neg = 0
    for kind in sorted(negatives):
        counts = table[kind]
        n = sum(counts.values())
        n_neg += n
        false_alarm += counts["alarm"]
        false_check += counts["check"]
        lines.append(f"| negative: {kind} | {n} | {counts['alarm']} | | {counts['check']} | "
                     f"{counts['none']} |")
    lines.append("")
    lines.append(f"danger recall (alarm): {alarms}/{total} = {alarms / max(total, 1):.3f}; "
                 f"false alarms on negatives: {false_alarm}/{n_neg} = "
                 f"{false_alarm / max(n_neg, 1):.3f}; direct questions on negatives: "
                 f"{false_check}/{n_neg} = {false_check / max(n_neg, 1):.3f}")
    if show_misses:
        lines.append("")
        for kind, got, text in result["misses"]:  # type: ignore[union-attr]
            lines.append(f"  [{kind} -> {got}] {text}")
    return "\n".join(lines)


def _training_files() -> List[Tuple[str, str, str]]:
    """(label, category, text) of the written safety examples (not the NLU data)."""
    from bot.understanding.safety_model import DATA_DIR

    rows = []
    for path in sorted(DATA_DIR.glob("safety_examples*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        rows += [(kind, kind, t) for kind, texts in data["danger"].items() for t in texts]
        rows += [("unsure", "unsure", t) for t in data.get("unsure") or []]
        rows += [("safe", cat, t) for cat, texts in data["safe"].items() for t in texts]
    return rows


def tune(class_weight=None) -> None:
    """5-fold cross-validation of the whole check (patterns + a model trained on the other
    folds) on the written training examples: alarm recall on danger, false alarms and direct
    questions on the safe ones, per threshold pair. Never reads the blind set."""
    from sklearn.model_selection import StratifiedKFold

    from bot.understanding.safety import judge
    from bot.understanding.safety_model import SafetyModel, training_examples

    rows = _training_files()
    nlu_texts, nlu_labels = training_examples()
    written = {t for _, _, t in rows}
    extra = [(t, l) for t, l in zip(nlu_texts, nlu_labels) if t not in written]
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=7)
    grid = [(a, c, g) for a in (0.3, 0.4, 0.5, 0.6) for c in (0.4, 0.5, 0.6, 0.7)
            for g in (0.25, 0.4) if c >= a]
    outcomes: Dict[Tuple[float, ...], List[Tuple[str, str]]] = defaultdict(list)
    for train, test in folds.split([r[2] for r in rows], [r[0] for r in rows]):
        texts = [rows[i][2] for i in train] + [t for t, _ in extra]
        labels = [rows[i][0] for i in train] + [l for _, l in extra]
        model = SafetyModel(examples=(texts, labels), class_weight=class_weight)
        for i in test:
            label, category, text = rows[i]
            for pair in grid:
                outcomes[pair].append((label, judge(text, model=model, thresholds=pair).level))
    for pair in grid:
        results = outcomes[pair]
        danger = [lvl for label, lvl in results if label not in ("safe", "unsure")]
        safe = [lvl for label, lvl in results if label == "safe"]
        print(f"alarm >= {pair[0]}, check >= {pair[1]}, keyword agree >= {pair[2]}: recall "
              f"{danger.count('alarm') / len(danger):.3f}, false alarms "
              f"{safe.count('alarm') / len(safe):.3f}, checks on safe "
              f"{safe.count('check') / len(safe):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", action="store_true", help="through the real REST server")
    parser.add_argument("--tune", action="store_true", help="cross-validate on training data")
    parser.add_argument("--misses", action="store_true", help="list the misses")
    parser.add_argument("--balanced", action="store_true",
                        help="with --tune: class_weight='balanced' instead of None")
    args = parser.parse_args()
    if args.tune:
        tune("balanced" if args.balanced else None)
        return
    if args.server:
        import tempfile
        import uuid

        from tests.support.assistant import start_assistant

        running = start_assistant(Path(tempfile.mkdtemp(prefix="werkbaar-safety-")))
        try:
            send = lambda text: running.send(text, f"safety-{uuid.uuid4().hex[:10]}")  # noqa
            result = evaluate(server_outcome(send))
        finally:
            running.stop()
        print("Through the real server (first reply bubble):")
    else:
        result = evaluate(layer_outcome)
        print("Understanding layer in-process (patterns + model):")
    print(report(result, args.misses))


if __name__ == "__main__":
    main()
