"""Word lists that tell Dutch from nonsense and from other languages.

Offline sources only: spaCy's lookup tables (spacy-lookups-data) and stop-word lists, the
assistant's own knowledge content and its NLU training vocabulary. Used by the Rasa
LanguageGuard component; no Rasa imports here.
"""
from __future__ import annotations

import importlib
import re
from functools import lru_cache
from pathlib import Path

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
LATIN = re.compile(r"[a-zà-öø-ÿ]", re.IGNORECASE)
# Languages whose stop words mark a message as 'not Dutch' (English has a full word list too).
FOREIGN_STOP_WORDS = ("en", "de", "fr", "es", "it", "pt", "tr", "pl")
MIN_COMPOUND_PART = 3
# Letters of Turkish, Polish, German, Spanish, Portuguese, ... that Dutch words never use.
FOREIGN_LETTERS = re.compile(r"[ßşğıłąężźćńśãõñœ]")
_ELONGATED = re.compile(r"([a-z])\1{2,}")
_DOUBLED = re.compile(r"([a-z])\1+")


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def _lookups_dir() -> Path:
    import spacy_lookups_data

    return Path(spacy_lookups_data.__file__).parent / "data"


def _lookup_words(name: str) -> set[str]:
    import srsly

    path = _lookups_dir() / f"{name}.json.gz"
    if not path.exists():
        return set()
    table = srsly.read_gzip_json(path)
    found: set[str] = set()
    for key, value in table.items():
        found.add(str(key).lower())
        if isinstance(value, str):
            found.add(value.lower())
    return found


def _stop_words(lang: str) -> set[str]:
    try:
        module = importlib.import_module(f"spacy.lang.{lang}.stop_words")
    except ImportError:
        return set()
    return {w.lower() for w in module.STOP_WORDS}


def _knowledge_words() -> set[str]:
    from bot.understanding.content import knowledge_content

    content = knowledge_content()
    texts: list[str] = []
    for item in content.items.values():
        texts += [item.title, item.text, item.text_professional or "", item.text_employer or "",
                  " ".join(item.keywords)]
    for resource in content.resources.values():
        texts += [resource.name, resource.offers]
    for condition in content.conditions.values():
        texts += [condition.name, " ".join(condition.aliases)]
    return {w for text in texts for w in words(text)}


@lru_cache(maxsize=1)
def dutch_words() -> frozenset[str]:
    return frozenset(_lookup_words("nl_lemma_lookup") | _stop_words("nl") | _knowledge_words())


@lru_cache(maxsize=1)
def foreign_words() -> frozenset[str]:
    found = _lookup_words("en_lemma_lookup")
    for lang in FOREIGN_STOP_WORDS:
        found |= _stop_words(lang)
    return frozenset(found)


class Lexicon:
    """Dutch words (plus extra vocabulary) with compound splitting."""

    def __init__(self, extra: set[str] | frozenset[str] = frozenset()):
        self.dutch = dutch_words()
        self.extra = frozenset(extra)
        self.foreign = foreign_words()

    def is_dutch(self, word: str) -> bool:
        if len(word) >= 3 and len(set(word)) == 1:
            return False  # 'jjjjjj', 'kkk': a key held down, not a word
        if word in self.dutch or word in self.extra or self._is_compound(word):
            return True
        # Chat elongations of known words: 'hallooo', 'heey', 'hoiii'.
        if _DOUBLED.search(word):
            return any(variant in self.dutch or variant in self.extra
                       for variant in (_DOUBLED.sub(r"\1", word), _ELONGATED.sub(r"\1\1", word)))
        return False

    def is_foreign(self, word: str) -> bool:
        """A word of another language: letters Dutch does not use, or a foreign stop word."""
        return bool(FOREIGN_LETTERS.search(word)) or (
            word in self.foreign and not self.is_dutch(word))

    def _known_part(self, part: str) -> bool:
        return len(part) >= MIN_COMPOUND_PART and (part in self.dutch or part in self.extra)

    def _is_compound(self, word: str, depth: int = 0) -> bool:
        """'werkplekaanpassingen' = werkplek + aanpassingen (also with a linking s/e)."""
        if depth > 2 or len(word) < 2 * MIN_COMPOUND_PART:
            return False
        for cut in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART + 1):
            head, tail = word[:cut], word[cut:]
            heads = [head]
            if head.endswith(("s", "e")) and len(head) > MIN_COMPOUND_PART:
                heads.append(head[:-1])
            if any(self._known_part(h) for h in heads) and (
                self._known_part(tail) or self._is_compound(tail, depth + 1)
            ):
                return True
        return False

    def judge(self, text: str) -> str:
        """'dutch', 'foreign', 'nonsense', or 'empty' (no words at all: emoji, digits)."""
        tokens = words(text)
        if not tokens:
            return "empty"
        non_latin = sum(1 for t in tokens if not LATIN.search(t))
        if non_latin / len(tokens) >= 0.5:
            return "foreign"
        foreign = sum(1 for t in tokens if self.is_foreign(t))
        # Clearly another language even when some words are also Dutch ('ich habe der ...').
        if foreign >= 2 and foreign / len(tokens) >= 0.3:
            return "foreign"
        dutch = sum(1 for t in tokens if self.is_dutch(t))
        if dutch / len(tokens) >= 0.5:
            return "dutch"
        if foreign and foreign / len(tokens) >= 0.25:
            return "foreign"
        return "nonsense"
