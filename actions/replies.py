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
from actions.more import has_more, show_more
from actions.overview_reply import answer_overview
from actions.state import given_event, given_ids, once, said_before, told_events
from bot.understanding.cues import (asks_about_rules, asks_first_step, asks_for_action,
                                    asks_for_more, asks_what_to_do, asks_where_to_go,
                                    seeks_work, speaks_as_job_seeker)
from knowledge import vocabulary as voc
from knowledge.advice_plan import PREPARE_ITEM_EMPLOYER, first_remedy, make_plan
from knowledge.base import SearchHit
from knowledge.situation import (SKIPPED, TOPIC_LABELS, TOPICS, is_follow_up, read_answer,
                                 read_story)

Events = List[Dict[Text, Any]]

RESULTS = 5      # the best is shown, two more are named, the rest waits for 'meer'
NAMED = 2
RESOURCES = 4
RULES = 4         # laws and schemes named with an answer about rules or rights
RULE_MATCH = 0.06  # resource search score from which a law or scheme fits the question
# Who helps people with one condition: its patient organisations, coaches and expert centres.
CONDITION_HELP_KINDS = ("patientenorganisatie", "ervaringsdeskundige_coach", "kenniscentrum")
CONDITION_HELP = 2  # of them named with an answer
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
    if has_more(tracker) and (asks_for_more(text) or (
            tracker.get_slot("plan_given") and asks_what_to_do(text))):
        # 'wat kan ik als leidinggevende concreet doen?' after the plan: the plan is the
        # context, its advice not shown yet is the answer.
        return show_more(dispatcher, tracker)
    audience = audience_for(tracker.get_slot("role"), text)
    # 'ik zit in de bijstand en de gemeente wil dat ik solliciteer': a job seeker, whose own
    # items and interview questions fit better than a worker's.
    job_seeker = audience is None and speaks_as_job_seeker(text)
    if job_seeker:
        audience = "werkzoekende"
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
    if audience == "werkgever" and hits and asks_first_step(asked) \
            and not tracker.get_slot("plan_given"):
        hits = _conversation_first(hits)
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
    remedy = remedy_for(best.item, asked, audience, set(given))
    if remedy is not None:  # 'hoe plan ik mijn werk?' -> the barrier, then what helps
        dispatcher.utter_message(text=f"{messages.WHAT_HELPS}\n{item_message(remedy, audience)}")
        others = [hit for hit in others if hit.item.id != remedy.id]
    answered = [best.item.id] + ([remedy.id] if remedy is not None else [])
    shown = {hit.item.id for hit in fresh[:NAMED + 1]} | set(given) | set(answered)
    also = also_named(asked, best.item, audience, shown)
    if also:  # several concerns in one message: the others as quick replies
        dispatcher.utter_message(text=messages.ALSO_NAMED, buttons=buttons(
            [(label, '/more{"item_id": "%s"}' % item.id) for label, item in also]))
    rules = _rules(asked, audience)
    if rules:  # 'zijn er regelingen voor?': the laws and schemes the sources name
        dispatcher.utter_message(text=rules_message(messages.RULES, rules))
    help_for = condition_help(tracker, asked, audience)
    if help_for:  # 'ik heb MS, ...': the organisations for MS, once
        dispatcher.utter_message(text=help_for)
    if others:
        dispatcher.utter_message(text=messages.RELATED,
                                 buttons=item_buttons([hit.item for hit in others[:NAMED]], audience))
    events: Events = [SlotSet("last_answer_ids", [hit.item.id for hit in hits]),
                      SlotSet("more_item_ids", _with_pending(tracker, others, best)),
                      given_event(tracker, answered)]
    if tracker.get_slot("role") is None and (job_seeker or audience in ("werkgever",
                                                                        "professional")):
        # 'mijn medewerker heeft reuma': the follow-up 'hoe begin ik het gesprek?' is theirs too.
        events.append(SlotSet("role", audience))
    worker = audience in WORKER_AUDIENCES
    if worker and not tracker.get_slot("disclaimer_shown"):
        dispatcher.utter_message(text=messages.NOT_A_DOCTOR_JOB_SEEKER
                                 if audience == "werkzoekende" else messages.NOT_A_DOCTOR)
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
        if condition is not None and tracker.get_slot("aandoening") is None:
            events.append(SlotSet("aandoening", condition.name))  # the interview skips it
    return events


def remedy_for(item: Any, text: str, audience: Optional[str], given: set) -> Optional[Any]:
    """What the sources say helps against the barrier `item` describes (its `helped_by`), the
    first not given yet: a worker who asks how to plan with energy that swings gets the finding
    and then autonomy over hours and tasks. A professional gets it only when asking what to do
    (a question about factors wants the conclusion alone)."""
    if audience == "professional" and not asks_for_action(text):
        return None
    # The finding fits the user (its condition is theirs): so does a remedy for that condition.
    return first_remedy(KB, item, audience or "werkende", given, item.conditions)


def condition_help(tracker: Tracker, text: str, audience: Optional[str]) -> Optional[str]:
    """The patient organisations and experienced coaches the sources name for the condition a
    question names (not for professionals), once per conversation: 'ik heb diabetes, ...' ->
    Diabetes Vereniging Nederland (diabeteswerkcoach)."""
    if audience == "professional":
        return None
    condition = KB.match_condition(text)
    if condition is None:
        return None
    found = [r for r in KB.resources_for(condition.id, audience=audience or "werkende")
             if condition.id in r.conditions and r.kind in CONDITION_HELP_KINDS][:CONDITION_HELP]
    if not found:
        return None
    reply = "\n".join([messages.CONDITION_HELP.format(condition=condition.name)] + [
        f"- {r.name}" + (f": {r.url}" if r.url else "") for r in found])
    return None if said_before(tracker, reply) else reply


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
    dispatcher.utter_message(text=_step_text(tracker, plan))
    dispatcher.utter_message(text=messages.ANYTHING_ELSE)
    return []


def _step_text(tracker: Tracker, plan: Any) -> str:
    """The first block of the plan; asked again, the next block, then a pointer (a persona
    asked six times and got the same answer each time)."""
    if not plan.topics:
        return once(tracker, messages.FIRST_STEP_NONE, messages.IN_THE_PLAN)
    starts = (messages.FIRST_STEP.split("{")[0], messages.NEXT_STEP.split("{")[0])
    asked = sum(1 for event in tracker.events or [] if event.get("event") == "bot"
                and (event.get("text") or "").startswith(starts))
    if asked >= len(plan.topics):
        return once(tracker, messages.STEPS_GIVEN.format(
            title=plan.topics[0].items[0].title_for(plan.audience)), messages.IN_THE_PLAN)
    block = plan.topics[asked]
    template = messages.FIRST_STEP if asked == 0 else messages.NEXT_STEP
    return template.format(
        topic=TOPIC_LABELS[block.topic].lower(), title=block.items[0].title_for(plan.audience),
        people=" of ".join(voc.DISCUSS_WITH.get(p, p) for p in plan.discuss_with[:2]))


def _for_their_condition(tracker: Tracker, text: str, hits: list) -> list:
    """Findings about another condition than the one the user has (interview answer) or names
    ('en bij NAH?') do not fit them: 'pensioen' brought up a finding about heart disease for
    someone with COPD."""
    known = {c.id for c in (KB.match_condition(tracker.get_slot("aandoening") or ""),
                            *KB.match_conditions(text)) if c is not None}
    if not known:
        return hits
    return [hit for hit in hits if not hit.item.conditions or known & set(hit.item.conditions)]


def _conversation_first(hits: list) -> list:
    """An employer who asks what to do first ('een medewerkster vertelde me dat ze ms heeft,
    wat doe ik nu als eerste?'): the conversation with the employee, as the employer's plan
    starts (the Gesprekswijzer), then what the search found."""
    item = KB.get_item(PREPARE_ITEM_EMPLOYER)
    if item is None:
        return hits
    rest = [hit for hit in hits if hit.item.id != item.id]
    return [SearchHit(item, max(hit.score for hit in hits))] + rest[:RESULTS - 1]


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
