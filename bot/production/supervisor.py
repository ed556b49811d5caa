"""The processes of `werkbaar productie`: action server(s), Rasa replicas and nginx, started in
that order and supervised. A replica or action server that dies is started again (nginx skips it
meanwhile); if nginx dies, everything stops. Ports and process ids go to <data dir>/productie.json.
"""
from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bot.endpoints import write_endpoints
from bot.production.config import ProductionConfig, check_stores
from bot.production.nginx import nginx_command, write_nginx_config
from bot.servers import (READY_TIMEOUT_S, StartupError, _get, _model_loaded, actions_command,
                         rasa_command, spawn, stop_processes, wait_for)
from knowledge.exit_codes import EXIT_FAILED

MAX_RESTARTS = 5  # per child within RESTART_WINDOW_S, then the runner gives up
RESTART_WINDOW_S = 600
STATE_FILE = "productie.json"


@dataclass
class Production:
    """The running set: action server(s), Rasa replicas and nginx, supervised."""

    config: ProductionConfig
    model: Path
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    commands: dict[str, tuple[list[str], dict[str, str]]] = field(default_factory=dict)
    restarts: dict[str, list[float]] = field(default_factory=dict)
    endpoints: Path | None = None

    # -- preparation ----------------------------------------------------------------------
    def prepare(self) -> None:
        """Endpoints file, tracker schema and lock store check, nginx config test."""
        # The replicas reach the action servers through nginx's internal listener.
        endpoint_settings = dataclasses.replace(self.config.settings,
                                                actions_port=self.config.actions_proxy_port)
        try:
            self.endpoints = write_endpoints(endpoint_settings)
        except ValueError as error:
            raise StartupError(str(error)) from error
        check_stores(self.config, self.endpoints)
        write_nginx_config(self.config)

    # -- processes ------------------------------------------------------------------------
    def _spawn(self, name: str, command: list[str], extra_env: dict[str, str]) -> None:
        self.commands[name] = (command, extra_env)
        self.processes[name] = spawn(command, extra_env)

    def start_actions(self) -> None:
        for index, port in enumerate(self.config.action_ports, start=1):
            self._spawn(f"actieserver-{index}", actions_command(port),
                        {"SANIC_HOST": self.config.settings.host})

    def start_replicas(self) -> None:
        settings = self.config.settings
        for index, port in enumerate(self.config.replica_ports, start=1):
            command = rasa_command(self.model, self.endpoints, settings.host, port,
                                   self.config.api_token, settings.cors_origins)
            self._spawn(f"replica-{index}", command,
                        {"TICKET_LOCK_LIFETIME": str(self.config.lock_lifetime)})

    def start_proxy(self) -> None:
        self._spawn("nginx", nginx_command(self.config), {})

    def start(self) -> float:
        """Start everything and wait until the proxy answers; returns the seconds it took."""
        start = time.monotonic()
        self.start_actions()
        self.start_replicas()
        wait_for(self._backend_checks(), READY_TIMEOUT_S, self._check_alive)
        self.start_proxy()
        wait_for({"nginx": lambda: _get(f"{self.config.proxy_url}/health")[0] == 200 and
                  _get(f"http://{self.config.settings.host}:"
                       f"{self.config.actions_proxy_port}/health")[0] == 200},
                 30, self._check_alive)
        self.write_state()
        return time.monotonic() - start

    def _backend_checks(self) -> dict:
        host, token = self.config.settings.host, self.config.api_token
        checks = {}
        for index, port in enumerate(self.config.action_ports, start=1):
            checks[f"actieserver-{index}"] = (
                lambda p=port: _get(f"http://{host}:{p}/health")[0] == 200)
        for index, port in enumerate(self.config.replica_ports, start=1):
            checks[f"replica-{index}"] = (
                lambda p=port: _model_loaded(_get(f"http://{host}:{p}/status?token={token}")))
        return checks

    def _check_alive(self) -> None:
        for name, process in self.processes.items():
            if process.poll() is not None:
                raise StartupError(f"{name} is gestopt tijdens het opstarten "
                                   f"(code {process.returncode}). Poort al in gebruik?")

    def write_state(self) -> Path:
        """<data dir>/productie.json: ports and process ids, for operators and tests."""
        host = self.config.settings.host
        ports = {**{f"replica-{i}": p for i, p in enumerate(self.config.replica_ports, 1)},
                 **{f"actieserver-{i}": p for i, p in enumerate(self.config.action_ports, 1)},
                 "nginx": self.config.proxy_port}
        state = {
            "proxy": self.config.proxy_url,
            "processes": {name: {"pid": proc.pid, "port": ports.get(name),
                                 "address": f"{host}:{ports.get(name)}"}
                          for name, proc in self.processes.items()},
        }
        path = self.config.settings.data / STATE_FILE
        path.write_text(json.dumps(state, indent=2), encoding="utf-8")
        return path

    def supervise(self, poll_s: float = 0.5) -> int:
        """Run until nginx stops (or we are interrupted); restart dead replicas and action
        servers. Returns an exit code."""
        while True:
            for name, process in list(self.processes.items()):
                code = process.poll()
                if code is None:
                    continue
                if name == "nginx" or not self.config.restart:
                    print(f"{name} is gestopt (code {code}).", file=sys.stderr)
                    return EXIT_FAILED
                now = time.monotonic()
                recent = [t for t in self.restarts.get(name, []) if now - t < RESTART_WINDOW_S]
                if len(recent) >= MAX_RESTARTS:
                    print(f"{name} stopt steeds (code {code}); Werkbaar stopt.", file=sys.stderr)
                    return EXIT_FAILED
                self.restarts[name] = [*recent, now]
                print(f"{name} is gestopt (code {code}); opnieuw starten. nginx stuurt "
                      "berichten intussen naar de andere replica's.", file=sys.stderr)
                sys.stderr.flush()
                command, extra_env = self.commands[name]
                self._spawn(name, command, extra_env)
                self.write_state()
            time.sleep(poll_s)

    def stop(self, grace_s: float = 15.0) -> None:
        # nginx first, so no new message reaches a replica that is stopping.
        order = sorted(self.processes.items(), key=lambda item: item[0] != "nginx")
        stop_processes([process for _, process in order], grace_s)
