"""The small readings actions need (`bot.understanding.cues`) and the vocabulary they share
with the reading of situations: one list per concept, composed where concepts overlap."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bot.understanding import cues
from bot.understanding import situation_words as words
from bot.understanding import vocabulary as voc
from knowledge.situation import factors_in

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("text, topic", [
    ("mijn antwoord over geld klopt niet", "financien"),
    ("ik wil mijn antwoord over mijn energie aanpassen", "energie"),
    ("dat over mijn leidinggevende klopt niet", "steun"),
    ("wat ik over mijn werkgever zei klopt niet", "steun"),
    ("ik zit toch in de bijstand", "financien"),
    ("wat ik zei over mijn ziekte klopt niet", "aandoening"),
    ("mijn werk is toch niet zo zwaar", "werkbelasting"),
    ("Financiën klopt niet", "financien"),
    # 'moet', 'moeilijk' and 'ongeldig' do not name energy or money.
    ("dat moet anders", None),
    ("ik vind het moeilijk", None),
    ("ongeldig antwoord", None),
])
def test_named_topic(text, topic):
    assert cues.named_topic(text) == topic


@pytest.mark.parametrize("text, why, definition", [
    ("wat bedoel je?", True, False),
    ("Hoezo wil je dat weten", True, False),
    ("wat moet ik hier invullen", True, False),
    ("wat is een arbeidsdeskundige?", False, True),
    ("wie is de casemanager?", False, True),
    ("wat is een arbeidsdeskundige", False, False),  # no question mark: may be an answer
    ("ik ben vaak moe", False, False),
])
def test_questions_about_the_question(text, why, definition):
    assert cues.asks_why(text) is why
    assert cues.asks_definition(text) is definition


@pytest.mark.parametrize("text, audience", [
    ("een van mijn medewerkers is chronisch ziek", "werkgever"),
    ("wat kan ik als leidinggevende doen bij MS?", "werkgever"),
    ("wat kost een aanpassing mij?", "werkgever"),
    ("wat zegt de richtlijn over interventies?", "professional"),
    ("hoe begeleid ik een cliënt met reuma?", "professional"),
    ("ik ben altijd moe", None),
    # who introduces themself, or the words only one side uses
    ("BA: hoe ondersteun ik een wn die zijn collega's wil informeren?", "professional"),
    ("ik ben arbeidsdeskundige, wat zegt de richtlijn over omscholing", "professional"),
    ("ad hoc klussen vreten energie", None),
    ("mijn ba zegt dat ik moet opbouwen", None),
    ("kan ik een jobcoach inzetten voor een wn met reuma?", "werkgever"),
    ("kleine wg hier, zijn er regelingen voor verzuim?", "werkgever"),
    ("we willen een sollicitant met diabetes aannemen", "werkgever"),
    ("mijn wg snapt het niet", None),
    ("drie jaar geleden kreeg ik reuma, nu gaat het slecht bij mijn eerste cliënt", None),
    # an owner who names their business or their staff
    ("ik run een bakkerij en een van mijn mensen heeft reuma", "werkgever"),
    ("wij hebben een installatiebedrijf, 12 man in dienst. hoe zit dat met verzuim?", "werkgever"),
    ("een van onze vaste krachten heeft artrose", "werkgever"),
    ("ik heb een eigen zaak en reuma", None),
    ("ik werk bij een schoonmaakbedrijf en heb copd", None),
    # a patient who says so, or speaks of their own work and boss
    ("diabetes patiente hier. mijn baas wil dat ik nachtdiensten draai, is dat bewezen slecht?",
     None),
    ("als patiënt wil ik weten wat de richtlijn zegt over thuiswerken", None),
    ("op mijn werk sturen ze op kpi's, welke interventies helpen dan?", None),
    ("BA: patient met ms wil meer uren, wat zegt de richtlijn?", "professional"),
    # words of the profession win over 'een werknemer'
    ("is er evidence voor samen beslissen bij een werknemer met copd?", "professional"),
    ("wat doe ik in de probleemanalyse met een werknemer die veel verzuimt?", "professional"),
])
def test_audience_from_words(text, audience):
    assert cues.audience_from_words(text) == audience


@pytest.mark.parametrize("text, role", [
    ("ik werk als kok in een restaurant", "werkende"),
    ("ik zit in de bijstand", "werkzoekende"),
    ("ik ben werkloos", "werkzoekende"),
    ("ik zoek naar een baan", "werkzoekende"),
    ("ik ben eigenaar van een bakkerij met 12 man personeel", "werkgever"),
    ("ik werk bij HR", "werkgever"),
    ("ik ben chef in een restaurant", None),  # a cook: no employer title
    ("hallo daar", None),
])
def test_role_from_text(text, role):
    assert cues.role_from_text(text) == role


@pytest.mark.parametrize("text, where", [
    ("is er een patiëntenorganisatie voor MS?", True),
    ("bij wie kan ik terecht met mijn vragen", True),
    ("wie kan mij helpen", True),
    ("ik ben altijd moe, tips?", False),
])
def test_asks_where_to_go(text, where):
    assert cues.asks_where_to_go(text) is where


def test_people_at_work_are_listed_once_and_read_everywhere():
    """The story reader, topic names and role phrases compose the same people words."""
    for person in ("mijn leidinggevende", "mijn baas", "de manager", "mijn collega's",
                   "mijn werkgever", "de afdeling hr", "p&o"):
        assert factors_in(f"{person} snapt het niet", "steun") == ("steun_werk",), person
        assert cues.named_topic(f"over {person} klopt het niet") == "steun", person
    assert set(voc.PEOPLE_AT_WORK) <= set(words.FACTOR_WORDS["steun_werk"])
    assert set(voc.LEADERS) <= set(voc.ROLE_PHRASES["werkgever"])
    assert set(voc.TIRED) <= set(words.FACTOR_WORDS["vermoeidheid"])
    assert set(voc.EXHAUSTED) <= set(words.STRONG)


def test_tired_words_do_not_fire_inside_other_words():
    assert factors_in("ik ben doodmoe", "energie") == ("vermoeidheid",)
    assert factors_in("mijn moeder helpt", "energie") == ()
    assert factors_in("ik moet veel", "energie") == ()


def test_every_fragment_compiles_alone():
    """A fragment that only works inside its neighbours' group would break composition."""
    fragments = [f for name in dir(voc) if name.isupper()
                 for f in _fragments(getattr(voc, name))]
    fragments += [f for name in dir(words) if name.isupper()
                  for f in _fragments(getattr(words, name))]
    assert len(fragments) > 200
    for fragment in fragments:
        re.compile(fragment)


def _fragments(value):
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [f for v in value.values() for f in _fragments(v)]
    if isinstance(value, (tuple, list)):
        return [f for v in value for f in _fragments(v)]
    return []


def test_cues_and_vocabulary_do_not_import_rasa():
    for name in ("cues.py", "vocabulary.py", "situation_words.py"):
        tree = ast.parse((ROOT / "bot" / "understanding" / name).read_text(encoding="utf-8"))
        imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                    for alias in node.names]
        imported += [node.module or "" for node in ast.walk(tree)
                     if isinstance(node, ast.ImportFrom)]
        assert not [m for m in imported if m.split(".")[0] in ("rasa", "rasa_sdk")], name


@pytest.mark.parametrize("text, seeking", [
    ("ik ben mijn baan kwijt en zoek iets anders", True),
    ("sinds de reorganisatie ben ik ontslagen", True),
    ("ik ben mijn werk kwijtgeraakt door mijn ziekte", True),
    ("ik ben bang mijn baan kwijt te raken", False),
    ("ik werk als kok in een restaurant", False),
    ("ik wil gewoon ergens beginnen maar niemand neemt me aan", True),
    ("ik word nergens aangenomen met mijn ziekte", True),
    ("mijn baas neemt me niet serieus", False),
])
def test_without_work_or_looking_for_it(text, seeking):
    assert cues.seeks_work(text) is seeking


@pytest.mark.parametrize("text, asks", [
    ("wat kan ik als leidinggevende concreet doen?", True),
    ("ik wil vooral weten wat ik als werkgever kan doen", True),
    ("hoe pak ik dit aan?", True),
    ("wat moet ik tegen de bedrijfsarts zeggen?", False),
    ("wat kan ik doen om minder moe te zijn?", False),
])
def test_asking_what_to_do_about_nothing_in_particular(text, asks):
    assert cues.asks_what_to_do(text) is asks


def test_what_to_do_about_what_was_just_said_is_not_about_nothing():
    assert not cues.asks_what_to_do("ik heb veel pijn bij het tillen van dozen, wat kan ik doen?")
