"""A missing, corrupt or unreachable knowledge store is found at start-up, not at a user's first
question.

- `werkbaar run` stops within seconds, before any server starts, with a Dutch message that says
  what is wrong and what to do, for: a store named by WERKBAAR_KNOWLEDGE_URL that is no
  database (the file is left alone), an unreachable PostgreSQL, broken content YAML.
- The embedded default store (SQLite in the data dir) is derived data: when it is garbage,
  corrupt inside or misses tables, start-up sets it aside, rebuilds it and says so.
- `werkbaar productie` prepares the store with the same function (bot.startup.prepare_start).
- A store with missing tables in a real PostgreSQL is rebuilt, like on every content change.
- The action server started on its own with a broken store refuses to start (exit code 3, one
  clear log line) instead of failing at the first question.
"""
from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, text

from tests.support.assistant import PROJECT_ROOT, free_port
from tests.support.postgres import postgres_server, postgres_url  # noqa: F401

RUN_TIMEOUT_S = 60  # generous for a busy 2-core machine; it takes a few seconds


def run_werkbaar(data_dir: Path, extra_env: dict[str, str] | None = None,
                 cwd: Path = PROJECT_ROOT) -> tuple[subprocess.CompletedProcess, float, int]:
    """`werkbaar run` on free ports; returns the result, its duration and the Rasa port."""
    port, actions_port = free_port(), free_port()
    env = dict(os.environ, WERKBAAR_DATA_DIR=str(data_dir), PYTHONUNBUFFERED="1")
    env.pop("WERKBAAR_KNOWLEDGE_URL", None)
    env.update(extra_env or {})
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "run", "--port", str(port),
         "--actions-port", str(actions_port)],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
    return result, time.monotonic() - start, port


def assert_stopped_before_servers(result: subprocess.CompletedProcess, port: int) -> str:
    output = result.stdout + result.stderr
    assert result.returncode == 3, output
    assert "Werkbaar start niet: de kennisbank is niet bruikbaar." in result.stderr, output
    assert "Servers starten" not in output and "Model trainen" not in output, output
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", port)) != 0, "a server is listening"
    return output


def prepare(data_dir: Path, extra_env: dict[str, str] | None = None
            ) -> subprocess.CompletedProcess:
    """The start-up check of `werkbaar run` (bot.startup.prepare_knowledge) on its own."""
    env = dict(os.environ, WERKBAAR_DATA_DIR=str(data_dir))
    env.pop("WERKBAAR_KNOWLEDGE_URL", None)
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "-c", "from bot.startup import prepare_knowledge; "
                               "print(prepare_knowledge())"],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S)


def sqlite_tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {row[0] for row in db.execute("select name from sqlite_master where type='table'")}


def item_count(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return db.execute("select count(*) from kb_items").fetchone()[0]


@pytest.fixture
def built(tmp_path) -> Path:
    """A data dir with a good embedded store."""
    result = prepare(tmp_path)
    assert result.returncode == 0, result.stderr
    assert item_count(tmp_path / "knowledge.db") > 100
    return tmp_path


# -- werkbaar run stops, with a clear Dutch message ------------------------------------------
def test_explicit_store_that_is_no_database_stops_start_up_and_is_left_alone(tmp_path):
    store = tmp_path / "mijn-kennisbank.db"
    garbage = os.urandom(4096)
    store.write_bytes(garbage)
    result, seconds, port = run_werkbaar(
        tmp_path, {"WERKBAAR_KNOWLEDGE_URL": f"sqlite:///{store}"})
    output = assert_stopped_before_servers(result, port)
    assert seconds < 30, seconds
    assert f"{store} (uit WERKBAAR_KNOWLEDGE_URL) is geen SQLite-database" in output
    assert "Controleer WERKBAAR_KNOWLEDGE_URL" in output
    assert store.read_bytes() == garbage  # the operator's file is not touched
    assert "Traceback" not in output


def test_unreachable_postgresql_stops_start_up_within_seconds(tmp_path):
    closed = free_port()  # nothing listens there
    url = f"postgresql://werkbaar:geheim-wachtwoord@127.0.0.1:{closed}/kennis"
    result, seconds, port = run_werkbaar(tmp_path, {"WERKBAAR_KNOWLEDGE_URL": url})
    output = assert_stopped_before_servers(result, port)
    assert seconds < 30, seconds
    assert "De kennisbank kon niet worden opgebouwd in postgresql://werkbaar:***@" in output
    assert "Controleer WERKBAAR_KNOWLEDGE_URL en of de database bereikbaar is" in output
    assert "geheim-wachtwoord" not in output
    assert "Traceback" not in output


def test_broken_content_yaml_stops_start_up_and_names_the_file(tmp_path):
    # A copy of the project where only the knowledge package (with its content) is real; the
    # rest links to the working tree. The broken file is in the copy, never in the repo.
    root = tmp_path / "project"
    root.mkdir()
    shutil.copytree(PROJECT_ROOT / "knowledge", root / "knowledge",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("bot", "actions", "config.yml", "domain.yml", "credentials.yml", "data"):
        (root / name).symlink_to(PROJECT_ROOT / name)
    broken = root / "knowledge" / "content" / "visie.yaml"
    broken.write_text(broken.read_text(encoding="utf-8") + "\n  - id: [kapot\n",
                      encoding="utf-8")
    result, seconds, port = run_werkbaar(tmp_path / "data", cwd=root)
    output = assert_stopped_before_servers(result, port)
    assert seconds < 30, seconds
    assert "visie.yaml: ongeldige YAML" in output
    assert "Traceback" not in output


# -- the embedded default store is rebuilt -----------------------------------------------------
def test_default_store_of_garbage_bytes_is_set_aside_and_rebuilt(built):
    store = built / "knowledge.db"
    store.write_bytes(os.urandom(8192))
    result = prepare(built)
    assert result.returncode == 0, result.stderr
    assert "Kennisbank hersteld: Het oude bestand was geen SQLite-database; bewaard als" \
        in result.stdout
    assert item_count(store) > 100
    assert list(built.glob("knowledge.db.kapot-*"))


def test_default_store_corrupt_inside_is_set_aside_and_rebuilt(built):
    store = built / "knowledge.db"
    data = store.read_bytes()
    store.write_bytes(data[:100] + b"\x13" * (len(data) - 100))  # valid header, broken pages
    result = prepare(built)
    assert result.returncode == 0, result.stderr
    assert "was beschadigd of onvolledig en is opnieuw opgebouwd" in result.stdout
    assert item_count(store) > 100
    backups = list(built.glob("knowledge.db.kapot-*"))
    assert len(backups) == 1 and backups[0].read_bytes()[100:200] == b"\x13" * 100


@pytest.mark.parametrize("table", ["kb_items", "kb_conditions", "kb_meta"])
def test_default_store_with_a_missing_table_is_rebuilt(built, table):
    store = built / "knowledge.db"
    with sqlite3.connect(store) as db:
        db.execute(f"drop table {table}")
    result = prepare(built)
    assert result.returncode == 0, result.stderr
    assert "Kennisbank bijgewerkt: " in result.stdout
    assert table in sqlite_tables(store) and item_count(store) > 100
    if table != "kb_meta":
        assert f"Er ontbraken tabellen in de kennisbank ({table})" in result.stdout
    with sqlite3.connect(store) as db:
        assert db.execute("select count(*) from kb_conditions").fetchone()[0] > 10


def test_postgresql_store_with_a_missing_table_is_rebuilt(tmp_path, postgres_url):  # noqa: F811
    env = {"WERKBAAR_KNOWLEDGE_URL": postgres_url}
    first = prepare(tmp_path, env)
    assert first.returncode == 0, first.stderr
    engine = create_engine(postgres_url, future=True)
    try:
        with engine.begin() as conn:
            conn.execute(text("drop table kb_conditions"))
        again = prepare(tmp_path, env)
        assert again.returncode == 0, again.stderr
        assert "Er ontbraken tabellen in de kennisbank (kb_conditions)" in again.stdout
        with engine.connect() as conn:
            assert conn.execute(text("select count(*) from kb_conditions")).scalar_one() > 10
    finally:
        engine.dispose()


# -- werkbaar productie prepares the store the same way ----------------------------------------
# `werkbaar productie` as it starts, stopped where training would begin (before any server).
PRODUCTION_UNTIL_TRAINING = (
    "import sys\n"
    "import bot.training\n"
    "def stop(*args, **kwargs):\n"
    "    raise RuntimeError('test: gestopt voor het trainen')\n"
    "bot.training.ensure_trained = stop\n"
    "from bot.cli import main\n"
    "sys.exit(main(['productie', '--replicas', '1']))\n")


def prepare_production(data_dir: Path, extra_env: dict[str, str] | None = None
                       ) -> subprocess.CompletedProcess:
    """`werkbaar productie` up to and including its start-up preparation. Its configuration
    passes the checks; nothing listens at the tracker URL (the retention purge only says so),
    and the nginx program is never started."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("WERKBAAR_")}
    env.update({
        "WERKBAAR_DATA_DIR": str(data_dir),
        "WERKBAAR_API_TOKEN": "productietest-0123456789",
        "WERKBAAR_TRACKER_URL": f"postgresql://werkbaar@127.0.0.1:{free_port()}/tracker",
        "WERKBAAR_NGINX": sys.executable,  # must exist; the run stops before it starts
        "PYTHONUNBUFFERED": "1",
        **(extra_env or {}),
    })
    return subprocess.run([sys.executable, "-c", PRODUCTION_UNTIL_TRAINING], cwd=PROJECT_ROOT,
                          env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S)


def test_production_sets_aside_and_rebuilds_a_corrupt_default_store(built):
    store = built / "knowledge.db"
    data = store.read_bytes()
    store.write_bytes(data[:100] + b"\x13" * (len(data) - 100))  # valid header, broken pages
    result = prepare_production(built)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "test: gestopt voor het trainen" in result.stderr, output
    assert "was beschadigd of onvolledig en is opnieuw opgebouwd" in result.stdout, output
    assert "Servers starten" not in output and "Traceback" not in output, output
    assert item_count(store) > 100
    backups = list(built.glob("knowledge.db.kapot-*"))
    assert len(backups) == 1 and backups[0].read_bytes()[100:200] == b"\x13" * 100


def test_production_refuses_a_named_store_that_is_no_database(tmp_path):
    store = tmp_path / "mijn-kennisbank.db"
    garbage = os.urandom(4096)
    store.write_bytes(garbage)
    result = prepare_production(tmp_path, {"WERKBAAR_KNOWLEDGE_URL": f"sqlite:///{store}"})
    output = result.stdout + result.stderr
    assert result.returncode == 3, output
    assert "Werkbaar start niet: de kennisbank is niet bruikbaar." in result.stderr, output
    assert f"{store} (uit WERKBAAR_KNOWLEDGE_URL) is geen SQLite-database" in output
    assert "Servers starten" not in output and "test: gestopt" not in output, output
    assert store.read_bytes() == garbage  # the operator's file is not touched


# -- the action server on its own refuses a broken store ---------------------------------------
def start_action_server(data_dir: Path, extra_env: dict[str, str] | None = None
                        ) -> tuple[subprocess.Popen, int, Path]:
    port = free_port()
    log = data_dir / f"actions-{port}.log"
    env = dict(os.environ, WERKBAAR_DATA_DIR=str(data_dir), SANIC_HOST="127.0.0.1",
               PYTHONUNBUFFERED="1")
    env.pop("WERKBAAR_KNOWLEDGE_URL", None)
    env.update(extra_env or {})
    with log.open("w") as handle:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.launch", "rasa_sdk", "--actions", "actions",
             "--port", str(port), "--quiet"],
            cwd=PROJECT_ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT,
            start_new_session=True)
    return process, port, log


def health(port: int) -> int:
    try:
        return requests.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code
    except requests.RequestException:
        return 0


def wait_for_exit_or_health(process: subprocess.Popen, port: int, timeout: float = 120) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return "exited"
        if health(port) == 200:
            return "healthy"
        time.sleep(0.5)
    return "timeout"


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, 15)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()


def drop_items(store: Path) -> None:
    with sqlite3.connect(store) as db:
        db.execute("drop table kb_items")


BROKEN_STORES = {
    "garbage": lambda store: store.write_bytes(os.urandom(4096)),
    "missing": lambda store: store.unlink(),
    "missing-table": drop_items,
}


@pytest.mark.parametrize("damage", sorted(BROKEN_STORES))
def test_action_server_refuses_to_start_with_a_broken_store(built, damage):
    BROKEN_STORES[damage](built / "knowledge.db")
    process, port, log = start_action_server(built)
    try:
        outcome = wait_for_exit_or_health(process, port)
    finally:
        stop(process)
    output = log.read_text(encoding="utf-8", errors="replace")
    assert outcome == "exited" and process.returncode == 3, (outcome, output[-2000:])
    lines = [line for line in output.splitlines()
             if "Actieserver start niet: de kennisbank is niet bruikbaar." in line]
    assert len(lines) == 1, output[-2000:]
    assert "De kennisbank" in lines[0] and "werkbaar kennisbank laden" in lines[0]


def test_action_server_refuses_an_unreachable_postgresql(tmp_path):
    url = f"postgresql://werkbaar:geheim@127.0.0.1:{free_port()}/kennis"
    process, port, log = start_action_server(tmp_path, {"WERKBAAR_KNOWLEDGE_URL": url})
    try:
        outcome = wait_for_exit_or_health(process, port)
    finally:
        stop(process)
    output = log.read_text(encoding="utf-8", errors="replace")
    assert outcome == "exited" and process.returncode == 3, (outcome, output[-2000:])
    assert "Actieserver start niet: de kennisbank is niet bruikbaar." in output


def test_action_server_starts_with_a_good_store(built):
    """The control case: the same start with an intact store answers /health."""
    process, port, log = start_action_server(built)
    try:
        outcome = wait_for_exit_or_health(process, port)
    finally:
        stop(process)
    assert outcome == "healthy", log.read_text(encoding="utf-8", errors="replace")[-2000:]
