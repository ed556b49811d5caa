"""'aanbevelingen hoofdstuk 3', 'overzicht paragraaf 3.2': the professional's short overview
of a guideline section in the chat (the same as `werkbaar richtlijn 3.2`)."""
from __future__ import annotations

from typing import Optional

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge_access import KB
from knowledge.overview import render_text, requested_section, section_overview

LINES = 12  # items in one chat bubble; the rest is counted and a paragraph suggested


def answer_overview(dispatcher: CollectingDispatcher, tracker: Tracker,
                    text: str) -> Optional[list]:
    """Send the overview when `text` asks for one; None when it does not."""
    section = requested_section(text)
    if section is None:
        return None
    # The overview is the professional's view; an employer gets the items written for them.
    audience = "werkgever" if tracker.get_slot("role") == "werkgever" else "professional"
    overview = section_overview(KB, section, audience=audience)
    dispatcher.utter_message(text=render_text(overview, limit=LINES))
    return [SlotSet("more_item_ids", None)]
