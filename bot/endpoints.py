"""Write the endpoints file Rasa reads: action server and tracker store, from Settings."""
from __future__ import annotations

import os
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


LOCK_STORE_CLASS = "bot.lock_store.WerkbaarRedisLockStore"


def lock_store_config(url: str) -> dict | None:
    """Translate a redis:// URL into lock store settings (None: Rasa's in-memory lock store).

    The password is left out on purpose: bot/lock_store.py reads it from the environment
    (WERKBAAR_REDIS_PASSWORD or the URL), so it is never written to disk."""
    if not url:
        return None
    from urllib.parse import urlsplit

    parsed = urlsplit(url)
    if parsed.scheme not in ("redis", "rediss") or not parsed.hostname:
        raise ValueError("WERKBAAR_LOCK_STORE_URL moet een redis://host:poort/db-adres zijn.")
    db = parsed.path.strip("/") or "0"
    if not db.isdigit():
        raise ValueError("WERKBAAR_LOCK_STORE_URL: het databasenummer na de / moet een getal zijn.")
    config = {"type": LOCK_STORE_CLASS, "url": parsed.hostname, "port": parsed.port or 6379,
              "db": int(db), "key_prefix": os.environ.get("WERKBAAR_LOCK_KEY_PREFIX", "werkbaar")}
    if parsed.username:
        config["username"] = parsed.username
    if parsed.scheme == "rediss":
        config["use_ssl"] = True
    return config


def write_endpoints(settings: Settings) -> Path:
    content = {
        "action_endpoint": {"url": f"{settings.actions_url}/webhook"},
        "tracker_store": tracker_store_config(settings.effective_tracker_url(),
                                              settings.retention_days),
    }
    lock_store = lock_store_config(settings.lock_store_url)
    if lock_store:
        content["lock_store"] = lock_store
    path = settings.data / "endpoints.yml"
    path.write_text(yaml.safe_dump(content, sort_keys=False), encoding="utf-8")
    path.chmod(0o600)  # may hold a database password
    return path
