"""Redis lock store for several Rasa replicas: atomic tickets that work as renewed leases.

Rasa processes one message per conversation at a time by taking a ticket from the lock store.
Its own `RedisLockStore` has two weaknesses once several replicas share it:

1. Tickets are read, changed in Python and written back (GET ... SET). Two replicas that take
   a ticket for the same conversation at the same moment can both read the empty lock, both
   write ticket 0 and both believe it is their turn. Here every read-modify-write runs in a
   Redis transaction (WATCH/MULTI/EXEC, retried on conflict).
2. A ticket expires a fixed time (`TICKET_LOCK_LIFETIME`) after it was *issued*. A message
   that waited in the queue gets less time to run, a turn slower than the lifetime loses its
   lock while it still runs, and a waiting ticket that expires leaves its message stuck.
   Here a live owner renews its ticket: on every poll while it waits, and every third of the
   lifetime while it holds the lock.

So the lifetime only says how long a conversation stays blocked after the replica that holds
(or waits for) its lock is killed: its ticket is no longer renewed and expires; the next
message of that conversation, waiting on a surviving replica, then goes on, in order.
`werkbaar productie` sets the lifetime from WERKBAAR_LOCK_LIFETIME. Each lock key also gets a
Redis expiry, so nothing of a dead replica stays behind.

Endpoints file (written by bot/endpoints.py from WERKBAAR_LOCK_STORE_URL):

    lock_store:
      type: bot.lock_store.WerkbaarRedisLockStore
      url: 127.0.0.1        # host
      port: 6379
      db: 1
      key_prefix: werkbaar

The password is not written to that file: it is read at start-up from WERKBAAR_REDIS_PASSWORD
or from the password part of WERKBAAR_LOCK_STORE_URL (an explicit `password:` also works).
"""
from __future__ import annotations

import asyncio
import json
import logging
import math
import os
import time
from contextlib import asynccontextmanager, suppress
from typing import Any, AsyncGenerator, Callable, Optional, Text, Tuple, TypeVar

from rasa.core import lock_store as rasa_lock_store
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)

T = TypeVar("T")
POLL_S = 0.1  # how often a waiting message checks whether it is its turn
KEY_GRACE_S = 30  # a lock key outlives its last ticket by this much


def redis_password() -> Optional[str]:
    """WERKBAAR_REDIS_PASSWORD, else the password in WERKBAAR_LOCK_STORE_URL, else None."""
    from urllib.parse import unquote, urlsplit

    explicit = os.environ.get("WERKBAAR_REDIS_PASSWORD", "")
    if explicit:
        return explicit
    url = os.environ.get("WERKBAAR_LOCK_STORE_URL", "")
    password = urlsplit(url).password if url else None
    return unquote(password) if password else None


class WerkbaarRedisLockStore(RedisLockStore):
    """`RedisLockStore` with atomic ticket handling (see the module docstring)."""

    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **kwargs: Any) -> None:
        options = dict(endpoint_config.kwargs) if endpoint_config else {}
        options.update(kwargs)
        host = options.pop("host", None) or (endpoint_config.url if endpoint_config else None)
        options.setdefault("password", redis_password())
        allowed = {"port", "db", "username", "password", "use_ssl", "ssl_certfile",
                   "ssl_keyfile", "ssl_ca_certs", "key_prefix", "socket_timeout"}
        unknown = set(options) - allowed
        if unknown:
            logger.warning("lock store: ignoring unknown settings %s", sorted(unknown))
        super().__init__(host=host or "localhost",
                         **{k: v for k, v in options.items() if k in allowed})
        self.red.ping()  # fail at start-up, not at the first message

    # -- atomic read-modify-write ---------------------------------------------------------
    def _change(self, conversation_id: Text,
                change: Callable[[Optional[TicketLock]], Tuple[Optional[TicketLock], T]],
                delete_if_none: bool = True) -> T:
        """Apply `change` to the stored lock inside one Redis transaction.

        `change` gets the current lock (or None) and returns (lock to store, result). A
        returned None lock deletes the key when `delete_if_none`, else leaves it alone.
        """
        key = self.key_prefix + conversation_id
        outcome: list = []

        def transaction(pipe) -> None:
            outcome.clear()
            raw = pipe.get(key)
            current = TicketLock.from_dict(json.loads(raw)) if raw else None
            new, result = change(current)
            outcome.append(result)
            pipe.multi()
            if new is None:
                if delete_if_none:
                    pipe.delete(key)
            else:
                pipe.set(key, new.dumps(), ex=_key_ttl(new))

        self.red.transaction(transaction, key)
        return outcome[0]

    def issue_ticket(self, conversation_id: Text,
                     lock_lifetime: float = rasa_lock_store.LOCK_LIFETIME) -> int:
        def issue(lock: Optional[TicketLock]):
            lock = lock or self.create_lock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._change(conversation_id, issue)
        except Exception as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: Text) -> None:
        def drop_expired(lock: Optional[TicketLock]):
            if lock is not None:
                lock.remove_expired_tickets()
            return lock, None

        self._change(conversation_id, drop_expired, delete_if_none=False)

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        def finish(lock: Optional[TicketLock]):
            if lock is not None:
                lock.remove_ticket_for(ticket_number)
            return lock, None

        self._change(conversation_id, finish, delete_if_none=False)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        """Return the ticket; delete the lock when nobody else waits (one transaction)."""
        def release(lock: Optional[TicketLock]):
            if lock is None:
                return None, None
            lock.remove_ticket_for(ticket_number)
            return (lock if lock.is_someone_waiting() else None), None

        self._change(conversation_id, release)

    @asynccontextmanager
    async def lock(self, conversation_id: Text,
                   lock_lifetime: float = rasa_lock_store.LOCK_LIFETIME,
                   wait_time_in_seconds: float = POLL_S) -> AsyncGenerator[TicketLock, None]:
        """Take a ticket, wait for its turn, hold the lock while the body runs.

        Unlike Rasa's version, a ticket is a lease that its live owner keeps renewing: while
        waiting (every poll) and while holding (every third of the lifetime). So a slow turn
        never loses its lock, a message that waited long still gets the full lifetime, and a
        ticket of a dead replica expires `lock_lifetime` seconds after its last renewal.
        """
        ticket = self.issue_ticket(conversation_id, lock_lifetime)
        keep_alive: Optional[asyncio.Task] = None
        try:
            lock = await self._wait_for_turn(conversation_id, ticket, lock_lifetime,
                                             wait_time_in_seconds)
            keep_alive = asyncio.ensure_future(
                self._keep_alive(conversation_id, ticket, lock_lifetime))
            yield lock
        finally:
            if keep_alive is not None:
                keep_alive.cancel()
                with suppress(asyncio.CancelledError):
                    await keep_alive
            self.cleanup(conversation_id, ticket)

    def _renew(self, conversation_id: Text, ticket_number: int,
               lock_lifetime: float) -> Tuple[Optional[TicketLock], bool]:
        """Drop expired tickets and extend ours; returns (lock, whether our ticket exists)."""
        def renew(lock: Optional[TicketLock]):
            if lock is None:
                return None, (None, False)
            lock.remove_expired_tickets()
            for ticket in lock.tickets:
                if ticket.number == ticket_number:
                    ticket.expires = time.time() + lock_lifetime
                    return lock, (lock, True)
            return lock, (lock, False)

        return self._change(conversation_id, renew, delete_if_none=False)

    async def _wait_for_turn(self, conversation_id: Text, ticket: int, lock_lifetime: float,
                             wait_time_in_seconds: float) -> TicketLock:
        while True:
            # A plain read per poll; a (write) renewal only when a third of the lease is used
            # up or when it is our turn, so waiting messages do not contend in Redis.
            lock = self.get_lock(conversation_id)
            mine = next((t for t in lock.tickets if t.number == ticket and not t.has_expired()),
                        None) if lock else None
            if mine is not None and (not lock.is_locked(ticket)
                                     or mine.expires - time.time() < lock_lifetime * 2 / 3):
                lock, ours = self._renew(conversation_id, ticket, lock_lifetime)
                mine = mine if ours else None
            if lock is None or mine is None:
                # Only when this process could not renew for a whole lifetime (stalled).
                raise LockError(
                    f"Could not acquire lock for conversation_id '{conversation_id}'.")
            if not lock.is_locked(ticket):
                return lock
            await asyncio.sleep(wait_time_in_seconds)

    async def _keep_alive(self, conversation_id: Text, ticket: int,
                          lock_lifetime: float) -> None:
        while True:
            await asyncio.sleep(max(0.5, lock_lifetime / 3))
            try:
                _, ours = self._renew(conversation_id, ticket, lock_lifetime)
            except Exception:  # Redis hiccup: try again at the next beat
                logger.warning("lock store: could not renew a conversation lock",
                               exc_info=True)
                continue
            if not ours:
                logger.warning("lock store: a conversation lock expired while held "
                               "(event loop blocked longer than the lock lifetime?)")
                return


def _key_ttl(lock: TicketLock) -> int:
    latest = max((ticket.expires for ticket in lock.tickets), default=time.time())
    return max(1, math.ceil(latest - time.time()) + KEY_GRACE_S)
