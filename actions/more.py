"""'meer' and its wordings ('wat kan ik nog meer doen?'): the next items of the last answer or
advice, a tapped related item, or more on the same topic while the sources have it."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import messages
from actions.audience import audience_for
from actions.formatting import item_message
from actions.knowledge_access import KB
from actions.state import given_event, given_ids

MORE_AT_ONCE = 2
SAME_TOPIC_DEPTH = 12  # how deep 'meer' looks for more on the last answer's topic
QUESTION_WORDS = 4  # 'wat kan ik nog meer doen?' has something to search; 'meer' has not


def more_button() -> Dict[Text, str]:
    """The 'Meer advies' quick reply (typing 'meer' does the same)."""
    return {"title": messages.MORE_BUTTON, "payload": "/more"}


def has_more(tracker: Tracker) -> bool:
    """Something to continue with: pending items or a last answer whose topic goes on."""
    return bool(tracker.get_slot("more_item_ids") or tracker.get_slot("last_answer_ids"))


def show_more(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
    given = set(given_ids(tracker))
    audience = audience_for(tracker.get_slot("role"), "")
    chosen = [e.get("value") for e in tracker.latest_message.get("entities") or []
              if e.get("entity") == "item_id"]
    if chosen and KB.get_item(str(chosen[0])) is not None:
        # A tapped quick reply: that item, whatever else is pending.
        item = KB.get_item(str(chosen[0]))
        dispatcher.utter_message(text=item_message(item, audience))
        rest = [i for i in tracker.get_slot("more_item_ids") or [] if i != item.id]
        return [SlotSet("more_item_ids", rest or None), given_event(tracker, [item.id])]
    pending = [KB.get_item(i) for i in tracker.get_slot("more_item_ids") or []
               if i not in given]
    pending = [item for item in pending if item is not None]
    if not pending:  # more of the same topic, while the sources have more
        pending = _same_topic(tracker, audience, given) or _for_the_question(tracker, audience,
                                                                              given)
    if not pending:
        dispatcher.utter_message(text=messages.NO_MORE)
        return [SlotSet("more_item_ids", None)]
    for item in pending[:MORE_AT_ONCE]:
        dispatcher.utter_message(text=item_message(item, audience))
    rest = [item.id for item in pending[MORE_AT_ONCE:]]
    if rest:
        dispatcher.utter_message(text=messages.MORE_AGAIN, buttons=[more_button()])
    return [SlotSet("more_item_ids", rest or None),
            given_event(tracker, [item.id for item in pending[:MORE_AT_ONCE]])]


def _same_topic(tracker: Tracker, audience: Optional[str], given: set) -> list:
    """Items on the topic of the last answer that were not shown yet, best first."""
    last = [KB.get_item(i) for i in tracker.get_slot("last_answer_ids") or []]
    last = [item for item in last if item is not None]
    if not last:
        return []
    query = " ".join([last[0].title, *last[0].keywords[:6]])
    hits = KB.search(query, audience=audience or "werkende", limit=SAME_TOPIC_DEPTH,
                     prefer_advice=audience != "professional")
    shown = given | {item.id for item in last[:1]}
    return [hit.item for hit in hits if hit.item.id not in shown
            and set(hit.item.themes) & set(last[0].themes)]


def _for_the_question(tracker: Tracker, audience: Optional[str], given: set) -> list:
    """'wat kan ik als leidinggevende nog meer doen?' when the plan and the last answer's topic
    are used up: what the sources have for the question (near the last answer), not shown yet
    (something to do, except for a professional)."""
    text = tracker.latest_message.get("text") or ""
    if text.startswith("/") or len(text.split()) < QUESTION_WORDS:
        return []  # 'meer', a tapped button: nothing to search
    last = [KB.get_item(i) for i in tracker.get_slot("last_answer_ids") or []]
    near = " ".join(item.title for item in last[:1] if item is not None)
    professional = audience == "professional"
    hits = KB.search(f"{text} {near}", audience=audience or "werkende", limit=SAME_TOPIC_DEPTH,
                     prefer_advice=not professional)
    return [hit.item for hit in hits if hit.item.id not in given
            and (professional or hit.item.actionable)]
