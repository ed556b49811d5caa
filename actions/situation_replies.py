"""Replies to what people tell about themselves rather than ask: a story read back ('klopt
dat?'), new facts after the plan, a role named, and a message the classifier is unsure of
(most often a story or a question in other words). Shared reply helpers are in
`actions.replies`."""
from __future__ import annotations

from typing import Any, Dict, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import messages
from actions.audience import audience_for
from actions.formatting import item_message
from actions.knowledge_access import KB
from actions.more import has_more, more_button, show_more
from actions.overview_reply import answer_overview
from actions.replies import (CONFIDENT_SEARCH, LONG_MESSAGE, RESULTS, SEARCHED_WORDS,
                             TOPICAL_INTENTS, WORKER_ROLES, Events, answer_latest,
                             answer_question, buttons, latest_text, send_interview_offer)
from actions.state import given_event, given_ids, just_said, once, user_said_before
from actions.understood import NONSENSE, decided_by
from bot.understanding.cues import (after_yes, asks_first_step, asks_for_action, asks_what_to_do,
                                    role_from_text, says_no_employer, seeks_work,
                                    speaks_as_job_seeker, word_count)
from knowledge.advice_plan import CHECKLIST_THEME, advice_for_answer
from knowledge.situation import (SKIPPED, TOPIC_LABELS, TOPICS, asks_something, clean_answer,
                                 is_follow_up, read_answer, read_story, says_fine)


def fallback_search(dispatcher: CollectingDispatcher, tracker: Tracker,
                    domain: Dict[Text, Any]) -> Events:
    """Low NLU confidence: a message that clearly matches the knowledge base is answered, a
    story is read back; nonsense, or a message nothing matches, gets 'please rephrase'."""
    if accepts_interview_offer(tracker):
        return start_offered_interview()
    message = tracker.latest_message
    text = latest_text(tracker)
    overview = answer_overview(dispatcher, tracker, text)
    if overview is not None:  # 'overzicht par 3.2' is short and unclear to the classifier
        return overview
    # The classifier's own best guess, before the fallback replaced it; none for nonsense.
    guesses = [r.get("name") for r in message.get("intent_ranking") or []
               if r.get("name") != "nlu_fallback"]
    guess = guesses[0] if guesses and not decided_by(tracker, NONSENSE) else None
    words = word_count(text) if guess else 0
    if tracker.get_slot("plan_given") and words >= SEARCHED_WORDS and guess != "out_of_scope":
        # After the plan an unclear sentence is most likely more about the situation.
        return story_after_plan(dispatcher, tracker)
    if guess == "share_situation" and read_story(text):
        return capture_story(dispatcher, tracker, domain)
    if (guess in TOPICAL_INTENTS and words >= SEARCHED_WORDS) \
            or (guess != "out_of_scope" and words >= LONG_MESSAGE):
        audience = audience_for(tracker.get_slot("role"), text)
        hits = KB.search(text, audience=audience, limit=1)
        if hits and hits[0].score >= CONFIDENT_SEARCH:
            # A whole question with a clear match is answered as one; a fragment gets a hedge.
            if not (words >= LONG_MESSAGE and asks_something(text)):
                dispatcher.utter_message(text=messages.PROBABLY_MEANT)
            return answer_question(dispatcher, tracker, text)
    if guess == "out_of_scope":
        dispatcher.utter_message(response="utter_out_of_scope")
        return []
    if words >= LONG_MESSAGE and (read_story(text) or KB.match_condition(text)):
        # A story with nothing the sources clearly match ('geopereerd aan prostaatkanker ...
        # de vermoeidheid en het urineverlies maken het lastig; ik zou graag advies ontvangen')
        # is read back for the interview, never 'dat begreep ik niet' (blind personas v5).
        return capture_story(dispatcher, tracker, domain)
    employer = tracker.get_slot("role") == "werkgever"
    dispatcher.utter_message(
        text=once(tracker, messages.REPHRASE_EMPLOYER if employer else messages.REPHRASE,
                  messages.REPHRASE_AGAIN),
        buttons=buttons(messages.REPHRASE_BUTTONS_EMPLOYER if employer
                        else messages.REPHRASE_BUTTONS))
    return []


def accepts_interview_offer(tracker: Tracker) -> bool:
    """'Ja, graag. Ik weet niet zo goed wat mag en wat kan.' to 'Wil je advies dat beter bij
    jou past? Dan stel ik je 5 korte vragen': a yes, with more words but no other question.
    The classifier read such replies as a question (or as 'stop'), and the interview never
    started (blind personas v4)."""
    if not tracker.get_slot("interview_offered") or tracker.get_slot("plan_given"):
        return False
    if not (just_said(tracker, messages.INTERVIEW_OFFER)
            or just_said(tracker, messages.INTERVIEW_OFFER_EMPLOYER)):
        return False
    # 'ik weet niet wat ik anders moet vragen' reads as asking; only a question mark says the
    # yes comes with another question ('ja, maar wie betaalt dat?').
    rest = after_yes(latest_text(tracker))
    return rest is not None and "?" not in rest


def start_offered_interview() -> Events:
    return [SlotSet("interview_offered", False), FollowupAction("interview_form")]


def answer_or_note(dispatcher: CollectingDispatcher, tracker: Tracker,
                   domain: Dict[Text, Any]) -> Events:
    """A question is answered. After the plan, a sentence that asks nothing and that the
    sources do not clearly match ('timmerman, voorman eigenlijk. nieuwbouw woningen') is more
    about the situation, not a query: searching it gave 'waar je woont hangt samen met
    werkbehoud'."""
    if accepts_interview_offer(tracker):
        return start_offered_interview()
    text = latest_text(tracker)
    if tracker.get_slot("plan_given") and not asks_something(text) \
            and not is_follow_up(text) and not text.startswith("/") and not asks_for_action(text) \
            and not asks_what_to_do(text) and not asks_first_step(text):
        audience = audience_for(tracker.get_slot("role"), text) or "werkende"
        hits = KB.search(text, audience=audience, limit=1, prefer_advice=True)
        if not hits or hits[0].score < CONFIDENT_SEARCH:
            return story_after_plan(dispatcher, tracker)
    return answer_latest(dispatcher, tracker, domain)


def ask_open_questions(dispatcher: CollectingDispatcher) -> Events:
    """Go on from the read-back with the interview questions still open (also when the
    classifier was unsure: the fallback has no rule into the form)."""
    dispatcher.utter_message(text=messages.STORY_AGAIN)
    return [SlotSet("situation_captured", False), FollowupAction("interview_form")]


def capture_story(dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> Events:
    """Read a story back ('klopt dat?'), so the interview asks only what is missing. After the
    plan, a story adds to the situation and gets new advice instead (no second interview)."""
    if tracker.get_slot("plan_given"):
        return story_after_plan(dispatcher, tracker)
    text = latest_text(tracker)
    found = read_story(text)
    condition = KB.match_condition(text)
    events: Events = []
    if found and just_said(tracker, messages.STORY_CONFIRM) and all(
            tracker.get_slot(topic) == part for topic, part in found.items()):
        # The same story again after 'klopt dat?': no second read-back (a loop).
        return ask_open_questions(dispatcher)
    if tracker.get_slot("role") is None and speaks_as_job_seeker(text):
        events.append(SlotSet("role", "werkzoekende"))  # 'ik zoek werk maar ...': their questions
    lines = []
    if condition and tracker.get_slot("aandoening") in (None, SKIPPED):
        events.append(SlotSet("aandoening", condition.name))
        lines.append(f"- {TOPIC_LABELS['aandoening']}: {condition.name}")
    for topic in TOPICS:
        if topic in found:
            events.append(SlotSet(topic, found[topic]))
            lines.append(f"- {TOPIC_LABELS[topic]}: '{found[topic]}'")
    if not lines:
        dispatcher.utter_message(text=once(tracker, messages.STORY_NOTHING_FOUND,
                                           messages.STORY_NOTHING_FOUND_AGAIN))
        return events + [SlotSet("situation_captured", False)]
    dispatcher.utter_message(text="\n".join([messages.STORY_HEARD, *lines]))
    dispatcher.utter_message(text=messages.STORY_CONFIRM,
                             buttons=buttons(messages.STORY_CONFIRM_BUTTONS))
    return events + [SlotSet("situation_captured", True),
                     SlotSet("story_topics", [t for t in TOPICS if t in found]
                             + (["aandoening"] if condition else []))]


def story_after_plan(dispatcher: CollectingDispatcher, tracker: Tracker,
                     role: Optional[str] = None) -> Events:
    """New facts after the plan: add them to the answers and give advice not given yet."""
    text = latest_text(tracker)
    found = read_story(text)
    asks = asks_something(text)
    if found and not asks and user_said_before(tracker, text):
        # The same story again: no other advice 'for' it each time (it got a new item per
        # repeat); say so, and offer the plan's rest.
        dispatcher.utter_message(text=messages.TOLD_ALREADY)
        return _offer_the_rest(dispatcher, tracker)
    wish = after_yes(text)
    if not found and not asks and wish is not None and has_more(tracker):
        # 'Ja, graag. Vooral over hoe ik mijn week slimmer kan inrichten.' to 'wil je dat
        # zien?': the answer to what they want most when the sources clearly have it, else
        # the plan's next advice (it was noted as a fact: 'dank je, goed om te weten').
        hits = KB.search(wish, audience=audience_for(role or tracker.get_slot("role"), wish)
                         or "werkende", limit=1, prefer_advice=True) \
            if word_count(wish) >= SEARCHED_WORDS else []
        if hits and hits[0].score >= CONFIDENT_SEARCH:
            return answer_question(dispatcher, tracker, wish) + [
                SlotSet("situation_captured", None)]
        return show_more(dispatcher, tracker) + [SlotSet("situation_captured", None)]
    if not found and not asks:
        # 'hij is een goede vakman, ik wil hem niet kwijt': nothing about the situation to add;
        # a search on it gives advice at random. The plan's rest stays for 'meer'.
        dispatcher.utter_message(text=messages.NOTED)
        return _offer_the_rest(dispatcher, tracker)
    if says_fine(text) and not asks and not any(
            reading.concern for reading in (read_answer(topic, text) for topic in found)
            if reading):
        # 'mijn vrouw en kinderen staan achter me, daar zit het probleem niet': noted, and no
        # advice for it (nor added to the answers: there is no concern to add).
        dispatcher.utter_message(text=messages.FINE_NOTED)
        dispatcher.utter_message(text=messages.ANYTHING_ELSE)
        return [SlotSet("situation_captured", None)]
    events: Events = []
    for topic, part in found.items():
        before = tracker.get_slot(topic)
        combined = part if before in (None, SKIPPED) else f"{before}; {part}"
        events.append(SlotSet(topic, clean_answer(combined)))
    audience = audience_for(role or tracker.get_slot("role"), text) or "werkende"
    given = given_ids(tracker)
    # What the plan would advise for each new answer (kept to its topic, the condition's first);
    # the search on the whole message when that finds nothing new.
    planned = [item for topic, part in found.items() for item in advice_for_answer(
        KB, topic, part, audience, tracker.get_slot("aandoening"), exclude=given)]
    hits = KB.search(text, audience=audience, limit=RESULTS, prefer_advice=True)
    searched = [hit.item for hit in hits if hit.item.id not in given]
    # New facts want advice, not another finding ('veel pijn bij bukken' got 'pijn beperkt je
    # in je werk'): what helps first, in search order; the doctor's checklists of factors
    # (guideline 1.2) after advice on this one, as in the plan.
    searched.sort(key=lambda item: (not item.actionable, item.themes[0] == CHECKLIST_THEME))
    fresh = list(dict.fromkeys(planned + searched))
    if fresh:
        dispatcher.utter_message(text=messages.NEW_FOR_YOU)
        dispatcher.utter_message(text=item_message(fresh[0], audience))
        events.append(given_event(tracker, [fresh[0].id]))
        # 'meer': more on what was just told, then the rest of the plan (not lost).
        pending = [i for i in tracker.get_slot("more_item_ids") or [] if i not in given]
        events.append(SlotSet("more_item_ids", list(dict.fromkeys(
            [item.id for item in fresh[1:RESULTS]] + pending)) or None))
    elif hits:
        dispatcher.utter_message(text=once(tracker, messages.ALREADY_GIVEN.format(
            title=hits[0].item.title_for(audience)), messages.ALREADY_GIVEN_AGAIN))
    dispatcher.utter_message(text=messages.ANYTHING_ELSE)
    # Neither 'read back' (True) nor 'start the interview' (False): the conversation goes on.
    return events + [SlotSet("situation_captured", None)]


def _offer_the_rest(dispatcher: CollectingDispatcher, tracker: Tracker) -> Events:
    """After a turn that added nothing: the plan's rest when it has more, else 'anything
    else?'."""
    if has_more(tracker):
        dispatcher.utter_message(text=once(tracker, messages.WHAT_NOW_PLAN_MORE,
                                           messages.WHAT_NOW_AGAIN), buttons=[
            more_button(), *buttons([("Klaar", "Klaar")])])
    else:
        dispatcher.utter_message(text=messages.ANYTHING_ELSE)
    return [SlotSet("situation_captured", None)]


def confirm_role(dispatcher: CollectingDispatcher, tracker: Tracker,
                 domain: Dict[Text, Any]) -> Events:
    """Confirm the role the user named; no role named ('ik ben doodmoe' looks like 'ik ben
    werkgever'): answer the message as a question. Workers are offered the interview."""
    named = [e for e in tracker.latest_message.get("entities", []) if e.get("entity") == "role"]
    role = tracker.get_slot("role")
    events: Events = []
    text = latest_text(tracker)
    if (seeks_work(text) and not named) or says_no_employer(text):
        # 'ik heb op dit moment geen werkgever': without work, not an employer.
        role = "werkzoekende"
        events.append(SlotSet("role", role))
        if tracker.get_slot("plan_given"):  # a new fact about their situation
            return events + story_after_plan(dispatcher, tracker, role)
    elif not named:
        # 'ik werk als kok', 'ik zit in de bijstand': a role without a lookup word.
        role = role_from_text(text)
        if role is None:
            return answer_latest(dispatcher, tracker, domain)
        events.append(SlotSet("role", role))
    if role not in messages.ROLE_CONFIRMED:
        return answer_latest(dispatcher, tracker, domain)
    dispatcher.utter_message(text=messages.ROLE_CONFIRMED[role])
    offer = role in WORKER_ROLES and tracker.get_slot("energie") is None
    events.append(SlotSet("interview_offered", offer))
    if offer:
        events += send_interview_offer(dispatcher)
    return events
