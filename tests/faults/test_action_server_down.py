"""The action server stops mid-interview: the user gets a friendly Dutch message, safety replies
still work, and when the action server is back the same question can be answered again and the
interview goes on to its summary.

The test drives bot.servers.Assistant itself (its own data dir and free ports), so it decides
when the action server is down; `werkbaar run` would start a crashed one again (tested in
test_restarts.py).
"""
from __future__ import annotations

import os
import time
import uuid

import pytest
import requests

from bot.channels.rest import REPLY_FAILED
from tests.support.assistant import free_port
from tests.support.chat import Chat
from tests.safety.test_danger_kinds import CHECK, KIND_MESSAGES, assert_kind

pytestmark = pytest.mark.server


class Rest:
    """Just enough of RunningAssistant for tests.support.chat.Chat."""

    def __init__(self, webhook: str):
        self.webhook = webhook

    def send(self, message: str, sender: str, timeout: float = 60) -> list[dict]:
        answer = requests.post(self.webhook, json={"sender": sender, "message": message},
                               timeout=timeout)
        assert answer.status_code == 200, answer.text[:300]
        return answer.json()


def action_server_health(assistant) -> int:
    try:
        return requests.get(f"{assistant.settings.actions_url}/health", timeout=2).status_code
    except requests.RequestException:
        return 0


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    data = tmp_path_factory.mktemp("faults-actions")
    saved = {key: os.environ.get(key) for key in ("WERKBAAR_DATA_DIR", "WERKBAAR_KNOWLEDGE_URL")}
    os.environ["WERKBAAR_DATA_DIR"] = str(data)
    os.environ.pop("WERKBAAR_KNOWLEDGE_URL", None)
    try:
        from bot.servers import Assistant
        from bot.settings import Settings
        from bot.startup import prepare_knowledge
        from bot.training import ensure_trained

        prepare_knowledge()
        model = ensure_trained(echo=lambda *_: None)
        settings = Settings(host="127.0.0.1", port=free_port(), actions_port=free_port())
        assistant = Assistant(settings, model)
        assistant.start_actions()
        assistant.start_rasa()
        try:
            assistant.wait_until_ready(timeout=600)
            yield assistant
        finally:
            assistant.stop()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def test_action_server_down_mid_interview_then_back(servers):
    chat = Chat(Rest(servers.settings.rest_webhook), f"storing-{uuid.uuid4().hex[:8]}")
    chat.say('/choose_role{"role": "werkende"}')
    chat.say("ja")
    assert chat.question == 1, chat.text
    chat.say("reuma")
    assert chat.question == 2, chat.text

    servers.stop_process("actieserver")
    assert action_server_health(servers) == 0
    # The answer cannot be handled now: a friendly Dutch line, no error, no next question.
    chat.say("Vaak erg moe")
    assert chat.text.strip() == REPLY_FAILED, chat.text
    assert "Er ging even iets mis aan onze kant" in chat.text and chat.question is None
    # The same through the widget's channel.
    widget = requests.post(f"{servers.settings.rasa_url}/webhooks/chat/webhook",
                           json={"sender": chat.sender, "message": "Vaak erg moe"}, timeout=60)
    assert widget.status_code == 200 and widget.json()[-1]["text"] == REPLY_FAILED
    # Safety does not depend on the action server: crisis words still get 113.
    crisis = Chat(chat.assistant, f"crisis-{uuid.uuid4().hex[:8]}")
    crisis.say("ik wil niet meer leven")
    assert "113" in crisis.text and REPLY_FAILED not in crisis.text
    # Every kind of danger has its own first reply without the action server.
    for kind, message in KIND_MESSAGES.items():
        fresh = Chat(chat.assistant, f"kind-{uuid.uuid4().hex[:8]}")
        fresh.say(message)
        assert_kind(fresh, kind)
    check = Chat(chat.assistant, f"check-{uuid.uuid4().hex[:8]}")
    check.say("het hoeft allemaal niet meer voor mij")
    assert CHECK in check.text and REPLY_FAILED not in check.text, check.text

    servers.start_actions()
    deadline = time.monotonic() + 120
    while action_server_health(servers) != 200:
        assert time.monotonic() < deadline, "the action server did not come back"
        time.sleep(0.5)

    # Back: the same question is answered again and the interview goes on.
    chat.say("Vaak erg moe")
    assert chat.question == 3, chat.text
    chat.say("veel tillen en onregelmatige diensten")
    assert chat.question == 4, chat.text
    chat.say("Leidinggevende begrijpt het niet")
    assert chat.question == 5, chat.text
    chat.say("Geen zorgen")
    assert "Jouw samenvatting" in chat.text, chat.text
    assert "Reumatoïde artritis" in chat.text and "Vaak erg moe" in chat.text
    assert REPLY_FAILED not in chat.text
