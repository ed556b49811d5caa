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
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from bot.endpoints import write_endpoints
from bot.paths import PROJECT_ROOT
from bot.quiet import child_env
from bot.settings import Settings, api_token

READY_TIMEOUT_S = 180
# A crashed action server is started again, at most this often per window (then we give up).
ACTIONS_RESTARTS = 5
ACTIONS_RESTART_WINDOW_S = 60.0
# Exit code of the action server when it cannot open the knowledge store
# (actions/knowledge_access.py).
KNOWLEDGE_EXIT_CODE = 3


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
    actions_restarts: deque = field(default_factory=deque)  # monotonic times of restarts

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
            if process.poll() is None:
                continue
            if name == "actieserver" and process.returncode == KNOWLEDGE_EXIT_CODE:
                raise StartupError(
                    "De actieserver kan de kennisbank niet openen (zie de melding hierboven). "
                    "Bouw de kennisbank opnieuw met: werkbaar kennisbank laden")
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

    def stop_process(self, name: str, grace_s: float = 15.0) -> None:
        """Stop one server (and its process group), e.g. the action server in a fault test."""
        process = self.processes[name]
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=grace_s)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def restart_actions(self) -> bool:
        """Start a crashed action server again; False when it crashed too often lately."""
        now = time.monotonic()
        while self.actions_restarts and now - self.actions_restarts[0] > ACTIONS_RESTART_WINDOW_S:
            self.actions_restarts.popleft()
        if len(self.actions_restarts) >= ACTIONS_RESTARTS:
            return False
        self.actions_restarts.append(now)
        self.start_actions()
        return True

    def wait(self, poll_s: float = 0.5) -> int:
        """Keep the servers running until one cannot go on (or we are interrupted).

        A crashed action server is started again (at most ACTIONS_RESTARTS times per
        ACTIONS_RESTART_WINDOW_S); meanwhile Rasa answers custom actions with a friendly
        'try again' line (bot/channels/rest.py). If the Rasa server stops, so do we.
        """
        while True:
            actions = self.processes.get("actieserver")
            if actions is not None and actions.poll() is not None:
                code = actions.returncode
                if not self.restart_actions():
                    print(f"De actieserver is {ACTIONS_RESTARTS} keer gestopt binnen "
                          f"{ACTIONS_RESTART_WINDOW_S:.0f} s (laatste code {code}). Werkbaar "
                          "stopt; kijk in de meldingen hierboven wat er misgaat.",
                          file=sys.stderr, flush=True)
                    return 1
                print(f"De actieserver was gestopt (code {code}) en is opnieuw gestart "
                      f"({len(self.actions_restarts)} van maximaal {ACTIONS_RESTARTS} keer "
                      f"per {ACTIONS_RESTART_WINDOW_S:.0f} s).", file=sys.stderr, flush=True)
            for name, process in self.processes.items():
                if name != "actieserver" and process.poll() is not None:
                    print(f"De {name} is gestopt (code {process.returncode}).",
                          file=sys.stderr, flush=True)
                    return 1
            time.sleep(poll_s)


def _model_loaded(response: tuple[int, bytes]) -> bool:
    status, body = response
    if status != 200:
        return False
    try:
        return bool(json.loads(body or b"{}").get("model_file"))
    except ValueError:
        return False
