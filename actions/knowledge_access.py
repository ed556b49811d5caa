"""The one KnowledgeBase the action server uses, opened when the action server starts.

Opening at import means a missing or corrupt store stops the action server at start-up
(exit code 3, one clear log line), never at a user's first question. rasa-sdk only catches
ImportError while loading `actions`, so SystemExit ends the process.
"""
from __future__ import annotations

import logging
import sys

from knowledge.base import KnowledgeBase
from knowledge.errors import KnowledgeStoreError

# bot/servers.py KNOWLEDGE_EXIT_CODE
KNOWLEDGE_EXIT_CODE = 3

logger = logging.getLogger(__name__)

try:
    KB = KnowledgeBase.open()
except KnowledgeStoreError as error:
    line = f"Actieserver start niet: de kennisbank is niet bruikbaar. {error}"
    if logger.hasHandlers():
        logger.critical(line)
    else:  # imported outside rasa-sdk's logging set-up
        print(line, file=sys.stderr, flush=True)
    raise SystemExit(KNOWLEDGE_EXIT_CODE) from error
