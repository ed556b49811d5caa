"""The configuration of `werkbaar productie`: read from the environment, checked before anything
starts, and the one connection to the tracker and lock stores before the replicas start."""
from __future__ import annotations

import os
import shutil
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from bot.servers import StartupError
from bot.settings import Settings, env_int

DEFAULT_PROXY_PORT = 8080
DEFAULT_ACTIONS_PROXY_PORT = 5050
DEFAULT_LOCK_LIFETIME_S = 20  # how long a dead replica blocks its conversations (bot/lock_store.py)


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
        """ValueError (Dutch) when a number in the environment is no whole number."""
        return cls(
            settings=Settings(),
            replicas=env_int("WERKBAAR_REPLICAS", 2),
            action_servers=env_int("WERKBAAR_ACTION_SERVERS", 1),
            actions_proxy_port=env_int("WERKBAAR_ACTIONS_PROXY_PORT",
                                       DEFAULT_ACTIONS_PROXY_PORT),
            proxy_host=os.environ.get("WERKBAAR_PROXY_HOST", "127.0.0.1"),
            proxy_port=env_int("WERKBAAR_PROXY_PORT", DEFAULT_PROXY_PORT),
            lock_lifetime=env_int("WERKBAAR_LOCK_LIFETIME", DEFAULT_LOCK_LIFETIME_S),
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


def check_stores(config: ProductionConfig, endpoints: Path) -> None:
    """Connect once to the tracker and lock stores of the endpoints file before any replica
    starts. This also creates the tracker tables, so N replicas starting at once do not race to
    create them. StartupError (Dutch, no passwords) when a store cannot be reached."""
    import warnings

    with warnings.catch_warnings():  # library deprecation noise at import time
        warnings.simplefilter("ignore")
        from rasa.core.lock_store import LockStore
        from rasa.core.tracker_store import TrackerStore
        from rasa.utils.endpoints import read_endpoint_config

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            TrackerStore.create(read_endpoint_config(str(endpoints), "tracker_store"))
    except Exception as error:
        raise StartupError(
            f"Tracker store niet bereikbaar ({mask_url(config.settings.tracker_url)}):"
            f" {type(error).__name__}") from error
    if config.settings.lock_store_url:
        try:
            LockStore.create(read_endpoint_config(str(endpoints), "lock_store"))
        except Exception as error:
            raise StartupError(
                f"Lock store niet bereikbaar "
                f"({mask_url(config.settings.lock_store_url)}): "
                f"{type(error).__name__}: {mask_url(str(error))}") from error
