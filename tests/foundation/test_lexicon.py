"""The Dutch lexicon behind the LanguageGuard component."""
from __future__ import annotations

import pytest

from bot.understanding.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon({"hallo"})


@pytest.mark.parametrize("text", [
    "ik ben zo moe na het werk",
    "mijn baas snapt het niet",
    "wie betaald mijn reintegratie",          # typo
    "werkplekaanpassingen",                    # compound
    "supported employment bij psychische aandoeningen",  # professional jargon
    "nachtdiensten trek ik niet meer",
    "altijd moe, tips?",
    "ms",
    "burn-out",
    "kzit thuis met reuma en heb geen zin meer in gedoe op het werk",
])
def test_dutch_is_recognised(lexicon, text):
    assert lexicon.judge(text) == "dutch"


@pytest.mark.parametrize("text", [
    "the weather is nice today",
    "Wie geht es dir heute",
    "je suis fatigué après le travail",
    "привет как дела",
])
def test_other_languages_are_recognised(lexicon, text):
    assert lexicon.judge(text) == "foreign"


@pytest.mark.parametrize("text", ["qwpoeiru zxmcnv", "asdkjh qwe", "fnord blorp"])
def test_nonsense_is_recognised(lexicon, text):
    assert lexicon.judge(text) == "nonsense"


def test_no_words_at_all(lexicon):
    assert lexicon.judge("👍 123 !!") == "empty"
