"""MedicalGuard: a question about medication or a diagnosis ('mag ik mijn prednison verhogen?',
'heb ik misschien ME?') always gets intent `medical_question`, which refers the user to their
own doctor or the bedrijfsarts: the guideline does not answer it and the assistant must not
speculate. The intent comes from the patterns only (bot/medical.py): when the classifier guesses
`medical_question` for a message they do not match ('toch vaak moe'), its next guess is taken, so
an interview answer is never turned into a referral. Runs before the FallbackClassifier (which
then judges the remaining guess) and before the CrisisGuard (a crisis signal always wins).
"""
from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.intent_override import RuleIntentComponent, override_intent
from bot.medical import asks_medical

MEDICAL = "medical_question"
# Intents a medical question is never re-labelled from: the user is doing something else.
KEEP = {"crisis", "stop", "start_over", "goodbye", "skip", "go_back"}


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class MedicalGuard(RuleIntentComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):
                continue
            predicted = (message.get(INTENT) or {}).get("name")
            medical = asks_medical(text)
            if medical and predicted not in KEEP and predicted != MEDICAL:
                override_intent(message, MEDICAL)
            elif predicted == MEDICAL and not medical:
                others = [r for r in message.get(INTENT_RANKING_KEY) or []
                          if r.get("name") != MEDICAL]
                if others:
                    override_intent(message, others[0]["name"],
                                    float(others[0].get("confidence") or 0.0))
        return messages
