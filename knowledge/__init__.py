"""Werkbaar knowledge base: content loading, validation, store, search and CLI.

Plain Python (no Rasa). Typical use at start-up::

    from knowledge import KnowledgeBase
    kb = KnowledgeBase.open()          # raises KnowledgeStoreError when not built
    kb.advice_for(["vermoeidheid"], "werkende", condition="ms")

Heavy imports (scikit-learn, SQLAlchemy) happen lazily on first attribute access.
"""
from __future__ import annotations

import importlib

from .errors import ContentError, ContentProblem, KnowledgeStoreError

_LAZY = {
    "KnowledgeBase": "base", "SearchHit": "base", "ResourceHit": "base",
    "build_store": "store", "read_store": "store", "BuildResult": "store",
    "load_content": "schema", "Content": "schema", "Item": "schema",
    "Resource": "schema", "Condition": "schema", "Source": "schema",
}

__all__ = ["ContentError", "ContentProblem", "KnowledgeStoreError", *_LAZY]


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'knowledge' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)
