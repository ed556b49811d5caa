"""The Redis lock store (bot/lock_store.py) against a real redis-server.

Several OS processes play Rasa replicas: each builds its lock store the way `rasa run` does
(from the endpoints file that bot/endpoints.py writes) and locks the same conversation many
times at once. Inside the lock, a shared Redis counter tracks how many holders there are; it
must never exceed one. A holder killed with SIGKILL must block the conversation only until its
ticket expires.
"""
from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import time
import uuid

import pytest
import redis

from bot.endpoints import lock_store_config, write_endpoints
from bot.settings import Settings

pytestmark = [pytest.mark.production, pytest.mark.timeout(180)]


def _endpoints(tmp_path, url: str):
    settings = Settings(lock_store_url=url, data=tmp_path)
    return write_endpoints(settings)


def _store_from_file(path):
    """Exactly what `rasa run --endpoints <path>` does to build its lock store."""
    from rasa.core.lock_store import LockStore
    from rasa.utils.endpoints import read_endpoint_config

    return LockStore.create(read_endpoint_config(str(path), "lock_store"))


def test_lock_store_config_from_url(monkeypatch):
    monkeypatch.setenv("WERKBAAR_LOCK_KEY_PREFIX", "wb1")
    config = lock_store_config("redis://:geheim@10.0.0.7:6380/3")
    assert config == {"type": "bot.lock_store.WerkbaarRedisLockStore", "url": "10.0.0.7",
                      "port": 6380, "db": 3, "key_prefix": "wb1"}
    assert lock_store_config("rediss://cache.internal/1")["use_ssl"] is True
    assert lock_store_config("") is None
    for wrong in ("http://127.0.0.1:6379/1", "redis://127.0.0.1:6379/een"):
        with pytest.raises(ValueError):
            lock_store_config(wrong)


def test_password_comes_from_the_environment_not_the_file(tmp_path, monkeypatch,
                                                          redis_server):
    from bot.lock_store import WerkbaarRedisLockStore

    url = redis_server.url(2)
    path = _endpoints(tmp_path, url)
    assert redis_server.password not in path.read_text()

    monkeypatch.delenv("WERKBAAR_REDIS_PASSWORD", raising=False)
    monkeypatch.delenv("WERKBAAR_LOCK_STORE_URL", raising=False)
    with pytest.raises(redis.exceptions.RedisError):  # no password: refused at start-up
        _store_from_file(path)

    monkeypatch.setenv("WERKBAAR_LOCK_STORE_URL", url)  # password inside the URL
    store = _store_from_file(path)
    assert isinstance(store, WerkbaarRedisLockStore)
    assert store.issue_ticket("gesprek-a") == 0 and store.issue_ticket("gesprek-a") == 1

    monkeypatch.setenv("WERKBAAR_LOCK_STORE_URL", redis_server.url(2, with_password=False))
    monkeypatch.setenv("WERKBAAR_REDIS_PASSWORD", redis_server.password)
    assert _store_from_file(path).issue_ticket("gesprek-a") == 2
    # Keys carry the prefix and an expiry, so nothing outlives its tickets for long.
    key = "werkbaar:lock:gesprek-a"
    assert redis_server.client(2).exists(key) and 0 < redis_server.client(2).ttl(key) <= 90


def _replica(endpoints: str, env: dict, conversation: str, tasks: int, rounds: int,
             counter_db: int, password: str, port: int) -> None:
    """One "replica": `tasks` concurrent handlers, each locking `conversation` `rounds` times."""
    os.environ.update(env)
    store = _store_from_file(endpoints)
    counter = redis.StrictRedis(host="127.0.0.1", port=port, db=counter_db, password=password)

    async def handler() -> None:
        for _ in range(rounds):
            async with store.lock(conversation, lock_lifetime=30, wait_time_in_seconds=0.01):
                if counter.incr("holders") > 1:
                    counter.incr("violations")
                counter.incr("entries")
                await asyncio.sleep(0.002)
                counter.decr("holders")

    async def main() -> None:
        await asyncio.gather(*(handler() for _ in range(tasks)))

    asyncio.run(main())


def test_one_holder_at_a_time_across_processes(tmp_path, redis_server):
    """4 processes x 4 tasks x 15 rounds on one conversation: never two holders at once."""
    path = _endpoints(tmp_path, redis_server.url(3, with_password=False))
    env = {"WERKBAAR_REDIS_PASSWORD": redis_server.password}
    counter = redis_server.client(4)
    counter.flushdb()
    conversation = f"gesprek-{uuid.uuid4().hex[:8]}"
    context = multiprocessing.get_context("fork")
    processes = [context.Process(target=_replica, args=(
        str(path), env, conversation, 4, 15, 4, redis_server.password, redis_server.port))
        for _ in range(4)]
    start = time.monotonic()
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
    stuck = [p for p in processes if p.is_alive()]
    for process in stuck:
        process.kill()
    assert not stuck, "a replica process did not finish within 120 s"
    assert all(p.exitcode == 0 for p in processes), [p.exitcode for p in processes]
    entries = int(counter.get("entries") or 0)
    violations = int(counter.get("violations") or 0)
    print(f"\nlock store: {entries} lock holds by 4 processes in "
          f"{time.monotonic() - start:.1f} s, {violations} overlapping holds")
    assert entries == 4 * 4 * 15
    assert violations == 0
    assert not redis_server.client(3).exists(f"werkbaar:lock:{conversation}")


def _hold(endpoints: str, env: dict, conversation: str, flag_port: int, password: str,
          lifetime: float, seconds: float) -> None:
    """Take the lock, flag "held", keep it `seconds`, flag "released" (unless killed)."""
    os.environ.update(env)
    store = _store_from_file(endpoints)
    flags = redis.StrictRedis(host="127.0.0.1", port=flag_port, db=5, password=password)

    async def main() -> None:
        async with store.lock(conversation, lock_lifetime=lifetime):
            flags.set(conversation, "held")
            await asyncio.sleep(seconds)
            flags.set(conversation, "released")

    asyncio.run(main())


def _start_holder(path, redis_server, conversation: str, lifetime: float, seconds: float):
    env = {"WERKBAAR_REDIS_PASSWORD": redis_server.password}
    holder = multiprocessing.get_context("fork").Process(target=_hold, args=(
        str(path), env, conversation, redis_server.port, redis_server.password, lifetime,
        seconds))
    holder.start()
    flags = redis_server.client(5)
    deadline = time.monotonic() + 30
    while flags.get(conversation) != b"held":
        if not holder.is_alive() or time.monotonic() > deadline:
            holder.kill()
            pytest.fail("the holder process did not take the lock")
        time.sleep(0.05)
    return holder, time.monotonic()


def _take(store, conversation: str, lifetime: float, since: float, timeout: float) -> float:
    async def take() -> float:
        async with store.lock(conversation, lock_lifetime=lifetime):
            return time.monotonic() - since

    return asyncio.run(asyncio.wait_for(take(), timeout=timeout))


def test_killed_holder_blocks_only_until_its_ticket_expires(tmp_path, monkeypatch,
                                                          redis_server):
    path = _endpoints(tmp_path, redis_server.url(3, with_password=False))
    conversation = f"gesprek-{uuid.uuid4().hex[:8]}"
    holder, held_at = _start_holder(path, redis_server, conversation, 4, 3600)
    os.kill(holder.pid, signal.SIGKILL)
    holder.join(timeout=10)

    monkeypatch.setenv("WERKBAAR_REDIS_PASSWORD", redis_server.password)
    store = _store_from_file(path)
    waited = _take(store, conversation, 4, held_at, timeout=20)
    print(f"\nkilled holder: the next message got the lock {waited:.1f} s after the kill "
          "(lifetime 4 s)")
    assert 2.0 < waited < 8.0
    assert not redis_server.client(3).exists(f"werkbaar:lock:{conversation}")


def test_live_holder_keeps_its_lock_past_the_lifetime(tmp_path, monkeypatch, redis_server):
    """A turn three times slower than the lifetime still runs alone: its lease is renewed."""
    path = _endpoints(tmp_path, redis_server.url(3, with_password=False))
    conversation = f"gesprek-{uuid.uuid4().hex[:8]}"
    holder, held_at = _start_holder(path, redis_server, conversation, 2, 6)
    try:
        monkeypatch.setenv("WERKBAAR_REDIS_PASSWORD", redis_server.password)
        store = _store_from_file(path)
        waited = _take(store, conversation, 2, held_at, timeout=30)
        state = redis_server.client(5).get(conversation)
    finally:
        holder.join(timeout=15)
        if holder.is_alive():
            holder.kill()
    print(f"\nslow holder: the next message got the lock after {waited:.1f} s "
          "(holder held it 6 s, lifetime 2 s)")
    assert state == b"released" and waited >= 5.5
    assert holder.exitcode == 0
