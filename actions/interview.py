"""The worker interview (Rasa form `interview_form`): asking, validating, stories, restarts.

The reading of answers lives in `knowledge.situation` and `bot.understanding.cues`; this module
only adapts it to the conversation: which question comes next, what to say, which slots to set.
Reading a story back is `actions.situation_replies.capture_story` (the fallback uses it
too).
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import messages
from actions.knowledge_access import KB
from actions.replies import answer_question, latest_text
from actions.situation_replies import capture_story
from actions.state import once
from actions.understood import NONSENSE, decided_by, intent_of
from bot.understanding.cues import (asks_definition, asks_why, ends_as_question, named_topic,
                                    role_from_text, starts_with_who)
from knowledge.situation import (SKIPPED, TOPICS, clean_answer, factors_in, is_skip,
                                 read_answer, read_story)

FORM = "interview_form"
CONFIDENT = 0.8
OFF_TOPIC_CONFIDENT = 0.8
# The same question at most this often: then the answer is taken in the user's own words.
ASKED_AT_MOST = 2


def _previous_topic(tracker: Tracker, current: Optional[str]) -> Optional[str]:
    """The last answered topic before the current question."""
    end = TOPICS.index(current) if current in TOPICS else len(TOPICS)
    for topic in reversed(TOPICS[:end]):
        if tracker.get_slot(topic) is not None:
            return topic
    return None


def _times_asked(tracker: Tracker, topic: str) -> int:
    """How often this topic's question was asked since the interview last started: a question
    is asked at most twice, then the user's words are taken as they are (no loop)."""
    # The form runs the ask action itself (no action event): count the questions said.
    asked = messages.PROGRESS.format(number=TOPICS.index(topic) + 1, total=len(TOPICS)) + ":"
    count = 0
    for event in reversed(tracker.events or []):
        if event.get("event") == "active_loop" and event.get("name") is None:
            break  # an earlier interview ended here
        if event.get("event") == "bot" and (event.get("text") or "").startswith(asked):
            count += 1
    return count


def _role_instead_of_answer(tracker: Tracker, topic: str, text: str) -> Optional[str]:
    """Who they are, said instead of an answer ('ik ben de werkgever, het gaat om een
    medewerker van mij' to the energy question): that role, when the message names nothing of
    the topic. Taken as the answer, it left the employee's energy unknown."""
    if topic == "aandoening" or factors_in(text, topic) or not starts_with_who(text):
        return None
    role = role_from_text(text)
    return role if role in messages.ROLE_IN_INTERVIEW else None


def _is_answer(topic: str, text: str) -> bool:
    """Says something about the topic: a factor, a condition, or 'fine' ('geen zorgen')."""
    if topic == "aandoening":
        return KB.match_condition(text) is not None
    reading = read_answer(topic, text)
    return reading is not None and (reading.concern == 0 or bool(reading.factors))


class AskTopic(Action):
    """`action_ask_<topic>`: one question with its progress and quick replies."""
    topic = ""

    def name(self) -> Text:
        return f"action_ask_{self.topic}"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        number = TOPICS.index(self.topic) + 1
        question, replies = messages.QUESTIONS[self.topic]
        if tracker.get_slot("role") == "werkzoekende":
            question, replies = messages.QUESTIONS_JOB_SEEKER.get(self.topic, (question, replies))
        elif tracker.get_slot("role") == "werkgever":
            question, replies = messages.QUESTIONS_EMPLOYER[self.topic]
        first = not _asked_before(tracker)
        progress = messages.PROGRESS.format(number=number, total=len(TOPICS))
        text = f"{progress}: {question}"
        if first:
            text += "\n" + messages.INTERVIEW_HOW
            condition = tracker.get_slot("aandoening")
            if self.topic != "aandoening" and condition not in (None, SKIPPED) \
                    and "aandoening" not in (tracker.get_slot("story_topics") or []):
                # Named before the interview ('ik heb MS, wat kan ik doen?'): not asked again,
                # and not skipped silently either.
                dispatcher.utter_message(text=messages.CONDITION_KNOWN.format(name=condition))
        # Asked again: the question's first sentence only (no long message said twice).
        text = once(tracker, text, f"{progress}: {question.split('?')[0]}?")
        buttons = [{"title": r, "payload": r} for r in replies]
        if messages.SKIP_BUTTON not in replies:
            buttons.append({"title": messages.SKIP_BUTTON, "payload": messages.SKIP_BUTTON})
        dispatcher.utter_message(text=text, buttons=buttons)
        # Offers are answered once the interview runs.
        return [SlotSet("interview_offered", False), SlotSet("situation_captured", False)]


def _asked_before(tracker: Tracker) -> bool:
    """Has the bot asked an interview question in this conversation yet?"""
    prefix = messages.PROGRESS.split("{")[0]
    return any(event.get("event") == "bot" and (event.get("text") or "").startswith(prefix)
               for event in tracker.events or [])


def _ask_action(topic: str) -> type:
    return type(f"Ask{topic.capitalize()}", (AskTopic,), {"topic": topic})


ASK_ACTIONS = [_ask_action(topic) for topic in TOPICS]


class ValidateInterviewForm(FormValidationAction):
    """Checks every answer; handles 'sla over', 'terug' and corrections inside the form."""

    def name(self) -> Text:
        return f"validate_{FORM}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        requested = tracker.get_slot("requested_slot")
        intent, _ = intent_of(tracker)
        text = latest_text(tracker)
        if requested in TOPICS:
            if is_skip(text) or (intent == "skip" and not _is_answer(requested, text)):
                dispatcher.utter_message(text=messages.SKIPPED)
                return [SlotSet(requested, SKIPPED)]
            if intent == "skip":  # 'geen zorgen' read as a skip by the classifier: an answer
                value = self._validate_topic(requested, text, dispatcher, tracker)[requested]
                return [SlotSet(requested, value)]
            if intent == "go_back":
                previous = _previous_topic(tracker, requested)
                if previous is None:
                    dispatcher.utter_message(text=messages.NOTHING_BEFORE)
                    return [SlotSet(requested, None)]
                dispatcher.utter_message(text=messages.BACK)
                return [SlotSet(previous, None)]
            if intent == "correct":
                topic = named_topic(text)
                if topic is None or tracker.get_slot(topic) is None:
                    topic = _previous_topic(tracker, requested)
                dispatcher.utter_message(text=messages.CORRECT)
                return [SlotSet(topic or requested, None)]
        return await super().run(dispatcher, tracker, domain)

    # -- answers ---------------------------------------------------------------------------
    def _aside(self, dispatcher: CollectingDispatcher, tracker: Tracker, topic: str,
               text: str, patient: bool = True) -> bool:
        """Handle a message that is not an answer; True when the question must be asked again.
        Not `patient` (asked twice already): what is no question is taken as the answer."""
        intent, confidence = intent_of(tracker)
        if decided_by(tracker, NONSENSE):  # never stored as an answer, however often
            dispatcher.utter_message(text=once(tracker, messages.UNCLEAR_ANSWER,
                                               messages.UNCLEAR_AGAIN))
            return True
        if asks_why(text):
            dispatcher.utter_message(text=messages.WHY_WE_ASK)
            return True
        definition = asks_definition(text)
        names_topic = bool(factors_in(text, topic)) if topic != "aandoening" else \
            KB.match_condition(text) is not None
        if names_topic and not definition:
            return False
        if definition or (intent == "ask_question" and confidence >= CONFIDENT
                          and ends_as_question(text)):
            answer_question(dispatcher, tracker, text, offer_interview=False)
            dispatcher.utter_message(text=messages.QUESTION_ASIDE)
            return True
        if not patient:
            return False
        if intent == "out_of_scope" and confidence >= OFF_TOPIC_CONFIDENT:
            dispatcher.utter_message(text=once(tracker, messages.OFF_TOPIC_ANSWER,
                                               messages.OFF_TOPIC_AGAIN))
            return True
        if intent in ("greet", "thank", "bot_challenge", "ask_capabilities") \
                and confidence >= CONFIDENT:
            dispatcher.utter_message(text=messages.CHATTER_IN_INTERVIEW)
            return True
        return False

    def _validate_topic(self, topic: str, value: Any, dispatcher: CollectingDispatcher,
                        tracker: Tracker) -> Dict[Text, Any]:
        text = clean_answer(str(value or ""))
        if not text:
            return {topic: None}
        if is_skip(text):
            return {topic: SKIPPED}
        patient = _times_asked(tracker, topic) < ASKED_AT_MOST
        role = _role_instead_of_answer(tracker, topic, text) if patient else None
        if role is not None:  # 'ik ben de werkgever, het gaat om mijn medewerker'
            dispatcher.utter_message(text=messages.ROLE_IN_INTERVIEW[role])
            return {topic: None, "role": role}
        if self._aside(dispatcher, tracker, topic, text, patient=patient):
            return {topic: None}
        # Only for the question just asked: answers read from a story were just confirmed.
        asked = tracker.get_slot("requested_slot") == topic
        if topic == "aandoening":
            condition = KB.match_condition(text)
            if asked:
                dispatcher.utter_message(
                    text=messages.CONDITION_NOTED.format(name=condition.name) if condition
                    else messages.CONDITION_FREE_TEXT)
        else:
            reading = read_answer(topic, text)
            if asked and reading is not None and reading.concern >= 2:
                # Said for what the answer is about: 'bang dat de eigenaar erachter komt' to
                # the work question is about telling, not a workload that adjustments fix.
                about = topic if reading.factors else next(iter(read_story(text)), None)
                if about in messages.HEARD:
                    dispatcher.utter_message(text=messages.HEARD[about])
        return {topic: text}

    def validate_aandoening(self, value, dispatcher, tracker, domain):
        return self._validate_topic("aandoening", value, dispatcher, tracker)

    def validate_energie(self, value, dispatcher, tracker, domain):
        return self._validate_topic("energie", value, dispatcher, tracker)

    def validate_werkbelasting(self, value, dispatcher, tracker, domain):
        return self._validate_topic("werkbelasting", value, dispatcher, tracker)

    def validate_steun(self, value, dispatcher, tracker, domain):
        return self._validate_topic("steun", value, dispatcher, tracker)

    def validate_financien(self, value, dispatcher, tracker, domain):
        return self._validate_topic("financien", value, dispatcher, tracker)


class ActionCaptureStory(Action):
    """A user who tells their story is not asked again what they already said."""

    def name(self) -> Text:
        return "action_capture_story"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        return capture_story(dispatcher, tracker, domain)


class ActionForgetStory(Action):
    """The user says the reading of their story is wrong: ask everything instead."""

    def name(self) -> Text:
        return "action_forget_story"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=messages.STORY_FORGOTTEN)
        topics = tracker.get_slot("story_topics") or []
        return [SlotSet(t, None) for t in topics if t in TOPICS] + [
            SlotSet("story_topics", None), SlotSet("situation_captured", False)]


class ActionRestartInterview(Action):
    """'opnieuw': forget all answers and start the interview again."""

    def name(self) -> Text:
        return "action_restart_interview"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=messages.RESTARTED)
        return [SlotSet(t, None) for t in TOPICS] + [
            SlotSet("story_topics", None), SlotSet("more_item_ids", None),
            SlotSet("situation_captured", False), SlotSet("interview_offered", False),
            SlotSet("plan_given", False), SlotSet("given_item_ids", None)]


class ActionCorrectAnswer(Action):
    """After the interview: 'ik wil mijn antwoord over geld aanpassen' asks that one again."""

    def name(self) -> Text:
        return "action_correct_answer"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        text = latest_text(tracker)
        topic = named_topic(text)
        if topic is None:
            topic = _previous_topic(tracker, None)
        dispatcher.utter_message(text=messages.CORRECT)
        # A changed answer renews the plan and the summary.
        return ([SlotSet(topic, None)] if topic else []) + [SlotSet("plan_given", False)]
