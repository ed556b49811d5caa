"""Production mode end to end: `werkbaar productie` on loopback, without Docker.

Throwaway PostgreSQL (tracker + knowledge store) and Redis (lock store) are started by the
fixtures; the runner itself starts the action server, two Rasa replicas (the trained model) and
nginx in front. 16 conversations then talk through nginx at the same time:

- wave 1: 6 messages each; messages 3 and 4 of every conversation are sent at the same moment,
  so they often land on different replicas and only the Redis lock store keeps them apart;
- wave 2: 4 more messages each, sent in order; halfway, one replica is killed with SIGKILL.

The client behaves like a careful integration: a message that fails (connection error, 5xx or
the channel's "try again" reply) is looked up in the conversation (read-only tracker view through
nginx, with the API token) and sent again only when it did not arrive. Afterwards the `events`
table in PostgreSQL is read directly: every conversation holds every message exactly once, in
the order sent, and each user message is followed by its own bot messages and one
action_listen before the next user message (two replicas working on one conversation at once
would interleave or lose events).
"""
from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import pytest
import requests
import sqlalchemy as sa

from tests.support.ports import consecutive_free_ports, free_port

pytestmark = [pytest.mark.production]

PROJECT_ROOT = Path(__file__).resolve().parents[2]
LOCK_LIFETIME_S = 10
READY_TIMEOUT_S = 300
CLIENT_TIMEOUT_S = 90  # > nginx read timeout (lock lifetime + 60 s)
MAX_ATTEMPTS = 6
WAVE_TIMEOUT_S = 200
CONVERSATIONS = 16
TOKEN = "productietest-" + "0123456789abcdef"

ROLES = ["ik ben werknemer", "ik zoek werk", "ik ben werkgever", "ik ben bedrijfsarts"]
WAVE1 = ["hallo", None, "ik ben vaak moe na het werk", "wat kan mijn werkgever doen?",
         "bedankt", "wat zegt de richtlijn over thuiswerken?"]
BURST = (2, 3)  # sent at the same moment
WAVE2 = ["ik heb MS", "sla over", "hoe vraag ik aanpassingen aan?", "dank je wel"]
# The order the messages must have in the conversation; messages in one group may swap.
ORDER = [[0], [1], [2, 3], [4], [5], [6], [7], [8], [9]]

try:  # replies the channel adds itself (they never reach the tracker)
    from bot.channels.rest import REPLY_EMPTY, REPLY_FAILED, REPLY_NO_WORDS, REPLY_NOTHING
    CHANNEL_ONLY = {REPLY_EMPTY, REPLY_NO_WORDS, REPLY_NOTHING, REPLY_FAILED}
except ImportError:  # Rasa's stock REST channel
    REPLY_FAILED, CHANNEL_ONLY = None, set()


@dataclass
class Delivery:
    conversation: str
    seq: int
    replies: Optional[list] = None  # bot messages of the successful answer
    replica: Optional[str] = None  # X-Werkbaar-Replica of the successful answer
    outcome: str = ""  # "ok" | "arrived-anyway" (failed answer, but found in the tracker)
    failures: List[str] = field(default_factory=list)
    started: float = 0.0
    finished: float = 0.0


@dataclass
class Production:
    process: subprocess.Popen
    log_path: Path
    data_dir: Path
    proxy: str
    tracker_url: str
    replica_addresses: List[str]

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def state(self) -> dict:
        return json.loads((self.data_dir / "productie.json").read_text())


@pytest.fixture(scope="module")
def production(tmp_path_factory, postgres_server, redis_server):
    from bot.training import ensure_trained

    ensure_trained()  # trains once when the inputs changed (~4 min); not part of the budget
    data_dir = tmp_path_factory.mktemp("werkbaar-productie")
    tracker_url = postgres_server.create_database("werkbaar_tracker")
    knowledge_url = postgres_server.create_database("werkbaar_kennis")
    replica_port = consecutive_free_ports(2)
    actions_port, actions_proxy_port, proxy_port = free_port(), free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("WERKBAAR_")}
    env.update({
        "WERKBAAR_DATA_DIR": str(data_dir),
        "WERKBAAR_TRACKER_URL": tracker_url,
        "WERKBAAR_KNOWLEDGE_URL": knowledge_url,
        "WERKBAAR_LOCK_STORE_URL": redis_server.url(1, with_password=False),
        "WERKBAAR_REDIS_PASSWORD": redis_server.password,
        "WERKBAAR_API_TOKEN": TOKEN,
        "WERKBAAR_LOCK_LIFETIME": str(LOCK_LIFETIME_S),
        "PYTHONUNBUFFERED": "1",
    })
    log_path = data_dir / "productie.log"
    started = time.monotonic()
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "productie", "--replicas", "2",
             "--port", str(replica_port), "--actions-port", str(actions_port),
             "--actions-proxy-port", str(actions_proxy_port), "--proxy-port", str(proxy_port),
             "--replica-header"],
            cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)
    running = Production(process, log_path, data_dir, f"http://127.0.0.1:{proxy_port}",
                         tracker_url,
                         [f"127.0.0.1:{replica_port}", f"127.0.0.1:{replica_port + 1}"])
    try:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while "is klaar" not in running.log():
            if process.poll() is not None:
                pytest.fail(f"werkbaar productie stopped (code {process.returncode}):\n"
                            f"{running.log()[-6000:]}", pytrace=False)
            if time.monotonic() > deadline:
                pytest.fail(f"werkbaar productie not ready in {READY_TIMEOUT_S} s:\n"
                            f"{running.log()[-6000:]}", pytrace=False)
            time.sleep(1)
        print(f"\nproductie: ready in {time.monotonic() - started:.0f} s "
              "(action server, 2 replicas, nginx)")
        yield running
    finally:
        _stop(running)


def _stop(running: Production) -> None:
    pids = []
    try:
        pids = [p["pid"] for p in running.state()["processes"].values()]
    except (OSError, ValueError, KeyError):
        pass
    if running.process.poll() is None:
        running.process.send_signal(signal.SIGTERM)
        try:
            running.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(running.process.pid, signal.SIGKILL)
            running.process.wait()
    for pid in pids:  # children live in their own sessions; none may outlive the test
        try:
            os.killpg(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


class Client:
    """Sends messages through nginx; on failure checks the tracker before sending again."""

    def __init__(self, production: Production):
        self.production = production
        self.lock = threading.Lock()
        self.in_flight = 0
        self.completed = 0

    def _post(self, conversation: str, seq: int, text: str) -> requests.Response:
        return requests.post(
            f"{self.production.proxy}/webhooks/rest/webhook",
            json={"sender": conversation, "message": text,
                  "metadata": {"werkbaar_test": {"seq": seq}}},
            timeout=CLIENT_TIMEOUT_S)

    def arrived(self, conversation: str, seq: int) -> int:
        """How often message `seq` is in the conversation (read-only view, with token)."""
        for _ in range(5):
            try:
                response = requests.get(
                    f"{self.production.proxy}/conversations/{conversation}/tracker",
                    params={"token": TOKEN}, timeout=30)
                if response.status_code == 200:
                    return sum(1 for e in response.json().get("events", [])
                               if e.get("event") == "user" and _seq(e) == seq)
            except requests.RequestException:
                pass
            time.sleep(1)
        raise AssertionError(f"tracker of {conversation} not readable through nginx")

    def deliver(self, conversation: str, seq: int, text: str) -> Delivery:
        delivery = Delivery(conversation, seq, started=time.monotonic())
        with self.lock:
            self.in_flight += 1
        try:
            for attempt in range(1, MAX_ATTEMPTS + 1):
                try:
                    response = self._post(conversation, seq, text)
                    replies = response.json() if response.status_code == 200 else None
                    failed = replies is None or any(
                        REPLY_FAILED and m.get("text") == REPLY_FAILED for m in replies)
                    reason = (f"HTTP {response.status_code}" if replies is None
                              else "try-again reply")
                except (requests.RequestException, ValueError) as error:
                    failed, replies, response = True, None, None
                    reason = type(error).__name__
                if not failed:
                    delivery.replies = replies
                    delivery.replica = response.headers.get("X-Werkbaar-Replica")
                    delivery.outcome = "ok"
                    return delivery
                delivery.failures.append(f"attempt {attempt}: {reason}")
                if self.arrived(conversation, seq):
                    delivery.outcome = "arrived-anyway"
                    return delivery
                time.sleep(1)
            raise AssertionError(f"{conversation} message {seq} not delivered: "
                                 f"{delivery.failures}")
        finally:
            delivery.finished = time.monotonic()
            with self.lock:
                self.in_flight -= 1
                self.completed += 1


def _seq(event: dict) -> Optional[int]:
    return ((event.get("metadata") or {}).get("werkbaar_test") or {}).get("seq")


def _conversation_script(index: int) -> List[str]:
    wave1 = list(WAVE1)
    wave1[1] = ROLES[index % len(ROLES)]
    return wave1 + WAVE2


def _run_conversation(client: Client, pool: ThreadPoolExecutor, conversation: str,
                      script: List[str], seqs: range) -> List[Delivery]:
    deliveries = []
    seq_iter = iter(seqs)
    for seq in seq_iter:
        if seq == BURST[0]:
            second = next(seq_iter)
            futures = [pool.submit(client.deliver, conversation, s, script[s])
                       for s in (seq, second)]
            deliveries += [f.result(timeout=WAVE_TIMEOUT_S) for f in futures]
        else:
            deliveries.append(client.deliver(conversation, seq, script[seq]))
    return deliveries


def _wave(client: Client, conversations: Dict[str, List[str]], seqs: range,
          on_tick=None) -> List[Delivery]:
    with ThreadPoolExecutor(max_workers=CONVERSATIONS) as drivers, \
            ThreadPoolExecutor(max_workers=2 * CONVERSATIONS) as bursts:
        futures = [drivers.submit(_run_conversation, client, bursts, c, script, seqs)
                   for c, script in conversations.items()]
        while on_tick and not all(f.done() for f in futures):
            on_tick()
            time.sleep(0.02)
        done, pending = wait(futures, timeout=WAVE_TIMEOUT_S)
        assert not pending, f"{len(pending)} conversations did not finish in {WAVE_TIMEOUT_S} s"
        return [d for f in done for d in f.result()]


def _events(tracker_url: str, conversation: str) -> List[dict]:
    engine = sa.create_engine(tracker_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text(
                "SELECT id, type_name, action_name, data FROM events "
                "WHERE sender_id = :s ORDER BY id"), {"s": conversation}).fetchall()
    finally:
        engine.dispose()
    return [{"id": r[0], "type": r[1], "action": r[2], **json.loads(r[3])} for r in rows]


def check_conversation(events: List[dict], deliveries: Dict[int, Delivery],
                       expected: List[List[int]]) -> List[str]:
    """Problems in one stored conversation (empty list: complete and in order)."""
    problems = []
    users = [(i, _seq(e)) for i, e in enumerate(events) if e["type"] == "user"]
    seqs = [s for _, s in users]
    wanted = [s for group in expected for s in group]
    if sorted(seqs, key=lambda s: (s is None, s)) != sorted(wanted):
        return [f"user messages stored {seqs}, sent {wanted} (each exactly once)"]
    position = 0
    for group in expected:
        if sorted(seqs[position:position + len(group)]) != sorted(group):
            problems.append(f"order: expected {group} at position {position}, stored {seqs}")
        position += len(group)
    for n, (index, seq) in enumerate(users):
        end = users[n + 1][0] if n + 1 < len(users) else len(events)
        turn = events[index + 1:end]
        actions = [e["action"] for e in turn if e["type"] == "action"]
        bots = [e for e in turn if e["type"] == "bot"]
        if not actions or actions[-1] != "action_listen" or "action_listen" in actions[:-1]:
            problems.append(f"message {seq}: turn is not closed by one action_listen: {actions}")
        if "action_session_start" in actions:
            problems.append(f"message {seq}: a new session started inside the turn")
        delivery = deliveries.get(seq)
        if delivery and delivery.outcome == "ok":
            sent = [m for m in delivery.replies if m.get("text") not in CHANNEL_ONLY]
            if len(bots) != len(sent):
                problems.append(f"message {seq}: {len(bots)} bot messages stored, "
                                f"{len(sent)} received")
    return problems


def _rss_mb(pid: int) -> int:
    """Resident memory of a process and its children (nginx workers), in MB."""
    total, pids = 0, [pid]
    try:
        pids += [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        pass
    for each in pids:
        try:
            for line in Path(f"/proc/{each}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total // 1024


def _latency(deliveries: List[Delivery]) -> str:
    times = sorted(d.finished - d.started for d in deliveries)
    p95 = times[int(0.95 * (len(times) - 1))]
    return f"p50 {statistics.median(times):.2f} s, p95 {p95:.2f} s, max {times[-1]:.2f} s"


@pytest.mark.server
@pytest.mark.timeout(1500)
def test_replicas_behind_nginx_keep_every_conversation(production):
    client = Client(production)
    conversations = {f"productie-{i:02d}": _conversation_script(i)
                     for i in range(CONVERSATIONS)}

    # -- wave 1: both replicas, concurrent messages within conversations --------------------
    start = time.monotonic()
    wave1 = _wave(client, conversations, range(len(WAVE1)))
    wave1_s = time.monotonic() - start
    replicas = {d.replica for d in wave1}
    print(f"\nwave 1: {len(wave1)} messages in {wave1_s:.1f} s ({_latency(wave1)}); "
          f"per replica: { {r: sum(d.replica == r for d in wave1) for r in replicas} }")
    assert all(d.outcome == "ok" for d in wave1), [d for d in wave1 if d.outcome != "ok"]
    assert replicas == set(production.replica_addresses), replicas
    split = sum(1 for c in conversations
                if len({d.replica for d in wave1 if d.conversation == c and d.seq in BURST}) == 2)
    print(f"wave 1: in {split} of {CONVERSATIONS} conversations the two simultaneous "
          "messages went to different replicas")
    assert split >= 1, "no simultaneous pair was split over the replicas: lock store untested"

    print("memory (RSS): " + ", ".join(
        f"{name} {_rss_mb(info['pid'])} MB"
        for name, info in production.state()["processes"].items()))

    # -- wave 2: kill -9 one replica halfway --------------------------------------------------
    victim = production.state()["processes"]["replica-1"]
    survivor = production.replica_addresses[1]
    assert victim["address"] == production.replica_addresses[0]
    killed: dict = {}
    threshold = client.completed + len(WAVE2) * CONVERSATIONS // 4

    def kill_when_busy() -> None:
        if not killed and client.completed >= threshold and client.in_flight >= 2:
            killed.update(at=time.monotonic(), in_flight=client.in_flight)
            os.kill(victim["pid"], signal.SIGKILL)

    start = time.monotonic()
    wave2 = _wave(client, conversations, range(len(WAVE1), len(WAVE1) + len(WAVE2)),
                  on_tick=kill_when_busy)
    wave2_s = time.monotonic() - start
    assert killed, "the replica was never killed"
    troubled = [d for d in wave2 if d.failures]
    after_kill = [d for d in wave2 if d.started > killed["at"] and d.outcome == "ok"]
    details = [(d.conversation, d.seq, d.failures, d.outcome) for d in troubled]
    print(f"wave 2: {len(wave2)} messages in {wave2_s:.1f} s ({_latency(wave2)}); replica-1 "
          f"killed with {killed['in_flight']} messages in flight; {len(troubled)} needed the "
          f"client's check-and-resend: {details}")
    assert after_kill and {d.replica for d in after_kill} & {survivor}
    for conversation in conversations:  # every conversation went on after the kill
        assert any(d.conversation == conversation and d.finished > killed["at"]
                   for d in wave2), conversation

    # The runner noticed and started the replica again (nginx skipped it meanwhile).
    deadline = time.monotonic() + 10
    while "replica-1 is gestopt (code -9)" not in production.log():
        assert time.monotonic() < deadline, production.log()[-3000:]
        time.sleep(0.2)

    # -- the stored conversations ----------------------------------------------------------
    by_conversation: Dict[str, Dict[int, Delivery]] = {c: {} for c in conversations}
    for d in wave1 + wave2:
        by_conversation[d.conversation][d.seq] = d
    problems = {}
    for conversation in conversations:
        found = check_conversation(_events(production.tracker_url, conversation),
                                   by_conversation[conversation], ORDER)
        if found:
            problems[conversation] = found
    assert not problems, json.dumps(problems, indent=1)
    print(f"postgres: {CONVERSATIONS} conversations x {len(WAVE1) + len(WAVE2)} messages "
          "complete, "
          "each once, in order, no interleaved turns")


def test_check_detects_interleaved_turns():
    """The stored-conversation check fails on what two replicas at once would leave behind."""
    def user(seq):
        return {"type": "user", "action": None, "metadata": {"werkbaar_test": {"seq": seq}}}

    def action(name):
        return {"type": "action", "action": name}

    bot = {"type": "bot", "action": None}
    good = [action("action_listen"), user(0), action("utter_greet"), bot,
            action("action_listen"), user(1), action("utter_x"), bot, action("action_listen")]
    assert check_conversation(good, {}, [[0], [1]]) == []
    interleaved = [action("action_listen"), user(0), user(1), action("utter_greet"), bot,
                   action("action_listen"), action("utter_x"), bot, action("action_listen")]
    assert check_conversation(interleaved, {}, [[0], [1]])
    lost = good[:5]
    assert check_conversation(lost, {}, [[0], [1]])
    twice = good + [user(1), action("utter_x"), bot, action("action_listen")]
    assert check_conversation(twice, {}, [[0], [1]])
    swapped = [action("action_listen"), user(1), action("utter_x"), bot,
               action("action_listen"), user(0), action("utter_greet"), bot,
               action("action_listen")]
    assert check_conversation(swapped, {}, [[0], [1]])
    assert check_conversation(swapped, {}, [[0, 1]]) == []
    delivered = {0: Delivery("c", 0, replies=[{"text": "a"}, {"text": "b"}], outcome="ok")}
    assert check_conversation(good, delivered, [[0], [1]])  # 1 stored, 2 received
