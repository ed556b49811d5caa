"""Each kind of danger gets its own first reply, in any state: at the start, inside the interview
form and after the advice plan; a weaker signal gets a direct question that never dead-ends.
(With the action server stopped: tests/faults/test_action_server_down.py.)"""
from __future__ import annotations

import pytest

from tests.support.chat import Chat

pytestmark = pytest.mark.server

# One message per kind, written for this test (not taken from any evaluation set).
KIND_MESSAGES = {
    "suicidal": "ik zie geen reden meer om door te gaan, ik wil er niet meer zijn",
    "self_harm_done": "ik heb net een hele strip slaappillen ingenomen",
    "other_person": "mijn collega zei vanochtend dat hij er een eind aan wil maken",
    "medical_emergency": "mijn collega heeft ineens pijn op de borst die naar zijn arm trekt",
    "violence": "mijn man slaat me en ik durf vanavond niet naar huis",
}
# What the first bubble must say for each kind.
KIND_MARKS = {
    "suicidal": ("0800-0113", "113.nl", "112"),
    "self_harm_done": ("Bel nu 112", "huisartsenpost", "0800-0113"),
    "other_person": ("niet alleen", "112", "0800-0113"),
    "medical_emergency": ("Bel nu 112", "meldkamer"),
    "violence": ("Veilig Thuis", "0800-2000", "112"),
}
CHECK = "denk je erover om jezelf iets aan te doen"


def first_bubble(chat: Chat) -> str:
    return chat.replies[0].get("text", "") if chat.replies else ""


def assert_kind(chat: Chat, kind: str) -> None:
    first = first_bubble(chat)
    missing = [mark for mark in KIND_MARKS[kind] if mark not in first]
    assert not missing, (kind, missing, chat.text)


def start_interview(chat: Chat) -> None:
    chat.say('/choose_role{"role": "werkende"}')
    chat.say("ja graag")
    assert chat.question == 1, chat.text
    chat.say("reuma")
    assert chat.question == 2, chat.text


@pytest.mark.parametrize("kind", list(KIND_MESSAGES))
def test_each_kind_first_thing_in_a_conversation(assistant, sender, kind):
    chat = Chat(assistant, sender)
    chat.say(KIND_MESSAGES[kind])
    assert_kind(chat, kind)


@pytest.mark.parametrize("kind", list(KIND_MESSAGES))
def test_each_kind_inside_the_interview(assistant, sender, kind):
    chat = Chat(assistant, sender)
    start_interview(chat)
    chat.say(KIND_MESSAGES[kind])
    assert_kind(chat, kind)
    assert chat.question is None, chat.text  # no interview question over it


@pytest.mark.parametrize("kind", list(KIND_MESSAGES))
def test_each_kind_after_the_plan(assistant, sender, kind):
    chat = Chat(assistant, sender)
    start_interview(chat)
    for answer in ("vaak erg moe", "veel tillen", "mijn leidinggevende begrijpt het niet",
                   "geen zorgen"):
        chat.say(answer)
    assert "Jouw samenvatting" in chat.text, chat.text
    chat.say(KIND_MESSAGES[kind])
    assert_kind(chat, kind)


def test_a_weaker_signal_gets_a_direct_question_and_no_leads_back(assistant, sender):
    chat = Chat(assistant, sender)
    chat.say("het hoeft allemaal niet meer voor mij")
    assert CHECK in first_bubble(chat) and "0800-0113" in chat.text, chat.text
    assert {"Ja, daar denk ik aan", "Nee, dat niet"} <= set(chat.buttons), chat.buttons
    chat.say("nee")
    assert "0800-0113" in chat.text and "Verder met de vragen" in chat.buttons, chat.text
    chat.say("/start_interview")
    assert chat.question == 1, chat.text


def test_yes_to_the_direct_question_gets_the_crisis_reply(assistant, sender):
    chat = Chat(assistant, sender)
    chat.say("ik ben er helemaal klaar mee")
    assert CHECK in first_bubble(chat), chat.text
    chat.say("ja")
    assert_kind(chat, "suicidal")


def test_a_weaker_signal_inside_the_interview_pauses_it_and_can_go_on(assistant, sender):
    chat = Chat(assistant, sender)
    start_interview(chat)
    chat.say("het hoeft allemaal niet meer voor mij")
    assert CHECK in first_bubble(chat) and chat.question is None, chat.text
    chat.say("/deny")
    chat.say("/start_interview")
    assert chat.question == 2, chat.text  # the answer already given is kept


def test_the_direct_question_asked_again_is_short_and_still_leads_on(assistant, sender):
    """The same weak signal twice (a user who repeats themself): the second time the question
    is asked in short, not the same long message word for word; 'ja' still gets the crisis
    reply."""
    chat = Chat(assistant, sender)
    chat.say("het hoeft allemaal niet meer voor mij")
    first = first_bubble(chat)
    assert CHECK in first and len(first) > 80, chat.text
    chat.say("ik wil vooral dat het ophoudt, het hoeft allemaal niet meer")
    again = first_bubble(chat)
    assert again != first and "iets aan te doen" in again and "113" in again, chat.text
    assert len(again) <= 80 and {"Ja, daar denk ik aan", "Nee, dat niet"} <= set(chat.buttons)
    chat.say("ja")
    assert_kind(chat, "suicidal")
