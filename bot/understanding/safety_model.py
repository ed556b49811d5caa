"""The trained layer of the safety check: a classifier over danger kinds.

Trained on `data/safety_examples*.yaml` (danger by kind, ambiguous messages, hard negatives) plus
every non-crisis example of the NLU training data as ordinary messages. Features: character
n-grams (typos, inflection, compounds) and word n-grams; a logistic regression gives a
probability per label. Training takes about a second, so the model is trained once per process
when first needed (deterministic: same data, same model). No Rasa imports.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Tuple

import yaml

from knowledge.text import fold

DATA_DIR = Path(__file__).parent / "data"
NLU_DIR = Path(__file__).resolve().parents[2] / "data" / "nlu"
SAFE, UNSURE = "safe", "unsure"
_ANNOTATION = re.compile(r"\[([^\]]+)\](?:\{[^}]*\}|\([^)]*\))")


def _nlu_examples() -> Iterable[Tuple[str, str]]:
    """(intent, text) of the NLU training data, annotations stripped."""
    for path in sorted(NLU_DIR.glob("*.yml")):
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            if "intent" not in block:
                continue
            for line in (block.get("examples") or "").splitlines():
                text = _ANNOTATION.sub(r"\1", line.strip().removeprefix("- ")).strip()
                if text:
                    yield block["intent"], text


def _condition_mentions() -> List[str]:
    """'ik heb ms', 'copd', 'ik heb last van reuma': naming one's condition is the most common
    message there is (the interview's first question). From the knowledge content's names and
    aliases, so every condition it knows is ordinary."""
    from bot.understanding.content import knowledge_content

    texts: List[str] = []
    for condition in knowledge_content().conditions.values():
        for name in {condition.name.lower(), *condition.aliases}:
            texts += [name, f"ik heb {name}", f"ik heb last van {name}"]
    return texts


def training_examples(data_dir: Path = DATA_DIR) -> Tuple[List[str], List[str]]:
    """Texts and labels: danger kinds, 'unsure' and 'safe'."""
    texts: List[str] = []
    labels: List[str] = []
    for path in sorted(data_dir.glob("safety_examples*.yaml")):
        _add_file(path, texts, labels)
    for text in _condition_mentions():
        texts.append(text)
        labels.append(SAFE)
    for intent, text in _nlu_examples():
        if intent in ("crisis", "crisis_check"):
            texts.append(text)
            labels.append("suicidal" if intent == "crisis" else UNSURE)
        elif intent != "other_language":
            texts.append(text)
            labels.append(SAFE)
    return texts, labels


def _add_file(path: Path, texts: List[str], labels: List[str]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for kind, examples in (data.get("danger") or {}).items():
        texts += examples
        labels += [kind] * len(examples)
    texts += data.get("unsure") or []
    labels += [UNSURE] * len(data.get("unsure") or [])
    for examples in (data.get("safe") or {}).values():
        texts += examples
        labels += [SAFE] * len(examples)


# Class weights of the logistic regression: None (the data's own proportions; see
# bench/safety_eval.py --tune for the comparison with 'balanced').
CLASS_WEIGHT = None


def make_pipeline(class_weight=CLASS_WEIGHT):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    features = FeatureUnion([
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True,
                                  min_df=2, preprocessor=fold)),
        ("words", TfidfVectorizer(analyzer="word", ngram_range=(1, 3), sublinear_tf=True,
                                  preprocessor=fold, token_pattern=r"(?u)\b\w+\b")),
    ])
    model = LogisticRegression(C=8.0, max_iter=2000, class_weight=class_weight)
    return Pipeline([("features", features), ("model", model)])


@dataclass(frozen=True)
class ModelVerdict:
    """Probabilities per label; `danger` is the sum over the danger kinds."""
    probabilities: Dict[str, float]

    @property
    def danger(self) -> float:
        return sum(p for label, p in self.probabilities.items() if label not in (SAFE, UNSURE))

    @property
    def unsure(self) -> float:
        return self.probabilities.get(UNSURE, 0.0)

    @property
    def kind(self) -> str:
        """The most likely danger kind (whatever the danger probability)."""
        kinds = {k: p for k, p in self.probabilities.items() if k not in (SAFE, UNSURE)}
        return max(kinds, key=kinds.get) if kinds else ""


class SafetyModel:
    def __init__(self, data_dir: Path = DATA_DIR, examples: Tuple[List[str], List[str]] = None,
                 class_weight=CLASS_WEIGHT):
        texts, labels = examples or training_examples(data_dir)
        self.pipeline = make_pipeline(class_weight).fit(texts, labels)
        self.labels = list(self.pipeline.classes_)

    def judge(self, text: str) -> ModelVerdict:
        probabilities = self.pipeline.predict_proba([text or ""])[0]
        return ModelVerdict({label: float(p) for label, p in zip(self.labels, probabilities)})


@lru_cache(maxsize=1)
def safety_model() -> SafetyModel:
    return SafetyModel()
