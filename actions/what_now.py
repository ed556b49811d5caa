"""'ja', 'nee', 'weet ik niet' when no question is open: what the user can do next, in the
state the conversation is in; never the same dead end twice."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import messages
from actions.more import has_more, more_button, show_more
from actions.replies import buttons, follow_up_buttons
from actions.situation_replies import ask_open_questions
from actions.state import just_said, once, said_before


class ActionWhatNow(Action):
    def name(self) -> Text:
        return "action_what_now"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent == "skip" and just_said(tracker, messages.STORY_CONFIRM):
            # 'geen idee' to 'klopt dat?' after a story: the questions still open, not a menu
            # (the read-back was lost and the user went round the menu).
            return ask_open_questions(dispatcher)
        if not tracker.get_slot("plan_given"):
            dispatcher.utter_message(
                text=once(tracker, messages.WHAT_NOW, messages.WHAT_NOW_AGAIN),
                buttons=buttons(messages.WHAT_NOW_BUTTONS))
            return []
        if intent == "deny":  # 'nee' to 'wil je nog iets weten?': done, with the summary
            dispatcher.utter_message(response="utter_goodbye")
            return []
        if intent == "affirm" and has_more(tracker):
            # 'ja' to 'wil je nog iets weten?' or 'wil je dat zien?': more of the plan.
            return show_more(dispatcher, tracker)
        if intent == "skip" and has_more(tracker) \
                and said_before(tracker, messages.WHAT_NOW_PLAN_MORE):
            # 'weet ik niet' once more after 'wil je dat zien?': the next advice of the plan
            # rather than the same buttons again.
            return show_more(dispatcher, tracker)
        quick_replies = follow_up_buttons(tracker.get_slot("role"))
        if has_more(tracker):  # the plan has more: offer it first
            quick_replies = [more_button()] + quick_replies
            text = once(tracker, messages.WHAT_NOW_PLAN_MORE, messages.WHAT_NOW_AGAIN)
        else:
            text = once(tracker, messages.WHAT_NOW_PLAN, messages.WHAT_NOW_AGAIN)
        dispatcher.utter_message(text=text, buttons=quick_replies)
        return []
