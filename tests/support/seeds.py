"""Where tests find the five source documents ("seeds"), and what happens when they are absent.

The source documents are not part of the repository (the knowledge base paraphrases them).
Tests that read them call `require_seeds(...)` (or use the `seeds_dir` fixture in
tests/conftest.py). The folder is `WERKBAAR_SEEDS_DIR`, by default `../shared/seeds` next to the
project root; a relative `WERKBAAR_SEEDS_DIR` is taken relative to the project root.

- folder and documents present: the test runs;
- folder or a needed document absent: the test is SKIPPED with one line naming the documents,
  the folder and the variable (pytest's `-ra` in pyproject.toml prints it in the summary);
- the same under `CI=true`: the test FAILS with that line (CI must never skip silently).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Dict, Iterable, List, Optional

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENV_VAR = "WERKBAAR_SEEDS_DIR"
DEFAULT_SEEDS_DIR = ROOT.parent / "shared" / "seeds"

# Short name (as in the content's `source.document`) -> file name in the seeds folder.
SEED_FILES: Dict[str, str] = {
    "richtlijn": "000_57a5cfb4870ddfe7.txt",
    "ser": "001_84e45a59305f1162.txt",
    "zorgbasics": "002_87fcc9dc919284ef.txt",
    "visie": "003_162f7ab6aa04dc4a.txt",
    "zelfmanagement": "004_f82f080668fb521c.txt",
}
ALL_SEEDS = tuple(SEED_FILES)


def seeds_dir() -> Path:
    """The seeds folder: $WERKBAAR_SEEDS_DIR (relative = relative to the project root)."""
    value = os.environ.get(ENV_VAR, "").strip()
    if not value:
        return DEFAULT_SEEDS_DIR
    path = Path(value).expanduser()
    return path if path.is_absolute() else ROOT / path


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def _file_name(name: str) -> str:
    if name in SEED_FILES:
        return SEED_FILES[name]
    if name in SEED_FILES.values():
        return name
    raise KeyError(f"unknown seed document {name!r}; known: {', '.join(SEED_FILES)}")


def missing_seeds(names: Iterable[str] = ALL_SEEDS, folder: Optional[Path] = None) -> List[str]:
    """File names of the needed documents that are not in the folder (all, if it is absent)."""
    folder = seeds_dir() if folder is None else folder
    files = [_file_name(name) for name in names]
    if not folder.is_dir():
        return files
    return [file for file in files if not (folder / file).is_file()]


def missing_message(missing: List[str], folder: Path) -> str:
    """The one line shown for a skip or a failure."""
    absent = "" if folder.is_dir() else " (folder absent)"
    return (f"Source documents missing: {', '.join(missing)} not in {folder}{absent}. "
            f"Put the five source documents (README 'Sources') there, or set {ENV_VAR} to "
            f"their folder (default ../shared/seeds); under CI=true this fails instead of "
            f"skipping.")


def require_seeds(*names: str) -> Path:
    """The seeds folder, once the named documents (default: all five) are in it.

    Otherwise skip the calling test, or fail it under CI=true, with one clear line.
    Call from a test or fixture; names are short names ('richtlijn') or file names.
    """
    folder = seeds_dir()
    missing = missing_seeds(names or ALL_SEEDS, folder)
    if missing:
        message = missing_message(missing, folder)
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return folder


def seed_path(name: str) -> Path:
    """Path of one document, skipping/failing as `require_seeds` when it is absent."""
    return require_seeds(name) / _file_name(name)


def read_seed(name: str) -> str:
    return seed_path(name).read_text(encoding="utf-8")
