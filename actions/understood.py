"""What the NLU pipeline says about how it understood the latest message.

The understanding component writes the rule that decided the intent into the parse data:
`{"understanding": {"rule": "language.nonsense", ...}}`; the key is absent (or None) when the
classifier decided. Actions ask this instead of reading confidences.
"""
from __future__ import annotations

from typing import Optional

from rasa_sdk import Tracker

# Rule ids of the understanding layer (bot/understanding) that actions react to.
NONSENSE = "language.nonsense"
FOREIGN = "language.foreign"


def deciding_rule(tracker: Tracker) -> Optional[str]:
    """The id of the rule that decided the latest message's intent; None for the classifier."""
    understanding = tracker.latest_message.get("understanding") or {}
    return understanding.get("rule") if isinstance(understanding, dict) else None


def decided_by(tracker: Tracker, rule_id: str) -> bool:
    """True when the rule `rule_id` decided the latest message's intent."""
    return deciding_rule(tracker) == rule_id


def intent_of(tracker: Tracker) -> tuple:
    """(name, confidence) of the latest message's intent."""
    intent = tracker.latest_message.get("intent") or {}
    return intent.get("name"), float(intent.get("confidence") or 0.0)
