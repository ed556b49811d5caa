"""Start the action server and the Rasa server as child processes, and stop them cleanly.

The process helpers (`spawn`, `actions_command`, `rasa_command`, `wait_for`, `stop_processes`)
and `serve_until_stopped` also serve `werkbaar productie` (bot/production/).
"""
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
from typing import Callable, Dict, Iterable, List, Sequence

from bot.endpoints import write_endpoints
from bot.paths import PROJECT_ROOT
from bot.quiet import child_env
from bot.settings import Settings, api_token
from knowledge.exit_codes import EXIT_ERROR, EXIT_FAILED, EXIT_OK

READY_TIMEOUT_S = 180
# A crashed action server is started again, at most this often per window (then we give up).
ACTIONS_RESTARTS = 5
ACTIONS_RESTART_WINDOW_S = 60.0
# Exit code of the action server when it cannot open the knowledge store
# (actions/knowledge_access.py).
KNOWLEDGE_EXIT_CODE = EXIT_ERROR


class StartupError(RuntimeError):
    """A server did not come up; the message is meant for the user (Dutch)."""


def _interrupt(*_) -> None:
    raise KeyboardInterrupt()


def serve_until_stopped(start: Callable[[], int], stop: Callable[[], None]) -> int:
    """Run `start` (it starts the servers, says where they are and blocks while they run,
    returning an exit code), then always `stop`. Ctrl-C and SIGTERM both end in a clean stop
    (exit 0); a StartupError is reported in Dutch (exit 1)."""
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        return start()
    except StartupError as error:
        print(f"Opstarten mislukt: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("\nWerkbaar stopt...")
        return EXIT_OK
    finally:
        stop()
        print("Gestopt.", flush=True)


def spawn(command: List[str], extra_env: Dict[str, str]) -> subprocess.Popen:
    """A server in its own process group (so it can be stopped with all its children)."""
    return subprocess.Popen(command, cwd=PROJECT_ROOT, env=child_env(extra_env),
                            start_new_session=True)


def actions_command(port: int) -> List[str]:
    return [sys.executable, "-m", "bot.launch", "rasa_sdk", "--actions", "actions",
            "--port", str(port), "--quiet"]


def rasa_command(model: Path, endpoints: Path, host: str, port: int, token: str,
                 cors_origins: Sequence[str] = ()) -> List[str]:
    command = [
        sys.executable, "-m", "bot.launch", "rasa", "run",
        "--model", str(model),
        "--endpoints", str(endpoints),
        "--credentials", str(PROJECT_ROOT / "credentials.yml"),
        "--interface", host, "--port", str(port),
        # '=' form: a generated token may start with '-', which argparse would take for a flag.
        "--enable-api", f"--auth-token={token}",
        "--quiet",
    ]
    if cors_origins:
        command += ["--cors", *cors_origins]
    return command


def wait_for(checks: Dict[str, Callable[[], bool]], timeout: float,
             check_alive: Callable[[], None]) -> float:
    """Poll every check until all are true; `check_alive` raises StartupError when a server
    died meanwhile. Returns the seconds it took."""
    start = time.monotonic()
    pending = dict(checks)
    while pending:
        check_alive()
        for name in list(pending):
            if pending[name]():
                del pending[name]
        if pending and time.monotonic() - start > timeout:
            raise StartupError(f"Opstarten duurde langer dan {timeout:.0f} s: {sorted(pending)}")
        if pending:
            time.sleep(0.5)
    return time.monotonic() - start


def _signal_group(process: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        pass


def stop_processes(processes: Iterable[subprocess.Popen], grace_s: float = 15.0) -> None:
    """SIGTERM to each process group in this order, then SIGKILL what is left after grace_s."""
    processes = list(processes)
    for process in processes:
        if process.poll() is None:
            _signal_group(process, signal.SIGTERM)
    deadline = time.monotonic() + grace_s
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            _signal_group(process, signal.SIGKILL)
            process.wait()


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

    def start_actions(self) -> None:
        self.processes["actieserver"] = spawn(actions_command(self.settings.actions_port),
                                              {"SANIC_HOST": self.settings.host})

    def start_rasa(self) -> None:
        endpoints = write_endpoints(self.settings)
        self.processes["rasa"] = spawn(
            rasa_command(self.model, endpoints, self.settings.host, self.settings.port,
                         api_token(), self.settings.cors_origins), {})

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
        status_url = f"{self.settings.rasa_url}/status?token={api_token()}"
        checks = {
            "actieserver": lambda: _get(f"{self.settings.actions_url}/health")[0] == 200,
            "rasa": lambda: _model_loaded(_get(status_url)),
        }
        return wait_for(checks, timeout, self._check_alive)

    def stop(self, grace_s: float = 15.0) -> None:
        stop_processes(self.processes.values(), grace_s)

    def stop_process(self, name: str, grace_s: float = 15.0) -> None:
        """Stop one server (and its process group), e.g. the action server in a fault test."""
        stop_processes([self.processes[name]], grace_s)

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
                    return EXIT_FAILED
                print(f"De actieserver was gestopt (code {code}) en is opnieuw gestart "
                      f"({len(self.actions_restarts)} van maximaal {ACTIONS_RESTARTS} keer "
                      f"per {ACTIONS_RESTART_WINDOW_S:.0f} s).", file=sys.stderr, flush=True)
            for name, process in self.processes.items():
                if name != "actieserver" and process.poll() is not None:
                    print(f"De {name} is gestopt (code {process.returncode}).",
                          file=sys.stderr, flush=True)
                    return EXIT_FAILED
            time.sleep(poll_s)


def _model_loaded(response: tuple[int, bytes]) -> bool:
    status, body = response
    if status != 200:
        return False
    try:
        return bool(json.loads(body or b"{}").get("model_file"))
    except ValueError:
        return False
