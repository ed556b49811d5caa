"""Which audience a message is for: the role the user chose, else a guess from the words."""
from __future__ import annotations

import re
from typing import Optional

from knowledge import vocabulary as voc

_EMPLOYER = re.compile(
    r"\b(mijn|onze|een) (medewerker|medewerkster|werknemer|personeelslid|personeel)s?\b"
    r"|\bals (werkgever|leidinggevende|manager|teamleider)\b|\bwat kost\b.*\bmij\b",
    re.IGNORECASE,
)
_PROFESSIONAL = re.compile(
    r"\b(richtlijn|evidence|bewijs|bewezen|effectief|aanbeveling|niveau|interventie\w*|"
    r"cli[eë]nt\w*|pati[eë]nt\w*|werknemers met|werkenden met|risicogroep\w*|"
    r"behandelaar opvragen|gedeelde besluitvorming|samen beslissen)\b",
    re.IGNORECASE,
)

# 'Who are you' answers that name no role word from the lookup table ('ik werk als kok').
_ROLE_PHRASES = (
    ("werkgever", re.compile(r"\b(personeel|werknemers in dienst|eigen (bedrijf|zaak)|eigenaar|"
                             r"ondernemer|directeur|manager|leidinggevende|teamleider|hr|p&o)\b",
                             re.IGNORECASE)),
    ("werkzoekende", re.compile(r"\b(zoek (naar )?(werk|een baan)|werkloos|werkzoekend|"
                                r"bijstand|ww|geen (werk|baan)|solliciteer)\b", re.IGNORECASE)),
    ("werkende", re.compile(r"\b(ik werk|werk als|werk bij|werk in|werknemer|in dienst|"
                            r"heb (een )?(baan|job|werk))\b",
                            re.IGNORECASE)),
)


def role_from_text(text: str) -> Optional[str]:
    """The role a 'who are you' answer names without a lookup word, or None."""
    for role, pattern in _ROLE_PHRASES:
        if pattern.search(text or ""):
            return role
    return None


# Audiences (None = not known) that read the worker's B1 text and get the referral note.
WORKER_AUDIENCES = frozenset({None, "werkende", "werkzoekende"})


def audience_for(role: Optional[str], text: str) -> Optional[str]:
    """The chosen role wins; otherwise guess from the question; None means 'anyone'."""
    if role in voc.AUDIENCES:  # the role slot's values are the audiences
        return role
    if _EMPLOYER.search(text):
        return "werkgever"
    if _PROFESSIONAL.search(text):
        return "professional"
    return None
