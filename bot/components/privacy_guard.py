"""PrivacyGuard: 'verwijder mijn gegevens' erases the whole conversation, so the classifier alone
may not decide it. Character n-grams once read the interview answer 'het wisselt per dag' as
`delete_my_data` ('wis...'). This rule component:

- keeps `delete_my_data` only when the message says to delete something ('verwijder', 'wis',
  'vergeet alles', 'gooi ... weg', ...) and names no one else ('mag mijn werkgever mijn
  gegevens verwijderen?' is a question); otherwise the classifier's next guess is used;
- keeps `show_my_data` only when the message asks what is kept or known ('wat weet je over
  mij', 'bewaar', 'opgeslagen', 'gegevens', 'privacy', ...);
- also when the message asks to start again ('wis mijn antwoorden en begin weer': start_over);
- puts privacy intents without their words at the end of the ranking (confidence 0);
- makes the phrases the greeting advertises always work: 'verwijder mijn gegevens',
  'wat weet je over mij' and a few unmistakable variants.

Runs before the FallbackClassifier, so a demoted guess still has to be confident enough.
"""
from __future__ import annotations

import re
from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.intent_override import RuleIntentComponent, override_intent

SHOW = "show_my_data"
DELETE = "delete_my_data"
PRIVACY = (SHOW, DELETE)

_MY_DATA = r"(?:gegevens|gegevns|data|info|informatie|persoonsgegevens|antwoorden|gesprek)"
_MY = r"(?:mijn|m'?n|mn|al\s+mijn|dit|het|deze)"
DELETE_CUE = re.compile(
    r"\b(?:verwijder\w*|verwijdr\w*|wis|wiss?en|gewist|schrap\w*|delete\w*|weggooien|wegdoen|"
    r"vergetelheid|vergeten\s+te\s+worden|vergeten\s+worden|"
    r"vergeet\s+(?:dan\s+|maar\s+)?(?:alles|mij|me|dit|wat|het\s+gesprek|mijn)|"
    r"gooi\b.*\bweg|haal\b.*\bweg|(?:alles|gegevens|data|info)\b.*\bweg|"
    r"(?:alles|mij|me)\s+(?:\w+\s+)?vergeet|vergeet\s+dit\s+gesprek|"
    r"haal\b.*\buit\s+(?:je|jouw)\s+(?:systeem|geheugen|database))\b",
    re.IGNORECASE)
SHOW_CUE = re.compile(
    r"\b(?:bewaar\w*|bewaard|opgeslagen|opgelsagen|opslaan|sla\w*\b.*\bop\b|onthou\w*|"
    r"bijgehouden|bijhouden|hou\w*\b.*\bbij\b|privacy|inzage|inzien|persoonsgegevens|"
    r"gegevens|data|info\b|informatie|"
    r"(?:weet|wet|ken|kent|weten|hebt|heb|hebde)\b.*\b(?:over|van)\s+(?:mij|me)|"
    r"(?:over|van)\s+(?:mij|me)\s+(?:\w+\s+)?(?:weet|weten|kent|hebt)|"
    r"gebeurt\b.*\bmet\b.*\b(?:mijn|wat\s+ik)|opgeslagen|blijft\b.*\bbewaard)\b",
    re.IGNORECASE)
# 'mag mijn werkgever mijn gegevens verwijderen?' is a question about someone else (ask_question).
OTHERS = re.compile(
    r"\b(?:werkgever|bedrijfsarts|arbodienst|arbo|uwv|leidinggevende|baas|manager|verzekeraar|"
    r"huisarts|arts|casemanager|gemeente|dossier|verzuimdossier|hr|personeelszaken|collega'?s?)\b",
    re.IGNORECASE)
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


def has_cue(intent: str, text: str) -> bool:
    if intent == DELETE:
        return bool(DELETE_CUE.search(text)) and not OTHERS.search(text) \
            and not RESTART.search(text)
    return bool(SHOW_CUE.search(text))


def strong_command(text: str) -> str | None:
    for intent, pattern in STRONG.items():
        if pattern.match(text):
            return intent
    return None


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class PrivacyGuard(RuleIntentComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):
                continue  # a button payload names its intent itself
            predicted = (message.get(INTENT) or {}).get("name")
            if predicted == "crisis":
                continue
            command = strong_command(text)
            if command is not None:
                if predicted != command:
                    override_intent(message, command)
                continue
            if predicted == DELETE and RESTART.search(text):
                confidence = float((message.get(INTENT) or {}).get("confidence") or 0.0)
                override_intent(message, "start_over", confidence)
            elif predicted in PRIVACY and not has_cue(predicted, text):
                self._demote(message, predicted)
            else:
                self._drop_from_ranking(message, text)
        return messages

    @staticmethod
    def _drop_from_ranking(message: Message, text: str) -> None:
        """Privacy intents without their words are no candidates further down either."""
        ranking = message.get(INTENT_RANKING_KEY) or []
        wrong = [r for r in ranking[1:] if r.get("name") in PRIVACY
                 and not has_cue(r["name"], text)]
        if wrong:
            kept = [r for r in ranking if r not in wrong]
            message.set(INTENT_RANKING_KEY, kept + [{**r, "confidence": 0.0} for r in wrong],
                        add_to_output=True)

    @staticmethod
    def _demote(message: Message, wrong: str) -> None:
        """Use the classifier's best guess that is no privacy intent."""
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or []
                   if r.get("name") not in PRIVACY]
        if not ranking:
            override_intent(message, "nlu_fallback", 0.0)
            return
        best = ranking[0]
        message.set(INTENT, {"name": best["name"], "confidence": best["confidence"]},
                    add_to_output=True)
        message.set(INTENT_RANKING_KEY, ranking + [
            {**r, "confidence": 0.0} for r in message.get(INTENT_RANKING_KEY) or []
            if r.get("name") == wrong], add_to_output=True)
