"""Rasa's stock starter bot (`rasa init`): create it, and run it on a free loopback port.

The project is kept in bench/.cache/ (per Rasa version) so a quick run (--skip-train) can use
the model `rasa init` trained. Its stock actions need no action server; the HTTP API stays off.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from bot.quiet import child_env
from tests.support.assistant import free_port

BENCH = Path(__file__).resolve().parent
CACHE = BENCH / ".cache"
START_TIMEOUT_S = 600


def rasa_bin() -> Path:
    return Path(sys.executable).parent / "rasa"


def starter_env() -> dict[str, str]:
    """The project's quiet child environment (telemetry off), with Rasa's training cache off."""
    return child_env({"RASA_MAX_CACHE_SIZE": "0"})


def ensure_project(echo=print) -> Path:
    """The starter project made by `rasa init --no-prompt` (which also trains a model)."""
    project = CACHE / f"starter-rasa-{metadata.version('rasa')}"
    if latest_model(project) is not None:
        return project
    CACHE.mkdir(parents=True, exist_ok=True)
    echo(f"rasa init --no-prompt (creates and trains the starter bot) in {project} ...")
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        target = Path(tmp) / "project"
        target.mkdir()  # with --no-prompt, rasa init wants an existing (empty) dir
        result = subprocess.run(
            [str(rasa_bin()), "init", "--no-prompt", "--init-dir", str(target)],
            cwd=tmp, env=starter_env(), capture_output=True, text=True,
        )
        if result.returncode != 0 or latest_model(target) is None:
            raise RuntimeError(f"rasa init failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
        shutil.rmtree(project, ignore_errors=True)
        target.rename(project)
    return project


def latest_model(project: Path) -> Path | None:
    models = sorted((project / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return models[-1] if models else None


def train_command(project: Path, out: Path) -> list[str]:
    return [str(rasa_bin()), "train", "--config", str(project / "config.yml"),
            "--domain", str(project / "domain.yml"), "--data", str(project / "data"),
            "--out", str(out), "--quiet"]


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0


@dataclass
class RunningStarter:
    process: subprocess.Popen
    port: int
    log_path: Path
    start_seconds: float

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def webhook(self) -> str:
        return f"{self.url}/webhooks/rest/webhook"

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self, timeout: float = 30) -> int:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        return self.process.returncode


def start_starter(project: Path, model: Path, log_path: Path) -> RunningStarter:
    """`rasa run` on a free port. Rasa loads the model before it listens, so the first answer
    on / means the model is loaded; that moment is the start time."""
    port = free_port()
    command = [str(rasa_bin()), "run", "--model", str(model), "--interface", "127.0.0.1",
               "--port", str(port), "--credentials", str(project / "credentials.yml"),
               "--endpoints", str(project / "endpoints.yml"), "--quiet"]
    start = time.monotonic()
    with log_path.open("w") as log:
        process = subprocess.Popen(command, cwd=project, env=starter_env(), stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    running = RunningStarter(process, port, log_path, 0.0)
    deadline = start + START_TIMEOUT_S
    while _get(f"{running.url}/") != 200:
        if process.poll() is not None:
            raise RuntimeError(f"starter bot stopped (code {process.returncode}):\n{running.log()}")
        if time.monotonic() > deadline:
            running.stop()
            raise RuntimeError(f"starter bot not up in {START_TIMEOUT_S} s:\n{running.log()}")
        time.sleep(0.2)
    running.start_seconds = time.monotonic() - start
    return running
