"""The user says who they are: confirm the role, or, when no role was actually named
('ik ben doodmoe' looks like 'ik ben werkgever'), treat the message as a question.
Workers and job seekers are offered the interview."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import messages
from actions.answer_question import ActionAnswerQuestion
from actions.audience import role_from_text

WORKER_ROLES = ("werkende", "werkzoekende")


class ActionConfirmRole(Action):
    def name(self) -> Text:
        return "action_confirm_role"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        text = tracker.latest_message.get("text") or ""
        named = [e for e in tracker.latest_message.get("entities", []) if e.get("entity") == "role"]
        role = tracker.get_slot("role")
        events: List[Dict[Text, Any]] = []
        if not named:
            # 'ik werk als kok', 'ik zit in de bijstand': a role without a lookup word.
            role = role_from_text(text)
            if role is None:
                return ActionAnswerQuestion().run(dispatcher, tracker, domain)
            events.append(SlotSet("role", role))
        if role not in messages.ROLE_CONFIRMED:
            return ActionAnswerQuestion().run(dispatcher, tracker, domain)
        dispatcher.utter_message(text=messages.ROLE_CONFIRMED[role])
        offer = role in WORKER_ROLES and tracker.get_slot("energie") is None
        if offer:
            dispatcher.utter_message(
                text=messages.INTERVIEW_OFFER,
                buttons=[{"title": t, "payload": p} for t, p in messages.INTERVIEW_START_BUTTONS])
        events.append(SlotSet("interview_offered", offer))
        if offer:
            events.append(SlotSet("interview_offer_made", True))
        return events
