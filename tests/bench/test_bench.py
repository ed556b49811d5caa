"""The benchmark scripts cannot rot: their parts run for real here, small. Structure is
asserted, never speed (speed numbers only come from `make bench`)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import time
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from bench import conversations
from bench.load import percentile, run_level
from bench.machine import BusyMonitor, describe_machine
from bench.procs import cmdline, descendants, run_measured
from bench.report import (END_MARKER, START_MARKER, STARTER, WERKBAAR, Results, TrainingRow,
                          render, replace_section)

ROOT = Path(__file__).resolve().parents[2]
RUN_ALL = ROOT / "bench" / "run_all.py"


def table(markdown: str, heading: str) -> list[list[str]]:
    """Rows (cells) of the first table after a heading; header and separator dropped."""
    section = markdown.split(heading + "\n", 1)[1]
    block = []
    for line in section.splitlines():
        if line.startswith("|"):
            block.append(line)
        elif block:
            break
    assert len(block) >= 2 and set(block[1]) <= set("|-: "), block
    width = block[0].count("|")
    assert all(line.count("|") == width for line in block), block
    return [[c.strip() for c in line.strip("|").split("|")] for line in block[2:]]


def test_run_all_knowledge_part_writes_results_and_the_readme_section(tmp_path):
    readme = tmp_path / "README.md"
    original = (ROOT / "README.md").read_text(encoding="utf-8")
    readme.write_text(original, encoding="utf-8")
    out = tmp_path / "RESULTS.md"
    done = subprocess.run(
        [sys.executable, str(RUN_ALL), "--parts", "knowledge", "--sizes", "300", "--repeat", "1",
         "--out", str(out), "--readme", str(readme), "--update-readme"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = out.read_text(encoding="utf-8")
    assert results.startswith("# Werkbaar benchmarks")
    assert re.search(r"Machine: .*\d+ cores, \d+ GB RAM, .*Python 3\.10.*Rasa 3\.6", results)
    assert re.search(r"Load: 1-minute load average [\d.]+ at the start and [\d.]+ at the end",
                     results)
    rows = table(results, "## Knowledge search")
    assert [(r[0], r[1]) for r in rows] == [("real", rows[0][1]), ("synthetic", "300")]
    assert int(rows[0][1].replace(",", "")) > 100  # the real content
    assert all(float(cell) > 0 for row in rows for cell in row[2:]), rows
    assert "## Latency" not in results and "## Training" not in results  # parts not run
    assert "## Knowledge search" in done.stdout

    updated = readme.read_text(encoding="utf-8")
    before, rest = updated.split(START_MARKER)
    section, after = rest.split(END_MARKER)
    assert original.split(START_MARKER)[0] == before
    assert original.split(END_MARKER)[1] == after
    assert "#### Knowledge search" in section and "| synthetic | 300 |" in section


def test_readme_section_replacement_is_idempotent_and_needs_the_markers():
    text = f"intro\n{START_MARKER}\nold table\n{END_MARKER}\noutro\n"
    once = replace_section(text, "new table\n")
    assert once == f"intro\n{START_MARKER}\nnew table\n{END_MARKER}\noutro\n"
    assert replace_section(once, "new table") == once
    with pytest.raises(ValueError):
        replace_section("no markers here", "x")


def test_peak_memory_covers_the_whole_process_tree(tmp_path):
    # The child allocates 150 MB and starts a grandchild that allocates 250 MB meanwhile.
    grandchild = "import time; b = b'x' * (250 << 20); time.sleep(2.5)"
    child = ("import subprocess, sys, time; b = b'y' * (150 << 20); "
             f"subprocess.run([sys.executable, '-c', {grandchild!r}], check=True)")
    measured = run_measured([sys.executable, "-c", child], cwd=tmp_path,
                            env={"PATH": "/usr/bin:/bin"}, log_path=tmp_path / "log")
    assert measured.returncode == 0, measured.log_tail()
    assert measured.seconds >= 2.5
    assert 400 <= measured.peak_mb < 1500, measured.peak_mb


class _FakeRestChannel(BaseHTTPRequestHandler):
    """A real HTTP server with the REST channel's contract; "fail" gets HTTP 500."""

    lock = threading.Lock()
    inflight = 0
    max_inflight = 0
    received: list[tuple[str, str]] = []

    def do_POST(self):  # noqa: N802
        cls = type(self)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        with cls.lock:
            cls.inflight += 1
            cls.max_inflight = max(cls.max_inflight, cls.inflight)
            cls.received.append((body["sender"], body["message"]))
        time.sleep(0.02)
        with cls.lock:
            cls.inflight -= 1
        status = 500 if body["message"] == "fail" else 200
        payload = json.dumps([{"recipient_id": body["sender"], "text": "ok"}]).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def rest_server():
    _FakeRestChannel.received = []
    _FakeRestChannel.max_inflight = 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeRestChannel)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/webhooks/rest/webhook"
    server.shutdown()
    server.server_close()


def test_load_runs_conversations_in_parallel_and_counts_errors(rest_server):
    scripts = [["a1", "a2", "fail"], ["b1", "b2", "b3", "b4"]]
    result = run_level("bot", rest_server, scripts, concurrency=4, messages=40)
    received = _FakeRestChannel.received
    assert len(received) == result.messages == 40
    assert result.errors == sum(1 for _, m in received if m == "fail") > 0
    assert result.ok == 40 - result.errors and result.error_examples[0] == "HTTP 500"
    assert _FakeRestChannel.max_inflight == 4
    # A fresh sender per conversation; each sender's messages follow one script in order.
    by_sender: dict[str, list[str]] = {}
    for sender, message in received:
        by_sender.setdefault(sender, []).append(message)
    assert len(by_sender) == result.conversations
    for messages in by_sender.values():
        assert any(messages == script[:len(messages)] for script in scripts), messages
    # Latency is the round trip (the server sleeps 20 ms); throughput counts successes.
    assert min(result.latencies_ms) >= 20
    assert result.p(0.5) <= result.p(0.95) <= result.p(0.99) <= max(result.latencies_ms)
    assert result.throughput == pytest.approx(result.ok / result.seconds)

    # The Markdown writer on these real measurements: a row per bot and a ratio row.
    other = run_level("bot", rest_server, scripts, concurrency=1, messages=10)
    result.bot, other.bot, other.concurrency = WERKBAAR, STARTER, 4
    report = Results(started=datetime.now(), command="test",
                     machine=describe_machine(), messages_per_level=40, load=[result, other],
                     training=[TrainingRow(WERKBAAR, "x", 2.0, 300.0),
                               TrainingRow(STARTER, "y", 1.0, 100.0)])
    report.busy = BusyMonitor().finish()
    rows = table(render(report), "## Latency and throughput")
    assert [r[:2] for r in rows] == [["4", WERKBAAR], ["4", STARTER], ["4", "*ratio*"]]
    assert rows[0][6] == f"{result.errors}/40" and rows[1][6] == f"{other.errors}/10"
    assert all(cell.endswith("×") for cell in rows[2][2:6]), rows[2]
    assert table(render(report), "## Training")[-1] == ["*ratio*", "", "2.0×", "3.0×"]


def test_percentile_interpolates():
    assert percentile([1, 2, 3, 4, 5], 0.5) == 3
    assert percentile([10, 20], 0.95) == pytest.approx(19.5)
    assert percentile([7], 0.99) == 7


def test_starter_conversations_use_the_starter_bots_own_examples():
    project = (Path(sys.executable).parent.parent / "lib" / "python3.10" / "site-packages"
               / "rasa" / "cli" / "initial_project")
    nlu = yaml.safe_load((project / "data" / "nlu.yml").read_text())["nlu"]
    examples = {line.strip()[2:] for block in nlu for line in block["examples"].splitlines()
                if line.strip()}
    used = {message for script in conversations.STARTER for message in script}
    assert used <= examples, used - examples
    assert conversations.total(conversations.WERKBAAR) >= 30


@pytest.mark.slow
@pytest.mark.server
def test_run_all_both_bots_under_load(tmp_path):
    """Both real bots, a tiny load: start, RSS and a latency row each, no errors. Uses the
    project's trained model and the cached starter bot (`rasa init` on the first run)."""
    out = tmp_path / "RESULTS.md"
    done = subprocess.run(
        [sys.executable, str(RUN_ALL), "--skip-train", "--parts", "bots", "--levels", "2",
         "--messages", "12", "--out", str(out), "--logs", str(tmp_path / "logs"),
         "--no-update-readme"],
        cwd=ROOT, capture_output=True, text=True, timeout=1400,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    results = out.read_text(encoding="utf-8")
    rows = table(results, "## Latency and throughput")
    assert [r[:2] for r in rows] == [["2", WERKBAAR], ["2", STARTER], ["2", "*ratio*"]]
    assert rows[0][6] == "0/12" and rows[1][6] == "0/12", rows
    assert float(rows[0][5]) > 0 and float(rows[1][5]) > 0
    servers = {r[0]: r for r in table(results, "## Servers")}
    assert list(servers) == [WERKBAAR, STARTER, "*ratio*"]
    ours, theirs = servers[WERKBAAR], servers[STARTER]
    assert float(ours[1]) > 0 and float(theirs[1]) > 0  # start seconds
    assert float(ours[2]) > 200 and float(ours[3]) > 200  # a Rasa server with a model
    assert 20 < float(ours[4]) < float(ours[3])  # the action server, smaller than Rasa
    assert float(ours[5]) > float(ours[3]) + float(ours[4]) - 1  # the whole tree
    assert float(theirs[3]) > 200 and theirs[4] == "–"  # no action server
    assert "## Training" not in results and "--skip-train" in results
    # Both bots were stopped: no process is left that runs on this test's files.
    left = [pid for pid in descendants(1) if str(tmp_path) in cmdline(pid)]
    assert not left, [cmdline(pid) for pid in left]
