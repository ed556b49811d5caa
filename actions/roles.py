"""The user says who they are: confirm the role, or, when no role was actually named
('ik ben doodmoe' looks like 'ik ben werkgever'), treat the message as a question."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import messages
from actions.answer_question import ActionAnswerQuestion


class ActionConfirmRole(Action):
    def name(self) -> Text:
        return "action_confirm_role"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        named = [e for e in tracker.latest_message.get("entities", []) if e.get("entity") == "role"]
        role = tracker.get_slot("role")
        if named and role in messages.ROLE_CONFIRMED:
            dispatcher.utter_message(text=messages.ROLE_CONFIRMED[role])
            return []
        return ActionAnswerQuestion().run(dispatcher, tracker, domain)
