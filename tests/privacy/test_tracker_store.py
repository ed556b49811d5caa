"""bot/tracker_store.py and bot/retention.py against real databases (SQLite and a throwaway
PostgreSQL), created the way `werkbaar run` creates them: the endpoints file written by
bot/endpoints.py, read by Rasa's own tracker store factory. Rows are read back with plain SQL."""
from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import create_tracker_store
from rasa.core.utils import AvailableEndpoints
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (ActionExecuted, BotUttered, SessionStarted, SlotSet,
                                     UserUttered)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.endpoints import write_endpoints
from bot.paths import PROJECT_ROOT
from bot.retention import purge_older_than
from bot.settings import Settings
from bot.tracker_store import ERASE_ACTION, TEXT_NOT_KEPT, PrivacyTrackerStore

DOMAIN = Domain.load(str(PROJECT_ROOT / "domain.yml"))
STORY = ("ik ben zo moe na het werk en mijn leidinggevende Piet de Vries snapt het niet, "
         "bel me op 06-12345678 of mail piet.devries@example.nl")
DAY = 24 * 3600


def _store(url: str, data_dir: Path) -> PrivacyTrackerStore:
    endpoints = write_endpoints(Settings(data=data_dir, tracker_url=url))
    store = create_tracker_store(AvailableEndpoints.read_endpoints(str(endpoints)).tracker_store,
                                 DOMAIN)
    assert isinstance(store, PrivacyTrackerStore), type(store)  # no silent in-memory fallback
    return store


def _rows(url: str, sender: str | None = None) -> list[tuple]:
    engine = sa.create_engine(url)
    query = "SELECT id, sender_id, type_name, intent_name, action_name, timestamp, data FROM events"
    with engine.connect() as connection:
        if sender is None:
            rows = connection.execute(sa.text(query + " ORDER BY id")).all()
        else:
            rows = connection.execute(sa.text(query + " WHERE sender_id = :s ORDER BY id"),
                                      {"s": sender}).all()
    engine.dispose()
    return [tuple(r) for r in rows]


def _age(url: str, sender: str, days: float) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(sa.text("UPDATE events SET timestamp = timestamp - :s "
                                   "WHERE sender_id = :id"), {"s": days * DAY, "id": sender})
    engine.dispose()


def _user(text: str, intent: str, entities=None) -> UserUttered:
    entities = entities or []
    return UserUttered(text, intent={"name": intent, "confidence": 0.93}, entities=entities,
                       parse_data={"text": text, "intent": {"name": intent, "confidence": 0.93},
                                   "entities": entities,
                                   "intent_ranking": [{"name": intent, "confidence": 0.93}]})


def _first_turn(sender: str, story: str = STORY) -> DialogueStateTracker:
    tracker = DialogueStateTracker(sender, DOMAIN.slots)
    for event in [
        ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
        _user(story, "share_situation"),
        ActionExecuted("action_capture_story"),
        SlotSet("steun", "mijn leidinggevende Piet de Vries snapt het niet, bel me op 06-12345678"),
        SlotSet("story_topics", ["steun", "energie"]),
        BotUttered("Dit hoorde ik:\n- Steun: 'mijn leidinggevende Piet de Vries snapt het niet, "
                   "bel me op 06-12345678'", data={"buttons": [{"title": "Klopt",
                                                                 "payload": "/affirm"}]}),
        ActionExecuted("action_listen"),
    ]:
        tracker.update(event)
    return tracker


def _save(store, tracker) -> None:
    asyncio.run(store.save(tracker))


def test_no_message_text_and_no_identifiers_are_stored(tracker_url, tmp_path):
    store = _store(tracker_url, tmp_path)
    _save(store, _first_turn("s1"))
    rows = _rows(tracker_url, "s1")
    stored = "\n".join(r[6] for r in rows)
    assert len(rows) == 9
    for secret in ("zo moe na het werk", "Piet", "Vries", "06-12345678", "example.nl"):
        assert secret not in stored, secret
    user = [json.loads(r[6]) for r in rows if r[2] == "user"]
    assert [u["text"] for u in user] == [TEXT_NOT_KEPT]
    assert user[0]["parse_data"]["text"] == TEXT_NOT_KEPT
    assert user[0]["parse_data"]["intent"]["name"] == "share_situation"
    assert [r[3] for r in rows if r[2] == "user"] == ["share_situation"]
    slot = next(json.loads(r[6]) for r in rows if r[2] == "slot" and r[4] == "steun")
    assert slot["value"] == "mijn leidinggevende [naam] snapt het niet, bel me op [telefoon]"
    topics = next(json.loads(r[6]) for r in rows if r[2] == "slot" and r[4] == "story_topics")
    assert topics["value"] == ["steun", "energie"]  # lists of ids are kept as they are
    bot = next(json.loads(r[6]) for r in rows if r[2] == "bot")
    assert "[naam]" in bot["text"] and "[telefoon]" in bot["text"]
    assert bot["data"]["buttons"][0]["payload"] == "/affirm"


def test_the_conversation_goes_on_from_the_store(tracker_url, tmp_path):
    """Rasa re-reads the tracker every turn: intents and de-identified slots come back, and
    a next turn adds only its own events."""
    store = _store(tracker_url, tmp_path)
    _save(store, _first_turn("s1"))
    tracker = asyncio.run(store.retrieve("s1"))
    assert tracker.latest_message.intent["name"] == "share_situation"
    assert tracker.latest_message.text == TEXT_NOT_KEPT
    assert tracker.get_slot("steun").startswith("mijn leidinggevende [naam]")
    for event in [_user("ja klopt, ik heet Sandra", "affirm"), ActionExecuted("interview_form"),
                  ActionExecuted("action_listen")]:
        tracker.update(event)
    _save(store, tracker)
    rows = _rows(tracker_url, "s1")
    assert len(rows) == 12
    assert "Sandra" not in "".join(r[6] for r in rows)
    again = asyncio.run(store.retrieve("s1"))
    assert [e.as_dict()["event"] for e in again.events][-3:] == ["user", "action", "action"]
    assert again.latest_message.intent["name"] == "affirm"


def test_erase_deletes_every_row_of_that_conversation_only(tracker_url, tmp_path):
    store = _store(tracker_url, tmp_path)
    _save(store, _first_turn("erase-me"))
    _save(store, _first_turn("other", "ik heb reuma en werk in de zorg"))
    other_before = _rows(tracker_url, "other")
    tracker = asyncio.run(store.retrieve("erase-me"))
    for event in [_user("verwijder mijn gegevens", "delete_my_data"),
                  ActionExecuted(ERASE_ACTION), BotUttered("Klaar: ik heb alles gewist."),
                  ActionExecuted("action_listen")]:
        tracker.update(event)
    _save(store, tracker)
    assert _rows(tracker_url, "erase-me") == []
    assert _rows(tracker_url, "other") == other_before
    assert asyncio.run(store.retrieve("erase-me")) is None  # the next message starts afresh


def test_erase_in_the_very_first_turn_stores_nothing(tracker_url, tmp_path):
    store = _store(tracker_url, tmp_path)
    tracker = DialogueStateTracker("new", DOMAIN.slots)
    for event in [ActionExecuted("action_session_start"), SessionStarted(),
                  ActionExecuted("action_listen"), _user("vergeet mij", "delete_my_data"),
                  ActionExecuted(ERASE_ACTION), ActionExecuted("action_listen")]:
        tracker.update(event)
    _save(store, tracker)
    assert _rows(tracker_url, "new") == []


def test_retention_removes_only_conversations_idle_longer_than_the_period(tracker_url, tmp_path):
    store = _store(tracker_url, tmp_path)
    for sender in ("old", "recent", "old-but-active"):
        _save(store, _first_turn(sender))
    _age(tracker_url, "old", 31)
    _age(tracker_url, "old-but-active", 45)
    tracker = asyncio.run(store.retrieve("old-but-active"))  # ... with a new message today
    for event in [_user("hallo", "greet"), ActionExecuted("action_listen")]:
        tracker.update(event)
    _save(store, tracker)
    recent = _rows(tracker_url, "recent")
    assert purge_older_than(tracker_url, 30) == 1
    assert _rows(tracker_url, "old") == []
    assert _rows(tracker_url, "recent") == recent
    assert len(_rows(tracker_url, "old-but-active")) == 11
    assert purge_older_than(tracker_url, 30) == 0


def test_the_running_store_also_removes_old_conversations(tracker_url, tmp_path):
    store = _store(tracker_url, tmp_path)
    _save(store, _first_turn("old"))
    _age(tracker_url, "old", store.retention_days + 1)
    store._next_purge = time.monotonic()  # the hourly clean-up is due
    _save(store, _first_turn("today"))
    assert _rows(tracker_url, "old") == []
    assert len(_rows(tracker_url, "today")) == 9


def _werkbaar(args: list[str], data_dir: Path, url: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, WERKBAAR_DATA_DIR=str(data_dir), WERKBAAR_TRACKER_URL=url)
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_retention_and_erase_commands(tracker_url, tmp_path):
    store = _store(tracker_url, tmp_path)
    for sender in ("old-1", "old-2", "recent"):
        _save(store, _first_turn(sender))
    _age(tracker_url, "old-1", 8)
    _age(tracker_url, "old-2", 40)

    result = _werkbaar(["gegevens", "opruimen"], tmp_path, tracker_url)
    assert result.returncode == 0, result.stderr
    assert "1 oud gesprek verwijderd" in result.stdout.lower(), result.stdout
    assert _rows(tracker_url, "old-2") == [] and _rows(tracker_url, "old-1")

    result = _werkbaar(["gegevens", "opruimen", "--dagen", "7"], tmp_path, tracker_url)
    assert result.returncode == 0 and "1 oud gesprek verwijderd" in result.stdout.lower()
    assert _rows(tracker_url, "old-1") == [] and len(_rows(tracker_url, "recent")) == 9

    result = _werkbaar(["gegevens", "opruimen", "--dagen", "7"], tmp_path, tracker_url)
    assert result.returncode == 0 and "Niets verwijderd" in result.stdout

    result = _werkbaar(["gegevens", "verwijder", "recent"], tmp_path, tracker_url)
    assert result.returncode == 0 and "verwijderd (9 opgeslagen" in result.stdout, result.stdout
    assert _rows(tracker_url) == []
    result = _werkbaar(["gegevens", "verwijder", "recent"], tmp_path, tracker_url)
    assert result.returncode == 1 and "Geen gesprek gevonden" in result.stdout


def test_retention_setting_must_be_positive(monkeypatch):
    from bot.settings import retention_days

    monkeypatch.setenv("WERKBAAR_RETENTION_DAYS", "14")
    assert retention_days() == 14 and Settings().retention_days == 14
    monkeypatch.setenv("WERKBAAR_RETENTION_DAYS", "0")
    with pytest.raises(ValueError, match="1 of meer"):
        retention_days()


def test_the_greeting_states_the_default_retention():
    from bot.settings import DEFAULT_RETENTION_DAYS

    limits = DOMAIN.responses["utter_limits"][0]["text"]
    assert f"{DEFAULT_RETENTION_DAYS} dagen" in limits
    assert "wat weet je over mij" in limits and "verwijder mijn gegevens" in limits


def test_an_event_broker_gets_the_same_redacted_events(tmp_path):
    """With an event broker configured (Rasa's own SQL broker here), what it publishes is as
    redacted as the tracker database."""
    from rasa.core.brokers.sql import SQLEventBroker

    broker = SQLEventBroker(db=str(tmp_path / "broker.db"))
    store = PrivacyTrackerStore(domain=DOMAIN, event_broker=broker,
                                db=str(tmp_path / "tracker.db"))
    _save(store, _first_turn("s1"))
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'broker.db'}")
    with engine.connect() as connection:
        published = [r[0] for r in connection.execute(sa.text("SELECT data FROM events")).all()]
    engine.dispose()
    assert len(published) == 9
    text = "\n".join(published)
    for secret in ("zo moe na het werk", "Piet", "06-12345678", "example.nl"):
        assert secret not in text, secret
    assert TEXT_NOT_KEPT in text


def test_turns_saved_without_counting_store_every_event_once(tracker_url, tmp_path,
                                                             monkeypatch):
    """A turn's save uses the number of events its own read found instead of counting them in
    SQL; over several turns, a second save in one turn, a new session and a tracker object the
    store did not read (which is counted), every event is stored exactly once and the
    conversation reads back as it went."""
    store = _store(tracker_url, tmp_path)
    counted = []
    original = type(store).__mro__[1]._additional_events
    monkeypatch.setattr(type(store).__mro__[1], "_additional_events",
                        lambda self, session, tracker: counted.append(1)
                        or original(self, session, tracker))
    _save(store, _first_turn("s2"))  # not read by the store: counted
    assert len(counted) == 1
    expected = len(_rows(tracker_url, "s2"))
    for turn in range(3):
        tracker = asyncio.run(store.retrieve("s2"))
        tracker.update(_user(f"bericht {turn}", "ask_question"))
        tracker.update(ActionExecuted("action_answer_question"))
        _save(store, tracker)  # known from the read
        tracker.update(BotUttered(f"antwoord {turn}"))
        tracker.update(ActionExecuted("action_listen"))
        _save(store, tracker)  # known from the save before
        expected += 4
    assert len(counted) == 1
    tracker = asyncio.run(store.retrieve("s2"))
    # As Rasa logs it: the action's own event first, then the action (a later timestamp).
    started = SessionStarted()
    for event in (ActionExecuted("action_session_start"), started,
                  ActionExecuted("action_listen"), _user("nieuwe sessie", "greet")):
        tracker.update(event)
    _save(store, tracker)  # a new session, known from the read
    expected += 4
    assert len(counted) == 1
    tracker = asyncio.run(store.retrieve("s2"))
    assert tracker.latest_message.intent["name"] == "greet"
    tracker.update(ActionExecuted("utter_greet"))
    _save(store, tracker)
    expected += 1
    assert len(counted) == 1
    rows = _rows(tracker_url, "s2")
    assert len(rows) == expected
    assert len({(r[2], r[5], r[6]) for r in rows}) == len(rows)  # nothing stored twice
    again = asyncio.run(store.retrieve("s2"))
    assert [e.as_dict()["event"] for e in again.events][-2:] == ["user", "action"]
