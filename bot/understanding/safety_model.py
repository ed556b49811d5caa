"""The trained layer of the safety check: a classifier over danger kinds.

Trained on `data/safety_examples*.yaml` (danger by kind, ambiguous messages, hard negatives) plus
every non-crisis example of the NLU training data as ordinary messages. Features: character
n-grams (typos, inflection, compounds) and word n-grams of the text with negated clauses marked
(`mark_negation`); a logistic regression gives a probability per label. Training takes about
nine seconds on two cores (~13,400 examples since session 7; it was three), so the model is
trained once per process when first needed (deterministic: same data, same model); judging a
message takes about 2.5 ms. No Rasa imports.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Tuple

import numpy as np
import yaml

from knowledge.text import fold, sentences

DATA_DIR = Path(__file__).parent / "data"
NLU_DIR = Path(__file__).resolve().parents[2] / "data" / "nlu"
ASKED_DIR = Path(__file__).resolve().parents[2] / "knowledge" / "content" / "asked"
SAFE, UNSURE = "safe", "unsure"
_ANNOTATION = re.compile(r"\[([^\]]+)\](?:\{[^}]*\}|\([^)]*\))")
# libyaml's loader reads the data in a fiftieth of the time (the model is trained at start).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)


def _nlu_examples() -> Iterable[Tuple[str, str]]:
    """(intent, text) of the NLU training data, annotations stripped."""
    for path in sorted(NLU_DIR.glob("*.yml")):
        for block in (_load(path) or {}).get("nlu", []):
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


def _question_bank() -> List[str]:
    """How people ask about work and illness (knowledge/content/asked/): ~3,000 ordinary
    messages from other writers, in chat language, with the words that also occur in danger
    ('bang', 'stoppen', 'kan niet meer', 'weet niet of het gaat') used about work and money."""
    texts: List[str] = []
    for path in sorted(ASKED_DIR.glob("*.yaml")):
        for messages in ((_load(path) or {}).get("asked") or {}).values():
            texts += [m for m in messages or [] if isinstance(m, str)]
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
    for text in _question_bank():
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
    data = _load(path)
    for kind, examples in (data.get("danger") or {}).items():
        texts += examples
        labels += [kind] * len(examples)
    texts += data.get("unsure") or []
    labels += [UNSURE] * len(data.get("unsure") or [])
    safe = data.get("safe") or {}
    for examples in (safe.values() if isinstance(safe, dict) else [safe]):  # grouped or a list
        texts += examples
        labels += [SAFE] * len(examples)


# --- Negation -------------------------------------------------------------------------------
# A bag of n-grams reads 'ik wil niet dood' like 'ik wil dood'. So the word features see every
# token of a negated clause with a prefix: 'neg_ik neg_wil niet neg_dood'. A clause ends at
# punctuation or a word that turns the sentence ('maar', 'wel', 'alleen' ...), so
# 'ik heb geen zelfmoordgedachten maar ik heb net al mijn pillen genomen' keeps its second half.
# The whole clause is marked, not only what follows the negation: Dutch puts 'niet' after the
# object ('ik doe mezelf niks aan', 'ik heb mezelf niet gesneden').
# Wordings whose negation *is* the signal stay as they are: 'niet meer leven', 'ik kan niet
# meer', 'geen zin meer', 'geen reden', 'geen uitweg'. 'niet meer' of an act is a denial again
# ('ik snij mezelf al jaren niet meer'). A negation the model must learn the other way round
# ('ik wil niet wakker worden') gets its own features, learnt from examples.
NEGATIONS = frozenset({"niet", "nie", "ni", "geen", "gene", "nooit", "niks", "niets",
                       "allerminst", "geenszins"})
CLAUSE_TURNS = frozenset({"maar", "wel", "alleen", "behalve", "toch", "want", "omdat", "en",
                          "dus", "terwijl", "hoewel", "integendeel", "juist"})
_NO_MORE = frozenset({"meer", "langer"})                  # within three words after
# ... of living, going on or wanting: 'niet meer leven', 'kan niet meer', 'geen zin meer'.
_LIFE = frozenset({"leven", "levend", "zijn", "ben", "is", "was", "er", "wezen", "bestaan",
                   "wakker", "verder", "door", "doorgaan", "kan", "kon", "kun", "wil", "wou",
                   "wilt", "hoef", "hoeft", "zin", "reden", "hoop", "toekomst", "uitweg", "zitten",
                   "aan", "vol", "nodig", "op", "trek", "toe"})
_STILL_SIGNAL_NEXT = frozenset({"uitweg", "reden", "toekomst", "hoop", "oplossing",
                                "perspectief", "uitkomst"})
NEGATED = "neg_"
_TOKEN = re.compile(r"[\w']+|[^\w\s]")


def _clauses(tokens: List[str]) -> List[List[str]]:
    """Tokens split into clauses; punctuation (anything not a word or '-') is a clause alone."""
    clauses: List[List[str]] = [[]]
    for token in tokens:
        if not (token[0].isalnum() or token[0] in "_'") and token != "-":
            clauses += [[token], []]
        elif token in CLAUSE_TURNS:
            clauses.append([token])
        else:
            clauses[-1].append(token)
    return [c for c in clauses if c]


def _negates(clause: List[str], i: int) -> bool:
    if clause[i] not in NEGATIONS:
        return False
    if any(t in _NO_MORE for t in clause[i + 1:i + 4]) and any(t in _LIFE for t in clause):
        return False
    return not (i + 1 < len(clause) and clause[i + 1] in _STILL_SIGNAL_NEXT)


def mark_negation(text: str) -> str:
    """Folded text, tokens of a negated clause prefixed with `NEGATED` (the negation itself
    not): 'Ik wil niet dood, wel rust' -> 'neg_ik neg_wil niet neg_dood , wel rust'."""
    out: List[str] = []
    for clause in _clauses(_TOKEN.findall(fold(text or ""))):
        cues = [i for i in range(len(clause)) if _negates(clause, i)]
        out += [t if not cues or i in cues else NEGATED + t for i, t in enumerate(clause)]
    return " ".join(out)


def negated(text: str) -> bool:
    """Whether a clause of the text is negated (`mark_negation` marks it)."""
    return NEGATED in mark_negation(text)


# Class weights of the logistic regression: None (the data's own proportions; see
# bench/safety_eval.py --tune for the comparison with 'balanced').
CLASS_WEIGHT = None


def make_pipeline(class_weight=CLASS_WEIGHT):
    """Character 2-4-grams of the folded text (typos, inflection, compounds) and word 1-2-grams
    of the negation-marked text; by cross-validation (bench/safety_eval.py --tune) these beat
    3-5-grams and word trigrams, and train in half the time. Newton-CG fits the same model as
    the default L-BFGS at a fraction of the time (the model is trained at process start)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    features = FeatureUnion([
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True,
                                  min_df=2, preprocessor=fold)),
        ("words", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                                  preprocessor=mark_negation, token_pattern=r"(?u)\b\w+\b")),
    ])
    model = LogisticRegression(C=8.0, max_iter=2000, class_weight=class_weight,
                               solver="newton-cg")
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


# Naming one's condition is the most common message there is, and short: its examples count
# more, so 'ik heb ME' never sounds like 'ik heb me ...' of the self-harm examples.
MENTION_WEIGHT = 2.0


class SafetyModel:
    def __init__(self, data_dir: Path = DATA_DIR, examples: Tuple[List[str], List[str]] = None,
                 class_weight=CLASS_WEIGHT):
        from threadpoolctl import threadpool_limits

        texts, labels = examples or training_examples(data_dir)
        mentions = set(_condition_mentions())
        weights = [MENTION_WEIGHT if text in mentions else 1.0 for text in texts]
        # One BLAS thread: the products are small, and threads only wait on a busy machine.
        with threadpool_limits(limits=1):
            self.pipeline = make_pipeline(class_weight).fit(texts, labels,
                                                            model__sample_weight=weights)
        self.labels = list(self.pipeline.classes_)
        # The pipeline's own predict_proba spends part of its 2.2 ms per message on checks and
        # plumbing: the same products by hand (multinomial softmax over the same features,
        # tests/safety/test_model_products.py checks they agree) take a fifth less.
        union = self.pipeline.named_steps["features"]
        self._vectorizers = [vectorizer for _, vectorizer in union.transformer_list]
        regression = self.pipeline.named_steps["model"]
        self._weights = np.ascontiguousarray(regression.coef_.T)
        self._bias = regression.intercept_

    def probabilities(self, texts: List[str]) -> np.ndarray:
        """predict_proba of the pipeline, one row per text (columns in `labels` order)."""
        from scipy.sparse import hstack

        features = hstack([vectorizer.transform(texts) for vectorizer in self._vectorizers])
        scores = np.asarray(features.tocsr() @ self._weights) + self._bias
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        return scores / scores.sum(axis=1, keepdims=True)

    def judge(self, text: str) -> ModelVerdict:
        probabilities = self.probabilities([text or ""])[0]
        return ModelVerdict({label: float(p) for label, p in zip(self.labels, probabilities)})

    def unsafe_parts(self, text: str) -> Tuple[float, float]:
        """Where in a longer message the danger is: the highest probability of 'not safe'
        (danger or unsure) of a sentence or two sentences in a row, and of a sentence alone
        (1.0, 1.0 for a single sentence); one pass over the sentences."""
        found = sentences_of(text or "")
        if len(found) < 2:
            return 1.0, 1.0
        pairs = [f"{a} {b}" for a, b in zip(found, found[1:])]
        unsafe = 1.0 - self.probabilities(found + pairs)[:, self.labels.index(SAFE)]
        single = float(unsafe[:len(found)].max())
        return max(single, float(unsafe[len(found):].max())), single


def sentences_of(text: str) -> List[str]:
    """Each sentence, line by line."""
    return [s for line in text.splitlines() for s in sentences(line)]


@lru_cache(maxsize=1)
def safety_model() -> SafetyModel:
    return SafetyModel()
