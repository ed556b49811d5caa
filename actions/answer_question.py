"""Answer a direct question from the knowledge base, with its source."""
from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import messages
from actions.audience import WORKER_AUDIENCES, audience_for
from actions.formatting import item_message, resources_message
from actions.knowledge_access import KB

RESULTS = 3
RESOURCES = 4
# Asking where to go rather than what to do: answer with organisations, coaches and tools.
_WHERE_TO_GO = re.compile(
    r"organisatie|vereniging|lotgeno|coach|ervaringsdeskundig|stichting|instantie|"
    r"waar kan ik terecht|bij wie kan ik|wie kan (mij|me) helpen",
    re.IGNORECASE,
)


class ActionAnswerQuestion(Action):
    def name(self) -> Text:
        return "action_answer_question"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        text = tracker.latest_message.get("text") or ""
        audience = audience_for(tracker.get_slot("role"), text)
        if _WHERE_TO_GO.search(text):
            condition = KB.match_condition(text)
            resources = KB.resources_for(condition.id if condition else None)[:RESOURCES]
            if resources:
                dispatcher.utter_message(
                    text=resources_message(resources, condition.name if condition else None)
                )
                return []
        hits = KB.search(text, audience=audience, limit=RESULTS,
                         prefer_advice=audience != "professional")
        if not hits:
            dispatcher.utter_message(text=messages.NO_ANSWER)
            return []
        best, others = hits[0], hits[1:]
        dispatcher.utter_message(text=item_message(best.item, audience))
        if others:
            titles = "\n".join(f"- {hit.item.title}" for hit in others)
            dispatcher.utter_message(text=f"Misschien ook nuttig:\n{titles}")
        events = [SlotSet("last_answer_ids", [hit.item.id for hit in hits])]
        if audience in WORKER_AUDIENCES and not tracker.get_slot("disclaimer_shown"):
            dispatcher.utter_message(text=messages.NOT_A_DOCTOR)
            events.append(SlotSet("disclaimer_shown", True))
        return events
