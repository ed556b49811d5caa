"""Privacy through the real servers (REST channel), checked in the real tracker database:
no message text and no identifiers stored, 'wat weet je over mij?', 'verwijder mijn gegevens',
retention at start-up, a restart mid-interview, no message text in the log, the HTTP API token."""
from __future__ import annotations

import json
import os
import time
import uuid
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa

from bot.tracker_store import TEXT_NOT_KEPT
from tests.support.assistant import RunningAssistant, start_assistant
from tests.support.chat import Chat

pytestmark = pytest.mark.server
DAY = 24 * 3600


def _url(assistant: RunningAssistant) -> str:
    default = f"sqlite:///{assistant.data_dir / 'tracker.db'}"
    return os.environ.get("WERKBAAR_TRACKER_URL") or default


def _rows(assistant: RunningAssistant, sender: str) -> list[tuple]:
    engine = sa.create_engine(_url(assistant))
    with engine.connect() as connection:
        rows = connection.execute(sa.text(
            "SELECT id, type_name, intent_name, action_name, timestamp, data FROM events "
            "WHERE sender_id = :s ORDER BY id"), {"s": sender}).all()
    engine.dispose()
    return [tuple(r) for r in rows]


def _slots(rows: list[tuple]) -> dict:
    """The last stored value of every slot."""
    values = {}
    for row in rows:
        if row[1] == "slot":
            event = json.loads(row[5])
            values[event["name"]] = event["value"]
    return values


def _start_interview(chat: Chat) -> None:
    chat.say('/choose_role{"role": "werkende"}')
    chat.say("ja graag")
    assert chat.question == 1, chat.text


def test_an_interview_stores_no_message_text_and_no_identifiers(assistant, sender):
    chat = Chat(assistant, sender)
    chat.say("hallo")
    _start_interview(chat)
    said = {
        1: "reuma, mail me gerust op jan.jansen@example.nl",
        2: "Vaak erg moe",
        3: "veel tillen en onregelmatige diensten",
        4: "mijn leidinggevende Piet de Vries begrijpt het niet, zijn nummer is 06-12345678",
        5: "Geen zorgen",
    }
    for _ in range(8):
        if chat.question is None:
            break
        chat.say(said[chat.question])
    assert "Jouw samenvatting" in chat.text and chat.download, chat.text  # it worked to the end

    rows = _rows(assistant, sender)
    stored = "\n".join(row[5] for row in rows)
    for secret in ("jan.jansen", "example.nl", "Piet", "Vries", "06-12345678", "12345678"):
        assert secret not in stored, secret
    users = [json.loads(row[5]) for row in rows if row[1] == "user"]
    assert len(users) == 8 and {u["text"] for u in users} == {TEXT_NOT_KEPT}
    assert {u["parse_data"]["text"] for u in users} == {TEXT_NOT_KEPT}
    assert all(row[2] for row in rows if row[1] == "user")  # intents are kept
    slots = _slots(rows)
    assert slots["steun"] == ("mijn leidinggevende [naam] begrijpt het niet, "
                              "zijn nummer is [telefoon]")
    assert slots["aandoening"] == "reuma, mail me gerust op [e-mail]"
    download = [json.loads(row[5]) for row in rows if row[1] == "bot"
                and (json.loads(row[5]).get("data") or {}).get("custom")]
    assert "[naam]" in download[-1]["data"]["custom"]["content"]


def test_what_do_you_know_about_me_shows_what_is_stored(assistant, sender):
    chat = Chat(assistant, sender)
    _start_interview(chat)
    chat.say("reuma")
    chat.say("Vaak erg moe, bel me maar op 0612345678")
    assert chat.question == 3
    chat.say("wat weet je over mij?")
    shown = chat.text
    stored = _slots(_rows(assistant, sender))
    assert "je werkt" in shown and stored["role"] == "werkende"
    assert f"Aandoening: '{stored['aandoening']}'" in shown and stored["aandoening"] == "reuma"
    assert f"Energie: '{stored['energie']}'" in shown and "[telefoon]" in stored["energie"]
    assert "Je stuurde 5 berichten, sinds " in shown
    assert "niet letterlijk" in shown and "30 dagen" in shown
    assert "verwijder mijn gegevens" in shown and "Verwijder mijn gegevens" in chat.buttons
    assert chat.question == 3  # the interview goes on with the same question


def test_erase_removes_this_conversation_and_nothing_else(assistant):
    me, other = (f"test-{uuid.uuid4().hex[:12]}" for _ in range(2))
    mine, theirs = Chat(assistant, me), Chat(assistant, other)
    for chat in (mine, theirs):
        chat.say("hallo")
        chat.say('/choose_role{"role": "werkende"}')
    theirs.say("hoe verdeel ik mijn energie over de week?")
    before = _rows(assistant, other)
    assert _rows(assistant, me) and before

    mine.say("verwijder mijn gegevens")
    assert "gewist" in mine.text
    assert _rows(assistant, me) == []
    assert _rows(assistant, other) == before

    mine.say("wat weet je over mij?")  # a fresh conversation: nothing remembered
    assert "nog geen rol gekozen" in mine.text and "Je stuurde 1 bericht" in mine.text
    assert "role" not in _slots(_rows(assistant, me))


def test_erase_in_the_middle_of_the_interview(assistant, sender):
    chat = Chat(assistant, sender)
    _start_interview(chat)
    chat.say("ik heb MS")
    assert chat.question == 2, chat.text
    chat.say("ik wil toch niet dat je dit bewaart, verwijder mijn gegevens")
    assert "gewist" in chat.text and chat.question is None
    assert _rows(assistant, sender) == []


def test_message_text_is_not_in_the_server_log(assistant, sender):
    token = f"kwispeltaart{uuid.uuid4().hex[:6]}"
    chat = Chat(assistant, sender)
    for message in (f"hallo, ik ben {token}",
                    f"mijn collega {token} snapt niet dat ik altijd moe ben, tips?",
                    f"wat weet je over mij, {token}?"):
        chat.say(message)
    time.sleep(1)
    log = assistant.log()
    assert "Werkbaar is klaar" in log  # the log is the servers' real output
    assert token not in log


def test_the_http_api_needs_the_token(assistant, sender):
    Chat(assistant, sender).say("hallo")
    url = f"{assistant.url}/conversations/{sender}/tracker"
    assert requests.get(url, timeout=10).status_code in (401, 403)
    assert requests.get(url, params={"token": "fout"}, timeout=10).status_code in (401, 403)
    response = requests.get(url, params={"token": assistant.api_token}, timeout=10)
    assert response.status_code == 200
    users = [e for e in response.json()["events"] if e["event"] == "user"]
    assert [e["text"] for e in users] == [TEXT_NOT_KEPT]


@pytest.mark.slow
def test_restart_mid_interview_continues_and_old_conversations_are_removed(tmp_path: Path):
    data = tmp_path / "data"
    running = start_assistant(data)
    try:
        chat, old = Chat(running, "interview"), Chat(running, "old-one")
        old.say("hallo")
        _start_interview(chat)
        chat.say("diabetes")
        chat.say("het wisselt per dag")
        assert chat.question == 3
    finally:
        assert running.stop() == 0
    engine = sa.create_engine(_url(running))
    with engine.begin() as connection:
        connection.execute(sa.text("UPDATE events SET timestamp = timestamp - :s "
                                   "WHERE sender_id = 'old-one'"), {"s": 31 * DAY})
    engine.dispose()

    running = start_assistant(data)
    try:
        assert "Bewaartermijn 30 dagen: 1 oud gesprek verwijderd." in running.log()
        assert _rows(running, "old-one") == []
        chat.assistant = running
        chat.say("hoge werkdruk")
        assert chat.question == 4, chat.text  # where it was, with the stored answers
        assert _slots(_rows(running, "interview"))["energie"] == "het wisselt per dag"
    finally:
        running.stop()
