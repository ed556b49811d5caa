"""bot/components/privacy_guard.py: erasing needs words that say so; the advertised commands
always work. Checked on every privacy example (training and held-out) and on the interview's
own quick replies."""
from __future__ import annotations

import re

import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from actions import messages
from bot.components.privacy_guard import (DELETE, SHOW, PrivacyGuard, has_cue,
                                          strong_command)
from bot.paths import PROJECT_ROOT


def _examples() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in [*sorted((PROJECT_ROOT / "data" / "nlu").glob("*.yml")),
                 *sorted((PROJECT_ROOT / "tests" / "nlu").glob("*.yml"))]:
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


@pytest.mark.parametrize("intent", [SHOW, DELETE])
def test_every_privacy_example_has_its_words(intent):
    examples = EXAMPLES[intent]
    assert len(examples) >= 40
    assert [e for e in examples if not has_cue(intent, e)] == []


def test_no_other_example_or_quick_reply_is_a_privacy_command():
    others = [e for intent, ex in EXAMPLES.items() if intent not in (SHOW, DELETE) for e in ex]
    assert len(others) > 1500
    commands = [e for e in others + QUICK_REPLIES if strong_command(e)]
    assert commands == []


def test_interview_answers_do_not_say_delete():
    """Answers the classifier might take for delete_my_data are kept as answers."""
    answers = QUICK_REPLIES + EXAMPLES["share_situation"] + [
        "het wisselt per dag", "ik vergeet veel en ben snel moe", "wisselend", "ik wist het niet"]
    said_delete = [a for a in answers if has_cue(DELETE, a)]
    assert said_delete == []


def _message(text: str, ranking: list[tuple[str, float]]) -> Message:
    message = Message(data={"text": text})
    message.set("intent", {"name": ranking[0][0], "confidence": ranking[0][1]})
    message.set("intent_ranking", [{"name": n, "confidence": c} for n, c in ranking])
    return message


@pytest.mark.parametrize("text, ranking, expected", [
    # the real mistake that started this: an interview answer read as 'erase'
    ("het wisselt per dag", [(DELETE, 0.71), ("share_situation", 0.2)], "share_situation"),
    ("ik weet het niet zo goed", [(SHOW, 0.6), ("skip", 0.3)], "skip"),
    ("verwijder mijn gegevens", [("ask_question", 0.5), (DELETE, 0.4)], DELETE),
    ("wissen", [("start_over", 0.5), (DELETE, 0.3)], DELETE),
    ("Wat weet je over mij?", [("ask_capabilities", 0.6), (SHOW, 0.3)], SHOW),
    ("kun je alles van mij wissen", [(DELETE, 0.9), ("start_over", 0.05)], DELETE),
    ("ik wil niet meer leven, verwijder alles", [("crisis", 1.0), (DELETE, 0.2)], "crisis"),
    ("mag mijn werkgever mijn medische gegevens verwijderen?",
     [(DELETE, 0.55), ("ask_question", 0.4)], "ask_question"),
    ("/delete_my_data", [(DELETE, 1.0)], DELETE),
    ("wis alles wat ik zei en begin opnieuw", [(DELETE, 0.9), ("more", 0.08)], "start_over"),
])
def test_the_guard_on_classifier_output(text, ranking, expected):
    message = _message(text, ranking)
    PrivacyGuard().process([message])
    assert message.get("intent")["name"] == expected
    assert message.get("intent_ranking")[0]["name"] == expected


def test_starting_again_keeps_the_classifiers_confidence():
    message = _message("wis alles wat ik zei en begin opnieuw", [(DELETE, 0.9), ("more", 0.08)])
    PrivacyGuard().process([message])
    assert message.get("intent") == {"name": "start_over", "confidence": 0.9}


def test_privacy_intents_without_their_words_leave_the_ranking():
    message = _message("ana marid wa ahtaj musaada", [("nlu_fallback", 1.0), (SHOW, 0.39),
                                                       ("other_language", 0.1)])
    PrivacyGuard().process([message])
    names = [(r["name"], r["confidence"]) for r in message.get("intent_ranking")]
    assert names == [("nlu_fallback", 1.0), ("other_language", 0.1), (SHOW, 0.0)]
