"""Start the action server and the Rasa server as child processes, and stop them cleanly."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bot.endpoints import write_endpoints
from bot.paths import PROJECT_ROOT
from bot.quiet import child_env
from bot.settings import Settings, api_token

READY_TIMEOUT_S = 180


class StartupError(RuntimeError):
    """A server did not come up; the message is meant for the user (Dutch)."""


def _get(url: str, timeout: float = 2.0) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0, b""


@dataclass
class Assistant:
    """The running pair of servers."""

    settings: Settings
    model: Path
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    def _spawn(self, name: str, command: list[str], extra_env: dict[str, str]) -> None:
        self.processes[name] = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=child_env(extra_env), start_new_session=True
        )

    def start_actions(self) -> None:
        self._spawn(
            "actieserver",
            [sys.executable, "-m", "bot.launch", "rasa_sdk", "--actions", "actions",
             "--port", str(self.settings.actions_port), "--quiet"],
            {"SANIC_HOST": self.settings.host},
        )

    def start_rasa(self) -> None:
        endpoints = write_endpoints(self.settings)
        command = [
            sys.executable, "-m", "bot.launch", "rasa", "run",
            "--model", str(self.model),
            "--endpoints", str(endpoints),
            "--credentials", str(PROJECT_ROOT / "credentials.yml"),
            "--interface", self.settings.host,
            "--port", str(self.settings.port),
            "--enable-api", "--auth-token", api_token(),
            "--quiet",
        ]
        if self.settings.cors_origins:
            command += ["--cors", *self.settings.cors_origins]
        self._spawn("rasa", command, {})

    def _check_alive(self) -> None:
        for name, process in self.processes.items():
            if process.poll() is not None:
                raise StartupError(
                    f"De {name} is gestopt tijdens het opstarten (code {process.returncode}). "
                    "Is de poort al in gebruik? Kies een andere met --port / --actions-port."
                )

    def wait_until_ready(self, timeout: float = READY_TIMEOUT_S) -> float:
        """Block until both servers answer; returns the seconds it took."""
        start = time.monotonic()
        status_url = f"{self.settings.rasa_url}/status?token={api_token()}"
        checks = {
            "actieserver": lambda: _get(f"{self.settings.actions_url}/health")[0] == 200,
            "rasa": lambda: _model_loaded(_get(status_url)),
        }
        pending = dict(checks)
        while pending:
            self._check_alive()
            for name in list(pending):
                if pending[name]():
                    del pending[name]
            if time.monotonic() - start > timeout:
                raise StartupError(f"Opstarten duurde langer dan {timeout:.0f} s: {list(pending)}")
            if pending:
                time.sleep(0.5)
        return time.monotonic() - start

    def stop(self, grace_s: float = 15.0) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + grace_s
        for process in self.processes.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def wait(self) -> int:
        """Wait until a server exits (or we are interrupted); returns an exit code."""
        while True:
            for name, process in self.processes.items():
                if process.poll() is not None:
                    print(f"De {name} is gestopt (code {process.returncode}).", file=sys.stderr)
                    return 1
            time.sleep(0.5)


def _model_loaded(response: tuple[int, bytes]) -> bool:
    status, body = response
    if status != 200:
        return False
    try:
        return bool(json.loads(body or b"{}").get("model_file"))
    except ValueError:
        return False
