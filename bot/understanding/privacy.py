"""Privacy commands: 'verwijder mijn gegevens' erases the whole conversation, so the classifier
alone may not decide it (character n-grams once read the interview answer 'het wisselt per dag'
as `delete_my_data`). The understanding rules (`rules.py`) use these cues:

- `delete_my_data` only when the message says to delete something ('verwijder', 'wis',
  'vergeet alles', 'gooi ... weg', ...) and names no one else ('mag mijn werkgever mijn
  gegevens verwijderen?' is a question);
- `show_my_data` only when the message asks what is kept or known;
- 'wis mijn antwoorden en begin weer' is starting again;
- the phrases the greeting advertises always work.
No Rasa imports.
"""
from __future__ import annotations

import re

from rapidfuzz.distance import OSA

from bot.understanding import vocabulary as voc

SHOW = "show_my_data"
DELETE = "delete_my_data"
PRIVACY = (SHOW, DELETE)

# 'ik vergeet alles', 'hij vergeet veel': someone who forgets, not a command to forget.
_NOT_SOMEONE = "".join(rf"(?<!\b{w} )" for w in ("ik", "je", "jij", "hij", "zij", "ze", "we",
                                                  "wij", "u"))
_MY_DATA = r"(?:gegevens|data|info|informatie|persoonsgegevens|antwoorden|gesprek)"
_MY = r"(?:mijn|m'?n|mn|al\s+mijn|dit|het|deze)"
DELETE_CUE = re.compile(
    r"\b(?:verwijder\w*|wis|wiss?en|gewist|schrap\w*|delete\w*|weggooien|wegdoen|"
    r"vergetelheid|vergeten\s+te\s+worden|vergeten\s+worden|"
    rf"{_NOT_SOMEONE}vergeet\s+(?:dan\s+|maar\s+)?(?:alles|mij|me|dit|wat|het\s+gesprek|mijn)|"
    r"gooi\b.*\bweg|haal\b.*\bweg|(?:alles|gegevens|data|info)\b.*\bweg|"
    r"(?:je|jij|u)\s+(?:\w+\s+)?(?:alles|mij|me)\s+(?:\w+\s+){0,2}vergeet|vergeet\s+dit\s+gesprek|"
    r"haal\b.*\buit\s+(?:je|jouw)\s+(?:systeem|geheugen|database))\b",
    re.IGNORECASE)
SHOW_CUE = re.compile(
    r"\b(?:bewaar\w*|bewaard|opgeslagen|opslaan|sla\w*\b.*\bop\b|onthou\w*|"
    r"bijgehouden|bijhouden|hou\w*\b.*\bbij\b|privacy|inzage|inzien|persoonsgegevens|"
    r"gegevens|data|info\b|informatie|"
    r"(?:weet|wet|ken|kent|weten|hebt|heb|hebde)\b.*\b(?:over|van)\s+(?:mij|me)|"
    r"(?:over|van)\s+(?:mij|me)\s+(?:\w+\s+)?(?:weet|weten|kent|hebt)|"
    r"gebeurt\b.*\bmet\b.*\b(?:mijn|wat\s+ik)|opgeslagen|blijft\b.*\bbewaard)\b",
    re.IGNORECASE)
# 'mag mijn werkgever mijn gegevens verwijderen?' is a question about someone else (ask_question).
OTHERS = re.compile(rf"\b(?:{voc.OTHERS_WHO_HOLD_DATA})\b", re.IGNORECASE)
# 'wis mijn antwoorden en begin weer' wants the interview again (start_over), not erasing.
RESTART = re.compile(r"\b(?:opnieuw|overnieuw|begin\w*|herstart\w*|van\s+voren\s+af|"
                     r"nog\s+een\s+keer|weer\s+van\s+voor)\b", re.IGNORECASE)
# Commands that mean one thing only (as the greeting advertises them).
STRONG = {
    DELETE: re.compile(
        rf"^\W*(?:(?:verwijder|wis)\s+{_MY}\s+{_MY_DATA}|wissen|verwijderen|"
        rf"vergeet\s+alles\s+over\s+(?:mij|me)|vergeet\s+mij)\W*(?:aub|graag|a\.u\.b\.)?\W*$",
        re.IGNORECASE),
    SHOW: re.compile(
        r"^\W*(?:wat\s+weet\s+(?:je|jij)\s+(?:allemaal\s+)?(?:over|van)\s+(?:mij|me)|"
        r"wat\s+(?:heb|hebt)\s+(?:je|jij)\s+(?:van|over)\s+(?:mij|me)\s+opgeslagen|"
        r"toon\s+mijn\s+gegevens|mijn\s+gegevens\s+(?:bekijken|inzien))\W*$",
        re.IGNORECASE),
}


# Cue words long enough to recognise with one typo ('verwijdr', 'gegevns', 'opgelsagen').
_TYPO_TOLERANT = ("verwijder", "verwijderen", "gegevens", "opgeslagen", "persoonsgegevens")
_WORD = re.compile(r"\w+")


def _corrected(text: str) -> str:
    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower()
        if len(lower) < 7:
            return word
        # One edit apart: an insertion, deletion, substitution or two letters swapped.
        return next((t for t in _TYPO_TOLERANT if OSA.distance(lower, t) <= 1), word)
    return _WORD.sub(fix, text)


def has_cue(intent: str, text: str) -> bool:
    text = _corrected(text)
    if intent == DELETE:
        return bool(DELETE_CUE.search(text)) and not OTHERS.search(text) \
            and not RESTART.search(text)
    return bool(SHOW_CUE.search(text))


def strong_command(text: str) -> str | None:
    for intent, pattern in STRONG.items():
        if pattern.match(text):
            return intent
    return None
