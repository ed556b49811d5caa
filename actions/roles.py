"""The user says who they are: confirm the role, or, when no role was actually named
('ik ben doodmoe' looks like 'ik ben werkgever'), treat the message as a question.
Workers and job seekers are offered the interview (see `actions.situation_replies.confirm_role`)."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.situation_replies import confirm_role


class ActionConfirmRole(Action):
    def name(self) -> Text:
        return "action_confirm_role"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        return confirm_role(dispatcher, tracker, domain)
