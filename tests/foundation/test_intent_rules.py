"""Rule-based corrections around the classifier: questions inside stories, roles without a
lookup word, elongated greetings and other languages."""
from __future__ import annotations

import pytest

from bot.understanding.cues import role_from_text
from knowledge.situation import asks_something
from bot.understanding.lexicon import Lexicon


@pytest.mark.parametrize("text, asks", [
    ("ik werk halve dagen en ben op, hoe leg ik uit dat uitbreiden niet lukt?", True),
    ("hoe ga ik om met deadlines als mijn klachten wisselen", True),
    ("ik ben altijd moe, tips", True),
    ("ik ben zo moe na het werk en mijn leidinggevende snapt het niet", False),
    ("ik heb reuma en thuis moet ik ook alles doen", False),
])
def test_a_story_that_asks_something(text, asks):
    assert asks_something(text) is asks


@pytest.mark.parametrize("text, role", [
    ("ik werk als kok in een restaurant", "werkende"),
    ("ik zit in de bijstand", "werkzoekende"),
    ("ik ben eigenaar van een bakkerij met 12 man personeel", "werkgever"),
    ("hallo daar", None),
])
def test_role_without_a_lookup_word(text, role):
    assert role_from_text(text) == role


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon({"hey", "hoi"})


@pytest.mark.parametrize("text, verdict", [
    ("hallooo", "dutch"), ("heey", "dutch"), ("hoiii", "dutch"),
    ("Hallo, ich habe eine chronische Krankheit und brauche Hilfe", "foreign"),
    ("işimi kaybettim, bana yardım eder misin", "foreign"),
    ("olá, você fala português?", "foreign"),
    ("ik heb een burn-out en mijn manager is niet happy", "dutch"),
    ("qwzx vbnmt plokij", "nonsense"),
])
def test_language_judgement(lexicon, text, verdict):
    assert lexicon.judge(text) == verdict
