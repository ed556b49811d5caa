"""Shared fixtures: the real running assistant, started once per test session."""
from __future__ import annotations

import uuid

import pytest

from tests.support.assistant import RunningAssistant, start_assistant


@pytest.fixture(scope="session")
def assistant(tmp_path_factory) -> RunningAssistant:
    running = start_assistant(tmp_path_factory.mktemp("werkbaar-data"))
    yield running
    running.stop()


@pytest.fixture
def sender() -> str:
    """A fresh conversation id per test."""
    return f"test-{uuid.uuid4().hex[:12]}"
