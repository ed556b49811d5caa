"""Each interview answer read with its polarity: 'daar zit het probleem niet', 'nee hoor',
'valt mee' are no concern (no pity phrase, no advice); 'geen steun', 'niet te doen', 'soms'
are. Two sets of answers, both written apart from the code: a development set
(tests/conversation/polarity_dev.yaml, used while improving the reading) and a blind set
(tests/conversation/blind/polarity.yaml, never used to change the reading)."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from knowledge.situation import read_answer

HERE = Path(__file__).resolve().parents[1] / "conversation"
TOPICS = {"energy": "energie", "work": "werkbelasting", "support": "steun", "money": "financien"}


def _accuracy(path: Path):
    answers = yaml.safe_load(path.read_text(encoding="utf-8"))["answers"]
    right, per_topic = 0, defaultdict(lambda: [0, 0])
    for answer in answers:
        reading = read_answer(TOPICS[answer["topic"]], answer["text"])
        concern = reading is not None and reading.concern > 0
        ok = concern == answer["concern"]
        right += ok
        per_topic[answer["topic"]][0] += ok
        per_topic[answer["topic"]][1] += 1
    return right / len(answers), dict(per_topic), len(answers)


@pytest.mark.parametrize("name, bar", [("polarity_dev.yaml", 0.95),
                                       ("blind/polarity.yaml", 0.80)])
def test_polarity_per_topic(name, bar):
    accuracy, per_topic, count = _accuracy(HERE / name)
    print(f"{name}: {accuracy:.3f} of {count}; per topic "
          + ", ".join(f"{t} {r}/{n}" for t, (r, n) in sorted(per_topic.items())))
    assert count >= 40
    assert accuracy >= bar, per_topic


@pytest.mark.parametrize("topic, text", [
    ("steun", "mijn collega's zijn heel lief en de directeur denkt mee. daar zit het probleem niet"),
    ("financien", "nee hoor, financieel zit ik goed"),
    ("energie", "valt wel mee eigenlijk"),
    ("werkbelasting", "mijn werk is het probleem niet, het is de reis"),
])
def test_a_fine_answer_is_no_concern(topic, text):
    assert read_answer(topic, text).concern == 0


@pytest.mark.parametrize("topic, text", [
    ("steun", "ik krijg geen enkele steun van mijn baas"),
    ("steun", "baas is redelijk, maar collega's snappen er niks van"),
    ("steun", "gaat prima. alleen mijn teamleider snapt er niks van."),
    ("werkbelasting", "de werkdruk. elke dag drie vergaderingen. lichamelijk is het niet zwaar."),
    ("financien", "ja"),
    ("energie", "soms wel"),
    ("werkbelasting", "nee, maar het tillen wordt te zwaar"),
])
def test_a_concern_is_read_also_when_negated_or_mixed(topic, text):
    assert read_answer(topic, text).concern > 0


def test_a_fine_sentence_beside_a_concern_adds_no_factor():
    """'thuis is alles goed, daar zit het niet. op kantoor weet niemand het.': the concern is
    openness at work, not support at home."""
    reading = read_answer("steun", "thuis is alles goed, daar zit het niet. op kantoor weet "
                                   "eigenlijk niemand het, ik schaam me ervoor.")
    assert reading.concern > 0 and reading.factors == ("openheid",)
