"""Set a message's intent from a rule-based component, keeping the ranking consistent."""
from __future__ import annotations

from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message


def override_intent(message: Message, intent: str, confidence: float = 1.0) -> None:
    """Make `intent` the message's intent and the head of its ranking."""
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != intent]
    message.set(INTENT, {"name": intent, "confidence": confidence}, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": confidence}, *ranking],
                add_to_output=True)
