"""Reading a worker's own words: topics in a story, concern in an answer, skips."""
from __future__ import annotations

import pytest

from knowledge.situation import (MAX_ANSWER_CHARS, SKIPPED, clean_answer, factors_in, is_skip,
                                 read_answer, read_story)


@pytest.mark.parametrize("story, expected", [
    ("ik ben zo moe na het werk en mijn leidinggevende snapt het niet",
     {"energie": "moe", "steun": "leidinggevende"}),
    ("Ik heb reuma, mijn werk is lichamelijk zwaar en thuis moet ik ook alles doen",
     {"werkbelasting": "lichamelijk", "steun": "thuis"}),
    ("sinds mijn burn-out zit ik thuis en ik maak me zorgen over mijn inkomen",
     {"financien": "inkomen"}),
    ("ik heb MS en werk 32 uur in de zorg, de avonddiensten breken me op",
     {"werkbelasting": "avonddiensten", "energie": "breken me op"}),
    ("mijn collega's ontzien me te veel en ik mag niks meer zelf bepalen",
     {"steun": "ontzien", "werkbelasting": "zelf bepalen"}),
])
def test_story_fills_the_topics_it_names(story, expected):
    found = read_story(story)
    assert set(found) == set(expected), found
    for topic, word in expected.items():
        assert word in found[topic].lower()


def test_story_without_work_topics_fills_nothing():
    assert read_story("ik heb diabetes type 1") == {}
    assert read_story("") == {}


@pytest.mark.parametrize("topic, answer, concern", [
    ("energie", "Vaak erg moe", 2),
    ("energie", "Het wisselt per dag", 1),
    ("energie", "gaat goed", 0),
    ("energie", "niet zo moe eigenlijk", 0),
    ("energie", "gaat wel, maar na het werk ben ik moe", 1),
    ("werkbelasting", "Niets bijzonders", 0),
    ("werkbelasting", "veel te veel tillen", 2),
    ("steun", "Goede steun", 0),
    ("steun", "mijn baas snapt het niet", 2),
    ("steun", "Ze beschermen me te veel", 2),
    ("financien", "nee", 0),
    ("financien", "Geen zorgen", 0),
    ("financien", "ja", 1),
    ("financien", "ik ben bang dat ik mijn inkomen kwijtraak", 2),
    ("steun", "mijn ouders zijn lief maar wel een beetje overbezorgd", 1),
    ("energie", "na een dag werken ben ik uitgeteld", 2),
    ("steun", "mijn man steunt me heel erg", 0),
    ("steun", "niemand steunt me", 1),
])
def test_answer_concern(topic, answer, concern):
    reading = read_answer(topic, answer)
    assert reading is not None
    assert reading.concern == concern, reading


def test_answer_factors_map_to_knowledge_themes():
    reading = read_answer("werkbelasting", "lange onregelmatige diensten en een uur reizen")
    assert set(reading.factors) == {"werktijden", "woon_werkverkeer"}
    assert reading.themes[:2] == ("werktijden", "woon_werkverkeer")
    assert read_answer("steun", "ze betuttelen me").themes == ("steun_werk", "steun_thuis")
    # No factor named: the topic's own themes.
    assert "vermoeidheid" in read_answer("energie", "ja").themes


@pytest.mark.parametrize("text", ["weet ik niet", "Sla over", "geen idee", "wil ik liever niet zeggen",
                                  "wet ik niet", "overslaan!", "nvt"])
def test_skips(text):
    assert is_skip(text)
    assert read_answer("energie", text) is None


def test_not_skips():
    assert not is_skip("ik weet niet of ik mijn werk nog kan doen, ik ben zo moe")
    assert read_answer("energie", SKIPPED) is None
    with pytest.raises(ValueError):
        read_answer("hobby", "x")


def test_stored_answers_are_short_single_lines():
    assert clean_answer("  a\n b  ") == "a b"
    long = clean_answer("moe " * 500)
    assert len(long) == MAX_ANSWER_CHARS and long.endswith("…")


@pytest.mark.parametrize("text, factor, named", [
    ("de ouders van de leerlingen mailen tot 's avonds laat", "steun_thuis", False),
    ("mijn ouders helpen me veel", "steun_thuis", True),
    ("mijn collega's zijn heel vriendelijk", "steun_thuis", False),
    ("mijn vriendin steunt me", "steun_thuis", True),
])
def test_people_at_home_are_ones_own(text, factor, named):
    """A teacher's 'ouders die mailen' are the pupils' parents, not support at home."""
    assert (factor in factors_in(text, "steun")) is named


@pytest.mark.parametrize("text, topic, factor, named", [
    # shifts and rosters in loanwords; meetings as work pressure
    ("De late shiften tot na middernacht en elke week een ander schema", "werkbelasting",
     "werktijden", True),
    ("de hele dag meetings en standups", "werkbelasting", "werkdruk", True),
    ("ik vergader veel te veel", "werkbelasting", "werkdruk", True),
    # family who want them to stop, or watch them, is overprotection; a worried boss who
    # helps is not
    ("vrouw is bang, die wil dat ik stop", "steun", "overbescherming", True),
    ("ze belt me 3x per dag om te vragen of het gaat", "steun", "overbescherming", True),
    ("mijn partner wil niet dat ik nog werk", "steun", "overbescherming", True),
    ("mijn baas is bezorgd maar helpt goed", "steun", "overbescherming", False),
    # not having told anyone is about openness
    ("mijne chef is ne goeie gast maar ik heb hem niks gezegd", "steun", "openheid", True),
    ("collega's weten er niets van", "steun", "openheid", True),
])
def test_factors_in_everyday_words(text, topic, factor, named):
    assert (factor in factors_in(text, topic)) is named


def test_flemish_not_the_problem_is_fine():
    """'Energie is ni het probleem' (Flemish 'niet') says the topic is fine."""
    assert read_answer("energie", "energie is ni het probleem").concern == 0
    assert read_answer("energie", "dat is nie het probleem").concern == 0


def test_a_worry_beside_a_fine_topic_is_about_something_else():
    """'Geld is geen zorg. Ik maak me meer zorgen over hoe de school reageert.' to the money
    question: money is fine; the worry names nothing of money (it was read as a money concern
    and got advice on benefits)."""
    reading = read_answer("financien", "Geld is geen zorg. Ik maak me meer zorgen over hoe de "
                                       "school reageert.")
    assert reading.concern == 0
    assert read_answer("financien", "Geld is geen zorg. Maar de hypotheek wordt lastig als ik "
                                    "minder ga werken.").concern > 0


def test_being_spent_at_the_end_of_the_day_is_tiredness():
    assert "vermoeidheid" in read_answer("energie", "Aan het eind van de dag ben ik op.").factors
    for other in ("ik ben op zoek naar werk", "ben ik op kantoor dan gaat het"):
        assert "vermoeidheid" not in read_answer("energie", other).factors, other


def test_nights_are_working_hours_and_money_that_is_not_the_problem_is_fine():
    assert "werktijden" in read_answer("werkbelasting", "de nachten en de meldingen met "
                                                        "kinderen").factors
    money = read_answer("financien", "geld is niet t probleem, ik krijg gewoon salaris. wel "
                                     "bang dat ik mn baan kwijtraak")
    assert money.concern == 0
