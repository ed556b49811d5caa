"""Dutch text normalisation shared by condition matching and search, and sentence splitting."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import List, Tuple

import snowballstemmer

_TOKEN = re.compile(r"[a-z0-9]+")
_HYPHENATED = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                         "\ufffd": " ", "\u00ad": ""})

# Frequent Dutch function words; they carry no meaning for search.
STOPWORDS = frozenset("""
aan al alle als ben bij da dan dat de deze die dit doe doen door dus een en er
ge had heb hebben heeft het hier hij hoe hun ik in is ja je jij jou jouw kan
kun kunnen maar me meer men met mij mijn moet na naar niet nog nu of om onder
ons ook op over te tot u uit uw van veel voor want waren was wat we wel werd
wie wij wil worden wordt zal ze zei zelf zich zij zijn zo zou
tip tips advies adviezen graag iets iemand mn m'n
eigenlijk gewoon echt even nou toch misschien natuurlijk precies ongeveer dus zoal
welke welk waar waarom wanneer waarmee hoeveel alsjeblieft aub svp ok oke
the of and to in for a an on is
""".split())

_stemmer = snowballstemmer.stemmer("dutch")


def fold(text: str) -> str:
    """Lowercase, strip accents (reumatoïde -> reumatoide), normalise quotes."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.lower()


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")


def sentences(text: str) -> List[str]:
    """The sentences of a text, split after '.', '!', '?' or ';' (kept with their sentence)."""
    return [s.strip() for s in _SENTENCE_END.split(text or "") if s.strip()]


def tokens(text: str) -> List[str]:
    """Folded alphanumeric tokens."""
    return _TOKEN.findall(fold(text))


def hyphenated(text: str) -> List[Tuple[str, Tuple[str, ...]]]:
    """Hyphenated words as (written together, parts): 're-integratie' -> ('reintegratie', ...).

    People often type such words without the hyphen ('reintegratie', 'werkprive').
    """
    return [(match.group().replace("-", ""), tuple(match.group().split("-")))
            for match in _HYPHENATED.finditer(fold(text))]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def stemmed_tokens(text: str) -> List[str]:
    """Folded, stop-word-free, stemmed tokens (for the word-level search index)."""
    return [stem(tok) for tok in tokens(text) if tok not in STOPWORDS]


def normalise_phrase(text: str) -> str:
    """Folded tokens joined by single spaces ('ME/CVS' -> 'me cvs')."""
    return " ".join(tokens(text))
