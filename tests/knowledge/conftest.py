"""Shared fixtures for the knowledge package tests."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # make `knowledge` and `tests.support` importable
    sys.path.insert(0, str(ROOT))

from tests.support.postgres import postgres_server, postgres_url  # noqa: E402,F401

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURE_CONTENT = FIXTURES / "content"
BROKEN = FIXTURES / "broken"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch, tmp_path):
    """Never touch the developer's real store: point the data dir at a temp dir."""
    monkeypatch.setenv("WERKBAAR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("WERKBAAR_KNOWLEDGE_URL", raising=False)


@pytest.fixture
def content_dir(tmp_path) -> Path:
    """A writable copy of the fixture content."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'kb.db'}"


@pytest.fixture(scope="session")
def fixture_kb(tmp_path_factory):
    """A KnowledgeBase built from the fixture content (shared, read-only)."""
    from knowledge.base import KnowledgeBase
    from knowledge.store import build_store

    url = f"sqlite:///{tmp_path_factory.mktemp('kb') / 'fixture.db'}"
    build_store(url, FIXTURE_CONTENT)
    return KnowledgeBase.open(url)


def subprocess_env(**extra: str) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


@pytest.fixture(scope="session")
def real_kb(tmp_path_factory):
    """A KnowledgeBase on the real content (knowledge/content), in a temporary SQLite file."""
    from knowledge.base import KnowledgeBase
    from knowledge.config import CONTENT_DIR
    from knowledge.store import build_store

    url = f"sqlite:///{tmp_path_factory.mktemp('kb-real') / 'real.db'}"
    build_store(url, CONTENT_DIR)
    return KnowledgeBase.open(url)


@pytest.fixture(scope="module")
def real_content():
    """The project's own content (knowledge/content), validated; a clear failure if not."""
    from knowledge.config import CONTENT_DIR
    from knowledge.errors import ContentError
    from knowledge.validation import load_content

    try:
        return load_content(CONTENT_DIR)
    except ContentError as error:
        pytest.fail(f"The real content does not validate:\n{error}", pytrace=False)
