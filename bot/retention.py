"""Stored conversations in the tracker database: erase one, remove old ones, count what is kept.

Plain SQLAlchemy over Rasa's `events` table (sender_id, type_name, timestamp, ...), so the
`werkbaar gegevens` commands and the action server can use it without loading Rasa. The same
functions serve the tracker store (bot/tracker_store.py) with its own engine.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from functools import lru_cache
from typing import List, Optional, Union

import sqlalchemy as sa
from sqlalchemy.engine import Engine

TABLE = "events"
DAY_S = 24 * 3600
_CHUNK = 500

events = sa.table(
    TABLE,
    sa.column("id", sa.Integer),
    sa.column("sender_id", sa.String),
    sa.column("type_name", sa.String),
    sa.column("timestamp", sa.Float),
    sa.column("intent_name", sa.String),
    sa.column("action_name", sa.String),
    sa.column("data", sa.Text),
)

EngineOrUrl = Union[Engine, str]


@lru_cache(maxsize=8)
def _engine(url: str) -> Engine:
    return sa.create_engine(url, future=True)


def engine_for(store: EngineOrUrl) -> Engine:
    return _engine(store) if isinstance(store, str) else store


def _has_table(engine: Engine) -> bool:
    return sa.inspect(engine).has_table(TABLE)


@dataclass(frozen=True)
class Facts:
    """What is stored for one conversation."""

    events: int
    user_messages: int
    first: Optional[float]
    last: Optional[float]


def conversation_facts(store: EngineOrUrl, sender_id: str) -> Facts:
    engine = engine_for(store)
    if not _has_table(engine):
        return Facts(0, 0, None, None)
    with engine.connect() as connection:
        row = connection.execute(
            sa.select(sa.func.count(), sa.func.min(events.c.timestamp),
                      sa.func.max(events.c.timestamp))
            .where(events.c.sender_id == sender_id)).one()
        users = connection.execute(
            sa.select(sa.func.count()).where(events.c.sender_id == sender_id,
                                             events.c.type_name == "user")).scalar_one()
    return Facts(int(row[0]), int(users), row[1], row[2])


def erase_conversation(store: EngineOrUrl, sender_id: str) -> int:
    """Delete every stored event of one conversation (all sessions); returns the row count."""
    engine = engine_for(store)
    if not _has_table(engine):
        return 0
    with engine.begin() as connection:
        result = connection.execute(sa.delete(events).where(events.c.sender_id == sender_id))
    return int(result.rowcount or 0)


def old_conversations(store: EngineOrUrl, days: float, now: Optional[float] = None) -> List[str]:
    """Conversations whose newest event is older than `days` days."""
    engine = engine_for(store)
    if not _has_table(engine):
        return []
    cutoff = (time.time() if now is None else now) - days * DAY_S
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(events.c.sender_id).group_by(events.c.sender_id)
            .having(sa.func.max(events.c.timestamp) < cutoff)).all()
    return [row[0] for row in rows]


def purge_older_than(store: EngineOrUrl, days: float, now: Optional[float] = None) -> int:
    """Remove conversations not used for more than `days` days; returns how many."""
    if days < 0:
        raise ValueError("days must be 0 or more")
    engine = engine_for(store)
    cutoff = (time.time() if now is None else now) - days * DAY_S
    senders = old_conversations(engine, days, now)
    # Checked again in the DELETE itself: a conversation that got a new message meanwhile stays.
    still_old = (sa.select(events.c.sender_id).group_by(events.c.sender_id)
                 .having(sa.func.max(events.c.timestamp) < cutoff))
    for start in range(0, len(senders), _CHUNK):
        chunk = senders[start:start + _CHUNK]
        with engine.begin() as connection:
            connection.execute(sa.delete(events).where(
                events.c.sender_id.in_(chunk), events.c.sender_id.in_(still_old)))
    return len(senders)


def conversations_text(count: int) -> str:
    """'1 oud gesprek' / '3 oude gesprekken' (Dutch, for command-line output)."""
    return "1 oud gesprek" if count == 1 else f"{count} oude gesprekken"


def purge_at_start(tracker_url: str, days: int) -> str:
    """Remove conversations older than the retention period before the servers start; a Dutch
    line for the start-up output. A store that is not reachable yet is no reason to stop: the
    tracker store itself purges again while running (bot/tracker_store.py)."""
    try:
        removed = purge_older_than(tracker_url, days)
    except Exception as error:
        return f"Bewaartermijn {days} dagen: opruimen lukte nu niet ({type(error).__name__})."
    return f"Bewaartermijn {days} dagen: {conversations_text(removed)} verwijderd."
