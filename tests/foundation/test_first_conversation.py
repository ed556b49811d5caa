"""A first real Dutch conversation: the trained model behind the real REST channel."""
from __future__ import annotations

import re
import signal

import pytest

from tests.support.assistant import start_assistant

pytestmark = pytest.mark.server

ROLES = {"werkende", "werkzoekende", "professional", "werkgever"}


def test_greeting_introduces_limits_and_asks_who_the_user_is(assistant, sender):
    messages = assistant.send("hallo", sender)
    text = " ".join(m.get("text", "") for m in messages)
    assert "Werkbaar" in text
    assert "geen diagnose" in text
    assert "richtlijn" in text
    assert "bedrijfsarts" in text

    buttons = messages[-1].get("buttons", [])
    payload_roles = {re.search(r'"role": "(\w+)"', b["payload"]).group(1) for b in buttons}
    assert payload_roles == ROLES
    assert all(b["title"] for b in buttons)


@pytest.mark.parametrize("greeting", ["hoi", "goedemorgen", "hey hallo", "goeiedag"])
def test_other_greetings_start_the_same_way(assistant, sender, greeting):
    messages = assistant.send(greeting, sender)
    assert messages[-1].get("buttons"), messages


def test_role_button_payload_is_understood(assistant, sender):
    assistant.send("hallo", sender)
    reply = " ".join(assistant.texts('/choose_role{"role": "professional"}', sender))
    assert "aanbeveling" in reply and "bron" in reply


@pytest.mark.parametrize("message, expected", [
    ("ik ben werkgever", "aanpassingen"),
    ("ik ben bedrijfsarts", "aanbeveling"),
    ("ik zoek werk", "Werk zoeken"),
])
def test_role_in_free_text(assistant, sender, message, expected):
    assistant.send("hallo", sender)
    reply = " ".join(assistant.texts(message, sender))
    assert expected in reply


def test_out_of_scope_gets_a_polite_dutch_scope_statement(assistant, sender):
    reply = " ".join(assistant.texts("wat voor weer wordt het morgen?", sender))
    assert "niet mee helpen" in reply


def test_nonsense_asks_to_rephrase(assistant, sender):
    reply = " ".join(assistant.texts("qwpoeiru zxmcnv", sender))
    assert "anders zeggen" in reply


def test_rasa_http_api_requires_the_token(assistant):
    import requests

    assert requests.get(f"{assistant.url}/status", timeout=10).status_code == 401
    ok = requests.get(f"{assistant.url}/status", params={"token": assistant.api_token}, timeout=10)
    assert ok.status_code == 200 and ok.json()["model_file"]


def test_startup_output_names_pipeline_and_url(assistant):
    log = assistant.log()
    assert "Nederlandse taalpijplijn" in log
    assert f"POST {assistant.webhook}" in log
    assert "DeprecationWarning" not in log


def test_greeting_buttons_log_no_errors(assistant, sender):
    """The role buttons' payloads carry JSON braces; Rasa's response templating must not try
    to fill them (it logged four ERROR tracebacks per greeting before)."""
    replies = assistant.send("hallo", sender)
    payloads = [b["payload"] for r in replies for b in r.get("buttons", [])]
    assert '/choose_role{"role": "werkende"}' in payloads, payloads
    assert "interpolator" not in assistant.log()


def test_run_stops_both_servers_cleanly_on_ctrl_c(tmp_path):
    import requests

    running = start_assistant(tmp_path / "data")
    assert running.send("hallo", "ctrl-c-test")
    assert running.stop(sig=signal.SIGINT) == 0  # what Ctrl-C sends
    assert "Gestopt." in running.log()
    for port in (running.port, running.actions_port):
        with pytest.raises(requests.ConnectionError):
            requests.get(f"http://127.0.0.1:{port}/", timeout=5)


@pytest.mark.parametrize("message", [
    "the weather is really nice today",
    "ich bin immer so müde wenn ich arbeite",
    "привет, как дела?",
])
def test_other_languages_get_a_dutch_explanation(assistant, sender, message):
    reply = " ".join(assistant.texts(message, sender))
    assert "alleen Nederlands" in reply


@pytest.mark.parametrize("message", ["qwpoeiru zxmcnv", "asdf jklö", "xkcd blorp fnord"])
def test_gibberish_never_lands_on_a_topic(assistant, sender, message):
    reply = " ".join(assistant.texts(message, sender))
    assert "anders zeggen" in reply
