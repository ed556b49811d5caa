"""Write the endpoints file Rasa reads: action server and tracker store, from Settings."""
from __future__ import annotations

from pathlib import Path

import yaml
from sqlalchemy.engine import make_url

from bot.settings import Settings


TRACKER_STORE_CLASS = "bot.tracker_store.PrivacyTrackerStore"


def tracker_store_config(url: str, retention_days: int = 30) -> dict:
    """Translate a SQLAlchemy URL into settings of Rasa's SQLTrackerStore, as the subclass that
    stores no message text and erases on request (bot/tracker_store.py)."""
    parsed = make_url(url)
    config = {"type": TRACKER_STORE_CLASS, "dialect": parsed.drivername, "db": parsed.database,
              "retention_days": retention_days}
    # Rasa passes a custom store's `url` as `host` (rasa/core/tracker_store.py
    # _load_from_module_name_in_endpoint_config): a `host` key would be given twice.
    for key, value in (
        ("url", parsed.host), ("port", parsed.port),
        ("username", parsed.username), ("password", parsed.password),
    ):
        if value is not None:
            config[key] = value
    return config


def write_endpoints(settings: Settings) -> Path:
    content = {
        "action_endpoint": {"url": f"{settings.actions_url}/webhook"},
        "tracker_store": tracker_store_config(settings.effective_tracker_url(),
                                              settings.retention_days),
    }
    path = settings.data / "endpoints.yml"
    path.write_text(yaml.safe_dump(content, sort_keys=False), encoding="utf-8")
    path.chmod(0o600)  # may hold a database password
    return path
