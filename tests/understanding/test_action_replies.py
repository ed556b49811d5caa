"""Actions react to what the understanding layer decided (`understanding` in the parse data),
never to a magic confidence; they share replies as plain functions and never call each other.

Runs the action code directly (no Rasa server) over a knowledge store built from the real
content in a temporary directory.
"""
from __future__ import annotations

import ast
from pathlib import Path
from typing import Dict

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from tests.support.action_harness import actions, slots, texts, tracker  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
NONSENSE = {"rule": "language.nonsense"}
STORY = "ik ben zo moe na het werk en mijn leidinggevende snapt het niet"
QUESTION = "hoe vertel ik mijn werkgever over mijn ziekte"


def test_decided_by_reads_the_understanding_key(actions):
    understood = actions["understood"]
    assert understood.decided_by(tracker("qwzx", understanding=NONSENSE), understood.NONSENSE)
    assert not understood.decided_by(tracker("qwzx", understanding=NONSENSE), understood.FOREIGN)
    assert not understood.decided_by(tracker("qwzx", confidence=1.0), understood.NONSENSE)
    assert not understood.decided_by(tracker("qwzx", understanding=None), understood.NONSENSE)
    assert understood.deciding_rule(tracker("hallo")) is None


def test_fallback_answers_a_clear_question_but_not_nonsense(actions):
    replies, messages = actions["replies"], actions["messages"]
    ranking = [("nlu_fallback", 0.4), ("ask_question", 0.35)]
    # A high confidence alone is no verdict: the classifier's guess is searched.
    dispatcher = CollectingDispatcher()
    events = actions["situation_replies"].fallback_search(
        dispatcher, tracker(QUESTION, confidence=0.99, ranking=ranking), {})
    # A whole question with a clear match is answered as one ...
    assert texts(dispatcher)[0].startswith("Hulp bij") and slots(events)["last_answer_ids"]
    # ... a fragment with a hedge.
    dispatcher = CollectingDispatcher()
    fragment = "werkgever vertellen over ziekte"
    actions["situation_replies"].fallback_search(dispatcher, tracker(fragment, ranking=ranking), {})
    assert texts(dispatcher)[0] == messages.PROBABLY_MEANT
    # The same words, decided as nonsense by the understanding layer: please rephrase.
    dispatcher = CollectingDispatcher()
    events = actions["situation_replies"].fallback_search(
        dispatcher, tracker(QUESTION, ranking=ranking, understanding=NONSENSE), {})
    assert texts(dispatcher) == [messages.REPHRASE] and events == []


def test_fallback_reads_a_story_back(actions):
    replies, messages = actions["replies"], actions["messages"]
    dispatcher = CollectingDispatcher()
    events = actions["situation_replies"].fallback_search(
        dispatcher, tracker(STORY, ranking=[("share_situation", 0.3)]), {})
    assert texts(dispatcher)[0].startswith(messages.STORY_HEARD)
    assert slots(events)["situation_captured"] is True
    assert set(slots(events)["story_topics"]) == {"energie", "steun"}


def test_an_unclear_sentence_after_the_plan_adds_to_the_situation(actions):
    """'ik wil graag blijven werken maar het wordt steeds zwaarder' after the plan: never
    'begreep ik niet' (that looped until the turn limit), but what is new, or a pointer."""
    replies, messages = actions["replies"], actions["messages"]
    text = "ik wil graag blijven werken, maar dit werk wordt steeds zwaarder met al dat tillen"
    dispatcher = CollectingDispatcher()
    actions["situation_replies"].fallback_search(
        dispatcher, tracker(text, ranking=[("start_interview", 0.2)], plan_given=True,
                            given_item_ids=[]), {})
    said = texts(dispatcher)
    assert messages.REPHRASE not in said
    assert said[0] == messages.NEW_FOR_YOU and said[-1] == messages.ANYTHING_ELSE


def test_an_unclear_long_sentence_is_searched_not_bounced(actions):
    replies, messages = actions["replies"], actions["messages"]
    text = "mijn leidinggevende snapt niet dat ik door mijn reuma minder kan tillen dan vroeger"
    dispatcher = CollectingDispatcher()
    actions["situation_replies"].fallback_search(
        dispatcher, tracker(text, ranking=[("greet", 0.2)]), {})
    assert texts(dispatcher)[0] == messages.PROBABLY_MEANT


def test_nothing_fits_is_said_with_the_nearest_topics(actions, monkeypatch):
    """A weak best match is no answer: say so and offer the nearest topics as buttons."""
    replies, messages = actions["replies"], actions["messages"]
    monkeypatch.setattr(replies, "WEAK_MATCH", 10.0)  # every score is weak now
    dispatcher = CollectingDispatcher()
    events = replies.answer_question(dispatcher, tracker(QUESTION), QUESTION)
    assert texts(dispatcher) == [messages.NO_DIRECT_ANSWER]
    assert 1 <= len(dispatcher.messages[0]["buttons"]) <= replies.NEAREST
    assert slots(events)["more_item_ids"] is None
    monkeypatch.setattr(replies, "WEAK_MATCH", 0.0)
    dispatcher = CollectingDispatcher()
    replies.answer_question(dispatcher, tracker(QUESTION), QUESTION)
    assert texts(dispatcher)[0] != messages.NO_DIRECT_ANSWER


def test_related_items_are_buttons_that_show_the_item(actions):
    """Tap, don't type: the related items under an answer are quick replies; tapping one shows
    that item in full, and 'meer' still shows the rest."""
    replies, messages, advice = actions["replies"], actions["messages"], actions["advice"]
    dispatcher = CollectingDispatcher()
    events = replies.answer_question(dispatcher, tracker(QUESTION), QUESTION)
    related = next(m for m in dispatcher.messages if m.get("text") == messages.RELATED)
    payload = related["buttons"][0]["payload"]
    item_id = payload.split('"item_id": "')[1].rstrip('"}')
    assert payload.startswith("/more{") and item_id in slots(events)["more_item_ids"]
    tapped = tracker(payload, intent="more", confidence=1.0,
                     entities=[{"entity": "item_id", "value": item_id}],
                     more_item_ids=slots(events)["more_item_ids"])
    dispatcher = CollectingDispatcher()
    shown = advice.ActionShowMore().run(dispatcher, tapped, {})
    item = replies.KB.get_item(item_id)
    assert texts(dispatcher)[0].startswith(item.title)
    assert item_id not in (slots(shown)["more_item_ids"] or [])


def test_what_first_after_the_plan_is_this_persons_first_advice(actions):
    replies, messages = actions["replies"], actions["messages"]
    answers = {"aandoening": "copd", "energie": "nee hoor",
               "werkbelasting": "het tillen en sjouwen is echt te zwaar", "steun": "prima",
               "financien": "geen zorgen"}
    dispatcher = CollectingDispatcher()
    replies.answer_question(dispatcher, tracker("wat moet ik als eerste doen?",
                                                plan_given=True, **answers),
                            "wat moet ik als eerste doen?")
    first = texts(dispatcher)[0]
    assert first.startswith("Begin met het belangrijkste uit je plan, over werk")
    assert texts(dispatcher)[-1] == messages.ANYTHING_ELSE


def test_capture_story_action_is_the_shared_reply(actions):
    dispatcher = CollectingDispatcher()
    events = actions["interview"].ActionCaptureStory().run(
        dispatcher, tracker(STORY, intent="share_situation", confidence=0.9), {})
    assert slots(events)["energie"] == "ik ben zo moe na het werk"


def test_a_role_without_a_role_word_is_answered_as_a_question(actions):
    messages = actions["messages"]
    dispatcher = CollectingDispatcher()
    events = actions["roles"].ActionConfirmRole().run(
        dispatcher, tracker(QUESTION, intent="choose_role", confidence=0.9), {})
    assert slots(events)["last_answer_ids"] and messages.ROLE_CONFIRMED["werkende"] \
        not in texts(dispatcher)
    dispatcher = CollectingDispatcher()
    events = actions["roles"].ActionConfirmRole().run(
        dispatcher, tracker("ik werk als kok", intent="choose_role", confidence=0.9), {})
    assert slots(events) == {"role": "werkende", "interview_offered": True,
                             "interview_offer_made": True}
    assert texts(dispatcher) == [messages.ROLE_CONFIRMED["werkende"], messages.INTERVIEW_OFFER]


def _validate(actions, text: str, **message) -> tuple:
    form = actions["interview"].ValidateInterviewForm()
    dispatcher = CollectingDispatcher()
    value = form.validate_energie(
        text, dispatcher, tracker(text, requested_slot="energie", **message), {})
    return value, texts(dispatcher)


def test_interview_nonsense_is_asked_again_by_the_understanding_rule(actions):
    messages = actions["messages"]
    value, said = _validate(actions, "qwzx vbnmt", understanding=NONSENSE)
    assert value == {"energie": None} and said == [messages.UNCLEAR_ANSWER]
    # A confident fallback without the rule is read as an answer, as any other text.
    value, said = _validate(actions, "qwzx vbnmt", confidence=1.0)
    assert value == {"energie": "qwzx vbnmt"} and messages.UNCLEAR_ANSWER not in said


def test_interview_why_and_definition_questions(actions):
    messages = actions["messages"]
    value, said = _validate(actions, "waarom vraag je dat?", intent="ask_question",
                            confidence=0.9)
    assert value == {"energie": None} and said == [messages.WHY_WE_ASK]
    value, said = _validate(actions, "wat is een arbeidsdeskundige?", intent="ask_question",
                            confidence=0.9)
    assert value == {"energie": None} and said[-1] == messages.QUESTION_ASIDE
    value, said = _validate(actions, "vaak erg moe", intent="share_situation", confidence=0.9)
    assert value == {"energie": "vaak erg moe"}


def _action_modules() -> Dict[str, ast.Module]:
    return {path.stem: ast.parse(path.read_text(encoding="utf-8"))
            for path in sorted((ROOT / "actions").glob("*.py"))}


def test_actions_do_not_read_text_or_call_each_other():
    """No regular expressions in actions; no action module imports another's Action classes."""
    modules = _action_modules()
    action_classes = {name: {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
                      for name, tree in modules.items()}
    for name, tree in modules.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                assert "re" not in [alias.name for alias in node.names], name
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("actions."):
                other = node.module.split(".")[1]
                imported = {alias.name for alias in node.names}
                assert not imported & action_classes.get(other, set()), (name, other)


def test_a_question_is_asked_at_most_twice_then_the_words_are_taken(actions):
    """'hij is een goede vakman, ik wil hem niet kwijt' read as off topic looped until the
    turn limit: the second time the same question gets a reply, that reply is the answer."""
    messages = actions["messages"]
    form = actions["interview"].ValidateInterviewForm()
    text = "hij is een goede vakman, ik wil hem echt niet kwijt"
    asked = {"event": "bot", "text": "Vraag 2 van 5: Hoe gaat het met je energie?"}

    def validate(events):
        message = {"text": text, "intent": {"name": "out_of_scope", "confidence": 0.95},
                   "intent_ranking": [], "entities": []}
        state = Tracker("test", {"requested_slot": "energie"}, message, events, False, None,
                        None, None)
        dispatcher = CollectingDispatcher()
        return form.validate_energie(text, dispatcher, state, {}), texts(dispatcher)

    value, said = validate([asked])
    assert value == {"energie": None} and said == [messages.OFF_TOPIC_ANSWER]
    value, said = validate([asked, {"event": "user", "text": text}, asked])
    assert value == {"energie": text} and messages.OFF_TOPIC_ANSWER not in said
    # An earlier interview does not count.
    value, _ = validate([asked, asked, {"event": "active_loop", "name": None}, asked])
    assert value == {"energie": None}


def test_more_gives_more_of_the_same_topic_until_the_sources_run_out(actions):
    """'meer' with nothing pending is no dead end while the topic has more items."""
    replies, messages, advice = actions["replies"], actions["messages"], actions["advice"]
    dispatcher = CollectingDispatcher()
    first = slots(replies.answer_question(dispatcher, tracker(QUESTION), QUESTION))
    given = list(first["given_item_ids"]) + list(first["more_item_ids"] or [])
    topic = set(replies.KB.get_item(first["last_answer_ids"][0]).themes)
    dispatcher = CollectingDispatcher()
    events = advice.ActionShowMore().run(dispatcher, tracker(
        "meer", intent="more", confidence=1.0, last_answer_ids=first["last_answer_ids"],
        given_item_ids=given, more_item_ids=None), {})
    shown = [i for i in slots(events)["given_item_ids"] if i not in given]
    assert shown and texts(dispatcher)[0] != messages.NO_MORE
    assert all(topic & set(replies.KB.get_item(i).themes) for i in shown)


def test_what_else_can_i_do_continues_with_what_is_pending(actions):
    """'wat kan ik nog meer doen?' after an answer or the plan is 'meer', not a new search."""
    replies, messages = actions["replies"], actions["messages"]
    dispatcher = CollectingDispatcher()
    first = slots(replies.answer_question(dispatcher, tracker(QUESTION), QUESTION))
    pending = first["more_item_ids"]
    text = "oke. wat kan ik nog meer doen?"
    dispatcher = CollectingDispatcher()
    events = replies.answer_question(dispatcher, tracker(
        text, intent="ask_question", confidence=0.9, more_item_ids=pending,
        last_answer_ids=first["last_answer_ids"], given_item_ids=first["given_item_ids"]), text)
    shown = [i for i in slots(events)["given_item_ids"] if i not in first["given_item_ids"]]
    assert shown == pending[:len(shown)] and shown


def test_a_long_reply_is_not_repeated_word_for_word(actions):
    replies, messages = actions["replies"], actions["messages"]
    ranking = [("greet", 0.2)]

    def fallback(events):
        state = Tracker("test", {}, {"text": "qq", "intent": {"name": "nlu_fallback",
                                                                "confidence": 0.3},
                                     "intent_ranking": [{"name": n, "confidence": c}
                                                        for n, c in ranking],
                                     "entities": []}, events, False, None, None, None)
        dispatcher = CollectingDispatcher()
        actions["situation_replies"].fallback_search(dispatcher, state, {})
        return texts(dispatcher)

    assert fallback([]) == [messages.REPHRASE]
    assert fallback([{"event": "bot", "text": messages.REPHRASE}]) == [messages.REPHRASE_AGAIN]
    assert len(messages.REPHRASE_AGAIN) <= 80 and len(messages.ALREADY_GIVEN_AGAIN) <= 80


def test_other_concerns_in_the_message_are_offered_as_quick_replies(actions):
    replies, messages = actions["replies"], actions["messages"]
    text = ("ik ben zo moe na mijn werk, wat kan ik doen? en ik maak me ook zorgen over mijn "
            "inkomen als ik minder ga werken")
    dispatcher = CollectingDispatcher()
    replies.answer_question(dispatcher, tracker(text), text)
    also = next((m for m in dispatcher.messages if m.get("text") == messages.ALSO_NAMED), None)
    assert also is not None
    labels = [b["title"] for b in also["buttons"]]
    assert "Geld" in labels
    item_id = also["buttons"][labels.index("Geld")]["payload"].split('"item_id": "')[1][:-2]
    assert "financien" in replies.KB.get_item(item_id).themes


def test_after_the_plan_an_answer_keeps_the_plan_pending_and_fits_their_condition(actions):
    replies = actions["replies"]
    text = "hoe hou ik het vol tot mijn pensioen?"
    pending = ["rl-3.2-scholing-omscholing"]
    dispatcher = CollectingDispatcher()
    events = slots(replies.answer_question(dispatcher, tracker(
        text, intent="ask_question", confidence=0.9, plan_given=True, aandoening="copd",
        more_item_ids=pending, given_item_ids=[]), text))
    assert events["more_item_ids"][-1] == "rl-3.2-scholing-omscholing"
    shown = [replies.KB.get_item(i) for i in events["last_answer_ids"]]
    assert all(not item.conditions or "copd" in " ".join(item.conditions) or
               "long" in " ".join(item.conditions) for item in shown), \
        [(i.id, i.conditions) for i in shown]


def test_an_employer_is_asked_to_rephrase_with_an_employers_examples(actions):
    """'Ik ben altijd moe' as an example to an employer reads as if they were the patient."""
    messages = actions["messages"]
    dispatcher = CollectingDispatcher()
    actions["situation_replies"].fallback_search(
        dispatcher, tracker("qwx zzv", ranking=[("greet", 0.2)], role="werkgever"), {})
    assert texts(dispatcher) == [messages.REPHRASE_EMPLOYER]
    assert [b["title"] for b in dispatcher.messages[0]["buttons"]] == \
        [title for title, _ in messages.REPHRASE_BUTTONS_EMPLOYER]


def test_the_words_after_a_strong_answer_fit_what_it_is_about(actions):
    """'bang dat de eigenaar me eruit werkt als hij erachter komt' to the work question is about
    telling, not a workload: not 'daar zijn vaak aanpassingen voor mogelijk'."""
    messages = actions["messages"]
    form = actions["interview"].ValidateInterviewForm()
    text = "dat ik niet weet wie het weet. en dat ik bang ben dat de eigenaar erachter komt"
    dispatcher = CollectingDispatcher()
    value = form.validate_werkbelasting(
        text, dispatcher, tracker(text, intent="share_situation", confidence=0.9,
                                  requested_slot="werkbelasting"), {})
    assert value == {"werkbelasting": text}
    assert texts(dispatcher) == [messages.HEARD["steun"]]
    text = "veel tillen en sjouwen, dat is echt te zwaar geworden"
    dispatcher = CollectingDispatcher()
    form.validate_werkbelasting(text, dispatcher, tracker(
        text, intent="share_situation", confidence=0.9, requested_slot="werkbelasting"), {})
    assert texts(dispatcher) == [messages.HEARD["werkbelasting"]]
