"""Professionals and employers get the right recommendation, its evidence and its source in one
turn, through the real servers; follow-ups ('meer', 'en bij NAH?') continue or narrow."""
from __future__ import annotations

import re

import pytest

from knowledge.base import KnowledgeBase
from tests.support.audience_questions import EMPLOYER, KNOWN_GAPS, PROFESSIONAL

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def kb(assistant) -> KnowledgeBase:
    """The knowledge store the running assistant built (read-only here)."""
    return KnowledgeBase.open(f"sqlite:///{assistant.data_dir / 'knowledge.db'}")


def shown_item(kb, reply: str, acceptable, audience: str):
    """The acceptable item whose title for this audience leads the reply, or None."""
    for item_id in acceptable:
        item = kb.get_item(item_id)
        if reply.startswith(item.title_for(audience)):
            return item
    return None


def first_reply(assistant, sender, role: str, question: str) -> str:
    assistant.send(f'/choose_role{{"role": "{role}"}}', sender)
    replies = assistant.send(question, sender)
    assert replies, question
    return replies[0].get("text", "")


# Understanding gaps through the real server (the knowledge search itself ranks them right):
# known, not hidden. Not strict: a retrained classifier may get them right.
NLU_GAPS = {
    "wat mag ik vragen over zijn ziekte?":
        "the classifier reads 'wat mag ik vragen' as a question about the assistant itself "
        "(ask_capabilities, 0.98 on 2026-12-07)",
}


def _cases(cases):
    return [pytest.param(*case, id=case[0][:50],
                         marks=[pytest.mark.xfail(strict=False, reason=NLU_GAPS[case[0]])]
                         if case[0] in NLU_GAPS else [])
            for case in cases if case[0] not in KNOWN_GAPS]


@pytest.mark.parametrize("question, acceptable, section", _cases(PROFESSIONAL))
def test_professional_question(assistant, sender, kb, question, acceptable, section):
    reply = first_reply(assistant, sender, "professional", question)
    item = shown_item(kb, reply, acceptable, "professional")
    assert item is not None, reply
    sections = (section,) if isinstance(section, str) else tuple(section)
    assert f"Bron: {item.source.label}" in reply and item.source.section in sections, reply
    if item.evidence:
        assert f"Bewijs: {item.evidence_label}" in reply, reply


@pytest.mark.parametrize("question, acceptable, section", _cases(EMPLOYER))
def test_employer_question(assistant, sender, kb, question, acceptable, section):
    reply = first_reply(assistant, sender, "werkgever", question)
    item = shown_item(kb, reply, acceptable, "werkgever")
    assert item is not None, reply
    assert item.text_for("werkgever") in reply and f"Bron: {item.source.label}" in reply


def test_insufficient_evidence_is_said_plainly(assistant, sender):
    reply = first_reply(assistant, sender, "professional",
                        "is CGT bewezen effectief voor werkbehoud?")
    assert "Bewijs: onvoldoende bewijs" in reply, reply


def test_more_continues_and_a_condition_follow_up_narrows(assistant, sender):
    first = first_reply(assistant, sender, "professional",
                        "wat zegt de richtlijn over supported employment?")
    more = "\n".join(r.get("text", "") for r in assistant.send("meer", sender))
    assert "Bron:" in more and more.split("\n")[0] not in first
    # 'meer' may have shown the NAH item already: then the reply points to it, never repeats.
    narrowed = "\n".join(r.get("text", "") for r in assistant.send("en bij NAH?", sender))
    assert re.search(r"hersenletsel|NAH", narrowed), narrowed
    assert "Bron:" in narrowed or "staat al hierboven" in narrowed
