"""Answer a direct question from the knowledge base, with its source; and the fallback for a
message the classifier is unsure of. The replies themselves are in `actions.replies` and
`actions.situation_replies`."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.situation_replies import answer_or_note, fallback_search


class ActionAnswerQuestion(Action):
    def name(self) -> Text:
        return "action_answer_question"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        return answer_or_note(dispatcher, tracker, domain)


class ActionFallbackSearch(Action):
    """Low NLU confidence: answered when the knowledge base clearly matches, else rephrase."""

    def name(self) -> Text:
        return "action_fallback_search"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        return fallback_search(dispatcher, tracker, domain)
