"""Kinds of loops found by blind personas v4 (session 11), on the action code over the real
content: a yes with more words to the interview offer starts the interview; 'wat eerst?' asked
again gives the plan's next step, then a short pointer; the interview's opening line is not
repeated. Messages written for this test."""
from __future__ import annotations

from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from tests.support.action_harness import actions, texts, tracker  # noqa: F401

ANSWERS = {"aandoening": "reuma", "energie": "altijd moe na mijn werk",
           "werkbelasting": "veel tillen en lange dagen", "steun": "mijn baas snapt het niet",
           "financien": "geen zorgen"}


def _after(t, *bot_texts):
    t.events = [{"event": "bot", "text": text} for text in bot_texts]
    return t


def test_a_yes_with_more_words_to_the_offer_starts_the_interview(actions):
    offer = actions["messages"].INTERVIEW_OFFER
    for text in ("Ja, graag. Ik weet niet zo goed wat er allemaal mag.",
                 "ja doe maar, als het maar praktisch is"):
        t = _after(tracker(text, intent="ask_question", interview_offered=True), offer)
        dispatcher = CollectingDispatcher()
        events = actions["situation_replies"].answer_or_note(dispatcher, t, {})
        assert FollowupAction("interview_form") in events, text
        assert texts(dispatcher) == []


def test_a_yes_with_another_question_is_answered(actions):
    offer = actions["messages"].INTERVIEW_OFFER
    text = "ja graag, maar wie betaalt eigenlijk mijn re-integratie?"
    t = _after(tracker(text, intent="ask_question", interview_offered=True), offer)
    dispatcher = CollectingDispatcher()
    events = actions["situation_replies"].answer_or_note(dispatcher, t, {})
    assert FollowupAction("interview_form") not in events
    assert texts(dispatcher)


def test_a_yes_long_after_the_offer_is_not_taken_as_accepting_it(actions):
    text = "Ja, graag. Ik weet niet zo goed wat er allemaal mag."
    t = _after(tracker(text, intent="ask_question", interview_offered=True), "iets anders")
    events = actions["situation_replies"].answer_or_note(CollectingDispatcher(), t, {})
    assert FollowupAction("interview_form") not in events


def test_what_first_asked_again_goes_on_through_the_plan(actions):
    replies, messages = actions["replies"], actions["messages"]
    said = []
    for _ in range(len(replies.current_plan(tracker("x", **ANSWERS)).topics) + 2):
        dispatcher = CollectingDispatcher()
        replies.first_step(dispatcher, _after(tracker("wat eerst?", plan_given=True, **ANSWERS),
                                              *said))
        said += texts(dispatcher)
    steps = [s for s in said if s != messages.ANYTHING_ELSE]
    assert steps[0].startswith("Begin met het belangrijkste")
    assert steps[1].startswith("Daarna, over")
    assert len(set(steps)) == len(steps), steps  # never the same text twice
    assert steps[-1] == messages.IN_THE_PLAN


def test_the_interview_opening_line_is_said_once(actions):
    messages = actions["messages"]
    text = "daar heb ik nog niet over nagedacht"
    first = CollectingDispatcher()
    actions["situation_replies"].capture_story(first, tracker(text, intent="share_situation"), {})
    again = CollectingDispatcher()
    actions["situation_replies"].capture_story(
        again, _after(tracker(text, intent="share_situation"), messages.STORY_NOTHING_FOUND), {})
    assert texts(first) == [messages.STORY_NOTHING_FOUND]
    assert texts(again) == [messages.STORY_NOTHING_FOUND_AGAIN]


def test_a_second_thing_named_in_one_answer_gets_its_own_advice_in_the_plan(actions):
    """'moe, en vooral de concentratie': advice on tiredness and on concentration, both in the
    plan itself (the second waited behind 'meer')."""
    answers = dict(ANSWERS, energie="na een paar uur ben ik op, en vooral mijn concentratie is "
                                    "weg, ik vergeet van alles")
    dispatcher = CollectingDispatcher()
    actions["advice"].ActionGiveAdvice().run(dispatcher, tracker("x", **answers), {})
    energy = [t for t in texts(dispatcher) if t.startswith("Energie. ")]
    assert len(energy) == 2, energy
    assert any("concentr" in t.lower() for t in energy)
    one = CollectingDispatcher()
    actions["advice"].ActionGiveAdvice().run(one, tracker("x", **ANSWERS), {})
    assert len([t for t in texts(one) if t.startswith("Energie. ")]) == 1


def test_a_yes_with_an_indirect_question_still_starts_the_interview(actions):
    offer = actions["messages"].INTERVIEW_OFFER
    text = "ja, heel graag. ik loop steeds vast en ik weet niet wat ik moet vragen"
    t = _after(tracker(text, intent="share_situation", interview_offered=True), offer)
    events = actions["situation_replies"].answer_or_note(CollectingDispatcher(), t, {})
    assert FollowupAction("interview_form") in events


def test_an_unclear_long_story_with_a_condition_is_read_back_not_rephrase(actions):
    """Written for this test: a formal story the classifier was unsure of."""
    messages = actions["messages"]
    text = ("Goedendag. Ik ben vorig jaar behandeld voor darmkanker en werk sinds kort weer "
            "drie ochtenden. De vermoeidheid en het vele toiletbezoek maken het zwaar. Graag "
            "uw advies over de verdere opbouw.")
    dispatcher = CollectingDispatcher()
    t = tracker(text, intent="nlu_fallback", ranking=[("nlu_fallback", 0.4),
                                                     ("medical_question", 0.3)])
    actions["situation_replies"].fallback_search(dispatcher, t, {})
    said = texts(dispatcher)
    assert not any(s.startswith(messages.REPHRASE[:30]) for s in said), said
    assert any("Kanker" in s for s in said) or messages.STORY_NOTHING_FOUND in said, said


def test_what_first_with_nothing_to_do_still_asks_what_else(actions):
    """All four topics fine: the 'prepare the conversation' line, then 'Wil je nog iets
    weten?' (the question after it went missing when 'wat eerst?' learnt to go on)."""
    replies, messages = actions["replies"], actions["messages"]
    fine = {"aandoening": "reuma", "energie": "gaat prima", "werkbelasting": "valt mee",
            "steun": "goede steun", "financien": "geen zorgen"}
    dispatcher = CollectingDispatcher()
    replies.first_step(dispatcher, tracker("wat eerst?", plan_given=True, **fine))
    assert texts(dispatcher) == [messages.FIRST_STEP_NONE, messages.ANYTHING_ELSE]
