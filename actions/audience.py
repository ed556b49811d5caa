"""Which audience a message is for: the role the user chose, else a guess from the words."""
from __future__ import annotations

from typing import Optional

from bot.understanding.audience_model import audience_model
from bot.understanding.cues import audience_from_words
from bot.understanding.cues import role_from_text  # noqa: F401  (tests/nlu imports it here)
from knowledge import vocabulary as voc

# Trained when the action server starts (about a second), not at a user's first question.
MODEL = audience_model()

# Audiences (None = not known) that read the worker's B1 text and get the referral note.
WORKER_AUDIENCES = frozenset({None, "werkende", "werkzoekende"})


def audience_for(role: Optional[str], text: str) -> Optional[str]:
    """The chosen role wins; otherwise the clear words ('als werkgever', 'BA: ...'), then the
    trained model ('mijn team snapt niet dat een collega ...'); None means 'anyone'.

    On 247 blind messages with their writer's audience (tests/understanding/
    test_audience_model.py) the words alone read 0.69 right, words and model 0.87."""
    if role in voc.AUDIENCES:  # the role slot's values are the audiences
        return role
    return audience_from_words(text) or (MODEL.guess(text) if MODEL is not None else None)
