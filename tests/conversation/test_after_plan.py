"""After the plan the conversation goes on: new facts add advice once, no second interview and
no read-back loop; the same advice is never sent twice (real servers)."""
from __future__ import annotations

import pytest

from tests.support.chat import Chat

pytestmark = pytest.mark.server


def finish_interview(chat: Chat) -> None:
    chat.say('/choose_role{"role": "werkende"}')
    chat.say("ja graag")
    for answer in ("copd", "vaak erg moe", "Lichamelijk zwaar", "Goede steun", "Geen zorgen"):
        chat.say(answer)
    assert "Jouw samenvatting" in chat.text, chat.text


def test_a_story_after_the_plan_adds_advice_without_a_new_interview(assistant, sender):
    chat = Chat(assistant, sender)
    finish_interview(chat)
    plan = chat.text
    reply = chat.say("ja en ik heb ook veel pijn, vooral bij bukken en tillen in het magazijn")
    assert "Klopt dat?" not in reply and chat.question is None, reply
    assert "Wil je nog iets weten?" in reply, reply
    # Whatever came, it is no advice block from the plan sent again.
    blocks = [r["text"] for r in chat.replies if len(r.get("text", "")) > 80]
    assert not [b for b in blocks if b in plan], blocks
    again = chat.say("ja en ik heb ook veel pijn, vooral bij bukken en tillen in het magazijn")
    assert "staat al hierboven" in again or "Dit komt erbij" in again, again
    assert not [r["text"] for r in chat.replies
                if len(r.get("text", "")) > 80 and r["text"] in reply], again


def test_after_the_plan_a_question_answered_already_points_to_it(assistant, sender):
    chat = Chat(assistant, sender)
    finish_interview(chat)
    first = chat.say("ik ben altijd moe na mijn werk, wat kan ik doen?")
    second = chat.say("ik ben altijd moe na mijn werk, wat kan ik doen?")
    assert "staat al hierboven" in first + second, (first, second)
    long_first = {r["text"] for r in chat.replies if len(r.get("text", "")) > 80}
    assert not [t for t in long_first if t in first], second
