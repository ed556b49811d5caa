"""Which audience a message is for: the role the user chose, else a guess from the words."""
from __future__ import annotations

import re
from typing import Optional

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

AUDIENCE_FOR_ROLE = {
    "werkende": "werkende", "werkzoekende": "werkzoekende",
    "professional": "professional", "werkgever": "werkgever",
}


def audience_for(role: Optional[str], text: str) -> Optional[str]:
    """The chosen role wins; otherwise guess from the question; None means 'anyone'."""
    if role in AUDIENCE_FOR_ROLE:
        return AUDIENCE_FOR_ROLE[role]
    if _EMPLOYER.search(text):
        return "werkgever"
    if _PROFESSIONAL.search(text):
        return "professional"
    return None
