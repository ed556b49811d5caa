"""Run-time settings, from the environment with embedded defaults (no external services)."""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from bot.paths import data_dir


def env_int(name: str, default: int) -> int:
    """A whole number from the environment; `default` when unset or empty. ValueError (Dutch)
    when it is no whole number."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ValueError(f"{name} moet een geheel getal zijn, niet {value!r}.") from error


def api_token() -> str:
    """Token that guards Rasa's HTTP API. WERKBAAR_API_TOKEN, or one generated per data dir."""
    token = os.environ.get("WERKBAAR_API_TOKEN", "").strip()
    if token:
        return token
    path = data_dir() / "api-token"
    if not path.exists():
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(32), encoding="utf-8")
    return path.read_text(encoding="utf-8").strip()


DEFAULT_RETENTION_DAYS = 30


def retention_days() -> int:
    """WERKBAAR_RETENTION_DAYS: days a conversation is kept after its last message (default 30)."""
    days = env_int("WERKBAAR_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)
    if days < 1:
        raise ValueError("WERKBAAR_RETENTION_DAYS moet 1 of meer zijn.")
    return days


@dataclass
class Settings:
    host: str = field(default_factory=lambda: os.environ.get("WERKBAAR_HOST", "127.0.0.1"))
    port: int = field(default_factory=lambda: env_int("WERKBAAR_PORT", 5005))
    actions_port: int = field(default_factory=lambda: env_int("WERKBAAR_ACTIONS_PORT", 5055))
    # Origins allowed to call the chat channels from a browser (space or comma separated).
    cors_origins: list[str] = field(
        default_factory=lambda: os.environ.get("WERKBAAR_CORS_ORIGINS", "")
        .replace(",", " ").split()
    )
    # SQLAlchemy URL of the tracker store; SQLite in the data dir by default.
    tracker_url: str = field(default_factory=lambda: os.environ.get("WERKBAAR_TRACKER_URL", ""))
    # Redis URL of the lock store (redis://[:password@]host:port/db); empty: Rasa's in-memory
    # lock store, which is only correct for a single Rasa process. See bot/lock_store.py.
    lock_store_url: str = field(
        default_factory=lambda: os.environ.get("WERKBAAR_LOCK_STORE_URL", "").strip()
    )
    data: Path = field(default_factory=data_dir)
    # Days a conversation is kept after its last message (AVG: no longer than needed).
    retention_days: int = field(default_factory=lambda: retention_days())

    @property
    def rasa_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def actions_url(self) -> str:
        return f"http://{self.host}:{self.actions_port}"

    @property
    def rest_webhook(self) -> str:
        return f"{self.rasa_url}/webhooks/rest/webhook"

    @property
    def chat_page(self) -> str:
        return f"{self.rasa_url}/webhooks/chat/"

    @property
    def widget_script(self) -> str:
        return f"{self.rasa_url}/webhooks/chat/widget.js"

    def effective_tracker_url(self) -> str:
        return self.tracker_url or f"sqlite:///{self.data / 'tracker.db'}"
