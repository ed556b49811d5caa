"""Actions react to what the understanding layer decided (`understanding` in the parse data),
never to a magic confidence; they share replies as plain functions and never call each other.

Runs the action code directly (no Rasa server) over a knowledge store built from the real
content in a temporary directory.
"""
from __future__ import annotations

import ast
import importlib
import os
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

ROOT = Path(__file__).resolve().parents[2]
NONSENSE = {"rule": "language.nonsense"}
STORY = "ik ben zo moe na het werk en mijn leidinggevende snapt het niet"
QUESTION = "hoe vertel ik mijn werkgever over mijn ziekte"


@pytest.fixture(scope="module")
def actions(tmp_path_factory):
    """The action modules, with a knowledge store of their own."""
    from knowledge.store import build_store

    url = f"sqlite:///{tmp_path_factory.mktemp('kb') / 'knowledge.db'}"
    build_store(url)
    before = os.environ.get("WERKBAAR_KNOWLEDGE_URL")
    os.environ["WERKBAAR_KNOWLEDGE_URL"] = url
    try:
        modules = {name: importlib.import_module(f"actions.{name}")
                   for name in ("replies", "understood", "interview", "answer_question",
                                "roles", "messages")}
    finally:
        if before is None:
            os.environ.pop("WERKBAAR_KNOWLEDGE_URL", None)
        else:
            os.environ["WERKBAAR_KNOWLEDGE_URL"] = before
    return modules


def tracker(text: str, intent: str = "nlu_fallback", confidence: float = 0.3,
            ranking: Optional[List[tuple]] = None, understanding: Optional[dict] = None,
            entities: Optional[list] = None, **slots: Any) -> Tracker:
    message: Dict[str, Any] = {
        "text": text, "intent": {"name": intent, "confidence": confidence},
        "intent_ranking": [{"name": n, "confidence": c} for n, c in ranking or []],
        "entities": entities or []}
    if understanding is not None:
        message["understanding"] = understanding
    return Tracker("test", slots, message, [], False, None, None, None)


def texts(dispatcher: CollectingDispatcher) -> List[str]:
    return [m.get("text") or "" for m in dispatcher.messages]


def slots(events) -> Dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


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
    events = replies.fallback_search(
        dispatcher, tracker(QUESTION, confidence=0.99, ranking=ranking), {})
    assert texts(dispatcher)[0] == messages.PROBABLY_MEANT
    assert slots(events)["last_answer_ids"]
    # The same words, decided as nonsense by the understanding layer: please rephrase.
    dispatcher = CollectingDispatcher()
    events = replies.fallback_search(
        dispatcher, tracker(QUESTION, ranking=ranking, understanding=NONSENSE), {})
    assert texts(dispatcher) == [messages.REPHRASE] and events == []


def test_fallback_reads_a_story_back(actions):
    replies, messages = actions["replies"], actions["messages"]
    dispatcher = CollectingDispatcher()
    events = replies.fallback_search(
        dispatcher, tracker(STORY, ranking=[("share_situation", 0.3)]), {})
    assert texts(dispatcher)[0].startswith(messages.STORY_HEARD)
    assert slots(events)["situation_captured"] is True
    assert set(slots(events)["story_topics"]) == {"energie", "steun"}


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
