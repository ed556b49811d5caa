"""Recognise medical questions the guideline does not answer: medication, doses, side effects of
a specific medicine, and requests for a diagnosis ('heb ik misschien ME?', 'wat mankeer ik?').

The assistant refers these to the treating doctor or the bedrijfsarts and never speculates.
Conservative on purpose: telling one's situation ('mijn medicatie maakt me moe op het werk') is
no medical question, and questions about what the guideline says ('wat zegt de richtlijn over
medicatie bij reuma?') are answered from the knowledge base. Read by the understanding rules (`rules.py`). No Rasa imports.
"""
from __future__ import annotations

import re

from bot.understanding import vocabulary as voc
from knowledge.text import fold

_MEDICINE = voc.MEDICINES
_ILLNESS = voc.ILLNESSES
_SYMPTOM = voc.SYMPTOMS

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

# A diagnosis question names an illness or a symptom: 'heb ik misschien ME?' is one, 'heb ik
# eigenlijk recht op een jobcoach?' and 'wat heb ik aan deze chatbot?' are not.
_DIAGNOSIS_QUESTION = [
    # 'heb ik misschien ME?', 'zou ik MS kunnen hebben?', 'denk je dat ik reuma heb?'
    rf"\bheb ik (misschien|soms|mogelijk|dan|nou|wel|echt|eigenlijk|een|last van)\b.{{0,30}}"
    rf"\b{_ILLNESS}\b.{{0,20}}\?",
    rf"\bheb ik (een )?{_ILLNESS}\b.{{0,20}}\?",
    rf"\b(zou|kan) ik\b.{{0,15}}\b{_ILLNESS}\b.{{0,15}}\b(kunnen )?hebben\b",
    rf"\b(denk|vind) (je|jij|u)\b.{{0,15}}\bdat ik\b.{{0,40}}\b{_ILLNESS}\b.{{0,10}}"
    r"\b(heb|hebben|ben|lijd)\b",
    r"\bwat (mankeer|scheelt) (ik|mij|me)\b", r"\bwat heb ik (toch|nou|dan)?\W*$",
    r"\bwat heb ik (voor )?(een )?(ziekte|aandoening)\b",
    rf"\bwat (kan|zou|kunnen) (dit|dat|het|deze|die)\b.{{0,25}}\b{_SYMPTOM}?.{{0,10}}\b(zijn|betekenen)"
    r"\b.{0,10}\?",
    rf"\b(kan|zou) (dit|dat|het)\b.{{0,15}}\b(een )?{_ILLNESS}\b.{{0,20}}\b(zijn|wezen)\b",
    rf"\bis (dit|dat|het)\b.{{0,10}}\b(een )?{_ILLNESS}\b.{{0,10}}\?",
    r"\bben ik\b.{0,10}\b(depressief|overspannen|ziek|chronisch ziek|ernstig ziek)\b.{0,15}\?",
    r"\b(stel|geef)\b.{0,15}\b(een |mij een |me een )?diagnose\b",
    r"\b(kun|kan|wil) (je|jij|u)\b.{0,25}\bdiagnose\b",
]

_MEDICAL = re.compile("|".join(f"(?:{p})" for p in _MEDICATION_QUESTION + _DIAGNOSIS_QUESTION))
# A dose question may name the medicine sentences earlier, or by a brand name no list knows:
# 'ik slik depakine ... kan ik de helft nemen?', 'ik moet mtx slikken ... mag ik het ophogen?'.
_TAKES_MEDICINE = re.compile(rf"\b{_MEDICINE}\b|\b(slik|slikken|slikt|geslikt|voorgeschreven)\b|\d\s?mg\b"
    r"|\b(arts|specialist|\w+loog)\b[^.?!]{0,40}\bgegeven\b")
_DOSE_QUESTION = re.compile(
    r"\b(mag|kan|moet|zal|zou|kun) (ik|je)\b[^.?!]{0,40}\b(ophogen|verhogen|verlagen|halveren|"
    r"verdubbelen|afbouwen|overslaan|minder innemen|meer innemen)\b"
    r"|\b(de helft|een halve?|half)\b[^.?!]{0,15}\b(nemen|innemen|slikken|gebruiken)\b"
    r"|\bhoeveel\b(?![^.?!]{0,30}\b(uur|uren|dagen|geld|euro|verlof)\b)[^.?!]{0,30}\b(per (dag|week)|is (normaal|veilig|gevaarlijk|te veel)|"
    r"mag ik|kan ik|maximaal)\b|\b(welke|wat is de) (dosis|dosering)\b")
# Asking about the guideline, evidence or work is a knowledge question, not a medical one.
_ABOUT_GUIDELINE = re.compile(
    r"\b(richtlijn|aanbeveling|bewijs|evidence|onderzoek|bron|paragraaf|werkgever|werkgevers|"
    r"werknemer|medewerker|re-?integratie|uwv|wia|ziektewet|privacy|vertellen|melden|zeggen|"
    r"verzwijgen|"
    r"verplicht|bedrijfsarts zeggen|uren|uur per (dag|week)|werkuren|werktijden|"
    # an employer's abbreviations, staff, and what a treatment does for work
    r"wg|wn|medewerk\w*|werkbehoud|werkhervatting|arbeidsparticipatie|"
    r"terugkeer naar (het )?werk|binnen (te )?houden)\b"
)


def about_guideline(text: str) -> bool:
    """Asks about the guideline, evidence, work or rights: a knowledge question."""
    return bool(_ABOUT_GUIDELINE.search(fold(text or "")))


def asks_medical(text: str) -> bool:
    """True for a question about medication or a diagnosis that belongs with a doctor."""
    folded = fold(text or "")
    if not folded or _ABOUT_GUIDELINE.search(folded):
        return False
    if _MEDICAL.search(folded):
        return True
    return bool(_DOSE_QUESTION.search(folded) and _TAKES_MEDICINE.search(folded))
