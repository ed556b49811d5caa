"""Lock stores under contention: Rasa's RedisLockStore vs bot/lock_store.py, on a throwaway
redis-server (Debian package). 4 processes ("replicas") x 4 concurrent handlers lock the same
conversation 15 times each; a shared counter records overlapping holds. Prints numbers only.

    .venv/bin/python bench/lock_store_race.py [--seconds 30]
"""
from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PROCESSES, TASKS, ROUNDS = 4, 4, 15


def _replica(kind: str, port: int, password: str, conversation: str) -> None:
    import redis
    from rasa.core.lock_store import RedisLockStore

    from bot.lock_store import WerkbaarRedisLockStore

    cls = WerkbaarRedisLockStore if kind == "werkbaar" else RedisLockStore
    store = cls(host="127.0.0.1", port=port, db=3, password=password)
    counter = redis.StrictRedis(host="127.0.0.1", port=port, db=4, password=password)

    async def handler() -> None:
        for _ in range(ROUNDS):
            try:
                async with store.lock(conversation, lock_lifetime=30, wait_time_in_seconds=0.01):
                    if counter.incr(f"{kind}:holders") > 1:
                        counter.incr(f"{kind}:overlaps")
                    counter.incr(f"{kind}:holds")
                    await asyncio.sleep(0.002)
                    counter.decr(f"{kind}:holders")
            except Exception:
                counter.incr(f"{kind}:errors")

    async def main() -> None:
        await asyncio.gather(*(handler() for _ in range(TASKS)))

    asyncio.run(main())


def run(kind: str, server, seconds: float) -> None:
    context = multiprocessing.get_context("fork")
    conversation = uuid.uuid4().hex
    processes = [context.Process(target=_replica,
                                 args=(kind, server.port, server.password, conversation))
                 for _ in range(PROCESSES)]
    start = time.monotonic()
    for process in processes:
        process.start()
    deadline = start + seconds
    for process in processes:
        process.join(timeout=max(0.1, deadline - time.monotonic()))
    stuck = sum(p.is_alive() for p in processes)
    for process in processes:
        if process.is_alive():
            process.kill()
            process.join()
    elapsed = time.monotonic() - start
    counter = server.client(4)

    def value(name: str) -> int:
        return int(counter.get(f"{kind}:{name}") or 0)

    print(f"{kind:9s} holds {value('holds'):4d}/{PROCESSES * TASKS * ROUNDS}  "
          f"overlapping {value('overlaps'):3d}  errors {value('errors'):3d}  "
          f"processes stuck {stuck}/{PROCESSES}  time {elapsed:5.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=30.0, help="time limit per store")
    args = parser.parse_args()
    from tests.support.redis import RedisServer, find_redis_server

    binary = find_redis_server()
    if not binary:
        sys.exit("redis-server is not installed (bash scripts/install-test-services.sh)")
    server = RedisServer(binary).start()
    try:
        for kind in ("rasa", "werkbaar"):
            run(kind, server, args.seconds)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
