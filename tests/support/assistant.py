"""Start the real assistant (`werkbaar run`: action server + Rasa server) for tests.

Ports are picked free on 127.0.0.1, state goes to a temporary data dir, and the trained model
is shared through the project's models/ dir (hash-keyed, so it is trained at most once).
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests

PROJECT_ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 900  # includes a first training on a cold machine


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class RunningAssistant:
    process: subprocess.Popen
    port: int
    actions_port: int
    data_dir: Path
    log_path: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def webhook(self) -> str:
        return f"{self.url}/webhooks/rest/webhook"

    @property
    def api_token(self) -> str:
        return (self.data_dir / "api-token").read_text().strip()

    def send(self, message: str, sender: str, timeout: float = 30) -> list[dict]:
        response = requests.post(
            self.webhook, json={"sender": sender, "message": message}, timeout=timeout
        )
        response.raise_for_status()
        return response.json()

    def texts(self, message: str, sender: str) -> list[str]:
        return [m.get("text", "") for m in self.send(message, sender)]

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self, timeout: float = 60, sig: int = signal.SIGTERM) -> int:
        if self.process.poll() is None:
            # SIGTERM by default: a process started from a non-interactive shell's background
            # job ignores SIGINT; `werkbaar run` stops both servers on either.
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        return self.process.returncode


def start_assistant(data_dir: Path, extra_env: dict[str, str] | None = None) -> RunningAssistant:
    data_dir.mkdir(parents=True, exist_ok=True)
    port, actions_port = free_port(), free_port()
    log_path = data_dir / "werkbaar-run.log"
    env = dict(os.environ, WERKBAAR_DATA_DIR=str(data_dir), PYTHONUNBUFFERED="1")
    env.update(extra_env or {})
    log = log_path.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run",
         "--port", str(port), "--actions-port", str(actions_port)],
        cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    assistant = RunningAssistant(process, port, actions_port, data_dir, log_path)
    deadline = time.monotonic() + START_TIMEOUT_S
    while "Werkbaar is klaar" not in assistant.log():
        if process.poll() is not None:
            raise RuntimeError(f"werkbaar run stopped (code {process.returncode}):\n{assistant.log()}")
        if time.monotonic() > deadline:
            assistant.stop()
            raise RuntimeError(f"werkbaar run not ready in {START_TIMEOUT_S} s:\n{assistant.log()}")
        time.sleep(1)
    return assistant
