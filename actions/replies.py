"""What the assistant replies, as plain functions shared by the actions.

Each function sends its messages through the dispatcher and returns the slot events. Action
classes are thin wrappers around these functions and never call each other; a reply that
needs another reply ('ik ben doodmoe' is no role: answer it as a question) calls its function.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Text, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import messages
from actions.audience import WORKER_AUDIENCES, audience_for
from actions.formatting import item_message, resources_message, rules_message
from actions.knowledge_access import KB
from actions.more import has_more, more_button, show_more
from actions.overview_reply import answer_overview
from actions.state import given_event, given_ids, once, told_events
from actions.understood import NONSENSE, decided_by
from bot.understanding.cues import (asks_about_rules, asks_first_step, asks_for_more,
                                    asks_where_to_go, role_from_text, says_no_employer,
                                    seeks_work, word_count)
from knowledge import vocabulary as voc
from knowledge.advice_plan import make_plan
from knowledge.situation import (SKIPPED, TOPIC_LABELS, TOPICS, asks_something, clean_answer,
                                 is_follow_up, read_answer, read_story, says_fine)

Events = List[Dict[Text, Any]]

RESULTS = 5      # the best is shown, two more are named, the rest waits for 'meer'
NAMED = 2
RESOURCES = 4
RULES = 3         # laws and schemes named with an answer about rules or rights
RULE_MATCH = 0.06  # resource search score from which a law or scheme fits the question
# A search score from which an unclear message is still answered (see fallback_search), and
# below which nothing fits (say so, offer the nearest topics). Thresholds on the fused search,
# whose scale changes with the matcher: `bench/matcher_eval.py --dev` prints, per threshold,
# the share of answerable messages below it and of out-of-scope examples above it.
CONFIDENT_SEARCH = 0.12
WEAK_MATCH = 0.05
NEAREST = 3
# An unclear message this long is a sentence with content, not a slip: search it.
LONG_MESSAGE = 6
TOPICAL_INTENTS = ("ask_question", "share_situation", "choose_role")
# An unclear message is searched only when it has at least this many words.
SEARCHED_WORDS = 3
WORKER_ROLES = ("werkende", "werkzoekende")


def buttons(pairs: Sequence[Tuple[str, str]]) -> List[Dict[str, str]]:
    return [{"title": title, "payload": payload} for title, payload in pairs]


def follow_up_buttons(audience: Optional[str]) -> List[Dict[str, str]]:
    """The questions people ask after the plan, as quick replies (an employer's own set)."""
    questions = (messages.PLAN_FOLLOW_UPS_EMPLOYER if audience == "werkgever"
                 else messages.PLAN_FOLLOW_UPS)
    return buttons([(question, question) for question in questions])


def item_buttons(items: Sequence[Any], audience: Optional[str]) -> List[Dict[str, str]]:
    """Tap, don't type: an item's title as a quick reply that shows it in full (typing 'meer'
    keeps working)."""
    return buttons([(item.title_for(audience), '/more{"item_id": "%s"}' % item.id)
                    for item in items])


def latest_text(tracker: Tracker) -> str:
    return tracker.latest_message.get("text") or ""


def send_interview_offer(dispatcher: CollectingDispatcher, employer: bool = False) -> Events:
    dispatcher.utter_message(
        text=messages.INTERVIEW_OFFER_EMPLOYER if employer else messages.INTERVIEW_OFFER,
        buttons=buttons(messages.INTERVIEW_START_BUTTONS))
    return [SlotSet("interview_offer_made", True)]


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
                    offer_interview: bool = True) -> Events:
    """Send the answer to `text`; return the slot events (last answer, 'meer', offers)."""
    overview = answer_overview(dispatcher, tracker, text)
    if overview is not None:  # 'aanbevelingen hoofdstuk 3'
        return overview
    if tracker.get_slot("plan_given") and asks_first_step(text):
        return first_step(dispatcher, tracker)
    if asks_for_more(text) and has_more(tracker):
        return show_more(dispatcher, tracker)
    audience = audience_for(tracker.get_slot("role"), text)
    asked, text = text, follow_up_query(tracker, text)
    narrowed_to = KB.match_condition(asked) if text != asked else None
    # Asking where to go rather than what to do: organisations, coaches and tools. Only for
    # workers: professionals and employers asking 'wie kan mij helpen' want the advice.
    if audience in WORKER_AUDIENCES and asks_where_to_go(text):
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
    hits = _for_their_condition(tracker, text, hits)[:RESULTS]
    if not hits:
        dispatcher.utter_message(text=messages.NO_ANSWER)
        return [SlotSet("more_item_ids", None)]
    if hits[0].score < WEAK_MATCH and narrowed_to is None:
        # Nothing fits well: say so, and let the user pick from the nearest topics.
        nearest = [hit.item.title_for(audience) for hit in hits[:NEAREST]]
        dispatcher.utter_message(text=messages.NO_DIRECT_ANSWER,
                                 buttons=buttons([(title, title) for title in nearest]))
        return [SlotSet("more_item_ids", None)]
    # Never the same advice twice in a conversation: point to it.
    given = given_ids(tracker)
    fresh = [hit for hit in hits if hit.item.id not in given]
    if hits[0].item.id in given:  # point to it, once in so many words
        dispatcher.utter_message(text=once(tracker, messages.ALREADY_GIVEN.format(
            title=hits[0].item.title_for(audience)), messages.ALREADY_GIVEN_AGAIN))
    if not fresh:
        dispatcher.utter_message(text=messages.ANYTHING_ELSE)
        return [SlotSet("more_item_ids", None)]
    best, others = fresh[0], fresh[1:]
    dispatcher.utter_message(text=item_message(best.item, audience))
    shown = {hit.item.id for hit in fresh[:NAMED + 1]} | set(given)
    also = also_named(asked, best.item, audience, shown)
    if also:  # several concerns in one message: the others as quick replies
        dispatcher.utter_message(text=messages.ALSO_NAMED, buttons=buttons(
            [(label, '/more{"item_id": "%s"}' % item.id) for label, item in also]))
    rules = _rules(asked, audience)
    if rules:  # 'zijn er regelingen voor?': the laws and schemes the sources name
        dispatcher.utter_message(text=rules_message(messages.RULES, rules))
    if others:
        dispatcher.utter_message(text=messages.RELATED,
                                 buttons=item_buttons([hit.item for hit in others[:NAMED]], audience))
    events: Events = [SlotSet("last_answer_ids", [hit.item.id for hit in hits]),
                      SlotSet("more_item_ids", _with_pending(tracker, others, best)),
                      given_event(tracker, [best.item.id])]
    if tracker.get_slot("role") is None and audience in ("werkgever", "professional"):
        # 'mijn medewerker heeft reuma': the follow-up 'hoe begin ik het gesprek?' is theirs too.
        events.append(SlotSet("role", audience))
    worker = audience in WORKER_AUDIENCES
    if worker and not tracker.get_slot("disclaimer_shown"):
        dispatcher.utter_message(text=messages.NOT_A_DOCTOR)
        events.append(SlotSet("disclaimer_shown", True))
    employer = audience == "werkgever"
    offer = (offer_interview and (worker or employer)
             and not tracker.get_slot("interview_offer_made")
             and tracker.get_slot("energie") is None)
    if offer:
        events += send_interview_offer(dispatcher, employer=employer)
    events.append(SlotSet("interview_offered", offer))
    if not tracker.get_slot("plan_given"):  # a story before the interview: kept for the plan
        condition = KB.match_condition(asked)
        events += told_events(tracker, asked, condition.name if condition else None)
    return events


def current_plan(tracker: Tracker):
    """The advice plan for this conversation's answers, for its role (a worker's plan unless
    the user is an employer or job seeker): the advice action and 'wat eerst?' share it."""
    role = tracker.get_slot("role")
    answers = {t: tracker.get_slot(t) for t in TOPICS}
    if role not in (*WORKER_ROLES, "werkgever"):
        # No role said: a worker, unless an answer tells they have no work ('bijstand').
        role = "werkzoekende" if any(seeks_work(a) for a in answers.values()
                                     if a and a != SKIPPED) else "werkende"
    return make_plan(KB, answers, role, told=tracker.get_slot("told"))


def first_step(dispatcher: CollectingDispatcher, tracker: Tracker) -> Events:
    """'wat eerst?' after the plan: the most important advice of this person's own plan, and
    who to take it to (the plan is rebuilt from the answers, as the advice action does)."""
    plan = current_plan(tracker)
    if not plan.topics:
        dispatcher.utter_message(text=messages.FIRST_STEP_NONE)
    else:
        block = plan.topics[0]
        people = [voc.DISCUSS_WITH.get(p, p) for p in plan.discuss_with[:2]]
        dispatcher.utter_message(text=messages.FIRST_STEP.format(
            topic=TOPIC_LABELS[block.topic].lower(), title=block.items[0].title_for(plan.audience),
            people=" of ".join(people)))
    dispatcher.utter_message(text=messages.ANYTHING_ELSE)
    return []


def _for_their_condition(tracker: Tracker, text: str, hits: list) -> list:
    """Findings about another condition than the one the user has (interview answer) or names
    ('en bij NAH?') do not fit them: 'pensioen' brought up a finding about heart disease for
    someone with COPD."""
    known = {c.id for c in (KB.match_condition(tracker.get_slot("aandoening") or ""),
                            KB.match_condition(text)) if c is not None}
    if not known:
        return hits
    return [hit for hit in hits if not hit.item.conditions or known & set(hit.item.conditions)]


def _with_pending(tracker: Tracker, others: list, best: Any) -> List[str]:
    """'meer' after this answer: its own next items, then what the plan still had pending."""
    ids = [hit.item.id for hit in others]
    if tracker.get_slot("plan_given"):
        ids += [i for i in tracker.get_slot("more_item_ids") or []
                if i not in ids and i != best.item.id]
    return ids


def also_named(text: str, answered: Any, audience: Optional[str],
               shown: set) -> List[Tuple[str, Any]]:
    """The other concerns a message names besides the one answered ('... en ik maak me zorgen
    over geld'): per topic its label and the best item for the user's own words about it."""
    found = []
    for topic, words in read_story(text).items():
        reading = read_answer(topic, words)
        if reading is None or reading.concern == 0 \
                or set(reading.themes) & set(answered.themes):
            continue
        hits = KB.search(words, audience=audience or "werkende", limit=3,
                         prefer_advice=audience != "professional")
        item = next((h.item for h in hits if h.item.id not in shown
                     and set(h.item.themes) & set(reading.themes)), None)
        if item is not None:
            found.append((TOPIC_LABELS[topic], item))
            shown = shown | {item.id}
    return found


def _rules(text: str, audience: Optional[str]) -> list:
    """The laws and schemes the sources name that fit a question about rules or rights."""
    if not asks_about_rules(text):
        return []
    return [hit.resource for hit in KB.search_resources(text)
            if hit.resource.kind == "regeling" and hit.score >= RULE_MATCH
            and (audience or "werkende") in hit.resource.audiences][:RULES]


def answer_latest(dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> Events:
    """The latest message is a question: answer it."""
    return answer_question(dispatcher, tracker, latest_text(tracker))


def fallback_search(dispatcher: CollectingDispatcher, tracker: Tracker,
                    domain: Dict[Text, Any]) -> Events:
    """Low NLU confidence: a message that clearly matches the knowledge base is answered, a
    story is read back; nonsense, or a message nothing matches, gets 'please rephrase'."""
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
    dispatcher.utter_message(text=once(tracker, messages.REPHRASE, messages.REPHRASE_AGAIN),
                             buttons=buttons(messages.REPHRASE_BUTTONS))
    return []


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
    lines = []
    if condition and tracker.get_slot("aandoening") in (None, SKIPPED):
        events.append(SlotSet("aandoening", condition.name))
        lines.append(f"- {TOPIC_LABELS['aandoening']}: {condition.name}")
    for topic in TOPICS:
        if topic in found:
            events.append(SlotSet(topic, found[topic]))
            lines.append(f"- {TOPIC_LABELS[topic]}: '{found[topic]}'")
    if not lines:
        dispatcher.utter_message(text=messages.STORY_NOTHING_FOUND)
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
    if not found and not asks:
        # 'hij is een goede vakman, ik wil hem niet kwijt': nothing about the situation to add;
        # a search on it gives advice at random. The plan's rest stays for 'meer'.
        dispatcher.utter_message(text=messages.NOTED)
        if has_more(tracker):
            dispatcher.utter_message(text=messages.ANYTHING_ELSE_MORE, buttons=[
                more_button(), *buttons([("Klaar", "Klaar")])])
        else:
            dispatcher.utter_message(text=messages.ANYTHING_ELSE)
        return [SlotSet("situation_captured", None)]
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
    hits = KB.search(text, audience=audience, limit=RESULTS, prefer_advice=True)
    given = given_ids(tracker)
    fresh = [hit for hit in hits if hit.item.id not in given]
    if fresh:
        dispatcher.utter_message(text=messages.NEW_FOR_YOU)
        dispatcher.utter_message(text=item_message(fresh[0].item, audience))
        events.append(given_event(tracker, [fresh[0].item.id]))
        # 'meer': more on what was just told, then the rest of the plan (not lost).
        pending = [i for i in tracker.get_slot("more_item_ids") or [] if i not in given]
        events.append(SlotSet("more_item_ids", list(dict.fromkeys(
            [hit.item.id for hit in fresh[1:]] + pending)) or None))
    elif hits:
        dispatcher.utter_message(text=once(tracker, messages.ALREADY_GIVEN.format(
            title=hits[0].item.title_for(audience)), messages.ALREADY_GIVEN_AGAIN))
    dispatcher.utter_message(text=messages.ANYTHING_ELSE)
    # Neither 'read back' (True) nor 'start the interview' (False): the conversation goes on.
    return events + [SlotSet("situation_captured", None)]


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
