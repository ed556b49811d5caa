"""What the conversation remembers about the knowledge items shown (slot `given_item_ids`)."""
from __future__ import annotations

from typing import Any, Dict, List, Sequence, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet


def given_ids(tracker: Tracker) -> List[str]:
    """Knowledge items already shown in full in this conversation."""
    return list(tracker.get_slot("given_item_ids") or [])


def given_event(tracker: Tracker, shown: Sequence[str]) -> Dict[Text, Any]:
    """The slot event that remembers `shown` as given too."""
    given = given_ids(tracker)
    return SlotSet("given_item_ids", given + [i for i in shown if i not in given])


def once(tracker: Tracker, text: str, again: str) -> str:
    """`text` the first time; `again` (short) when the bot said `text` before in this
    conversation: a long message is never repeated word for word."""
    said = {event.get("text") for event in tracker.events or [] if event.get("event") == "bot"}
    return again if text in said else text
