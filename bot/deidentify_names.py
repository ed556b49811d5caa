"""Person names in Dutch chat text, for bot/deidentify.py: the spans of names said in context
('ik heet Jan', 'mijn leidinggevende Piet de Vries', 'collega sandra', 'groetjes Anne') and of
common Dutch and Flemish first names anywhere. Word lists in bot/data/*.txt, read once at import.
No Rasa imports.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from pathlib import Path
from typing import List, Tuple

_L = "A-Za-zÀ-ÖØ-öø-ÿ"  # letters, including accented ones (as in bot/deidentify.py)

_WORD = re.compile(rf"[{_L}](?:[{_L}]|['’\-](?=[{_L}]))*")

# Name lists in bot/data/ (one name a line), read once at import.
_DATA_DIR = Path(__file__).resolve().parent / "data"


def _word_list(file_name: str) -> frozenset:
    """The words of a list in bot/data/: one a line, UTF-8; '#' lines are comments."""
    lines = (_DATA_DIR / file_name).read_text(encoding="utf-8").splitlines()
    return frozenset(word for word in (line.strip().lower() for line in lines)
                     if word and not word.startswith("#"))


# Common first names in the Netherlands and Flanders (of many backgrounds). Lower case.
FIRST_NAMES = _word_list("first_names.txt")
# First names that are also common Dutch words or chat abbreviations: only names in context.
AMBIGUOUS_FIRST_NAMES = _word_list("ambiguous_first_names.txt")
# Frequent Dutch and Flemish family names (after a tussenvoegsel or a first name, any case).
SURNAMES = _word_list("surnames.txt")

_TUSSEN = frozenset("van de der den het 't ter ten te in op la le el al da di du von d' vd v/d"
                    .split())
# Words after which a name follows: relations and professionals ('mijn baas Piet').
_RELATIONS = frozenset("""
leidinggevende leidinggevenden baas bazin manager teamleider teamleidster teamleiding chef
directeur directrice supervisor werkgever collega collegaatje vriend vriendin vriendje
partner man vrouw echtgenoot echtgenote zoon dochter moeder vader mama papa broer zus zusje
broertje oma opa tante oom neef nicht buurman buurvrouw huisarts bedrijfsarts arts dokter
specialist reumatoloog neuroloog cardioloog psycholoog psychiater fysiotherapeut therapeut
casemanager arbeidsdeskundige verzekeringsarts jobcoach coach begeleider consulent
praktijkondersteuner verpleegkundige hr-adviseur hr-medewerker adviseur contactpersoon
mentor juf meester trainer
""".split())
_TITLES = frozenset("meneer mevrouw mevr mw mr dhr heer dr drs ir prof".split())
_SIGN_OFF = re.compile(r"\b(?:groetjes|groeten|groet|gr|mvg|m\.v\.g\.|vriendelijke groet|"
                       r"hartelijke groet|liefs|doei)\b", re.IGNORECASE)
_SELF = re.compile(r"\b(?:ik\s+heet|heet\s+ik|mijn\s+naam\s+is|m'?n\s+naam\s+is|naam\s*:|"
                   r"noem\s+me|noem\s+mij|ze\s+noemen\s+me)(?!\w)", re.IGNORECASE)
_I_AM = re.compile(r"\b(?:ik\s+ben|hier\s+is|dit\s+is|met)\b", re.IGNORECASE)
_TRIGGER_GAP = re.compile(r"[\s,:]*")
_POSSESSIVE_AFTER = re.compile(
    r"^\s*(?:,\s*|\(\s*|\s+is\s+)(?:mijn|m'?n|onze|ons|de|een)\s+(" + "|".join(
        sorted(_RELATIONS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
# Capitalised words that are no names even right after a relation word.
_NOT_NAME = frozenset("""
ik jij je hij zij ze wij we jullie u het de een en of maar want dus dat die dit wat wie waar
hoe niet geen wel ook nog al zo heel erg echt maar toen dan als omdat ook is was zijn heeft
had wil kan moet zal zegt zei vindt vond snapt weet wilde kon mocht belde vroeg gaf denkt
doet deed heb hebben hier daar nu straks vandaag morgen gisteren altijd nooit vaak soms
eigenlijk gewoon officieel sinds over met van voor bij naar op in uit door om tot per
oke ok ja nee hoi hallo hey dag goedemorgen mijn m'n mn onze ons jouw uw haar zijn hun
""".split())


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


class _Tokens:
    def __init__(self, text: str):
        self.text = text
        self.items = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        self.starts = [item[0] for item in self.items]
        self.after_self = self._after(_SELF)
        self.after_i_am = self._after(_I_AM)
        self.after_sign_off = self._after(_SIGN_OFF)

    def _after(self, pattern: re.Pattern) -> frozenset:
        """Indices of the tokens that directly follow a match (only spaces, ',' or ':')."""
        found = set()
        for match in pattern.finditer(self.text):
            j = bisect_left(self.starts, match.end())
            if j < len(self.items) and _TRIGGER_GAP.fullmatch(
                    self.text, match.end(), self.items[j][0]):
                found.add(j)
        return frozenset(found)

    def adjacent(self, i: int, allow: str = " \t") -> bool:
        """Only characters from `allow` between token i-1 and token i."""
        gap = self.text[self.items[i - 1][1]:self.items[i][0]]
        return all(c in allow for c in gap)


def _known_first_name(word: str) -> bool:
    """A common first name that is no Dutch word, anywhere ('Anne-Marie' too)."""
    if word.isupper() and len(word) > 1:
        return False
    parts = word.lower().replace("’", "'").split("-")
    return any(p in FIRST_NAMES and p not in AMBIGUOUS_FIRST_NAMES for p in parts)


def _surname_part(word: str) -> bool:
    return _is_capitalised(word) or word.lower() in SURNAMES


def _extend(tokens: _Tokens, i: int) -> int:
    """From name token i, the index after the full name: surnames and tussenvoegsels."""
    items = tokens.items
    end = i + 1
    while end < len(items) and tokens.adjacent(end):
        word = items[end][2]
        low = word.lower()
        if low in _TUSSEN:
            nxt = end + 1
            while nxt < len(items) and items[nxt][2].lower() in _TUSSEN and tokens.adjacent(nxt):
                nxt += 1
            if nxt < len(items) and tokens.adjacent(nxt) and _surname_part(items[nxt][2]):
                end = nxt + 1
                continue
            break
        if (_is_capitalised(word) and low not in _NOT_NAME) or low in SURNAMES:
            end += 1
            continue
        break
    return end


def _name_start(word: str, strict: bool) -> bool:
    low = word.lower()
    head = word.split("-")[0]
    if low in _NOT_NAME or low in _TUSSEN or low in _RELATIONS or (
            head.isupper() and len(head) > 1):  # 'UWV', 'UWV-aanvraag'
        return False
    if low in FIRST_NAMES and (low not in AMBIGUOUS_FIRST_NAMES or _is_capitalised(word)):
        return True
    return not strict or _is_capitalised(word)


def _starts_name(tokens: _Tokens, i: int) -> bool:
    """Token i begins a person's name, judged by its context."""
    items, text = tokens.items, tokens.text
    start, end, word = items[i]
    low = word.lower()
    prev = items[i - 1][2].lower() if i > 0 else ""
    nxt = items[i + 1][2] if i + 1 < len(items) and tokens.adjacent(i + 1) else ""
    if _known_first_name(word):
        return True
    if i in tokens.after_self:
        # 'ik heet jan', 'mijn naam is Anne-Marie de Wit', 'ik heet Van Dam'
        if low not in _NOT_NAME and low not in _TUSSEN:
            return True
        if _is_capitalised(word) and low in _TUSSEN and nxt:
            return True
    if i in tokens.after_i_am and _is_capitalised(word) and low not in _NOT_NAME \
            and nxt and _surname_part(nxt) and nxt.lower() not in _NOT_NAME:
        return True  # 'hier is Jan Jansen'
    surname_follows = _is_capitalised(word) and low in _TUSSEN and bool(nxt) \
        and _surname_part(nxt)
    if prev in _RELATIONS and tokens.adjacent(i, " \t,:") and (
            _name_start(word, strict=True) or surname_follows):
        return True  # 'mijn leidinggevende Piet', 'collega sandra', 'bedrijfsarts Van Dam'
    if prev in _TITLES and tokens.adjacent(i, " \t.") and (
            _name_start(word, strict=True) or low in SURNAMES or surname_follows):
        return True  # 'mevrouw Jansen', 'dr. Bakker', 'meneer Van Dam'
    if i in tokens.after_sign_off and low not in _NOT_NAME and (
            _is_capitalised(word) or low in FIRST_NAMES):
        return True  # 'groetjes, Anne'
    if _is_capitalised(word) and low not in _NOT_NAME and low not in _TUSSEN \
            and _POSSESSIVE_AFTER.match(text[end:end + 40]):
        return True  # 'Piet, mijn leidinggevende', 'Sandra is mijn collega'
    return False


def _name_spans(text: str) -> List[Tuple[int, int]]:
    tokens = _Tokens(text)
    items = tokens.items
    spans: List[Tuple[int, int]] = []
    i = 0
    while i < len(items):
        if not _starts_name(tokens, i):
            i += 1
            continue
        end = _extend(tokens, i)
        spans.append((items[i][0], items[end - 1][1]))
        i = end
    return spans
