"""Bookkeeping after the direct safety question (`utter_crisis_check`, a response, so it is
asked also when this server is down): remember that it was asked, so a second time it is asked
in short (the response's condition on `crisis_check_asked`)."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher


class ActionNoteCrisisCheck(Action):
    def name(self) -> Text:
        return "action_note_crisis_check"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        return [SlotSet("crisis_check_asked", True)]
