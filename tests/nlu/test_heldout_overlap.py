"""Held-out sets stay held out: no sentence in tests/nlu/ or tests/sealed/ (all *.yml/*.yaml,
recursively) may equal a training example in data/nlu/, or an example the safety model of the
understanding component learnt from (bot/understanding/data/safety_examples*.yaml), once both are
normalised (lowercase, accents and punctuation removed, whitespace collapsed, entity
annotations stripped). Pure Python, no Rasa, well under a second.
"""
from __future__ import annotations

from pathlib import Path

from tests.support.nlu_files import (HELDOUT_DIR, ROOT, SEALED_DIR, TRAINING_DIR, examples_in,
                                     match_key, nlu_files, normalise, read_examples, safety_index,
                                     strip_annotations, training_index)


def test_no_heldout_sentence_is_a_training_sentence():
    training = training_index(TRAINING_DIR)
    safety = safety_index()
    assert len(safety) > 1000, "too few safety examples read"
    training.update({key: value for key, value in safety.items() if key not in training})
    # Also equal when only the spacing differs ('doei doei' / 'doeidoei', 'dankje' / 'dank je')
    # or a word is said twice ('ja ja' / 'ja', 'dag dag' / 'dag').
    training.update({key.replace(" ", ""): value for key, value in list(training.items())})
    training.update({_once(key): value for key, value in list(training.items())})
    # ... or the same words stand in another order ('deze sla ik over' / 'ik sla deze over').
    training.update({_words(key): value for key, value in list(training.items())})
    heldout = list(examples_in(HELDOUT_DIR)) + list(examples_in(SEALED_DIR))
    assert len(training) > 500, f"too few training examples read from {TRAINING_DIR}"
    assert len(heldout) > 300, f"too few held-out examples read from {HELDOUT_DIR}"
    offenders = []
    for path, intent, example in heldout:
        key = match_key(example)
        match = training.get(key) or training.get(key.replace(" ", "")) or \
            training.get(_once(key)) or training.get(_words(key))
        if match:
            train_path, train_intent, train_example = match
            offenders.append(f"{path.relative_to(ROOT)} [{intent}] {example!r} = "
                             f"{train_path.relative_to(ROOT)} [{train_intent}] {train_example!r}")
    assert not offenders, (f"{len(offenders)} held-out sentences are also training sentences; "
                           f"remove them from the held-out set (or write a new one):\n"
                           + "\n".join(offenders))


def _words(normal: str) -> str:
    """The words of a normalised sentence in alphabetical order: a key that is equal for the
    same words in another order. Never equal to a sentence's own normal form."""
    return "#" + " ".join(sorted(normal.split()))


def _once(normal: str) -> str:
    """A normalised sentence with every word said twice in a row said once ('ja ja' -> 'ja')."""
    words = normal.split()
    return " ".join(w for i, w in enumerate(words) if i == 0 or w != words[i - 1])


def test_normalise():
    assert normalise("Ik heb [MS](condition), wat nu?") == "ik heb ms wat nu"
    assert normalise('[ik werk]{"entity": "role", "value": "werkende"} bij een bedrijf') == \
        "ik werk bij een bedrijf"
    assert normalise("ik ben [werkloos](role:werkzoekende)") == "ik ben werkloos"
    assert normalise("  Dat is   PRIVÉ!  ") == "dat is prive"
    assert normalise("hallo 👋") == normalise("hallo!") == "hallo"
    # a message without words keeps its symbols as its key: '👍' is not '👎'
    assert match_key("👍") == "👍" != match_key("👎") and match_key("hallo 👋") == "hallo"
    assert normalise("da's goed") == normalise("das goed") == "das goed"
    assert normalise("oeps, terug") == normalise("oeps terug")
    assert normalise("re-integratie…") == "reintegratie"
    assert normalise("ik ben moe") != normalise("ik ben niet moe")
    assert _once(normalise("Ja ja!")) == "ja" and _once("dag mijn dag") == "dag mijn dag"
    assert strip_annotations("[a](b) en [c]{\"entity\": \"d\"}") == "a en c"


def test_read_examples_and_recursive_files(tmp_path: Path):
    (tmp_path / "sealed").mkdir()
    (tmp_path / "a.yml").write_text(
        'version: "3.1"\n'
        "nlu:\n"
        "  - intent: greet\n"
        "    examples: |\n"
        "      - hoi\n"
        "      - hallo [werkbaar](bot)\n"
        "  - synonym: werkende\n"
        "    examples: |\n"
        "      - werknemer\n"
        "  - lookup: role\n"
        "    examples: |\n"
        "      - werkgever\n"
        "  - intent: greet\n"
        "    examples: |\n"
        "      - goeiemorgen\n", encoding="utf-8")
    (tmp_path / "sealed" / "b.yaml").write_text(
        "nlu:\n- intent: deny\n  examples: |\n    - nee, dat klopt niet\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("- hoi\n", encoding="utf-8")

    assert read_examples(tmp_path / "a.yml") == {
        "greet": ["hoi", "hallo [werkbaar](bot)", "goeiemorgen"]}
    assert [p.relative_to(tmp_path).as_posix() for p in nlu_files(tmp_path)] == \
        ["a.yml", "sealed/b.yaml"]
    assert sorted(training_index(tmp_path)) == ["goeiemorgen", "hallo werkbaar", "hoi",
                                                "nee dat klopt niet"]
