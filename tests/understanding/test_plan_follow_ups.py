"""After the plan and beside the answer: the section overview, the laws and schemes with a
question about rules, the close of the plan and its quick replies, the job seeker's plan, and
what 'ja', 'nee' or 'weet ik niet' lead to when no question is open. Runs the action code
directly over a knowledge store built from the real content."""
from __future__ import annotations

import importlib

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from tests.support.action_harness import actions, slots, texts, tracker  # noqa: F401


@pytest.mark.parametrize("text", ["aanbevelingen hoofdstuk 3", "overzicht par 3.2",
                                  "wat staat er in paragraaf 4.1?"])
def test_a_short_overview_request_gets_the_section_overview(actions, text):
    """'aanbevelingen hoofdstuk 3' in the chat gives the overview `werkbaar richtlijn 3` prints,
    also when the classifier was unsure; limited to one bubble."""
    replies = actions["replies"]
    for answer in (replies.answer_question, actions["situation_replies"].fallback_search):
        dispatcher = CollectingDispatcher()
        answer(dispatcher, tracker(text, role="professional"),
               text if answer is replies.answer_question else {})
        reply = texts(dispatcher)
        assert len(reply) == 1 and "richtlijn" in reply[0].splitlines()[0]
        assert len([line for line in reply[0].splitlines() if line.startswith("- ")]) <= 12


def test_a_question_with_a_section_number_is_answered_not_listed(actions):
    """A longer question that names a section asks about something in it: the search answers."""
    replies = actions["replies"]
    text = "wat zegt paragraaf 3.2 over minder uren werken als ik heel erg moe ben na mijn dienst"
    dispatcher = CollectingDispatcher()
    replies.answer_question(dispatcher, tracker(text), text)
    assert not texts(dispatcher)[0].startswith("Multidisciplinaire richtlijn")


def test_a_question_about_rules_names_the_laws_and_schemes_of_the_sources(actions):
    """'welke regelingen zijn er ...': after the answer, the schemes the sources name (no-risk
    polis, verzuimverzekering ...), each with what it is about; not for other questions."""
    replies, messages = actions["replies"], actions["messages"]
    text = "welke regelingen zijn er voor mij als ik een zieke werknemer in dienst neem?"
    dispatcher = CollectingDispatcher()
    replies.answer_question(dispatcher, tracker(text, role="werkgever"), text)
    rules = next((t for t in texts(dispatcher) if t.startswith(messages.RULES)), None)
    assert rules is not None and "No-risk polis" in rules
    assert 1 <= len(rules.splitlines()) - 1 <= replies.RULES
    text = "hoe vertel ik mijn collega's dat ik snel moe ben?"
    dispatcher = CollectingDispatcher()
    replies.answer_question(dispatcher, tracker(text), text)
    assert not any(t.startswith(messages.RULES) for t in texts(dispatcher))


def test_an_employers_duties_when_someone_falls_ill_name_the_poortwachter_law(actions):
    """'wat zijn mijn plichten als iemand ziek uitvalt?': the law that makes employer and
    employee responsible together (Wet Verbetering Poortwachter) is among the rules named."""
    replies, messages = actions["replies"], actions["messages"]
    text = "wat zijn eigenlijk mijn plichten als werkgever als er iemand langdurig ziek uitvalt?"
    dispatcher = CollectingDispatcher()
    replies.answer_question(dispatcher, tracker(text), text)
    rules = next((t for t in texts(dispatcher) if t.startswith(messages.RULES)), "")
    assert "Wet Verbetering Poortwachter" in rules


ANSWERS = {"aandoening": "ik heb reuma", "energie": "ik ben na het werk kapot",
           "werkbelasting": "het tillen is te zwaar", "steun": "mijn baas snapt het niet",
           "financien": "ik ben bang dat ik mijn inkomen kwijtraak"}


def test_the_plan_closes_with_the_questions_people_ask_next_as_quick_replies(actions):
    advice, messages = actions["advice"], actions["messages"]
    for role, follow_ups in ((None, messages.PLAN_FOLLOW_UPS),
                             ("werkgever", messages.PLAN_FOLLOW_UPS_EMPLOYER)):
        dispatcher = CollectingDispatcher()
        advice.ActionGiveAdvice().run(dispatcher, tracker("klaar", role=role, **ANSWERS), {})
        close = next(m for m in dispatcher.messages if m.get("text") == messages.PLAN_CLOSE)
        assert [b["payload"] for b in close["buttons"]] == follow_ups
        assert dispatcher.messages.index(close) >= len(dispatcher.messages) - 2


def test_who_answers_without_work_gets_the_job_seekers_plan(actions):
    """No role said, but 'ik zit in de bijstand': the plan and the role are a job seeker's."""
    advice, replies = actions["advice"], actions["replies"]
    answers = dict(ANSWERS, financien="ik zit in de bijstand en ben bang voor minder geld")
    assert replies.current_plan(tracker("x", **answers)).audience == "werkzoekende"
    assert replies.current_plan(tracker("x", **ANSWERS)).audience == "werkende"
    events = advice.ActionGiveAdvice().run(CollectingDispatcher(), tracker("x", **answers), {})
    assert any(e.get("name") == "role" and e.get("value") == "werkzoekende" for e in events)


def test_yes_no_or_dont_know_without_an_open_question_leads_somewhere(actions):
    """'weet ik niet' after the plan offers what is left of it; 'nee' to 'wil je nog iets
    weten?' says goodbye; before a plan, buttons; never the same long message twice."""
    messages = actions["messages"]
    what_now = importlib.import_module("actions.what_now").ActionWhatNow()
    dispatcher = CollectingDispatcher()
    what_now.run(dispatcher, tracker("weet ik niet", intent="skip", plan_given=True,
                                     more_item_ids=["rl-3.2-scholing-omscholing"]), {})
    assert texts(dispatcher) == [messages.WHAT_NOW_PLAN_MORE]
    assert dispatcher.messages[0]["buttons"][0]["payload"] == "/more"
    dispatcher = CollectingDispatcher()
    what_now.run(dispatcher, tracker("nee", intent="deny", plan_given=True), {})
    assert dispatcher.messages[0].get("response") == "utter_goodbye"
    dispatcher = CollectingDispatcher()
    said = Tracker("t", {}, {"text": "ja", "intent": {"name": "affirm"}}, [
        {"event": "bot", "text": messages.WHAT_NOW}], False, None, None, None)
    what_now.run(dispatcher, said, {})
    assert texts(dispatcher) == [messages.WHAT_NOW_AGAIN] and dispatcher.messages[0]["buttons"]


def test_yes_to_more_of_the_plan_shows_it(actions):
    """'ja' to 'wil je dat zien?' and to the plan's own 'wil je nog iets weten?': the rest of
    the plan at once, not a menu first."""
    messages = actions["messages"]
    what_now = importlib.import_module("actions.what_now").ActionWhatNow()
    for asked_before in (messages.WHAT_NOW_PLAN_MORE, messages.PLAN_CLOSE,
                         messages.ANYTHING_ELSE):
        asked = Tracker("t", {"plan_given": True,
                              "more_item_ids": ["rl-3.2-scholing-omscholing"]},
                        {"text": "ja", "intent": {"name": "affirm"}},
                        [{"event": "bot", "text": asked_before}], False, None, None, None)
        dispatcher = CollectingDispatcher()
        what_now.run(dispatcher, asked, {})
        assert texts(dispatcher)[0].startswith("Samen kijken naar scholing of omscholing")


def test_no_employer_is_no_employer_role(actions):
    """'ik heb op dit moment geen werkgever' (read as 'choose_role werkgever'): a job seeker;
    after the plan it is a new fact with advice for a job seeker, never the employer welcome."""
    replies, messages = actions["replies"], actions["messages"]
    entity = [{"entity": "role", "value": "werkgever"}]
    for plan_given in (False, True):
        dispatcher = CollectingDispatcher()
        events = actions["situation_replies"].confirm_role(dispatcher, tracker(
            "Ik heb op dit moment geen werkgever.", intent="choose_role", entities=entity,
            role="werkgever", plan_given=plan_given, energie="moe"), {})
        assert {"event": "slot", "name": "role", "value": "werkzoekende"} in \
            [{k: e.get(k) for k in ("event", "name", "value")} for e in events]
        assert messages.ROLE_CONFIRMED["werkgever"] not in texts(dispatcher)
    dispatcher = CollectingDispatcher()
    actions["situation_replies"].confirm_role(
        dispatcher, tracker("ik ben werkgever en heb geen werk voor hem", intent="choose_role",
                            entities=entity, role="werkgever"), {})
    assert texts(dispatcher)[0] == messages.ROLE_CONFIRMED["werkgever"]


def test_a_story_before_the_interview_is_remembered_for_the_plan(actions):
    """The first message's story parts (not the message) are kept in slot `told`, and the
    plan uses them."""
    replies = actions["replies"]
    text = ("ik heb al 6 jaar me/cvs en zit in de bijstand. de gemeente wil dat ik ga "
            "solliciteren maar reizen kost me al te veel energie. waar begin ik?")
    events = replies.answer_question(CollectingDispatcher(), tracker(text), text)
    told = next(e["value"] for e in events if e.get("name") == "told")
    assert "solliciteren" in told["werkbelasting"] and told["aandoening"].startswith("ME/CVS")
    assert text not in told.values()
    plan = replies.current_plan(tracker("ja", told=told, energie="moe", werkbelasting="weet niet"))
    assert any("woon_werkverkeer" in item.themes for block in plan.topics for item in block.items)


def test_a_fine_statement_after_the_plan_adds_no_advice(actions):
    """'mijn vrouw en kinderen staan achter me, daar zit het probleem niet' after the plan is
    noted, with no advice for it (not a finding about people with children)."""
    replies, messages = actions["replies"], actions["messages"]
    text = "Mijn vrouw en kinderen staan achter me, daar zit het probleem niet."
    dispatcher = CollectingDispatcher()
    actions["situation_replies"].story_after_plan(
        dispatcher, tracker(text, plan_given=True, steun="weet ik niet"))
    assert texts(dispatcher) == [messages.FINE_NOTED, messages.ANYTHING_ELSE]
    text = "mijn teamleider snapt er niks van"
    dispatcher = CollectingDispatcher()
    actions["situation_replies"].story_after_plan(dispatcher, tracker(text, plan_given=True))
    assert messages.FINE_NOTED not in texts(dispatcher)


def test_more_to_come_is_a_button(actions):
    """'meer' with more left ends with a 'Meer advies' quick reply (typing 'meer' still works)."""
    messages = actions["messages"]
    show_more = importlib.import_module("actions.more").show_more
    pending = ["rl-3.2-scholing-omscholing", "rl-3.2-inkomenscompensatie",
               "rl-3.2-gesprekswijzer"]
    dispatcher = CollectingDispatcher()
    show_more(dispatcher, tracker("meer", intent="more", more_item_ids=pending))
    last = dispatcher.messages[-1]
    assert last["text"] == messages.MORE_AGAIN
    assert last["buttons"] == [{"title": messages.MORE_BUTTON, "payload": "/more"}]


def test_a_new_fact_after_the_plan_keeps_the_rest_of_the_plan_for_more(actions):
    """'vroeger was ik secretaresse' after the plan gets its own new advice; 'meer' gives more
    on it and then what the plan had left (not lost)."""
    replies = actions["replies"]
    left = ["rl-3.2-scholing-omscholing", "rl-3.2-inkomenscompensatie"]
    events = actions["situation_replies"].story_after_plan(CollectingDispatcher(), tracker(
        "vroeger werkte ik als secretaresse op een advocatenkantoor, dat werk was zwaar",
        plan_given=True, more_item_ids=left))
    more = next(e["value"] for e in events if e.get("name") == "more_item_ids")
    assert more[-2:] == left


def test_a_message_without_news_after_the_plan_gets_no_random_advice(actions):
    """'hij is een goede vakman, ik wil hem niet kwijt' names nothing about the situation: no
    search on it; the plan's rest is offered."""
    replies, messages = actions["replies"], actions["messages"]
    dispatcher = CollectingDispatcher()
    events = actions["situation_replies"].story_after_plan(dispatcher, tracker(
        "hij is een goede vakman, ik wil hem echt niet kwijt", plan_given=True,
        role="werkgever", more_item_ids=["rl-3.2-taken-tijdelijk-overnemen"]))
    assert texts(dispatcher) == [messages.NOTED, messages.WHAT_NOW_PLAN_MORE]
    assert dispatcher.messages[-1]["buttons"][0]["payload"] == "/more"
    assert not any(e.get("name") == "more_item_ids" for e in events)


def test_a_job_seekers_opening_question_sets_the_role_and_the_right_referral(actions):
    """'ik zit in de bijstand ... waar begin ik?': answered as a job seeker (the interview then
    asks the job seeker's questions), and not sent to a company doctor they do not have."""
    replies, messages = actions["replies"], actions["messages"]
    dispatcher = CollectingDispatcher()
    events = replies.answer_question(dispatcher, tracker(
        "zit al twee jaar in de ww met mijn reuma en moet van het uwv solliciteren, "
        "waar begin ik?"), "zit al twee jaar in de ww met mijn reuma en moet van het uwv "
        "solliciteren, waar begin ik?")
    values = slots(events)
    assert values.get("role") == "werkzoekende"
    assert values.get("aandoening")  # the interview does not ask it again
    assert messages.NOT_A_DOCTOR_JOB_SEEKER in texts(dispatcher)
    assert messages.NOT_A_DOCTOR not in texts(dispatcher)


def test_a_condition_named_before_the_interview_is_not_asked_again_nor_skipped_silently(
        actions):
    interview, messages = actions["interview"], actions["messages"]
    ask_energy = next(a for a in interview.ASK_ACTIONS if a.topic == "energie")
    dispatcher = CollectingDispatcher()
    ask_energy().run(dispatcher, tracker("ja", aandoening="Multiple sclerose (MS)"), {})
    said = texts(dispatcher)
    assert said[0] == messages.CONDITION_KNOWN.format(name="Multiple sclerose (MS)")
    assert said[1].startswith("Vraag 2 van 5") and messages.INTERVIEW_HOW in said[1]
    # Read back in a story already: confirmed there, not said again.
    dispatcher = CollectingDispatcher()
    ask_energy().run(dispatcher, tracker("ja", aandoening="Multiple sclerose (MS)",
                                         story_topics=["aandoening"]), {})
    assert len(texts(dispatcher)) == 1


def test_a_job_seekers_work_advice_starts_with_finding_work(actions):
    """A job seeker who names hours, the journey and applying gets help finding work first."""
    replies = actions["replies"]
    plan = replies.current_plan(tracker(
        "x", role="werkzoekende", aandoening="ME/CVS",
        werkbelasting="een paar uur per week lukt, reizen kost me te veel en ik moet solliciteren"))
    work = next(block for block in plan.topics if block.topic == "werkbelasting")
    assert "werk_zoeken" in work.items[0].themes


def test_what_to_do_after_the_plan_is_answered_from_the_plan(actions):
    """'wat kan ik als leidinggevende nu concreet doen?' after the plan: its advice not shown
    yet (the guideline's steps for employers), not a new search."""
    replies = actions["replies"]
    dispatcher = CollectingDispatcher()
    text = "wat kan ik als leidinggevende nu concreet doen?"
    events = replies.answer_question(dispatcher, tracker(
        text, plan_given=True, role="werkgever",
        more_item_ids=["rl-3.2-werkgever-ruimte-uitproberen", "rl-3.2-taken-tijdelijk-overnemen"]),
        text)
    item = replies.KB.get_item("rl-3.2-werkgever-ruimte-uitproberen")
    assert texts(dispatcher)[0].startswith(item.title_for("werkgever"))
    assert "rl-3.2-werkgever-ruimte-uitproberen" in slots(events)["given_item_ids"]


def test_new_facts_after_the_plan_get_something_to_do(actions):
    """'veel pijn bij bukken en tillen' after the plan: advice, not the finding that pain makes
    work hard."""
    replies = actions["replies"]
    events = actions["situation_replies"].story_after_plan(CollectingDispatcher(), tracker(
        "ja veel pijn, vooral bij bukken en tillen en lang staan", plan_given=True))
    given = slots(events)["given_item_ids"]
    assert replies.KB.get_item(given[-1]).actionable
