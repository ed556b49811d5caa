"""Direct questions get a sourced answer from the knowledge base in one turn (real servers)."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.server


def ask(assistant, sender, question: str) -> str:
    return "\n".join(assistant.texts(question, sender))


@pytest.mark.parametrize("question, expected, section", [
    ("is CGT bewezen effectief voor werkbehoud?", r"CGT|cognitieve gedragstherapie", "2.1"),
    ("welke risicogroepen verdienen extra begeleiding?", r"risicogroep|meer begeleiding", "1.2"),
    ("wat zegt de richtlijn over supported employment bij psychische aandoeningen?",
     r"[Ss]upported employment", "2.1"),
])
def test_professional_question_gets_recommendation_evidence_and_section(
        assistant, sender, question, expected, section):
    reply = ask(assistant, sender, question)
    assert re.search(expected, reply), reply
    assert "Bewijs:" in reply, reply
    assert f"paragraaf {section}" in reply, reply


def test_employer_question_about_costs(assistant, sender):
    reply = ask(assistant, sender, "wat kost een zieke werknemer mij eigenlijk?")
    assert re.search(r"verzuim|no-risk|kosten", reply, re.IGNORECASE), reply
    assert "Bron:" in reply


def test_worker_question_is_answered_with_source_and_referral(assistant, sender):
    reply = ask(assistant, sender, "ik ben altijd zo moe na mijn werk, wat kan ik doen?")
    assert re.search(r"moe|vermoeid|energie|rust|herstel", reply, re.IGNORECASE), reply
    assert "Bron:" in reply
    assert "bedrijfsarts" in reply


def test_referral_is_not_repeated_on_every_answer(assistant, sender):
    ask(assistant, sender, "ik ben altijd zo moe na mijn werk, wat kan ik doen?")
    second = ask(assistant, sender, "hoe vertel ik mijn leidinggevende dat ik ziek ben?")
    assert "Bron:" in second
    assert "geen persoonlijk medisch advies" not in second


def test_question_after_choosing_employer_role_uses_employer_text(assistant, sender):
    assistant.send('/choose_role{"role": "werkgever"}', sender)
    reply = ask(assistant, sender, "welke aanpassingen helpen bij vermoeidheid?")
    assert "Bron:" in reply


@pytest.mark.parametrize("question, name, url", [
    ("is er een coach voor mensen met ms?", "MS-vereniging", "msvereniging.nl"),
    ("welke vereniging helpt bij sjogren en werk?", "Sjögren", "nvsp.nl"),
])
def test_where_to_go_questions_list_organisations_with_links(assistant, sender, question, name, url):
    reply = ask(assistant, sender, question)
    assert name in reply and url in reply, reply


def test_statement_that_looks_like_a_role_is_answered_not_confirmed(assistant, sender):
    """'ik ben doodmoe' is no role ('ik ben werkgever'): a story without a question is read
    back (or answered), never confirmed as a role, never a crisis."""
    reply = ask(assistant, sender, "ik ben doodmoe na elke werkdag")
    assert "Bron:" in reply or "Dit heb ik begrepen" in reply, reply
    assert "Energie" in reply or "moe" in reply.lower(), reply
    assert "113" not in reply


def test_answer_and_its_source_arrive_in_one_bubble(assistant, sender):
    bubbles = assistant.texts("hoe bereid ik het gesprek met de bedrijfsarts voor?", sender)
    assert "Bron:" in bubbles[0] and bubbles[0].count("\n") >= 2, bubbles
