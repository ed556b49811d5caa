"""The learned matcher: which item a message asks for, learnt from the question bank.

People do not use the guideline's words, so the lexical search over item texts
(`knowledge/search.py`) misses what they mean. The question bank (`content/asked/`) holds, per
item, realistic messages of the people who need it. A message is compared with the centroid of
each item's messages (TF-IDF over character n-grams, robust to typos, inflection, compounds
and Flemish spellings, plus word uni- and bigrams). The knowledge base fuses this score with
the lexical one (`KnowledgeBase.search`). No training beyond vectorising: building it for
~3,000 messages takes about a second.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from .schema import Item
from .text import fold


class LearnedMatcher:
    """Each item is the centroid of its banked messages (plus its own title and text) in a
    TF-IDF space of character 3-5-grams and word 1-2-grams; a message scores each item by
    cosine similarity with that centroid. A centroid per item generalises better from ten
    messages than the nearest single message (dev split: bench/matcher_eval.py)."""

    def __init__(self, items: Sequence[Item]) -> None:
        self.size = len(items)
        texts, owners = [], []
        for index, item in enumerate(items):
            for message in (*item.asked, f"{item.title}. {item.text}"):
                texts.append(message)
                owners.append(index)
        self.messages = sum(len(item.asked) for item in items)
        if not self.messages:
            self._chars = self._words = None
            return
        self._chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True,
                                      preprocessor=fold, dtype=np.float32)
        self._words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                                      preprocessor=fold, token_pattern=r"(?u)\b\w\w+\b",
                                      dtype=np.float32)
        vectors = normalize(hstack([self._chars.fit_transform(texts),
                                    self._words.fit_transform(texts)]).tocsr())
        membership = csr_matrix((np.ones(len(owners), dtype=np.float32),
                                 (owners, np.arange(len(owners)))),
                                shape=(self.size, len(owners)))
        self._centroids = normalize(membership @ vectors).T.tocsr()

    def scores(self, query: str) -> np.ndarray:
        """Cosine similarity of the message with every item's centroid (0..1)."""
        if self._chars is None or not query or not query.strip():
            return np.zeros(self.size, dtype=np.float32)
        vector = normalize(hstack([self._chars.transform([query]),
                                   self._words.transform([query])]).tocsr())
        return np.asarray((vector @ self._centroids).todense(), dtype=np.float32).ravel()
