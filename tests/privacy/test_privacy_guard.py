"""bot/understanding/privacy.py and its rules: erasing needs words that say so; the advertised
commands always work. Checked on every privacy training example and on the interview's own
quick replies (never on held-out sets: a rule must not be fitted to them)."""
from __future__ import annotations

import re

import pytest
import yaml
from actions import messages
from bot.paths import PROJECT_ROOT
from bot.understanding import rules
from bot.understanding.privacy import DELETE, SHOW, has_cue, strong_command


def _examples() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted((PROJECT_ROOT / "data" / "nlu").glob("*.yml")):
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            if "intent" not in block:
                continue
            for line in (block.get("examples") or "").splitlines():
                line = re.sub(r"\[([^\]]+)\]\{[^}]*\}", r"\1", line.strip().removeprefix("- "))
                if line:
                    found.setdefault(block["intent"], []).append(line)
    return found


EXAMPLES = _examples()
QUICK_REPLIES = [r for _, replies in [*messages.QUESTIONS.values(),
                                      *messages.QUESTIONS_JOB_SEEKER.values()] for r in replies]


@pytest.mark.parametrize("intent", [DELETE])
def test_every_privacy_example_has_its_words(intent):
    examples = EXAMPLES[intent]
    assert len(examples) >= 20
    assert [e for e in examples if not has_cue(intent, e)] == []


def test_no_other_example_or_quick_reply_is_a_privacy_command():
    others = [e for intent, ex in EXAMPLES.items() if intent not in (SHOW, DELETE) for e in ex]
    assert len(others) > 1000
    commands = [e for e in others + QUICK_REPLIES if strong_command(e)]
    assert commands == []


def test_interview_answers_do_not_say_delete():
    """Answers the classifier might take for delete_my_data are kept as answers."""
    answers = QUICK_REPLIES + EXAMPLES["share_situation"] + [
        "het wisselt per dag", "ik vergeet veel en ben snel moe", "wisselend", "ik wist het niet",
        # someone who forgets, not a command to forget (a blind persona's opening was erased)
        "de chemo is klaar maar ik vergeet alles", "soms vergeet ik alles op mijn werk",
        "ik ben bang dat ik alles vergeet", "mijn collega zegt dat ik alles vergeet"]
    said_delete = [a for a in answers if has_cue(DELETE, a)]
    assert said_delete == []


def _decide(text: str, ranking: list[tuple[str, float]]) -> rules.Decision:
    if text.startswith("/"):
        return rules.Decision(ranking[0][0], ranking[0][1], None, None, [])
    reading = rules.Reading(text=text, ranking=[{"name": n, "confidence": c} for n, c in ranking])
    return rules.decide(reading)


@pytest.mark.parametrize("text, ranking, expected", [
    # the real mistake that started this: an interview answer read as 'erase'
    ("het wisselt per dag", [(DELETE, 0.71), ("share_situation", 0.2)], "share_situation"),
    ("ik weet het niet zo goed", [(SHOW, 0.6), ("skip", 0.3)], "skip"),
    ("verwijder mijn gegevens", [("ask_question", 0.5), (DELETE, 0.4)], DELETE),
    ("wissen", [("start_over", 0.5), (DELETE, 0.3)], DELETE),
    ("Wat weet je over mij?", [("ask_capabilities", 0.6), (SHOW, 0.3)], SHOW),
    ("kun je alles van mij wissen", [(DELETE, 0.9), ("start_over", 0.05)], DELETE),
    ("mag mijn werkgever mijn medische gegevens verwijderen?",
     [(DELETE, 0.55), ("ask_question", 0.4)], "ask_question"),
    ("/delete_my_data", [(DELETE, 1.0)], DELETE),
    ("wis alles wat ik zei en begin opnieuw", [(DELETE, 0.9), ("more", 0.08)], "start_over"),
])
def test_the_rules_on_classifier_output(text, ranking, expected):
    decision = _decide(text, ranking)
    assert decision.intent == expected


def test_starting_again_keeps_the_classifiers_confidence():
    decision = _decide("wis alles wat ik zei en begin opnieuw", [(DELETE, 0.9), ("more", 0.08)])
    assert (decision.intent, decision.confidence) == ("start_over", 0.9)


def test_privacy_intents_without_their_words_leave_the_ranking():
    decision = _decide("het wisselt per dag", [(SHOW, 0.6), ("share_situation", 0.3),
                                              ("skip", 0.1)])
    names = [(r["name"], r["confidence"]) for r in decision.ranking]
    assert names == [("share_situation", 0.3), ("skip", 0.1), (SHOW, 0.0)]
