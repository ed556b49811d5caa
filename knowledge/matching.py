"""Map free text ('ik heb reuma', 'kankr', 'ME/CVS') to a Condition.

Conservative by design: a wrong condition is worse than none.
- Aliases of up to 3 letters ('ms', 'ra', 'me') only match as whole words, never fuzzily.
- Short aliases that are also ordinary words ('me' = Dutch/English 'me') additionally need
  capitals ('ME') or must be the whole message; 'me/cvs' matches as a two-word alias.
- Longer aliases also match inside compounds ('borstkanker' -> 'kanker') and with small
  typos ('kankr', 'multipele sclerose') via rapidfuzz, same first letter required.
"""
from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import Iterable, List, Optional, Tuple

from rapidfuzz import fuzz

from .schema import Condition
from .text import STOPWORDS, normalise_phrase

SHORT_ALIAS = 3  # aliases this long or shorter: whole words only
MIN_AFFIX_ALIAS = 5  # aliases at least this long may match inside a compound word
MIN_FUZZY_ALIAS = 5
FUZZY_CUTOFF = 85.0
RECENT_TEXTS = 256  # texts whose matches are remembered (one process, one knowledge base)
# Short aliases that are also common words: need capitals or a message of its own.
AMBIGUOUS_WORDS = frozenset({"me", "al", "as", "is", "en", "op", "om", "in", "of", "ben",
                             "had", "die", "dat", "wat", "ons", "hem", "mee", "pit"})
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class _Alias:
    words: Tuple[str, ...]
    phrase: str
    condition: Condition


@dataclass(frozen=True)
class ConditionMatch:
    condition: Condition
    alias: str
    how: str  # 'exact', 'compound' or 'fuzzy'
    score: float


class ConditionMatcher:
    def __init__(self, conditions: Iterable[Condition]):
        self._recent: "OrderedDict[str, List[ConditionMatch]]" = OrderedDict()
        self._aliases: List[_Alias] = []
        for condition in conditions:
            seen = set()
            for raw in (*condition.aliases, condition.name):
                phrase = normalise_phrase(raw)
                if phrase and phrase not in seen:
                    seen.add(phrase)
                    self._aliases.append(_Alias(tuple(phrase.split()), phrase, condition))

    @staticmethod
    def _words(text: str) -> List[Tuple[str, str]]:
        """(folded word, original word) pairs."""
        pairs = []
        for match in _WORD.finditer(text):
            for folded in normalise_phrase(match.group()).split():
                pairs.append((folded, match.group()))
        return pairs

    def matches(self, text: str) -> List[ConditionMatch]:
        """All conditions found in the text, best first (one entry per condition). One answer
        asks for the same text three or four times (the condition, the search, the findings
        about another condition): the last texts are remembered (bench/profile.py)."""
        found = self._recent.get(text)
        if found is None:
            found = self._matches(text)
            self._recent[text] = found
            if len(self._recent) > RECENT_TEXTS:
                self._recent.popitem(last=False)
        else:
            self._recent.move_to_end(text)
        return list(found)

    def _matches(self, text: str) -> List[ConditionMatch]:
        pairs = self._words(text or "")
        if not pairs:
            return []
        words = [w for w, _ in pairs]
        shouting = (text.upper() == text and len(words) > 1
                    and not re.fullmatch(r"\W*me\W*cvs\W*", text, re.IGNORECASE))
        best = {}

        def offer(alias: _Alias, how: str, score: float) -> None:
            rank = {"exact": 3, "compound": 2, "fuzzy": 1}[how]
            key = (rank, score, len(alias.phrase))
            current = best.get(alias.condition.id)
            if current is None or key > current[0]:
                best[alias.condition.id] = (key, ConditionMatch(alias.condition, alias.phrase,
                                                                how, score))

        covered = set()  # word positions explained by an exact or compound match
        for alias in self._aliases:
            size = len(alias.words)
            for start in range(len(words) - size + 1):
                window = tuple(words[start:start + size])
                if window == alias.words:
                    if size == 1 and alias.phrase in AMBIGUOUS_WORDS:
                        original = pairs[start][1]
                        if not (len(words) == 1 or (original.isupper() and not shouting)):
                            continue
                    offer(alias, "exact", 100.0)
                    covered.update(range(start, start + size))
                elif size == 1 and self._compound(window[0], alias.phrase):
                    offer(alias, "compound", 100.0)
                    covered.add(start)
        for alias in self._aliases:
            size = len(alias.words)
            if len(alias.phrase) < MIN_FUZZY_ALIAS:
                continue
            for start in range(len(words) - size + 1):
                if covered.intersection(range(start, start + size)):
                    continue
                candidate = " ".join(words[start:start + size])
                if (candidate[0] == alias.phrase[0]
                        and not (size == 1 and candidate in STOPWORDS)
                        and abs(len(candidate) - len(alias.phrase)) <= 3):
                    score = fuzz.ratio(candidate, alias.phrase)
                    if score >= FUZZY_CUTOFF:
                        offer(alias, "fuzzy", score)
        ordered = sorted(best.values(), key=lambda entry: entry[0], reverse=True)
        return [match for _, match in ordered]

    @staticmethod
    def _compound(word: str, alias: str) -> bool:
        """'borstkanker' contains 'kanker' as its head; 'kankerpatient' starts with it.

        Only the head (end) of a compound for aliases of 5+ letters; the start only for
        aliases of 6+ letters ('chronisch' must not match an alias 'chron').
        """
        if len(word) <= len(alias) or " " in alias:
            return False
        if len(alias) >= MIN_AFFIX_ALIAS and word.endswith(alias):
            return True
        return len(alias) >= MIN_AFFIX_ALIAS + 1 and word.startswith(alias)

    def match(self, text: str) -> Optional[Condition]:
        found = self.matches(text)
        return found[0].condition if found else None
