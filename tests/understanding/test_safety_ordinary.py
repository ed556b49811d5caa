"""The most ordinary messages never raise the alarm: naming one's condition (the interview's
first question) and the interview's own quick replies. 'ik heb MS' once got the self-harm
reply from the trained layer."""
from __future__ import annotations

from actions import messages
from bot.understanding.crisis_patterns import danger_kind
from bot.understanding.safety import judge
from knowledge.validation import load_content


def test_naming_a_condition_is_never_danger():
    conditions = load_content().conditions.values()
    texts = [t for c in conditions for name in (c.name, *c.aliases)
             for t in (name, f"ik heb {name}", f"Ik heb {name.upper()}")]
    # 'pijn op de borst' is an alias of heart disease and, said now, an emergency: 112 first.
    texts = [t for t in texts if danger_kind(t) is None]
    assert len(texts) > 100
    assert [t for t in texts if judge(t).level != "none"] == []


def test_quick_replies_are_never_danger():
    replies = [r for table in (messages.QUESTIONS, messages.QUESTIONS_JOB_SEEKER)
               for _, buttons in table.values() for r in buttons]
    assert [r for r in replies if judge(r).level != "none"] == []
