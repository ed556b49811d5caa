"""CrisisGuard: a message that signals suicidal thoughts or acute danger always gets intent
`crisis`, whatever the classifiers (and the fallback) said; everyday idioms such as 'doodmoe'
never do. Runs last in the NLU pipeline. Rules: crisis -> utter_crisis, in any state.
"""
from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.intent_override import RuleIntentComponent, override_intent
from bot.crisis import DENIAL, IDIOM, signals_crisis

CRISIS = "crisis"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class CrisisGuard(RuleIntentComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):
                continue
            ranking = message.get(INTENT_RANKING_KEY) or []
            predicted = (message.get(INTENT) or {}).get("name")
            if signals_crisis(text):
                override_intent(message, CRISIS)
            elif predicted == CRISIS and (IDIOM.search(text) or DENIAL.search(text)):
                # The classifier heard 'dood' in an idiom or a denial ('ik wil niet dood, ik
                # wil minder werken'): take its next best guess.
                others = [r for r in ranking if r.get("name") != CRISIS]
                if others:
                    override_intent(message, others[0]["name"], others[0]["confidence"])
        return messages
