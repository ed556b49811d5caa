"""In-memory Dutch free-text search index (TF-IDF on stems, robust to compounds and typos).

Design, chosen so it also scales to 100k documents:
- documents are folded, stop words removed and stemmed (Snowball Dutch), so inflections
  match ('aanpassingen' ~ 'aanpassing');
- compound words are split into known words on both sides ('werkplekaanpassingen' ->
  'werkplek' + 'aanpassingen'), so compounds and their parts find each other;
- hyphenated words are also found when typed without the hyphen ('reintegratie' ->
  're-integratie'), as the parts the document index holds;
- query words unknown to the index are corrected to the nearest known words
  (rapidfuzz over the vocabulary, character-level similarity: 'vermoeidheit', 'supportid');
- informal words are expanded with vocabulary.QUERY_SYNONYMS;
- ranking is cosine similarity of sublinear TF-IDF vectors (scikit-learn).
"""
from __future__ import annotations

import math
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np
from rapidfuzz import fuzz, process
from sklearn.feature_extraction.text import TfidfVectorizer

from .text import STOPWORDS, hyphenated, stem, tokens
from .vocabulary import QUERY_SYNONYMS

LINKERS = ("", "s", "e", "en", "n")
MIN_PART = 4  # minimum length of each part of a split compound
MIN_COMPOUND = 8
TYPO_CUTOFF = 80.0
MIN_SCORE = 0.02


def _identity(doc):
    return doc


class Analyzer:
    """Turns text into weighted index terms (stems), knowing the corpus vocabulary."""

    def __init__(self) -> None:
        self.words: set = set()
        self.stems: set = set()
        self._cache: Dict[str, Tuple[str, ...]] = {}
        self._word_list: List[str] = []
        # 'reintegratie' -> ('re', 'integratie'): hyphenated words written together.
        self.joined: Dict[str, Tuple[str, ...]] = {}

    def learn(self, texts: Iterable[str]) -> List[List[str]]:
        """Tokenise documents and record the vocabulary; returns folded tokens per text."""
        result = []
        for text in texts:
            toks = [t for t in tokens(text) if t not in STOPWORDS and len(t) > 1]
            self.words.update(toks)
            result.append(toks)
            for joined, parts in hyphenated(text):
                self.joined.setdefault(joined, parts)
        self.stems = {stem(w) for w in self.words}
        self._word_list = sorted(w for w in self.words if not w.isdigit())
        return result

    def _known(self, word: str) -> bool:
        return word in self.words or stem(word) in self.stems

    def split_compound(self, word: str) -> Optional[Tuple[str, str]]:
        """Split a compound into two known words, preferring the most balanced split."""
        if len(word) < MIN_COMPOUND or word.isdigit():
            return None
        best = None
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            head = word[:cut]
            if not self._known(head):
                continue
            for linker in LINKERS:
                rest = word[cut:]
                if not rest.startswith(linker):
                    continue
                tail = rest[len(linker):]
                if len(tail) >= MIN_PART and self._known(tail):
                    balance = min(len(head), len(tail))
                    if best is None or balance > best[0]:
                        best = (balance, head, tail)
        return (best[1], best[2]) if best else None

    def doc_terms(self, word: str) -> Tuple[str, ...]:
        cached = self._cache.get(word)
        if cached is None:
            terms = [stem(word)]
            parts = self.split_compound(word)
            if parts:
                terms += [stem(p) for p in parts]
            cached = self._cache[word] = tuple(terms)
        return cached

    def document(self, toks: Sequence[str]) -> List[str]:
        terms: List[str] = []
        for word in toks:
            terms.extend(self.doc_terms(word))
        return terms

    def query(self, text: str) -> Dict[str, float]:
        """Weighted stems for a query (synonyms, compound splits and typo corrections)."""
        words = [t for t in tokens(text) if t not in STOPWORDS and len(t) > 1]
        expanded: List[Tuple[str, float]] = []
        for word in words:
            expanded.append((word, 1.0))
            for extra in tokens(QUERY_SYNONYMS.get(word, "")):
                expanded.append((extra, 0.7))
        weights: Dict[str, float] = {}

        def add(term: str, weight: float) -> None:
            weights[term] = max(weights.get(term, 0.0), weight)

        for word, weight in expanded:
            if word in self.joined and word not in self.words:
                for part in self.joined[word]:
                    if part not in STOPWORDS and len(part) > 1:
                        for term in self.doc_terms(part):
                            add(term, weight)
                continue
            if self._known(word):
                for term in self.doc_terms(word):
                    add(term, weight)
                continue
            parts = self.split_compound(word)
            if parts:
                for part in parts:
                    add(stem(part), weight)
                continue
            if len(word) < 4 or word.isdigit():
                continue
            for match, score, _ in process.extract(word, self._word_list, scorer=fuzz.ratio,
                                                   score_cutoff=TYPO_CUTOFF, limit=2):
                add(stem(match), weight * score / 100.0)
        return weights


class SearchIndex:
    """TF-IDF index over a list of documents (texts), queried with `scores`."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.analyzer = Analyzer()
        token_lists = self.analyzer.learn(texts)
        docs = [self.analyzer.document(toks) for toks in token_lists]
        self.size = len(docs)
        self._vectorizer = TfidfVectorizer(analyzer=_identity, lowercase=False,
                                           sublinear_tf=True, dtype=np.float32)
        if any(docs):
            self._matrix = self._vectorizer.fit_transform(docs).tocsc()
            self._vocab = self._vectorizer.vocabulary_
            self._idf = self._vectorizer.idf_
        else:
            self._matrix, self._vocab, self._idf = None, {}, None

    def scores(self, query: str) -> np.ndarray:
        """Cosine similarity of the query with every document (zeros when nothing matches)."""
        result = np.zeros(self.size, dtype=np.float32)
        if self._matrix is None:
            return result
        weights = self.analyzer.query(query)
        columns, values = [], []
        for term, weight in weights.items():
            col = self._vocab.get(term)
            if col is not None:
                columns.append(col)
                values.append(weight * self._idf[col])
        if not columns:
            return result
        vector = np.asarray(values, dtype=np.float32)
        vector /= math.sqrt(float(np.dot(vector, vector)))
        sub = self._matrix[:, columns]
        return np.asarray(sub @ vector).ravel()

    def top(self, query: str, limit: int, mask: Optional[np.ndarray] = None,
            min_score: float = MIN_SCORE) -> List[Tuple[int, float]]:
        """(document index, score) of the best matches, best first."""
        return best(self.scores(query), limit, mask, min_score)


def best(scores: np.ndarray, limit: int, mask: Optional[np.ndarray] = None,
         min_score: float = MIN_SCORE) -> List[Tuple[int, float]]:
    """(index, score) of the `limit` highest scores at or above `min_score`, best first (ties
    by index); entries outside `mask` do not count."""
    if mask is not None:
        scores = np.where(mask, scores, 0.0)
    candidates = np.flatnonzero(scores >= min_score)
    if candidates.size == 0:
        return []
    if candidates.size > limit:
        part = np.argpartition(-scores[candidates], limit - 1)[:limit]
        candidates = candidates[part]
    order = sorted(candidates.tolist(), key=lambda i: (-float(scores[i]), i))
    return [(i, float(scores[i])) for i in order[:limit]]
