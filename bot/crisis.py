"""Recognise messages that signal suicidal thoughts or acute danger (Dutch).

Deliberately broad on real signals and explicit about everyday idioms that must not trigger
it ('doodmoe', 'ik schaam me dood', 'ik word gek van die werkdruk', 'ik verveel me dood').
No Rasa imports: used by the CrisisGuard NLU component and testable on its own.
"""
from __future__ import annotations

import re

# Words people put in between: 'ik wil gewoon dood', 'ik zie het echt niet meer zitten'.
_F = r"(?:(?:graag|gewoon|echt|liever|het liefst|eigenlijk|soms|zo|ook|al|nu) )*"

_SIGNALS = [
    r"\bzelfmoord\w*", r"\bsu[iï]cid\w*", r"\bzelfdoding\w*",
    rf"\b(ik )?(wil|wou|zou)( ik)? {_F}(dood|sterven|niet meer leven|er niet meer zijn)\b",
    rf"\bdood {_F}(zijn|wezen|gaan)\b", r"\bvan het leven beroven\b", r"\bleven (be)?[eë]indigen\b",
    r"\b(ik )?wou dat ik (dood|er niet meer) (was|ben)\b",
    r"\bniet meer (willen )?leven\b", r"\bhet leven (niet meer zien zitten|is zinloos)\b",
    rf"\bzie het (leven )?{_F}niet meer zitten\b",
    r"\b(een )?(eind|einde) aan (mijn|m'n|het) leven\b", r"\ber een (eind|einde) aan (maken|te maken)\b",
    r"\b(mezelf|mijzelf|me) (iets )?(aandoen|aan (te )?doen|van kant (te )?maken|ombrengen|"
    r"om (te )?brengen|doden|(te )?snijden)\b",
    r"\bvan kant maken\b", r"\bvoor de trein springen\b", r"\bvan een (brug|flat|dak) springen\b",
    r"\bpillen (innemen|slikken) om\b", r"\boverdosis\b",
    r"\b(ik )?kan (zo )?niet meer verder( leven)?\b",
    r"\bniemand zou me (missen|mi?ssen)\b",
    r"\b(ik ben|voel me) in (acuut )?gevaar\b", r"\bhij (slaat|bedreigt) me\b",
    r"\bwil (hem|haar|iemand) (iets )?aandoen\b",
    # Overdose, jumping, self-harm, 'not exist any more', violence against the user.
    r"\b(al|alle|al mijn|een hoop|een (hele )?strip|strips|handvol|hele|potje|doosje|"
    r"een handvol)( \w+)? (pillen|tabletten|medicijnen|slaappillen)\b.{0,30}"
    r"\b(geslikt|ingenomen|in ?te ?nemen|slikken|innemen|klaar)",
    r"\b(pillen|tabletten|medicijnen|slaappillen)\b.{0,25}\b(klaar ?liggen|klaargelegd|"
    r"opgespaard|gespaard)\b",
    r"\b(dak|brug|flat|trein|raam|balkon|spoor|viaduct)\b.{0,30}\bspring(en|t)?\b",
    r"\bspring(en)?\b.{0,30}\b(dak|brug|flat|trein|raam|balkon|spoor|viaduct)\b",
    r"\b(snij|snijd|kras|beschadig)\w* (me|mezelf|mijzelf)\b", r"\bzelfbeschadig\w*",
    r"\bmezelf pijn (doen|te doen)\b",
    rf"\b(wil|zou|wou) {_F}niet meer (bestaan|wakker worden|hier zijn)\b",
    # Verb last after 'dat'/'omdat': 'dat ik er niet meer wil zijn', 'dat ik dood wil'.
    r"\ber niet meer (wil|wou|zou willen|hoef) zijn\b",
    r"\bniet meer (wil|wou|zou willen|hoef) (leven|bestaan|wakker worden)\b",
    rf"\bik {_F}dood (wil|wou|zou willen)\b",
    r"\bhet (leven )?hoeft (voor mij |van mij )?(allemaal )?niet meer\b",
    r"\bnooit meer wakker (te )?worden\b",
    r"\b(slaat|schopt|mishandelt|wurgt|bedreigt|vermoordt) (me|mij)\b",
    r"\b(me|mij) (vermoorden|vermoordt|dood ?maken|dood ?maakt|iets aan ?doen)\b",
    r"\bhuiselijk geweld\b",
    r"\bsuicidal\b", r"\bkill myself\b", r"\bwant to die\b",
]
# Everyday idioms with 'dood' and friends that are not a crisis.
_IDIOMS = [
    r"\bdood ?moe\b", r"\bdoodop\b", r"\bschaam me dood\b", r"\bverveel me dood\b",
    r"\bme dood ?(lachen|werken|ergeren|schrikken)\b", r"\bdoodziek van\b", r"\bdoodnormaal\b",
    r"\bdoodeng\b", r"\bdoodsbang\b", r"\bdoodstil\b", r"\bword gek\b", r"\bdoodvermoeid\b",
    r"\bdoodsaai\b", r"\bwerk(t)? me dood\b",
]
# Saying it is not so: 'ik wil niet dood, ik wil minder werken', 'geen zelfmoordgedachten'.
# Only used to overrule the classifier; a real signal in the same message still counts.
_DENIALS = [
    r"\b(wil|ga|zou|hoef) (echt |zeker |helemaal |heus )?niet dood\b",
    r"\bgeen (zelfmoord|su[iï]cid)\w*", r"\bniet su[iï]cida\w*", r"\bniet (aan )?zelfmoord\b",
]
SIGNAL = re.compile("|".join(_SIGNALS), re.IGNORECASE)
IDIOM = re.compile("|".join(_IDIOMS), re.IGNORECASE)
DENIAL = re.compile("|".join(_DENIALS), re.IGNORECASE)


def signals_crisis(text: str) -> bool:
    """True when the text signals suicidal thoughts or acute danger."""
    if not text:
        return False
    cleaned = IDIOM.sub(" ", text)
    return bool(SIGNAL.search(cleaned))
