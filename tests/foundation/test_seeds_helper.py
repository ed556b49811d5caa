"""tests/support/seeds.py: tests that need the source documents run, skip or fail as promised.

Present -> the test runs; absent folder or document -> skipped with one line naming the
documents, the folder and WERKBAAR_SEEDS_DIR; the same under CI=true -> a failure with that line.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.support import seeds
from tests.support.seeds import SEED_FILES, require_seeds, seed_path

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv(seeds.ENV_VAR, raising=False)
    return monkeypatch


def full_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for file in SEED_FILES.values():
        (folder / file).write_text(f"text of {file}\n", encoding="utf-8")
    return folder


def assert_clear_line(message: str, folder: Path, files) -> None:
    assert "\n" not in message
    assert str(folder) in message
    assert "WERKBAAR_SEEDS_DIR" in message
    for file in files:
        assert file in message


def test_present_folder_is_returned(env, tmp_path):
    folder = full_folder(tmp_path)
    env.setenv(seeds.ENV_VAR, str(folder))
    assert require_seeds() == folder
    assert seed_path("richtlijn").read_text(encoding="utf-8").startswith("text of 000_")
    assert seeds.read_seed("004_f82f080668fb521c.txt").startswith("text of 004_")


def test_empty_folder_skips_with_one_clear_line(env, tmp_path):
    env.setenv(seeds.ENV_VAR, str(tmp_path))
    with pytest.raises(pytest.skip.Exception) as skipped:
        require_seeds()
    assert_clear_line(skipped.value.msg, tmp_path, SEED_FILES.values())
    assert "folder absent" not in skipped.value.msg


def test_absent_folder_skips(env, tmp_path):
    absent = tmp_path / "nowhere"
    env.setenv(seeds.ENV_VAR, str(absent))
    with pytest.raises(pytest.skip.Exception) as skipped:
        seed_path("ser")
    assert_clear_line(skipped.value.msg, absent, [SEED_FILES["ser"]])
    assert "folder absent" in skipped.value.msg


def test_one_missing_document_names_only_that_one(env, tmp_path):
    folder = full_folder(tmp_path)
    (folder / SEED_FILES["visie"]).unlink()
    env.setenv(seeds.ENV_VAR, str(folder))
    assert seed_path("richtlijn") == folder / SEED_FILES["richtlijn"]
    with pytest.raises(pytest.skip.Exception) as skipped:
        require_seeds()
    assert_clear_line(skipped.value.msg, folder, [SEED_FILES["visie"]])
    assert SEED_FILES["richtlijn"] not in skipped.value.msg


@pytest.mark.parametrize("value", ["true", "TRUE", "1"])
def test_ci_fails_with_the_same_line(env, tmp_path, value):
    env.setenv(seeds.ENV_VAR, str(tmp_path))
    with pytest.raises(pytest.skip.Exception) as skipped:
        require_seeds()
    env.setenv("CI", value)
    with pytest.raises(pytest.fail.Exception) as failed:
        require_seeds()
    assert failed.value.msg == skipped.value.msg
    assert failed.value.pytrace is False


@pytest.mark.parametrize("value", ["", "false", "0"])
def test_ci_not_true_still_skips(env, tmp_path, value):
    env.setenv(seeds.ENV_VAR, str(tmp_path))
    env.setenv("CI", value)
    with pytest.raises(pytest.skip.Exception):
        require_seeds()


def test_default_and_relative_locations(env):
    assert seeds.seeds_dir() == ROOT.parent / "shared" / "seeds"
    env.setenv(seeds.ENV_VAR, "  ")
    assert seeds.seeds_dir() == ROOT.parent / "shared" / "seeds"
    env.setenv(seeds.ENV_VAR, "../elsewhere/seeds")
    assert seeds.seeds_dir() == ROOT / "../elsewhere/seeds"


def test_unknown_document_is_a_programming_error(env, tmp_path):
    env.setenv(seeds.ENV_VAR, str(full_folder(tmp_path)))
    with pytest.raises(KeyError):
        seed_path("wikipedia")


def run_pytest(tmp_path: Path, **extra_env: str) -> subprocess.CompletedProcess:
    """Run pytest (with the project's -ra) on a small test that needs a seed."""
    (tmp_path / "test_needs_seed.py").write_text(textwrap.dedent("""
        from tests.support.seeds import seed_path

        def test_reads_guideline():
            assert seed_path("richtlijn").read_text(encoding="utf-8")
    """), encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    env.update(PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""), **extra_env)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-ra", "-p", "no:cacheprovider", "--rootdir",
         str(tmp_path), "-c", os.devnull, str(tmp_path / "test_needs_seed.py")],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)


def test_summary_shows_the_skip_and_the_ci_failure(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    run = tmp_path / "run"
    run.mkdir()
    skipped = run_pytest(run, WERKBAAR_SEEDS_DIR=str(empty))
    assert skipped.returncode == 0, skipped.stdout + skipped.stderr
    assert "1 skipped" in skipped.stdout
    skip_lines = [line for line in skipped.stdout.splitlines() if line.startswith("SKIPPED")]
    assert len(skip_lines) == 1 and SEED_FILES["richtlijn"] in skip_lines[0], skipped.stdout
    assert "WERKBAAR_SEEDS_DIR" in skip_lines[0] and str(empty) in skip_lines[0]

    failed = run_pytest(run, WERKBAAR_SEEDS_DIR=str(empty), CI="true")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "1 failed" in failed.stdout
    assert "skipped" not in failed.stdout.splitlines()[-1]
    fail_lines = [line for line in failed.stdout.splitlines() if line.startswith("FAILED")]
    assert len(fail_lines) == 1 and SEED_FILES["richtlijn"] in fail_lines[0], failed.stdout
    assert "WERKBAAR_SEEDS_DIR" in fail_lines[0]
