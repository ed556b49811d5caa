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
from knowledge.situation import is_follow_up, read_story

# LanguageGuard gives nonsense full confidence; the FallbackClassifier its lower threshold.
NONSENSE_CONFIDENCE = 0.99
RESULTS = 5      # the best is shown, two more are named, the rest waits for 'meer'
NAMED = 2
RESOURCES = 4
# Asking where to go rather than what to do: answer with organisations, coaches and tools.
# Only for workers: professionals and employers asking 'wie kan mij helpen' want the advice.
_WHERE_TO_GO = re.compile(
    r"organisatie|vereniging|lotgeno|\bcoach\b|coach die zelf|stichting|"
    r"instantie|waar kan ik (terecht|heen)|bij wie kan ik|wie kan (mij|me) helpen",
    re.IGNORECASE,
)
# A search score from which an unclear message is still answered (see ActionFallbackSearch).
CONFIDENT_SEARCH = 0.2
TOPICAL_INTENTS = ("ask_question", "share_situation", "choose_role")


def follow_up_query(tracker: Tracker, text: str) -> str:
    """'en bij NAH?' after an answer about CGT: search CGT and NAH together."""
    last = tracker.get_slot("last_answer_ids") or []
    if not last or not is_follow_up(text):
        return text
    item = KB.get_item(last[0])
    if item is None:
        return text
    return " ".join([text, item.title, " ".join(item.keywords[:4])])


def answer_question(dispatcher: CollectingDispatcher, tracker: Tracker, text: str,
                    offer_interview: bool = True) -> List[Dict[Text, Any]]:
    """Send the answer to `text`; return the slot events (last answer, 'meer', offers)."""
    audience = audience_for(tracker.get_slot("role"), text)
    asked, text = text, follow_up_query(tracker, text)
    narrowed_to = KB.match_condition(asked) if text != asked else None
    events: List[Dict[Text, Any]] = []
    if audience in WORKER_AUDIENCES and _WHERE_TO_GO.search(text):
        condition = KB.match_condition(text)
        resources = KB.resources_for(condition.id if condition else None,
                                     audience=audience)[:RESOURCES]
        if resources:
            dispatcher.utter_message(
                text=resources_message(resources, condition.name if condition else None))
            return [SlotSet("more_item_ids", None)]
    # Someone who has not said who they are is most likely a worker.
    hits = KB.search(text, audience=audience or "werkende", limit=RESULTS * 2,
                     prefer_advice=audience != "professional")
    if not hits and audience is None:
        hits = KB.search(text, limit=RESULTS * 2, prefer_advice=True)
    if narrowed_to is not None:  # 'en bij NAH?': what is about NAH first
        hits.sort(key=lambda hit: narrowed_to.id not in hit.item.conditions)
    hits = hits[:RESULTS]
    if not hits:
        dispatcher.utter_message(text=messages.NO_ANSWER)
        return [SlotSet("more_item_ids", None)]
    best, others = hits[0], hits[1:]
    dispatcher.utter_message(text=item_message(best.item, audience))
    if others:
        titles = "\n".join(f"- {hit.item.title}" for hit in others[:NAMED])
        dispatcher.utter_message(text=f"Misschien ook nuttig (typ 'meer'):\n{titles}")
    events += [SlotSet("last_answer_ids", [hit.item.id for hit in hits]),
               SlotSet("more_item_ids", [hit.item.id for hit in others])]
    if tracker.get_slot("role") is None and audience in ("werkgever", "professional"):
        # 'mijn medewerker heeft reuma': the follow-up 'hoe begin ik het gesprek?' is theirs too.
        events.append(SlotSet("role", audience))
    worker = audience in WORKER_AUDIENCES
    if worker and not tracker.get_slot("disclaimer_shown"):
        dispatcher.utter_message(text=messages.NOT_A_DOCTOR)
        events.append(SlotSet("disclaimer_shown", True))
    offer = (offer_interview and worker and not tracker.get_slot("interview_offer_made")
             and tracker.get_slot("energie") is None)
    if offer:
        dispatcher.utter_message(
            text=messages.INTERVIEW_OFFER,
            buttons=[{"title": t, "payload": p} for t, p in messages.INTERVIEW_START_BUTTONS])
        events.append(SlotSet("interview_offer_made", True))
    events.append(SlotSet("interview_offered", offer))
    return events


class ActionAnswerQuestion(Action):
    def name(self) -> Text:
        return "action_answer_question"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        text = tracker.latest_message.get("text") or ""
        return answer_question(dispatcher, tracker, text)


class ActionFallbackSearch(Action):
    """Low NLU confidence: a message that clearly matches the knowledge base is answered;
    nonsense, or a message nothing matches, gets the 'please rephrase' reply with suggestions."""

    def name(self) -> Text:
        return "action_fallback_search"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        message = tracker.latest_message
        text = message.get("text") or ""
        intent = message.get("intent") or {}
        nonsense = float(intent.get("confidence") or 0.0) >= NONSENSE_CONFIDENCE
        # The classifier's own best guess, before the fallback replaced it.
        guesses = [r.get("name") for r in message.get("intent_ranking") or []
                   if r.get("name") != "nlu_fallback"]
        guess = guesses[0] if guesses and not nonsense else None
        if guess == "share_situation" and read_story(text):
            from actions.interview import ActionCaptureStory  # (a story: read it back)
            return ActionCaptureStory().run(dispatcher, tracker, domain)
        if guess in TOPICAL_INTENTS and len(text.split()) >= 3:
            audience = audience_for(tracker.get_slot("role"), text)
            hits = KB.search(text, audience=audience, limit=1)
            if hits and hits[0].score >= CONFIDENT_SEARCH:
                dispatcher.utter_message(text=messages.PROBABLY_MEANT)
                return answer_question(dispatcher, tracker, text)
        if guess == "out_of_scope":
            dispatcher.utter_message(response="utter_out_of_scope")
            return []
        dispatcher.utter_message(
            text=messages.REPHRASE,
            buttons=[{"title": t, "payload": p} for t, p in messages.REPHRASE_BUTTONS])
        return []
