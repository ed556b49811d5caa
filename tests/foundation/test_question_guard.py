"""The QuestionGuard on real Rasa messages: a full question the classifier took for 'more' or for
starting the interview is answered as a question; real requests for more or for the interview
stay what they are."""
from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.question_guard import QuestionGuard


def guarded(text: str, intent: str) -> str:
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": intent, "confidence": 0.6})
    message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": 0.6}])
    QuestionGuard().process([message])
    return message.get(INTENT)["name"]


@pytest.mark.parametrize("text, intent, expected", [
    ("wat als werken door de ernst van de beperkingen geen reële optie meer is?", "more",
     "ask_question"),
    ("in welke situaties overleg ik met de behandelend arts van de werknemer?",
     "start_interview", "ask_question"),
    ("meer", "more", "more"),
    ("kun je daar meer over vertellen", "more", "more"),
    ("nog andere tips?", "more", "more"),
    ("kun je me wat vragen stellen over mijn situatie zodat je me beter kan helpen",
     "start_interview", "start_interview"),
    ("mag ik de vragenlijst invullen", "start_interview", "start_interview"),
    ("ik wil advies op maat", "start_interview", "start_interview"),
])
def test_questions_taken_for_more_or_the_interview(text, intent, expected):
    assert guarded(text, intent) == expected
