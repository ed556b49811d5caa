"""`rasa test` on the test conversations (tests/stories) with --fail-on-prediction-errors:
intents and next actions of the real trained model, story by story."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.paths import PROJECT_ROOT
from bot.quiet import child_env
from bot.training import ensure_trained

STORIES = PROJECT_ROOT / "tests" / "stories"

pytestmark = pytest.mark.slow


def test_test_conversations_have_no_prediction_errors(tmp_path: Path):
    model = ensure_trained(echo=lambda *_: None)
    result = subprocess.run(
        [sys.executable, "-m", "bot.launch", "rasa", "test", "core", "--model", str(model),
         "--stories", str(STORIES), "--out", str(tmp_path), "--fail-on-prediction-errors",
         "--no-plot", "--quiet"],
        cwd=PROJECT_ROOT, env=child_env(), capture_output=True, text=True, timeout=1200,
    )
    failed = tmp_path / "failed_test_stories.yml"
    details = failed.read_text() if failed.exists() else ""
    assert result.returncode == 0, (details or result.stdout[-3000:]) + result.stderr[-2000:]
    assert "# predicted:" not in details, details
