"""The words any danger message uses at least one of: life and death, harm, pills and means,
hopelessness, someone else in trouble, acute bodily emergencies, violence. Broad on purpose.

The trained safety model reads a message as a whole and learns from word statistics; on
ordinary talk it sometimes hears danger in nothing ('ze is een fijne collega en ik wil haar
graag houden' scored 0.47 for someone else at risk). A model-only alarm therefore needs one of
these words; a message without any is no danger however the statistics fall. The patterns
(`crisis_patterns.py`) are not gated. Fragments are regular expressions on folded text.
"""
from __future__ import annotations

import re

from knowledge.text import fold

DANGER_WORDS = (
    # life, death, ending it
    r"\bdood", r"\bdode?n\b", r"\bsterv", r"\bstierf", r"\bleven", r"\bleef\b",
    r"\beinde? aan\b", r"\beinde? (te )?maken\b", r"\bhet einde\b",  # not 'eind van de dienst'
    r"zelfmoord", r"suic", r"\b113\b", r"\b112\b", r"\bniet meer (wakker|opstaan|zijn|hier)",
    r"\ber (niet meer|nog) (te )?(zijn|wezen)", r"\bweg (zijn|wezen|gaan)\b", r"\bverdwijn",
    r"\bophouden", r"\bafscheid", r"\bbrief\b", r"\bbeter af\b", r"\btot last\b",
    r"\bgeen (zin|uitweg|reden|hoop|toekomst)", r"\bzinloos", r"\bhopeloos", r"\buitzichtloos",
    r"\bbedacht hoe\b", r"\bplan\b", r"\bkan niet meer\b", r"\bwil niet meer\b",
    r"\bhoeft (allemaal )?niet meer\b", r"\bniet meer zitten\b", r"\bklaar mee\b",
    r"\bopgeven\b", r"\bmissen\b", r"\bpoging", r"\bvan kant", r"\beruit (te )?stappen",
    r"\buit (te )?stappen", r"\blaatste (keer|brief|wens|woorden|dag|afscheid|berichtje)",
    r"\bvermist", r"\bvoorbereid", r"\bgeregeld\b",
    r"\bnooit meer\b", r"\bniet meer\b", r"\biets stoms", r"\bexpres\b", r"\bmeer dan mag",
    # means and harm
    r"\bpil", r"\btablet", r"\bmedicijn", r"\bmedicatie", r"\bstrip", r"\bpot\b",
    r"\bslaapmiddel", r"\boverdosis", r"\bingenomen", r"\bgeslikt", r"\bslikken\b",
    r"\bsnij", r"\bgesneden", r"\b(ge)?kras", r"\bmes\b", r"\bschaar", r"\bgenomen\b", r"\bscheermes", r"\bbloed",
    r"\bspring", r"\bbrug\b", r"\btrein", r"\bspoor", r"\bdak\b", r"\bflat\b", r"\braam\b",
    r"\b(op te )?hang(en)?\b", r"\bophang", r"\btouw\b", r"\bstrop\b", r"\bverdrink", r"\bgif\b", r"\bgas\b",
    r"\bpijn doen\b", r"\bmezelf\b", r"\bmijzelf\b", r"\bzichzelf\b", r"\bzelfbeschadig",
    r"\biets aan(doen|te doen)\b", r"\baandoen\b",
    # acute body
    r"\bborst", r"\barm\b", r"\btintel", r"\bverlam", r"\bscheef", r"\bmond\b", r"\bspraak",
    r"\bpraat (raar|onduidelijk|niet)", r"\badem", r"\bbewusteloos", r"\breageert niet",
    r"\bflauw", r"\bin elkaar gezakt", r"\bingestort", r"\bneergevallen", r"\bgevallen\b",
    r"\baanval", r"\bstuip", r"\bepilep", r"\ballergi", r"\bopgezwollen", r"\bzwelt",
    r"\bkeel\b", r"\bbenauwd", r"\bhartinfarct", r"\bberoerte", r"\bhypo\b", r"\bsuiker",
    r"\bwit weg", r"\bblauw", r"\bzweet", r"\bmisselijk", r"\bduizelig", r"\bnoodgeval",
    r"\bambulance", r"\bspoed", r"\bstik", r"\bhart\b", r"\bhart (doet|klopt)",
    r"\bgevoelloos", r"\bdubbel\b", r"\bbewegen\b", r"\bbeweegt", r"\bkrampen",
    r"\bschok", r"\bval\b", r"\bwakker (te )?krijgen", r"\bniet (meer )?wakker",
    # violence
    r"\bsla(at|an)?\b", r"\bsloeg", r"\bgeslagen", r"\b(ge)?schop", r"\bgeweld",
    r"\bbedreig", r"\bdreig", r"\b(ge)?wurg", r"\b(ge)?duwd?", r"\bsluit (me|mij|ons) op",
    r"\b(komt|kom) (me|mij) (halen|pakken)", r"\bex\b", r"\bvast(gehouden|gebonden|pakt)",
    r"\bpak(t|ken)? (me|mij)\b", r"\bpijn gedaan", r"\bsmijt", r"\bgooit", r"\bopgesloten", r"\bverkracht", r"\bmisbruik", r"\bmishandel",
    r"\bbang voor (hem|haar|mijn)", r"\bblauwe plekken", r"\bduw", r"\bpak slaag",
    r"\bveilig\b", r"\bonveilig",
)
_DANGER = re.compile("|".join(f"(?:{w})" for w in DANGER_WORDS))


def has_danger_word(text: str) -> bool:
    return bool(_DANGER.search(fold(text or "")))
