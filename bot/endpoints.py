"""Write the endpoints file Rasa reads: action server and tracker store, from Settings."""
from __future__ import annotations

from pathlib import Path

import yaml
from sqlalchemy.engine import make_url

from bot.settings import Settings


def tracker_store_config(url: str) -> dict:
    """Translate a SQLAlchemy URL into Rasa's SQLTrackerStore settings."""
    parsed = make_url(url)
    config = {"type": "SQL", "dialect": parsed.drivername, "db": parsed.database}
    for key, value in (
        ("host", parsed.host), ("port", parsed.port),
        ("username", parsed.username), ("password", parsed.password),
    ):
        if value is not None:
            config[key] = value
    return config


def write_endpoints(settings: Settings) -> Path:
    content = {
        "action_endpoint": {"url": f"{settings.actions_url}/webhook"},
        "tracker_store": tracker_store_config(settings.effective_tracker_url()),
    }
    path = settings.data / "endpoints.yml"
    path.write_text(yaml.safe_dump(content, sort_keys=False), encoding="utf-8")
    path.chmod(0o600)  # may hold a database password
    return path
