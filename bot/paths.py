"""Where the project's files and its generated state live."""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """Writable state: SQLite databases, generated endpoints, tokens. Env: WERKBAAR_DATA_DIR."""
    path = Path(os.environ.get("WERKBAAR_DATA_DIR", PROJECT_ROOT / ".werkbaar"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def models_dir() -> Path:
    path = Path(os.environ.get("WERKBAAR_MODELS_DIR", PROJECT_ROOT / "models"))
    path.mkdir(parents=True, exist_ok=True)
    return path


# The Dutch spaCy pipeline that config.yml names (a path relative to the project root).
# It is either a link to the installed nl_core_news_sm or the embedded pipeline built at setup.
NLP_PIPELINE_DIR = PROJECT_ROOT / ".werkbaar" / "spacy-nl"
