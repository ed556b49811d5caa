"""Recognise medical questions the guideline does not answer: medication, doses, side effects of
a specific medicine, and requests for a diagnosis ('heb ik misschien ME?', 'wat mankeer ik?').

The assistant refers these to the treating doctor or the bedrijfsarts and never speculates.
Conservative on purpose: telling one's situation ('mijn medicatie maakt me moe op het werk') is
no medical question, and questions about what the guideline says ('wat zegt de richtlijn over
medicatie bij reuma?') are answered from the knowledge base. No Rasa imports.
"""
from __future__ import annotations

import re

from knowledge.text import fold

_MEDICINE = (r"(medicijn\w*|medicatie|pil(len)?|tablet(ten)?|pijnstiller\w*|paracetamol|"
             r"ibuprofen|diclofenac|naproxen|prednison\w*|methotrexaat|mtx|insuline|"
             r"antidepressiva|antidepressivum|ssri\w*|ritalin\w*|morfine|oxycodon\w*|tramadol|"
             r"slaapmiddel\w*|slaappil\w*|biological\w*|humira|adalimumab|dosis|dosering|"
             r"zetpil\w*|spuit(en)?|injectie\w*|inhalator\w*|puffer\w*)")

_MEDICATION_QUESTION = [
    # 'welke medicijnen helpen tegen ...', 'wat voor pijnstiller kan ik nemen'
    rf"\b(welke|wat voor|welk|hoeveel)\b.{{0,25}}\b{_MEDICINE}\b",
    # 'mag ik mijn prednison verhogen', 'kan ik stoppen met mijn medicijnen'
    rf"\b(mag|kan|moet|zal|zou)\s+ik\b.{{0,40}}\b{_MEDICINE}\b.{{0,30}}"
    r"\b(verhogen|verlagen|minderen|afbouwen|stoppen|ophogen|combineren|nemen|innemen|"
    r"slikken|gebruiken|overslaan|halveren|verdubbelen|wisselen)\b",
    rf"\b(mag|kan|moet|zal|zou)\s+ik\b.{{0,25}}\b(stoppen|beginnen|starten)\s+met\b.{{0,20}}"
    rf"\b{_MEDICINE}\b",
    rf"\b(mag|kan)\s+ik\b.{{0,30}}\b{_MEDICINE}\b.{{0,30}}\b(samen|tegelijk|combineren)\b",
    rf"\bbijwerking\w*\b.{{0,30}}\b(van|bij)\b.{{0,25}}\b({_MEDICINE}|\w+(mab|mib|ine|ol|on))\b"
    r".{0,40}\?",
    rf"\b(is|zijn)\b.{{0,20}}\b{_MEDICINE}\b.{{0,30}}\b(veilig|gevaarlijk|schadelijk|verslavend)\b",
    r"\bwelke (behandeling|therapie|operatie)\b.{0,30}\b(moet|zal|kan) ik\b.{0,20}"
    r"\b(kiezen|nemen|doen|krijgen)\b",
    r"\b(moet|zal) ik\b.{0,20}\b(geopereerd|operatie|bestraling|chemo)\b",
    r"\bhoeveel (mg|milligram|milligramm)\b",
]

_DIAGNOSIS_QUESTION = [
    # 'heb ik misschien ME?', 'zou ik MS kunnen hebben?', 'denk je dat ik reuma heb?'
    r"\bheb ik (misschien|soms|mogelijk|dan|nou|wel|echt|eigenlijk)\b.{0,40}\?",
    r"\bheb ik (een )?(burn-?out|depressie|me|me/cvs|cvs|ms|reuma|fibromyalgie|diabetes|"
    r"kanker|long ?covid|adhd|autisme|artrose|hernia|astma|copd|parkinson|epilepsie|migraine)\b"
    r".{0,20}\?",
    r"\b(zou|kan) ik\b.{0,30}\b(kunnen )?hebben\b.{0,10}\?",
    r"\b(denk|vind) (je|jij|u)\b.{0,15}\bdat ik\b.{0,40}\b(heb|hebben|ben|lijd)\b",
    r"\bwat (heb|mankeer|scheelt) (ik|mij|me)\b",
    r"\bwat (kan|zou) (dit|dat|het)\b.{0,25}\b(zijn|betekenen)\b.{0,10}\?",
    r"\b(kan|zou) (dit|dat|het)\b.{0,15}\b(een )?(burn-?out|depressie|me/cvs|cvs|ms|reuma|"
    r"kanker|long ?covid|hernia|hartinfarct|ziekte)\b.{0,20}\b(zijn|wezen)\b",
    r"\bis (dit|dat|het)\b.{0,10}\b(een )?(burn-?out|depressie|overspannenheid|me/cvs|long ?covid|"
    r"hernia)\b.{0,10}\?",
    r"\bben ik\b.{0,10}\b(depressief|overspannen|ziek|chronisch ziek|ernstig ziek)\b.{0,15}\?",
    r"\b(stel|geef)\b.{0,15}\b(een |mij een |me een )?diagnose\b",
    r"\b(kun|kan|wil) (je|jij|u)\b.{0,25}\bdiagnose\b",
]

_MEDICAL = re.compile("|".join(f"(?:{p})" for p in _MEDICATION_QUESTION + _DIAGNOSIS_QUESTION))
# Asking about the guideline, evidence or work is a knowledge question, not a medical one.
_ABOUT_GUIDELINE = re.compile(
    r"\b(richtlijn|aanbeveling|bewijs|evidence|onderzoek|bron|paragraaf|werkgever|werkgevers|"
    r"werknemer|medewerker|re-?integratie|uwv|wia|ziektewet|privacy|vertellen|melden|"
    r"verplicht|bedrijfsarts zeggen)\b"
)


def asks_medical(text: str) -> bool:
    """True for a question about medication or a diagnosis that belongs with a doctor."""
    folded = fold(text or "")
    if not folded or _ABOUT_GUIDELINE.search(folded):
        return False
    return bool(_MEDICAL.search(folded))
