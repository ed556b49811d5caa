"""Which audience a message is for: the role the user chose, else a guess from the words."""
from __future__ import annotations

from typing import Optional

from bot.understanding.cues import audience_from_words
from bot.understanding.cues import role_from_text  # noqa: F401  (tests/nlu imports it here)
from knowledge import vocabulary as voc

# Audiences (None = not known) that read the worker's B1 text and get the referral note.
WORKER_AUDIENCES = frozenset({None, "werkende", "werkzoekende"})


def audience_for(role: Optional[str], text: str) -> Optional[str]:
    """The chosen role wins; otherwise guess from the question; None means 'anyone'."""
    if role in voc.AUDIENCES:  # the role slot's values are the audiences
        return role
    return audience_from_words(text)
