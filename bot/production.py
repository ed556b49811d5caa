"""`werkbaar productie`: Werkbaar on one host as in production, without Docker.

    nginx (public port) ──> N Rasa replicas (consecutive loopback ports)
                               │  tracker store: PostgreSQL   lock store: Redis
                               └─> nginx (internal port) ──> action server(s)
                                                               └─ knowledge store: PostgreSQL

Every replica runs the same model with the same endpoints file (tracker store, lock store,
action server URL). nginx is rendered from deploy/nginx.conf.template into
<data dir>/nginx/ and runs with its own prefix, pid, logs and temp dirs. The runner supervises
the children: a replica or action server that dies is started again (nginx skips it meanwhile);
if nginx dies, everything stops. Settings come from the environment (deploy/README.md);
secrets are never read from files in the repository.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from bot.endpoints import write_endpoints
from bot.paths import PROJECT_ROOT
from bot.quiet import child_env
from bot.servers import READY_TIMEOUT_S, StartupError, _get, _model_loaded
from bot.settings import Settings

TEMPLATE = PROJECT_ROOT / "deploy" / "nginx.conf.template"
DEFAULT_PROXY_PORT = 8080
DEFAULT_ACTIONS_PROXY_PORT = 5050
DEFAULT_LOCK_LIFETIME_S = 20  # how long a dead replica blocks its conversations (bot/lock_store.py)
MAX_RESTARTS = 5  # per child within RESTART_WINDOW_S, then the runner gives up
RESTART_WINDOW_S = 600
STATE_FILE = "productie.json"


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as error:
        raise StartupError(f"{name} moet een geheel getal zijn, niet {value!r}.") from error


def mask_url(url: str) -> str:
    """The URL without its password, for messages and logs."""
    parts = urllib.parse.urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


@dataclass
class ProductionConfig:
    """Everything `werkbaar productie` needs; `from_env()` reads it from the environment."""

    settings: Settings
    replicas: int = 2
    action_servers: int = 1
    actions_proxy_port: int = DEFAULT_ACTIONS_PROXY_PORT
    proxy_host: str = "127.0.0.1"
    proxy_port: int = DEFAULT_PROXY_PORT
    lock_lifetime: int = DEFAULT_LOCK_LIFETIME_S
    api_token: str = ""
    knowledge_url: str = ""
    nginx: str = ""
    replica_header: bool = False
    restart: bool = True

    @classmethod
    def from_env(cls) -> "ProductionConfig":
        return cls(
            settings=Settings(),
            replicas=_env_int("WERKBAAR_REPLICAS", 2),
            action_servers=_env_int("WERKBAAR_ACTION_SERVERS", 1),
            actions_proxy_port=_env_int("WERKBAAR_ACTIONS_PROXY_PORT",
                                        DEFAULT_ACTIONS_PROXY_PORT),
            proxy_host=os.environ.get("WERKBAAR_PROXY_HOST", "127.0.0.1"),
            proxy_port=_env_int("WERKBAAR_PROXY_PORT", DEFAULT_PROXY_PORT),
            lock_lifetime=_env_int("WERKBAAR_LOCK_LIFETIME", DEFAULT_LOCK_LIFETIME_S),
            api_token=os.environ.get("WERKBAAR_API_TOKEN", "").strip(),
            knowledge_url=os.environ.get("WERKBAAR_KNOWLEDGE_URL", "").strip(),
            nginx=os.environ.get("WERKBAAR_NGINX", "") or shutil.which("nginx")
            or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else ""),
            replica_header=os.environ.get("WERKBAAR_PROXY_REPLICA_HEADER", "") == "1",
        )

    @property
    def replica_ports(self) -> list[int]:
        return [self.settings.port + i for i in range(self.replicas)]

    @property
    def action_ports(self) -> list[int]:
        return [self.settings.actions_port + i for i in range(self.action_servers)]

    @property
    def proxy_url(self) -> str:
        host = "127.0.0.1" if self.proxy_host in ("0.0.0.0", "") else self.proxy_host
        return f"http://{host}:{self.proxy_port}"

    @property
    def nginx_prefix(self) -> Path:
        return self.settings.data / "nginx"

    def problems(self) -> list[str]:
        """What is wrong or missing, in Dutch; empty when the configuration can start."""
        found = []
        if len(self.api_token) < 16:
            found.append("WERKBAAR_API_TOKEN ontbreekt of is korter dan 16 tekens "
                         "(geheim voor Rasa's HTTP-API; alleen via de omgeving).")
        tracker = self.settings.tracker_url
        if not tracker or tracker.startswith("sqlite"):
            found.append("WERKBAAR_TRACKER_URL moet naar PostgreSQL wijzen, bijvoorbeeld "
                         "postgresql+psycopg2://werkbaar@db:5432/werkbaar.")
        if self.replicas < 1:
            found.append("WERKBAAR_REPLICAS / --replicas moet 1 of meer zijn.")
        if self.action_servers < 1:
            found.append("WERKBAAR_ACTION_SERVERS / --actieservers moet 1 of meer zijn.")
        if self.replicas > 1 and not self.settings.lock_store_url:
            found.append("Met meer dan één Rasa-replica is een Redis lock store nodig: "
                         "zet WERKBAAR_LOCK_STORE_URL=redis://host:6379/1.")
        if self.lock_lifetime < 5:
            found.append("WERKBAAR_LOCK_LIFETIME moet minstens 5 seconden zijn.")
        if not self.nginx or not Path(self.nginx).exists():
            found.append("nginx niet gevonden: installeer het (apt-get install nginx) of zet "
                         "WERKBAAR_NGINX op het pad van het programma.")
        ports = [*self.replica_ports, *self.action_ports, self.actions_proxy_port,
                 self.proxy_port]
        if len(set(ports)) != len(ports):
            found.append(f"Poorten overlappen: replica's {self.replica_ports}, actieservers "
                         f"{self.action_ports}, interne actieproxy {self.actions_proxy_port}, "
                         f"proxy {self.proxy_port}.")
        return found

    def warnings(self) -> list[str]:
        if not self.knowledge_url or self.knowledge_url.startswith("sqlite"):
            return ["Let op: de kennisbank staat in SQLite; in productie hoort "
                    "WERKBAAR_KNOWLEDGE_URL naar PostgreSQL te wijzen."]
        return []


def render_nginx_config(config: ProductionConfig, template: Path = TEMPLATE) -> str:
    """Fill the {{ name }} placeholders of the nginx template; unknown ones are an error."""
    host = config.settings.host
    values = {
        "prefix": str(config.nginx_prefix),
        "worker_processes": "2",
        "listen": f"{config.proxy_host}:{config.proxy_port}",
        "actions_listen": f"{host}:{config.actions_proxy_port}",
        "rasa_servers": "\n".join(
            f"        server {host}:{port} max_fails=1 fail_timeout=5s;"
            for port in config.replica_ports),
        "action_servers": "\n".join(
            f"        server {host}:{port} max_fails=1 fail_timeout=5s;"
            for port in config.action_ports),
        "connect_timeout": "2",
        "read_timeout": str(config.lock_lifetime + 60),
        "next_upstream_tries": str(max(2, config.replicas)),
        "next_upstream_timeout": "10",
        "replica_header": ("        add_header X-Werkbaar-Replica $upstream_addr always;"
                           if config.replica_header else ""),
    }

    def fill(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            raise KeyError(f"unknown placeholder {{{{ {name} }}}} in {template}")
        return values[name]

    return re.sub(r"\{\{\s*(\w+)\s*\}\}", fill, template.read_text(encoding="utf-8"))


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
        settings = self.config.settings
        # The replicas reach the action servers through nginx's internal listener.
        endpoint_settings = dataclasses.replace(settings,
                                                actions_port=self.config.actions_proxy_port)
        try:
            self.endpoints = write_endpoints(endpoint_settings)
        except ValueError as error:
            raise StartupError(str(error)) from error
        self._check_stores()
        self._write_nginx_config()

    def _check_stores(self) -> None:
        """Connect once to both stores before any replica starts. This also creates the
        tracker tables, so N replicas starting at once do not race to create them."""
        import warnings

        with warnings.catch_warnings():  # library deprecation noise at import time
            warnings.simplefilter("ignore")
            from rasa.core.lock_store import LockStore
            from rasa.core.tracker_store import TrackerStore
            from rasa.utils.endpoints import read_endpoint_config

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                TrackerStore.create(read_endpoint_config(str(self.endpoints), "tracker_store"))
        except Exception as error:
            raise StartupError(
                f"Tracker store niet bereikbaar ({mask_url(self.config.settings.tracker_url)}):"
                f" {type(error).__name__}") from error
        if self.config.settings.lock_store_url:
            try:
                LockStore.create(read_endpoint_config(str(self.endpoints), "lock_store"))
            except Exception as error:
                raise StartupError(
                    f"Lock store niet bereikbaar "
                    f"({mask_url(self.config.settings.lock_store_url)}): "
                    f"{type(error).__name__}: {mask_url(str(error))}") from error

    def _write_nginx_config(self) -> None:
        prefix = self.config.nginx_prefix
        for sub in ("tmp/body", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi"):
            (prefix / sub).mkdir(parents=True, exist_ok=True)
        (prefix / "nginx.conf").write_text(render_nginx_config(self.config), encoding="utf-8")
        result = subprocess.run(self._nginx_command("-t"), capture_output=True, text=True,
                                timeout=30)
        if result.returncode != 0:
            raise StartupError(f"nginx-configuratie afgekeurd:\n{result.stderr.strip()}")

    def _nginx_command(self, *extra: str) -> list[str]:
        prefix = self.config.nginx_prefix
        return [self.config.nginx, "-p", str(prefix), "-e", str(prefix / "error.log"),
                "-c", str(prefix / "nginx.conf"), *extra]

    # -- processes ------------------------------------------------------------------------
    def _spawn(self, name: str, command: list[str], extra_env: dict[str, str]) -> None:
        self.commands[name] = (command, extra_env)
        self.processes[name] = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=child_env(extra_env), start_new_session=True)

    def start_actions(self) -> None:
        for index, port in enumerate(self.config.action_ports, start=1):
            self._spawn(f"actieserver-{index}",
                        [sys.executable, "-m", "bot.launch", "rasa_sdk", "--actions", "actions",
                         "--port", str(port), "--quiet"],
                        {"SANIC_HOST": self.config.settings.host})

    def start_replicas(self) -> None:
        settings = self.config.settings
        for index, port in enumerate(self.config.replica_ports, start=1):
            command = [
                sys.executable, "-m", "bot.launch", "rasa", "run",
                "--model", str(self.model),
                "--endpoints", str(self.endpoints),
                "--credentials", str(PROJECT_ROOT / "credentials.yml"),
                "--interface", settings.host, "--port", str(port),
                "--enable-api", "--auth-token", self.config.api_token,
                "--quiet",
            ]
            if settings.cors_origins:
                command += ["--cors", *settings.cors_origins]
            self._spawn(f"replica-{index}", command,
                        {"TICKET_LOCK_LIFETIME": str(self.config.lock_lifetime)})

    def start_proxy(self) -> None:
        self._spawn("nginx", self._nginx_command(), {})

    def start(self) -> float:
        """Start everything and wait until the proxy answers; returns the seconds it took."""
        start = time.monotonic()
        self.start_actions()
        self.start_replicas()
        self._wait(self._backend_checks(), READY_TIMEOUT_S)
        self.start_proxy()
        self._wait({"nginx": lambda: _get(f"{self.config.proxy_url}/health")[0] == 200 and
                    _get(f"http://{self.config.settings.host}:"
                         f"{self.config.actions_proxy_port}/health")[0] == 200}, 30)
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

    def _wait(self, checks: dict, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        pending = dict(checks)
        while pending:
            for name, process in self.processes.items():
                if process.poll() is not None:
                    raise StartupError(f"{name} is gestopt tijdens het opstarten "
                                       f"(code {process.returncode}). Poort al in gebruik?")
            for name in list(pending):
                if pending[name]():
                    del pending[name]
            if pending and time.monotonic() > deadline:
                raise StartupError(f"Opstarten duurde langer dan {timeout:.0f} s: "
                                   f"{sorted(pending)}")
            if pending:
                time.sleep(0.5)

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
                    return 1
                now = time.monotonic()
                recent = [t for t in self.restarts.get(name, []) if now - t < RESTART_WINDOW_S]
                if len(recent) >= MAX_RESTARTS:
                    print(f"{name} stopt steeds (code {code}); Werkbaar stopt.", file=sys.stderr)
                    return 1
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
        for _, process in order:
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        deadline = time.monotonic() + grace_s
        for _, process in order:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                process.wait()


def _prepare_knowledge(url: str) -> str:
    from knowledge.base import KnowledgeBase
    from knowledge.store import build_store

    result = build_store(url or None)
    stats = KnowledgeBase.open(result.url).stats()
    return (f"Kennisbank {'bijgewerkt' if result.changed else 'actueel'} "
            f"({mask_url(result.url)}): {stats['items']} adviezen.")


def run(args: argparse.Namespace) -> int:
    from bot.nlp import ensure_pipeline
    from bot.training import ensure_trained
    from knowledge.errors import ContentError, KnowledgeStoreError

    try:
        config = ProductionConfig.from_env()
    except (StartupError, ValueError) as error:
        print(error, file=sys.stderr)
        return 2
    for name in ("replicas", "action_servers", "proxy_port", "actions_proxy_port"):
        if getattr(args, name, None):
            setattr(config, name, getattr(args, name))
    if args.port:
        config.settings.port = args.port
    if args.actions_port:
        config.settings.actions_port = args.actions_port
    if args.replica_header:
        config.replica_header = True
    if args.no_restart:
        config.restart = False
    problems = config.problems()
    if problems:
        print("Productie kan niet starten:", *(f"  - {p}" for p in problems),
              sep="\n", file=sys.stderr)
        return 2
    for warning in config.warnings():
        print(warning, file=sys.stderr)

    print(ensure_pipeline().describe())
    from bot.retention import purge_at_start

    print(purge_at_start(config.settings.effective_tracker_url(), config.settings.retention_days))
    try:
        print(_prepare_knowledge(config.knowledge_url))
        model = ensure_trained()
    except (RuntimeError, ContentError, KnowledgeStoreError) as error:
        print(error, file=sys.stderr)
        return 1

    production = Production(config, model)
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    try:
        production.prepare()
        print(f"Servers starten: {config.replicas} Rasa-replica('s), "
              f"{config.action_servers} actieserver(s), nginx...")
        sys.stdout.flush()
        seconds = production.start()
        host = config.settings.host
        print(f"Werkbaar (productie) is klaar (opgestart in {seconds:.0f} s).")
        print(f"  Chat-widget:   {config.proxy_url}/webhooks/chat/")
        print(f"  Chat (REST):   POST {config.proxy_url}/webhooks/rest/webhook")
        print(f"  Replica's:     {', '.join(f'{host}:{p}' for p in config.replica_ports)}"
              " (HTTP-API met token, alleen hier)")
        print(f"  Actieservers:  {', '.join(f'{host}:{p}' for p in config.action_ports)}"
              f" via nginx {host}:{config.actions_proxy_port}")
        print(f"  Tracker store: {mask_url(config.settings.tracker_url)}")
        print(f"  Lock store:    {mask_url(config.settings.lock_store_url) or 'in het geheugen'}"
              f" (lock lifetime {config.lock_lifetime} s)")
        print(f"  Status:        {config.settings.data / STATE_FILE}")
        print("Stoppen: Ctrl-C")
        sys.stdout.flush()
        return production.supervise()
    except StartupError as error:
        print(f"Opstarten mislukt: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nWerkbaar stopt...")
        return 0
    finally:
        production.stop()
        print("Gestopt.")
        sys.stdout.flush()


def register(sub: argparse._SubParsersAction) -> None:
    """Add `werkbaar productie` to the CLI."""
    cmd = sub.add_parser(
        "productie",
        help="start nginx, meerdere Rasa-replica's en de actieserver (zie deploy/README.md)")
    cmd.add_argument("--replicas", type=int, help="aantal Rasa-replica's (standaard 2)")
    cmd.add_argument("--actieservers", dest="action_servers", type=int,
                     help="aantal actieservers (standaard 1)")
    cmd.add_argument("--proxy-port", type=int, help="publieke poort van nginx (standaard 8080)")
    cmd.add_argument("--port", type=int, help="poort van de eerste replica (standaard 5005)")
    cmd.add_argument("--actions-port", type=int,
                     help="poort van de eerste actieserver (standaard 5055)")
    cmd.add_argument("--actions-proxy-port", type=int,
                     help="interne nginx-poort voor de actieservers (standaard 5050)")
    cmd.add_argument("--replica-header", action="store_true",
                     help="nginx zet X-Werkbaar-Replica in elk antwoord (voor tests)")
    cmd.add_argument("--geen-herstart", dest="no_restart", action="store_true",
                     help="niet opnieuw starten als een replica stopt")
    cmd.set_defaults(func=run)
