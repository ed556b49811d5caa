"""Shared fixtures: the real running assistant, started once per test session."""
from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from tests.support.assistant import RunningAssistant, start_assistant
from tests.support.seeds import require_seeds


@pytest.fixture(scope="session")
def assistant(tmp_path_factory) -> RunningAssistant:
    running = start_assistant(tmp_path_factory.mktemp("werkbaar-data"))
    yield running
    running.stop()


@pytest.fixture
def sender() -> str:
    """A fresh conversation id per test."""
    return f"test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def seeds_folder() -> Path:
    """The folder with all five source documents (WERKBAAR_SEEDS_DIR, default ../shared/seeds).

    Skips the test with one line saying what is missing and where to put it; fails instead
    under CI=true. For one document use tests.support.seeds.seed_path("richtlijn") etc.
    """
    return require_seeds()
