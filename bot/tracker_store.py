"""Rasa's SQL tracker store, storing the minimum (AVG/GDPR).

Before an event is written:
- a user message keeps its intent and entities (all that Rasa's policies use), but its text is
  replaced by `TEXT_NOT_KEPT`, in `text` and in `parse_data`;
- free-text slot values (the interview answers) and everything the bot said (it reads answers
  back, and the summary download contains them) are de-identified (bot/deidentify.py).
Within a turn the actions still see the user's own words: Rasa keeps the tracker in memory
until the turn ends and then saves only the new events.

'verwijder mijn gegevens' runs `ERASE_ACTION`; when a save contains it, every stored row of
that conversation is deleted and nothing of the turn is written: the next message starts a new
conversation. Conversations not used for `retention_days` are removed at start-up (bot/cli.py)
and every `PURGE_INTERVAL_S` while running.

Configured in the endpoints file (bot/endpoints.py):
    tracker_store: {type: bot.tracker_store.PrivacyTrackerStore, dialect: ..., db: ...,
                    retention_days: 30}
"""
from __future__ import annotations

import copy
import hashlib
import itertools
import json
import logging
import threading
import time
import weakref
from collections import OrderedDict
from typing import Any, Dict, List, Optional, Set, Text

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Event, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy import create_engine, event
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

from bot import retention
from bot.deidentify import NOTHING_KEPT, Keep, deidentify, knowledge_keep

logger = logging.getLogger(__name__)

TEXT_NOT_KEPT = "[bericht niet bewaard]"
ERASE_ACTION = "action_erase_my_data"
PURGE_INTERVAL_S = 3600
FREE_TEXT_SLOT_TYPES = ("text", "any")
# Set on a tracker this store read or saved: how many of its events are stored (as Rasa counts
# them, since the last session start), so its next save need not count them in SQL.
STORED_ATTRIBUTE = "_werkbaar_stored_events"


# De-identified texts by a digest of the original: the bot sends the same advice texts over
# and over (17 texts per message, 2.2 ms, bench/profile.py). Only a digest of the original is
# kept, never its words; the value is what the database stores anyway. One memory per `Keep`
# (what a store leaves in), gone with it.
_SCRUBBED: "weakref.WeakKeyDictionary[Keep, OrderedDict[bytes, str]]" = \
    weakref.WeakKeyDictionary()
SCRUBBED_MAX = 4096
_SCRUBBED_LOCK = threading.Lock()


def _deidentified(text: str, keep: Keep) -> str:
    key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    with _SCRUBBED_LOCK:
        memory = _SCRUBBED.setdefault(keep, OrderedDict())
        found = memory.get(key)
        if found is not None:
            memory.move_to_end(key)
            return found
    found = deidentify(text, keep)
    with _SCRUBBED_LOCK:
        memory[key] = found
        if len(memory) > SCRUBBED_MAX:
            memory.popitem(last=False)
    return found


def _scrub(value: Any, keep: Keep) -> Any:
    """De-identify every string inside a JSON-like value."""
    if isinstance(value, str):
        return _deidentified(value, keep) if value else value
    if isinstance(value, list):
        return [_scrub(v, keep) for v in value]
    if isinstance(value, dict):
        return {k: _scrub(v, keep) for k, v in value.items()}
    return value


def redact_event(data: Dict[Text, Any], free_text_slots: Set[Text],
                 keep: Keep = NOTHING_KEPT) -> Dict[Text, Any]:
    """The event (as `Event.as_dict()`) as it may be stored; the input is not changed."""
    data = copy.deepcopy(data)
    kind = data.get("event")
    if kind == "user":
        if data.get("text") is not None:
            data["text"] = TEXT_NOT_KEPT
        parse_data = data.get("parse_data") or {}
        if parse_data.get("text") is not None:
            parse_data["text"] = TEXT_NOT_KEPT
        for entity in parse_data.get("entities") or []:
            entity["value"] = _scrub(entity.get("value"), keep)
        if data.get("metadata"):
            data["metadata"] = _scrub(data["metadata"], keep)
    elif kind == "bot":
        data["text"] = _scrub(data.get("text"), keep)
        data["data"] = _scrub(data.get("data"), keep)
        if data.get("metadata"):
            data["metadata"] = _scrub(data["metadata"], keep)
    elif kind == "slot" and data.get("name") in free_text_slots:
        data["value"] = _scrub(data.get("value"), keep)
    elif kind == "entities":
        for entity in data.get("entities") or []:
            entity["value"] = _scrub(entity.get("value"), keep)
    return data


def _pooled_write_ahead_log(engine: Any) -> Any:
    """The embedded SQLite database in write-ahead-log mode, synced at checkpoints, on a pool
    of open connections. SQLAlchemy 1.4 opens a new connection per session for a SQLite file
    (NullPool), and closing the last connection of a WAL database checkpoints and syncs it:
    the commit and the read of a turn took 4.2 and 2.7 ms (bench/profile.py, session 11). The
    database stays consistent after a crash; a power cut may lose the last turns, not older
    ones. Returns the engine to use; PostgreSQL (production) is not touched."""
    if engine.url.database in (None, "", ":memory:"):
        return engine
    url = engine.url
    engine.dispose()
    # Rasa calls the store from its event loop; other threads (the conversation endpoints,
    # the purge) only ever hold a pooled connection one at a time.
    engine = create_engine(url, poolclass=QueuePool, pool_size=2,
                           max_overflow=8, connect_args={"check_same_thread": False})

    def on_connect(connection: Any, _record: Any) -> None:
        cursor = connection.cursor()
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    event.listen(engine, "connect", on_connect)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA journal_mode=WAL")
    return engine


def erase_requested(events: List[Event]) -> bool:
    return any(isinstance(e, ActionExecuted) and e.action_name == ERASE_ACTION for e in events)


class PrivacyTrackerStore(SQLTrackerStore):
    """SQLTrackerStore that stores no message text, de-identifies the rest, and erases."""

    def __init__(self, domain: Optional[Domain] = None, retention_days: int = 30,
                 event_broker: Optional[EventBroker] = None, **kwargs: Any) -> None:
        super().__init__(domain=domain, event_broker=event_broker, **kwargs)
        self.retention_days = int(retention_days)
        try:
            self.keep = knowledge_keep()
        except Exception as error:  # the store must work without the knowledge content
            logger.warning("privacy: organisation names not loaded (%s)", type(error).__name__)
            self.keep = NOTHING_KEPT
        self._next_purge = time.monotonic() + PURGE_INTERVAL_S
        if self.engine.dialect.name == "sqlite":
            self.engine = _pooled_write_ahead_log(self.engine)
            self.sessionmaker = sessionmaker(bind=self.engine)

    def free_text_slots(self) -> Set[Text]:
        return {s.name for s in self.domain.slots if s.type_name in FREE_TEXT_SLOT_TYPES}

    def redact(self, event: Event) -> Dict[Text, Any]:
        return redact_event(event.as_dict(), self.free_text_slots(), self.keep)

    async def _stream_new_events(self, event_broker: EventBroker, new_events: List[Event],
                                 sender_id: Text) -> None:
        """An event broker gets the same redacted events as the database."""
        for event in new_events:
            body = {"sender_id": sender_id}
            body.update(self.redact(event))
            event_broker.publish(body)

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        tracker = await super().retrieve(sender_id)
        if tracker is not None:
            setattr(tracker, STORED_ATTRIBUTE, len(tracker.events))
        return tracker

    @staticmethod
    def _known_stored(tracker: DialogueStateTracker) -> Optional[int]:
        """How many of this tracker's events are stored, when this store read (or wrote)
        them with this very tracker object (a copy does not carry the number): the
        conversation lock keeps every other process out between the read at the start of a
        turn and its save. Else None: count them."""
        stored = getattr(tracker, STORED_ATTRIBUTE, None)
        if stored is None or stored > len(tracker.events):
            return None
        return stored

    def _additional_events(self, session: Any, tracker: DialogueStateTracker):
        """The events not stored yet. Counting the stored ones is an SQL query with a
        sub-query (3-4 ms, bench/profile.py); after this process read the tracker in this turn
        the number is known."""
        stored = self._known_stored(tracker)
        if stored is None:
            return super()._additional_events(session, tracker)
        return itertools.islice(tracker.events, stored, len(tracker.events))

    async def save(self, tracker: DialogueStateTracker) -> None:
        # One session and one count of the stored events per save (bench/profile.py: the
        # stored events were counted twice, 6% of a message).
        with self.session_scope() as session:
            new_events = list(self._additional_events(session, tracker))
            erase = erase_requested(new_events)
            if not erase:
                slots = self.free_text_slots()
                for event in new_events:
                    data = redact_event(event.as_dict(), slots, self.keep)
                    intent = (data.get("parse_data") or {}).get("intent", {}).get(
                        INTENT_NAME_KEY)
                    session.add(self.SQLEvent(
                        sender_id=tracker.sender_id,
                        type_name=event.type_name,
                        timestamp=data.get("timestamp"),
                        intent_name=intent,
                        action_name=data.get("name"),
                        data=json.dumps(data),
                    ))
                session.commit()
                # Rasa counts from the last session start: unchanged, plus what was added;
                # after a new session start, count again.
                setattr(tracker, STORED_ATTRIBUTE, None if any(
                    isinstance(e, SessionStarted) for e in new_events) else len(tracker.events))
        if erase:
            setattr(tracker, STORED_ATTRIBUTE, None)  # nothing of it is stored any more
            removed = retention.erase_conversation(self.engine, tracker.sender_id)
            logger.info("privacy: a conversation was erased on request (%d events)", removed)
            return
        if self.event_broker is not None:  # the same new events, redacted
            await self._stream_new_events(self.event_broker, new_events, tracker.sender_id)
        self._purge_if_due()

    def _purge_if_due(self) -> None:
        if time.monotonic() < self._next_purge:
            return
        self._next_purge = time.monotonic() + PURGE_INTERVAL_S
        try:
            removed = retention.purge_older_than(self.engine, self.retention_days)
        except Exception as error:  # never lose a turn over the clean-up
            logger.warning("privacy: removing old conversations failed (%s)",
                           type(error).__name__)
            return
        if removed:
            logger.info("privacy: %d conversations older than %d days removed",
                        removed, self.retention_days)
