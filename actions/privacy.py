"""Privacy (AVG): 'wat weet je over mij?' and 'verwijder mijn gegevens'.

What is stored and how it is erased is decided by the tracker store (bot/tracker_store.py):
message texts are not kept, answers and bot messages are de-identified, and a turn that runs
`action_erase_my_data` deletes the whole conversation. These actions only tell the user.
"""
from __future__ import annotations

import logging
from datetime import datetime
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from knowledge.situation import SKIPPED, TOPIC_LABELS, TOPICS

logger = logging.getLogger(__name__)

SHOW_ACTION = "action_show_my_data"
ERASE_ACTION = "action_erase_my_data"  # bot/tracker_store.py ERASE_ACTION

ROLE_LABELS = {
    "werkende": "je werkt",
    "werkzoekende": "je zoekt werk",
    "professional": "je bent professional (bijvoorbeeld bedrijfsarts)",
    "werkgever": "je bent werkgever",
}
STORED_HEADER = "Dit bewaar ik van dit gesprek:"
NOTHING_YET = "- Je hebt nog geen rol gekozen en nog geen vragen van mij beantwoord."
HOW_STORED = (
    "Wat je typt, bewaar ik niet letterlijk: alleen waar het over ging. Je antwoorden op mijn "
    "vragen en mijn berichten aan jou bewaar ik zonder namen, telefoonnummers, e-mailadressen "
    "en andere nummers. Ik gebruik ze alleen om je in dit gesprek te helpen."
)
HOW_LONG = ("Ik wis alles {days} dagen na je laatste bericht. Wil je het nu wissen? "
            "Typ 'verwijder mijn gegevens'.")
ERASE_BUTTON = ("Verwijder mijn gegevens", "/delete_my_data")
ERASED = (
    "Klaar: ik heb alles van dit gesprek gewist. Je antwoorden, je rol en mijn berichten zijn "
    "weg; ik weet niets meer van je. Wil je verder? Stel gerust een nieuwe vraag of typ 'hallo'."
)


def _retention_days() -> int:
    from bot.settings import DEFAULT_RETENTION_DAYS, retention_days

    try:
        return retention_days()
    except ValueError:
        return DEFAULT_RETENTION_DAYS


def _stored_facts(sender_id: str) -> Optional[tuple]:
    """(user messages, first timestamp) stored for this conversation, all sessions."""
    from bot.retention import conversation_facts
    from bot.settings import Settings

    try:
        facts = conversation_facts(Settings().effective_tracker_url(), sender_id)
    except Exception as error:  # the chat goes on; the tracker is the fallback
        logger.warning("privacy: tracker database not readable (%s)", type(error).__name__)
        return None
    return facts.user_messages, facts.first


def _from_tracker(tracker: Tracker) -> tuple:
    users = [e for e in tracker.events if e.get("event") == "user"]
    stamps = [e.get("timestamp") for e in tracker.events if e.get("timestamp")]
    # The message being answered is part of the tracker already.
    return max(len(users) - 1, 0), (min(stamps) if stamps else None)


def what_is_stored(tracker: Tracker, days: int) -> str:
    lines = [STORED_HEADER]
    role = tracker.get_slot("role")
    if role in ROLE_LABELS:
        lines.append(f"- Wie je bent: {ROLE_LABELS[role]}.")
    answers = [(t, tracker.get_slot(t)) for t in TOPICS if tracker.get_slot(t) is not None]
    if answers:
        lines.append("- Je antwoorden:")
        for topic, value in answers:
            shown = "overgeslagen" if value == SKIPPED else f"'{value}'"
            lines.append(f"  - {TOPIC_LABELS[topic]}: {shown}")
    if role not in ROLE_LABELS and not answers:
        lines.append(NOTHING_YET)
    facts = _stored_facts(tracker.sender_id) or _from_tracker(tracker)
    messages, first = facts
    count = messages + 1  # this question is stored too
    since = datetime.fromtimestamp(first).strftime("%d-%m-%Y om %H:%M") if first else None
    berichten = "1 bericht" if count == 1 else f"{count} berichten"
    lines.append(f"- Je stuurde {berichten}" + (f", sinds {since}." if since else "."))
    lines += [HOW_STORED, HOW_LONG.format(days=days)]
    return "\n".join(lines)


class ActionShowMyData(Action):
    """'wat weet je over mij?': what is stored, how, for how long, and how to erase it."""

    def name(self) -> Text:
        return SHOW_ACTION

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(
            text=what_is_stored(tracker, _retention_days()),
            buttons=[{"title": ERASE_BUTTON[0], "payload": ERASE_BUTTON[1]}])
        return []


class ActionEraseMyData(Action):
    """'verwijder mijn gegevens': the tracker store deletes the conversation when this turn is
    saved (it sees this action's name); here only the confirmation."""

    def name(self) -> Text:
        return ERASE_ACTION

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=ERASED)
        return []
