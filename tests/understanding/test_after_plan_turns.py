"""Turns after the plan and inside the interview that are neither a question nor an answer:
a fact without a question, 'what more can I do' when the plan is used up, and who they are said
instead of an answer. Runs the action code directly over the real content."""
from __future__ import annotations

import asyncio
import importlib

from rasa_sdk.executor import CollectingDispatcher

from tests.support.action_harness import actions, texts, tracker  # noqa: F401


def test_a_fact_without_a_question_after_the_plan_is_noted_not_searched(actions):
    """'timmerman, voorman eigenlijk. nieuwbouw woningen' after the plan got 'waar je woont
    hangt samen met werkbehoud'; now it is noted and the plan's rest is offered. A question, or
    a topic the sources clearly match, is still answered."""
    situation, messages = actions["situation_replies"], actions["messages"]
    dispatcher = CollectingDispatcher()
    situation.answer_or_note(dispatcher, tracker(
        "timmerman, voorman eigenlijk. nieuwbouw woningen", intent="ask_question",
        plan_given=True, more_item_ids=["rl-3.2-scholing-omscholing"]), {})
    assert texts(dispatcher)[0] == messages.NOTED
    for text in ("vertel me meer over de werkscan", "hoe zeg ik dat tegen mijn baas?",
                 "Ik wil vooral weten wat ik als leidinggevende concreet kan doen."):
        dispatcher = CollectingDispatcher()
        situation.answer_or_note(dispatcher, tracker(text, intent="ask_question",
                                                     plan_given=True), {})
        assert texts(dispatcher)[0] not in (messages.NOTED, messages.FINE_NOTED)
    dispatcher = CollectingDispatcher()  # before the plan: answered as before
    situation.answer_or_note(dispatcher, tracker("vertel me meer over de werkscan",
                                                 intent="ask_question"), {})
    assert "Werkscan" in texts(dispatcher)[0]


def test_more_to_do_when_the_plan_is_used_up_searches_the_question(actions):
    """'wat kan ik als leidinggevende nog meer doen?' with nothing pending: something to do
    for an employer that was not shown yet, never 'nothing more'; a bare 'meer' with nothing
    left still says so."""
    show_more = importlib.import_module("actions.more").show_more
    messages = actions["messages"]
    given = ["rl-3.2-werkgever-ruimte-uitproberen"]
    dispatcher = CollectingDispatcher()
    events = show_more(dispatcher, tracker("Wat kan ik als leidinggevende nog meer doen?",
                                           intent="more", role="werkgever", plan_given=True,
                                           given_item_ids=given))
    assert texts(dispatcher)[0] != messages.NO_MORE
    shown = next(e["value"] for e in events if e.get("name") == "given_item_ids")
    kb = importlib.import_module("actions.knowledge_access").KB
    new = [kb.get_item(i) for i in shown if i not in given]
    assert new and all(item.actionable and "werkgever" in item.audiences for item in new)
    dispatcher = CollectingDispatcher()
    show_more(dispatcher, tracker("meer", intent="more", plan_given=True))
    assert texts(dispatcher) == [messages.NO_MORE]


def _validate(actions, text, intent, topic="energie", role="werkgever", asked=0):
    interview, messages = actions["interview"], actions["messages"]
    form = interview.ValidateInterviewForm()
    dispatcher = CollectingDispatcher()
    said = tracker(text, intent=intent, confidence=0.9, role=role, requested_slot=topic)
    said.events = [{"event": "bot", "text": f"{messages.PROGRESS.format(number=2, total=5)}: x"}
                   ] * asked
    result = form._validate_topic(topic, text, dispatcher, said)
    return result, texts(dispatcher)


def test_who_they_are_said_instead_of_an_answer_is_noted_and_the_question_asked_again(actions):
    """'ik ben de werkgever, het gaat om een medewerker van mij' to the energy question was
    taken as the energy answer; now the role is noted and the question comes again. An answer
    that also names the topic stays an answer; after two asks the words are taken as they are."""
    messages = actions["messages"]
    text = "Ik ben de werkgever, eigenaar van het bedrijf. Het gaat om een medewerker van mij."
    result, said = _validate(actions, text, "ask_question", asked=1)  # whatever the intent
    assert result == {"energie": None, "role": "werkgever"}
    assert said == [messages.ROLE_IN_INTERVIEW["werkgever"]]
    result, _ = _validate(actions, "ik werk als kok en ben altijd moe", "choose_role",
                          role=None, asked=1)
    assert result == {"energie": "ik werk als kok en ben altijd moe"}
    result, _ = _validate(actions, text, "choose_role", asked=2)
    assert result.get("role") is None
    # a worker's answer that names the employer is an answer, not a role
    answer = ("Dat ik niet weet wie het weet. En dat ik bang ben dat de eigenaar me eruit werkt "
              "als hij erachter komt.")
    result, _ = _validate(actions, answer, "choose_role", topic="werkbelasting", role="werkende",
                          asked=1)
    assert result == {"werkbelasting": answer}


def test_the_same_story_after_its_read_back_starts_the_questions(actions):
    """The same story again after 'klopt dat?' is no second read-back (a loop): the questions
    still open follow, also when the classifier was unsure."""
    situation, messages = actions["situation_replies"], actions["messages"]
    text = "ik wil gewoon ergens beginnen maar niemand neemt me aan"
    said = tracker(text, intent="share_situation", werkbelasting="niemand neemt me aan")
    said.events = [{"event": "bot", "text": messages.STORY_CONFIRM}]
    dispatcher = CollectingDispatcher()
    events = situation.capture_story(dispatcher, said, {})
    assert texts(dispatcher) == [messages.STORY_AGAIN]
    assert {"event": "followup", "name": "interview_form"} in [
        {k: e.get(k) for k in ("event", "name")} for e in events]
    dispatcher = CollectingDispatcher()  # told for the first time: read back
    situation.capture_story(dispatcher, tracker(text, intent="share_situation"), {})
    assert texts(dispatcher)[-1] == messages.STORY_CONFIRM


def test_a_new_answer_after_the_plan_gets_the_plans_advice_for_it(actions):
    """'Na een uur code lezen zit mijn hoofd vol en maak ik fouten' after the plan: advice on
    concentration, as the plan gives it (not 'maak het probleem helder', the search's pick for
    'het grootste probleem')."""
    situation = actions["situation_replies"]
    kb = importlib.import_module("actions.knowledge_access").KB
    dispatcher = CollectingDispatcher()
    events = situation.story_after_plan(dispatcher, tracker(
        "Dat is het grootste probleem. Na een uur code lezen zit mijn hoofd vol en maak ik fouten.",
        plan_given=True))
    shown = next(e["value"] for e in events if e.get("name") == "given_item_ids")
    assert "concentratie" in kb.get_item(shown[0]).themes


def test_a_question_that_names_the_condition_names_its_organisations_once(actions):
    """'... met mijn diabetes, hoe pak ik dit aan?': with the answer, the patient organisations
    and coaches the sources name for diabetes; once per conversation, never for a professional,
    and nothing for a condition without its own organisation."""
    replies, messages = actions["replies"], actions["messages"]
    text = "ik red het werk niet meer met mijn diabetes, hoe pak ik dit aan?"
    dispatcher = CollectingDispatcher()
    replies.answer_question(dispatcher, tracker(text, role="werkende"), text)
    help_for = [t for t in texts(dispatcher) if t.startswith("Voor Diabetes")]
    assert len(help_for) == 1 and "Diabetes Vereniging Nederland" in help_for[0]
    said = tracker(text, role="werkende")
    said.events = [{"event": "bot", "text": help_for[0]}]
    assert replies.condition_help(said, text, "werkende") is None
    assert replies.condition_help(tracker(text), text, "professional") is None
    assert replies.condition_help(tracker("ik heb lupus"), "ik heb lupus", "werkende") is None


def test_dont_know_to_the_read_back_starts_the_questions(actions):
    """'geen idee' to 'klopt dat?' after a story: the open questions follow (it got the menu
    'waarmee kan ik je helpen?' and the read-back was lost)."""
    messages = actions["messages"]
    what_now = importlib.import_module("actions.what_now").ActionWhatNow()
    said = tracker("Geen idee eerlijk gezegd.", intent="skip", werkbelasting="sjouwen")
    said.events = [{"event": "bot", "text": messages.STORY_CONFIRM}]
    dispatcher = CollectingDispatcher()
    events = what_now.run(dispatcher, said, {})
    assert texts(dispatcher) == [messages.STORY_AGAIN]
    assert any(e.get("event") == "followup" for e in events)


def test_dont_know_again_after_the_offer_of_more_shows_the_next_advice(actions):
    """'weet ik niet' after the plan: first the offer ('wil je dat zien?'), then, when it comes
    again, the plan's next advice instead of the same buttons."""
    messages = actions["messages"]
    what_now = importlib.import_module("actions.what_now").ActionWhatNow()
    pending = ["rl-3.2-scholing-omscholing"]
    dispatcher = CollectingDispatcher()
    what_now.run(dispatcher, tracker("weet ik niet", intent="skip", plan_given=True,
                                     more_item_ids=pending), {})
    assert texts(dispatcher) == [messages.WHAT_NOW_PLAN_MORE]
    again = tracker("ik weet het niet", intent="skip", plan_given=True, more_item_ids=pending)
    again.events = [{"event": "bot", "text": messages.WHAT_NOW_PLAN_MORE}]
    dispatcher = CollectingDispatcher()
    what_now.run(dispatcher, again, {})
    assert texts(dispatcher)[0].startswith("Samen kijken naar scholing of omscholing")


def test_an_employers_money_concern_is_the_cost_of_absence(actions):
    """An employer's answer about money ('ik betaal zijn loon door, moet een invaller inhuren')
    starts with what the sources say about insuring the cost of absence."""
    replies = actions["replies"]
    plan = replies.current_plan(tracker("x", role="werkgever", financien=(
        "Dat is mijn grote zorg. Ik betaal zijn loon door en moet een invaller inhuren.")))
    money = next(block for block in plan.topics if block.topic == "financien")
    assert money.items[0].id == "ser-verzuimverzekering"


def test_yes_with_a_wish_to_the_offer_of_more_is_not_noted_as_a_fact(actions):
    """'Ja, graag. Vooral over hoe ik mijn week slimmer kan inrichten.' to 'je plan heeft nog
    meer advies, wil je dat zien?' was noted ('dank je, goed om te weten') and the offer came
    again. A bare yes shows the plan's next advice; a yes with a wish the sources clearly
    match answers the wish."""
    situation, messages = actions["situation_replies"], actions["messages"]
    pending = ["rl-3.2-scholing-omscholing"]
    kb = actions["replies"].KB
    for text, intent in (("Ja, graag. Vooral over hoe ik mijn week slimmer kan inrichten.",
                          "share_situation"),
                         ("ja graag, doe maar", "share_situation"),
                         ("Oké. Vooral over thuiswerken, dat zou schelen.", "ask_question")):
        dispatcher = CollectingDispatcher()
        situation.answer_or_note(dispatcher, tracker(
            text, intent=intent, plan_given=True, more_item_ids=pending), {})
        reply = texts(dispatcher)
        assert reply[0] not in (messages.NOTED, messages.FINE_NOTED), text
        assert reply[0].split(":\n")[0] in {i.title for i in kb.content.items.values()}, text
    from bot.understanding.cues import after_yes
    for not_yes in ("goed dat je het vraagt, ik ben timmerman", "janssen is mijn baas",
                    "graaf van de kast"):
        assert after_yes(not_yes) is None, not_yes


def test_the_same_story_twice_after_the_plan_gets_no_new_advice_for_it(actions):
    """A story told again after the plan got another item 'for' it each time; now the second
    time is pointed to the advice above and the plan's rest is offered."""
    situation, messages = actions["situation_replies"], actions["messages"]
    story = "Chronische nierschade. Ik moet drie middagen per week dialyseren en ben daarna leeg."
    first = CollectingDispatcher()
    situation.story_after_plan(first, tracker(story, intent="share_situation", plan_given=True))
    assert texts(first)[0] == messages.NEW_FOR_YOU
    again = tracker(story, intent="share_situation", plan_given=True,
                    more_item_ids=["rl-3.2-scholing-omscholing"])
    again.events = [{"event": "user", "text": story}, {"event": "bot", "text": "..."},
                    {"event": "user", "text": story}]
    dispatcher = CollectingDispatcher()
    situation.story_after_plan(dispatcher, again)
    assert texts(dispatcher)[0] == messages.TOLD_ALREADY
    assert texts(dispatcher)[1] == messages.WHAT_NOW_PLAN_MORE
