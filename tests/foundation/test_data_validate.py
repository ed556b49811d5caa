"""`rasa data validate` must run clean: no errors and no warnings."""
from __future__ import annotations

import subprocess
import sys

from bot.paths import PROJECT_ROOT
from bot.quiet import child_env


def test_rasa_data_validate_has_no_warnings():
    result = subprocess.run(
        [sys.executable, "-m", "bot.launch", "rasa", "data", "validate", "--fail-on-warnings",
         "--config", "config.yml", "--domain", "domain.yml", "--data", "data"],
        cwd=PROJECT_ROOT, env=child_env(), capture_output=True, text=True, timeout=600,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "UserWarning" not in output, output
