"""The interview's own quick replies are answers, never a command: 'Zorgen over mijn inkomen'
was read as 'correct an earlier answer' and sent the interview back a question, in a loop."""
from __future__ import annotations

import asyncio

import pytest

from actions import messages
from bot.training import ensure_trained

pytestmark = pytest.mark.slow

REPLIES = sorted({reply for table in (messages.QUESTIONS, messages.QUESTIONS_JOB_SEEKER)
                  for topic, (_, replies) in table.items() if topic != "aandoening"
                  for reply in replies})


@pytest.fixture(scope="module")
def parsed():
    from rasa.core.agent import Agent

    agent = Agent.load(str(ensure_trained(echo=lambda *_: None)))

    async def parse_all():
        return {reply: await agent.parse_message(reply) for reply in REPLIES}
    return asyncio.run(parse_all())


def test_every_quick_reply_is_an_answer(parsed):
    wrong = {reply: p["intent"]["name"] for reply, p in parsed.items()
             if p["intent"]["name"] != "share_situation"}
    assert wrong == {}
