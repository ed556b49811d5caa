"""An employer who asks what to do first, before any plan: the conversation with the employee
(the Gesprekswijzer), as the employer's plan starts. Runs the action code directly over the
real content; the messages are written for this test."""
from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from tests.support.action_harness import actions, texts, tracker  # noqa: F401


@pytest.mark.parametrize("text", [
    "ik ben werkgever. een werknemer vertelt net dat hij kanker heeft. waar begin ik?",
    "als leidinggevende hoor ik dat een collega uit mijn team reuma heeft, wat eerst?",
])
def test_an_employers_first_step_is_the_conversation(actions, text):
    dispatcher = CollectingDispatcher()
    actions["replies"].answer_question(dispatcher, tracker(text), text)
    assert texts(dispatcher)[0].startswith("Gesprekswijzer Chronische Aandoening en Werk:")


def test_a_workers_first_step_question_is_searched_as_before(actions):
    text = "ik heb net gehoord dat ik ms heb, waar begin ik met mijn werk?"
    dispatcher = CollectingDispatcher()
    actions["replies"].answer_question(dispatcher, tracker(text), text)
    assert not texts(dispatcher)[0].startswith("Gesprekswijzer")
