"""Medical questions outside the guideline (medication, diagnosis) are referred to the treating
doctor or the bedrijfsarts, without speculation; look-alikes stay knowledge questions or stories."""
from __future__ import annotations

import pytest

from bot.understanding.medical import asks_medical
from tests.safety.medical_cases import MEDICAL_QUESTIONS, NOT_MEDICAL
from tests.support.chat import Chat

REFERRAL = "Dat is een medische vraag"


@pytest.mark.parametrize("message", MEDICAL_QUESTIONS)
def test_medical_questions_are_recognised(message):
    assert asks_medical(message)


@pytest.mark.parametrize("message", NOT_MEDICAL)
def test_stories_and_knowledge_questions_are_not_medical(message):
    assert not asks_medical(message)


@pytest.mark.server
@pytest.mark.parametrize("message", MEDICAL_QUESTIONS[::3])
def test_medical_question_is_referred_to_a_doctor(assistant, sender, message):
    reply = " ".join(assistant.texts(message, sender))
    assert REFERRAL in reply and "huisarts" in reply and "bedrijfsarts" in reply, reply
    # No speculation: no medicine names or doses come back.
    assert "mg" not in reply.split() and "Bron:" not in reply, reply


@pytest.mark.server
@pytest.mark.parametrize("message", NOT_MEDICAL[:6])
def test_look_alikes_are_not_referred(assistant, sender, message):
    reply = " ".join(assistant.texts(message, sender))
    assert REFERRAL not in reply, reply


@pytest.mark.server
def test_medical_question_inside_the_interview_is_referred_and_the_interview_goes_on(
        assistant, sender):
    chat = Chat(assistant, sender)
    chat.say('/choose_role{"role": "werkende"}')
    chat.say("ja graag")
    assert chat.question == 1, chat.text
    chat.say("reuma")
    assert chat.question == 2, chat.text
    reply = chat.say("mag ik mijn prednison verhogen als ik moe ben?")
    assert REFERRAL in reply, reply
    assert chat.question == 2, reply  # the same question is asked again
    chat.say("vaak erg moe na het werk")
    assert chat.question == 3, chat.text
