"""The trained layer of 'who is asking': a worker or job seeker, an employer, or a professional.

The rules in `cues.audience_from_words` catch the clear cases ('als werkgever', 'BA: ...',
'mijn medewerker'); many employers and professionals say it otherwise ('mijn team snapt niet
dat een collega ...', 'we twijfelen of een sollicitant ...', 'mijn cliënt ...'). A logistic
regression over character and word n-grams learns it from `data/audience_examples_*.yaml`,
messages by independent writers (three voices, many conditions and styles, half of them hard
on purpose: workers who talk about their boss, managers with an illness of their own).

Trained once per process when first needed, in well under a second; deterministic. No Rasa
imports. Measured by `bench/audience_eval.py` on questions its writers never saw.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import List, Optional, Tuple

import yaml

from knowledge.text import fold

DATA_DIR = Path(__file__).parent / "data"
AUDIENCES = ("werkende", "werkgever", "professional")
# Probability from which the model's employer or professional guess is taken (else: anyone).
# Chosen on the matcher dev sets (bench/data/matcher_dev_*.yaml), never on a test set.
CONFIDENT = 0.6
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def training_examples() -> List[Tuple[str, str]]:
    """(audience, text) of every audience example file."""
    examples = []
    for path in sorted(DATA_DIR.glob("audience_examples_*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
        for audience, texts in (data.get("audience") or {}).items():
            if audience not in AUDIENCES:
                raise ValueError(f"{path.name}: unknown audience {audience!r}")
            examples += [(audience, str(text)) for text in texts or [] if str(text).strip()]
    return examples


class AudienceModel:
    """Probability per audience for a message."""

    def __init__(self, examples: List[Tuple[str, str]]) -> None:
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        self._hstack = hstack
        texts = [text for _, text in examples]
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True,
                                     preprocessor=fold, min_df=2)
        self.words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                                     preprocessor=fold, token_pattern=r"(?u)\b\w+\b")
        features = hstack([self.chars.fit_transform(texts), self.words.fit_transform(texts)])
        self.classifier = LogisticRegression(C=10.0, solver="liblinear")
        self.classifier.fit(features.tocsr(), [audience for audience, _ in examples])
        self.labels = list(self.classifier.classes_)

    def probabilities(self, text: str) -> dict:
        features = self._hstack([self.chars.transform([text]), self.words.transform([text])])
        return dict(zip(self.labels, self.classifier.predict_proba(features.tocsr())[0]))

    def guess(self, text: str, confident: float = CONFIDENT) -> Optional[str]:
        """'werkgever' or 'professional' when the model is confident, else None (anyone)."""
        if not text or not text.strip():
            return None
        probabilities = self.probabilities(text)
        best = max(probabilities, key=probabilities.get)
        if best != "werkende" and probabilities[best] >= confident:
            return best
        return None


@lru_cache(maxsize=1)
def audience_model() -> Optional[AudienceModel]:
    """The model of this process (None when there are no examples)."""
    examples = training_examples()
    if len({audience for audience, _ in examples}) < 2:
        return None
    return AudienceModel(examples)
