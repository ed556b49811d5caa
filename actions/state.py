"""What the conversation remembers: the knowledge items shown (slot `given_item_ids`) and
what a story before the interview told (slot `told`)."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from knowledge.situation import ADVICE_TOPICS, clean_answer, read_story


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
    return again if said_before(tracker, text) else text


def said_before(tracker: Tracker, text: str) -> bool:
    """Has the bot said `text` in this conversation?"""
    return any(event.get("event") == "bot" and event.get("text") == text
               for event in tracker.events or [])


def user_said_before(tracker: Tracker, text: str) -> bool:
    """Did the user send this same message (case and spacing aside) earlier in the
    conversation? The latest message itself does not count."""
    said = [" ".join((event.get("text") or "").lower().split())
            for event in tracker.events or [] if event.get("event") == "user"]
    return said[:-1].count(" ".join(text.lower().split())) > 0


def just_said(tracker: Tracker, text: str) -> bool:
    """Was `text` the bot's last message?"""
    said = [event.get("text") for event in tracker.events or [] if event.get("event") == "bot"]
    return bool(said) and said[-1] == text


def told_events(tracker: Tracker, text: str,
                condition_name: Optional[str]) -> List[Dict[Text, Any]]:
    """Remember what a message before the interview says per topic (slot `told`; only the
    parts read, at most MAX_ANSWER_CHARS each), so the plan uses the opening story too."""
    found = {topic: part for topic, part in read_story(text).items() if topic in ADVICE_TOPICS}
    if condition_name:
        found["aandoening"] = condition_name
    if not found:
        return []
    told = dict(tracker.get_slot("told") or {})
    for topic, part in found.items():
        before = told.get(topic)
        combined = part if not before or topic == "aandoening" or part in before \
            else f"{before}; {part}"
        told[topic] = clean_answer(combined)
    return [SlotSet("told", told)]
