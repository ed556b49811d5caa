"""Set a message's intent from a rule-based component, keeping the ranking consistent."""
from __future__ import annotations

from typing import Any, Dict, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message


def override_intent(message: Message, intent: str, confidence: float = 1.0) -> None:
    """Make `intent` the message's intent and the head of its ranking.

    The classifier's other guesses stay in order but at most half as confident, so that the
    FallbackClassifier does not see a tie with the intent this rule replaced."""
    ranking = [{**r, "confidence": min(float(r.get("confidence") or 0.0), confidence / 2)}
               for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != intent]
    message.set(INTENT, {"name": intent, "confidence": confidence}, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": confidence}, *ranking],
                add_to_output=True)


class RuleIntentComponent(GraphComponent, IntentClassifier):
    """Base for untrained components that correct the classifier's intent by a rule."""

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage,
               resource: Resource, execution_context: ExecutionContext) -> "RuleIntentComponent":
        return cls()
