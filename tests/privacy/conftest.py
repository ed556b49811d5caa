"""Fixtures for the privacy tests: a real tracker database, SQLite or PostgreSQL."""
from __future__ import annotations

import pytest

from tests.support.postgres import postgres_server, postgres_url  # noqa: F401


@pytest.fixture(params=["sqlite", "postgresql"])
def tracker_url(request, tmp_path) -> str:
    """SQLAlchemy URL of an empty tracker database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'tracker.db'}"
    return request.getfixturevalue("postgres_url")
