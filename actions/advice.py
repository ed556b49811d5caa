"""After the interview: advice that fits the answers, where to find help, and the summary.
Also 'meer': the next part of the last advice or answer."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import messages
from actions.formatting import item_message, resources_message
from actions.more import show_more
from actions.replies import current_plan, follow_up_buttons
from actions.state import given_event, given_ids
from actions.summary import DOWNLOAD_NAME, chat_summary, markdown_summary
from actions.summary_html import HTML_DOWNLOAD_NAME, html_summary
from knowledge.situation import TOPIC_LABELS

SHOWN_TOPICS = 2      # advice blocks in the first reply; the rest on 'meer'
SHOWN_RESOURCES = 3
STRONG_EVIDENCE = ("bewezen", "aannemelijk")

ADVICE_INTRO = "Dank je wel voor je antwoorden. Dit past bij wat je vertelde, het belangrijkste eerst:"
ALL_FINE = (
    "Dank je wel voor je antwoorden. Fijn dat het op deze punten goed gaat. Een goede "
    "voorbereiding helpt als je toch iets wilt bespreken:"
)
CONVERSATION_LABEL = "Het gesprek met je werknemer. "
MORE_TOPICS = "Typ 'meer' voor advies over: {topics}."
FOR_CONDITION = "wat de bronnen zeggen bij {condition}"
DOWNLOAD_TITLE = "Download je samenvatting"


def other_factor_item(block, first, given):
    """The block's first advice about a second thing the person named, when the first advice
    is not about it: 'De vermoeidheid en vooral de concentratie' got advice on tiredness only,
    the advice on concentration waited behind 'meer' (blind personas v4)."""
    factors = set(block.reading.factors)
    covered = set(first.themes) & factors
    if not factors - covered:
        return None
    return next((i for i in block.items[1:] if i.id not in given and i.id != first.id
                 and (set(i.themes) & factors) - covered), None)


class ActionGiveAdvice(Action):
    def name(self) -> Text:
        return "action_give_advice"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        audience = tracker.get_slot("role")
        plan = current_plan(tracker)
        if tracker.get_slot("plan_given"):
            return self._only_what_is_new(dispatcher, tracker, plan)
        before = set(given_ids(tracker))  # answered earlier in the conversation
        shown = []
        if plan.topics:
            dispatcher.utter_message(text=ADVICE_INTRO)
            for block in plan.topics[:SHOWN_TOPICS]:
                item = next((i for i in block.items if i.id not in before), None)
                if item is None:  # all of it was given already: point to it
                    dispatcher.utter_message(text=f"{TOPIC_LABELS[block.topic]}: "
                                             + messages.ALREADY_GIVEN_AGAIN)
                    continue
                for advice in (item, other_factor_item(block, item, before)):
                    if advice is not None:
                        shown.append(advice.id)
                        dispatcher.utter_message(text=f"{TOPIC_LABELS[block.topic]}. "
                                                 + item_message(advice, plan.audience))
        else:
            dispatcher.utter_message(text=ALL_FINE)
        employer = plan.audience == "werkgever"
        if plan.prepare_item is not None and (employer or not plan.topics) \
                and plan.prepare_item.id not in before | set(shown):
            # An employer's first step is the conversation with the employee.
            shown.append(plan.prepare_item.id)
            dispatcher.utter_message(text=(CONVERSATION_LABEL if employer and plan.topics else "")
                                     + item_message(plan.prepare_item, plan.audience))
        if plan.resources:
            dispatcher.utter_message(text=resources_message(
                plan.resources[:SHOWN_RESOURCES],
                plan.condition.name if plan.condition else None))
        later = plan.topics[SHOWN_TOPICS:]
        summary = chat_summary(plan)
        named = [TOPIC_LABELS[b.topic].lower() for b in later] + (
            [FOR_CONDITION.format(condition=plan.condition.name)] if plan.for_condition else [])
        if named:
            summary += "\n" + MORE_TOPICS.format(topics=", ".join(named))
        dispatcher.utter_message(text=summary)
        # The printable HTML page is the download; older widgets read only these first four
        # fields. The Markdown comes along for whoever wants plain text.
        dispatcher.utter_message(json_message={
            "type": "download",
            "title": DOWNLOAD_TITLE,
            "filename": HTML_DOWNLOAD_NAME,
            "mime_type": "text/html",
            "content": html_summary(plan),
            "markdown_filename": DOWNLOAD_NAME,
            "markdown": markdown_summary(plan),
        })
        dispatcher.utter_message(text=messages.PLAN_CLOSE,
                                 buttons=follow_up_buttons(plan.audience))
        # 'meer': first an employer's first step (the guideline's advice to employers), the
        # topics not shown and the other steps, then the second advice of every topic, the
        # advice for their condition, then the third: every 'meer' goes round the topics.
        steps = [item.id for item in plan.employer_steps]
        # For their condition in particular: shown proven or plausible (level 1-2) right after
        # the topics, other advice after one more round of their own topics.
        strong = [item.id for item in plan.for_condition if item.evidence in STRONG_EVIDENCE]
        own = [item.id for item in plan.for_condition if item.id not in strong]
        more = steps[:1] + [b.items[0].id for b in later] + strong + steps[1:]
        depth = max((len(b.items) for b in plan.topics), default=0)
        rounds = [[b.items[i].id for b in plan.topics if i < len(b.items)]
                  for i in range(1, depth)]
        # What they told first; what the sources say for their condition after one more round.
        more += [i for ids in rounds[:1] for i in ids] + own + [i for ids in rounds[1:]
                                                                 for i in ids]
        more = [i for i in dict.fromkeys(more) if i not in before and i not in shown]
        events = [SlotSet("more_item_ids", more), SlotSet("last_answer_ids", plan.item_ids),
                  SlotSet("interview_offered", False), SlotSet("situation_captured", False),
                  SlotSet("plan_given", True), given_event(tracker, shown)]
        if audience is None:  # whoever takes the interview works or seeks work
            events.append(SlotSet("role", plan.audience))
        return events


    @staticmethod
    def _only_what_is_new(dispatcher: CollectingDispatcher, tracker: Tracker,
                          plan) -> List[Dict[Text, Any]]:
        """The plan was given already: never send it again, only advice not given yet."""
        given = set(given_ids(tracker))
        fresh = [b for b in plan.topics if b.items[0].id not in given][:SHOWN_TOPICS]
        if fresh:
            dispatcher.utter_message(text=messages.NEW_FOR_YOU)
            for block in fresh:
                dispatcher.utter_message(text=f"{TOPIC_LABELS[block.topic]}. "
                                         + item_message(block.items[0], plan.audience))
        else:
            dispatcher.utter_message(text=messages.PLAN_ABOVE)
        dispatcher.utter_message(text=messages.ANYTHING_ELSE)
        return [SlotSet("situation_captured", False), SlotSet("interview_offered", False),
                given_event(tracker, [b.items[0].id for b in fresh])]


class ActionShowMore(Action):
    """'meer': the next items of the last answer or advice, in full, with their source."""

    def name(self) -> Text:
        return "action_show_more"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        return show_more(dispatcher, tracker)
