"""Closed-loop load on a Rasa REST webhook: c conversations in parallel, each sending its
messages one after another (the next one after the reply), fresh sender ids, until the
level's message budget is spent. Records per-message latency, throughput and errors."""
from __future__ import annotations

import asyncio
import itertools
import time
import uuid
from dataclasses import dataclass, field

import aiohttp


def percentile(values: list[float], q: float) -> float:
    """Linear interpolation between closest ranks; q in [0, 1]."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    position = q * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass
class LevelResult:
    bot: str
    concurrency: int
    seconds: float
    latencies_ms: list[float] = field(default_factory=list)  # successful messages only
    errors: int = 0
    conversations: int = 0
    error_examples: list[str] = field(default_factory=list)

    @property
    def messages(self) -> int:
        return len(self.latencies_ms) + self.errors

    @property
    def ok(self) -> int:
        return len(self.latencies_ms)

    @property
    def throughput(self) -> float:
        return self.ok / self.seconds if self.seconds > 0 else 0.0

    def p(self, q: float) -> float:
        return percentile(self.latencies_ms, q)


async def _send(session: aiohttp.ClientSession, webhook: str, sender: str, text: str,
                timeout_s: float) -> str | None:
    """Send one message; None when it worked, else a short description of the error."""
    try:
        async with session.post(webhook, json={"sender": sender, "message": text},
                                timeout=aiohttp.ClientTimeout(total=timeout_s)) as response:
            if response.status != 200:
                return f"HTTP {response.status}"
            body = await response.json(content_type=None)
            if not isinstance(body, list):
                return f"unexpected body {type(body).__name__}"
            return None
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
        return type(error).__name__


async def _level(bot: str, webhook: str, scripts: list[list[str]], concurrency: int,
                 messages: int, timeout_s: float) -> LevelResult:
    budget = itertools.count()
    result = LevelResult(bot, concurrency, 0.0)

    async def conversation_loop(worker: int, session: aiohttp.ClientSession) -> None:
        for round_ in itertools.count():
            script = scripts[(worker + round_ * concurrency) % len(scripts)]
            sender = f"bench-c{concurrency}-{uuid.uuid4().hex[:12]}"
            for turn, text in enumerate(script):
                if next(budget) >= messages:
                    return
                if turn == 0:
                    result.conversations += 1
                start = time.perf_counter()
                error = await _send(session, webhook, sender, text, timeout_s)
                if error is None:
                    result.latencies_ms.append((time.perf_counter() - start) * 1000)
                else:
                    result.errors += 1
                    if len(result.error_examples) < 5:
                        result.error_examples.append(error)

    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        start = time.perf_counter()
        await asyncio.gather(*(conversation_loop(w, session) for w in range(concurrency)))
        result.seconds = time.perf_counter() - start
    return result


def run_level(bot: str, webhook: str, scripts: list[list[str]], concurrency: int,
              messages: int, timeout_s: float = 60.0) -> LevelResult:
    return asyncio.run(_level(bot, webhook, scripts, concurrency, messages, timeout_s))


def warm_up(bot: str, webhook: str, scripts: list[list[str]]) -> LevelResult:
    """Every script once, one after another; the first replies load lazy parts of the model."""
    return run_level(bot, webhook, scripts, 1, sum(len(s) for s in scripts))
