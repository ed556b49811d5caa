"""The one KnowledgeBase the action server uses, opened when the action server starts.

Opening at import means a missing or corrupt store stops the action server at start-up
(with the store's own clear message), never at a user's first question.
"""
from __future__ import annotations

from knowledge.base import KnowledgeBase

KB = KnowledgeBase.open()
