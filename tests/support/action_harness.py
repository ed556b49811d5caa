"""The action code run directly (no Rasa server) over a knowledge store built from the real
content in a temporary directory: the `actions` fixture and fake trackers."""
from __future__ import annotations

import importlib
import os
from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher


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
                   for name in ("replies", "situation_replies", "understood", "interview",
                                "answer_question", "roles", "messages", "advice")}
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
