"""Locations: project root, content directory, data directory and database URL."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
CONTENT_DIR = PACKAGE_DIR / "content"

ENV_URL = "WERKBAAR_KNOWLEDGE_URL"
ENV_DATA_DIR = "WERKBAAR_DATA_DIR"


def data_dir() -> Path:
    """The data directory: $WERKBAAR_DATA_DIR or <project root>/.werkbaar."""
    value = os.environ.get(ENV_DATA_DIR)
    return Path(value).expanduser() if value else PROJECT_ROOT / ".werkbaar"


def database_url(url: str | None = None) -> str:
    """The knowledge store URL: explicit argument, $WERKBAAR_KNOWLEDGE_URL or SQLite default."""
    if url:
        return url
    env = os.environ.get(ENV_URL)
    if env:
        return env
    return f"sqlite:///{data_dir() / 'knowledge.db'}"


def content_dir(directory: str | os.PathLike | None = None) -> Path:
    """The content directory (default: knowledge/content)."""
    return Path(directory) if directory else CONTENT_DIR
