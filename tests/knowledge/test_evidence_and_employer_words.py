"""Kinds of misses from blind audience questions v3 (session 11), with questions written for
this test: a question about the evidence gets the conclusion that states its level; employers'
own words (a check-up, not disturbing someone on sick leave) find the item that answers them."""
from __future__ import annotations

import pytest

from bot.understanding.cues import asks_about_evidence


def test_an_evidence_question_gets_the_conclusion_first(real_kb):
    hits = real_kb.search("hoe sterk is het bewijs dat aanpassingen in het werk helpen om het "
                          "werk te behouden?", audience="professional", limit=1)
    assert hits[0].item.kind == "conclusie"
    assert hits[0].item.id == "rl-2.1-werkaanpassingen"


@pytest.mark.parametrize("text", ["wat is het bewijsniveau?", "is daar evidence voor",
                                  "hoe goed is dat onderbouwd?"])
def test_evidence_questions_are_recognised(text):
    assert asks_about_evidence(text)


def test_asking_what_to_do_is_no_evidence_question():
    assert not asks_about_evidence("wat kan ik als werkgever doen voor haar?")


@pytest.mark.parametrize("text, expected", [
    ("moeten we een jaarlijkse keuring invoeren zodat we ziekte eerder zien?", "ser-preventie-pmo"),
    ("mijn medewerker is al weken ziek thuis, ik wil hem niet storen, moet ik afstand houden?",
     "rl-2.2-contact-houden"),
])
def test_employers_words_find_the_item(real_kb, text, expected):
    hits = real_kb.search(text, audience="werkgever", limit=1, prefer_advice=True)
    assert hits[0].item.id == expected


@pytest.mark.parametrize("text, concern", [
    ("weinig. ik kom pas 's middags op gang", 1), ("slecht eigenlijk", 1), ("matig", 1),
    ("niet zo best, ik ben snel op", 1), ("weinig last van, gaat prima", 0),
])
def test_a_low_rating_first_is_a_concern(text, concern):
    from knowledge.situation import read_answer
    assert read_answer("energie", text).concern == concern


@pytest.mark.parametrize("text, asks", [
    ("ik ben nog nooit bij de bedrijfsarts geweest, ik dacht dat je pas mocht als je ziek was", True),
    ("ik dacht dat het alleen voor mensen in de bijstand was", True),
    ("ik dacht dat ik het wel aankon maar na twee weken was ik op", False),
])
def test_a_belief_put_up_for_checking_asks_something(text, asks):
    from knowledge.situation import asks_something
    assert asks_something(text) == asks


def test_an_employer_who_must_justify_the_cost_gets_the_graded_evidence(real_kb):
    text = ("loont het eigenlijk wel om een bureau en werktijden aan te passen voor een zieke "
            "werknemer? ik moet dat verantwoorden bij de directie")
    assert asks_about_evidence(text)
    hit = real_kb.search(text, audience="werkgever", limit=1, prefer_advice=True)[0]
    assert hit.item.kind == "conclusie" and hit.item.evidence not in ("geen_niveau", "mening")
