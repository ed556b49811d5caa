"""Setup: Python 3.10 discovery, the Dutch pipeline, hash-keyed training inputs."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.nlp import ensure_pipeline, pipeline_info
from bot.paths import NLP_PIPELINE_DIR, PROJECT_ROOT
from bot.training import fingerprint

FIND_PYTHON = PROJECT_ROOT / "scripts" / "find-python310.sh"


def test_find_python_uses_a_310_interpreter_it_is_given():
    result = subprocess.run(
        ["bash", str(FIND_PYTHON)], env=dict(os.environ, WERKBAAR_PYTHON=sys.executable),
        capture_output=True, text=True,
    )
    assert result.returncode == 0
    found = result.stdout.strip()
    version = subprocess.run([found, "-c", "import sys; print(sys.version_info[:2])"],
                             capture_output=True, text=True).stdout.strip()
    assert version == "(3, 10)"


@pytest.mark.skipif(Path("/usr/bin/python3.10").exists() or Path("/usr/local/bin/python3.10").exists(),
                    reason="this machine has a system-wide Python 3.10")
def test_find_python_stops_with_a_clear_message_when_there_is_none(tmp_path):
    result = subprocess.run(
        ["bash", str(FIND_PYTHON)],
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYENV_ROOT": str(tmp_path)},
        capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert "needs Python 3.10" in result.stderr
    assert "WERKBAAR_PYTHON" in result.stderr


def test_dutch_pipeline_is_prepared_and_lemmatizes_dutch():
    import spacy

    info = ensure_pipeline()
    assert info == pipeline_info()
    assert "Nederlandse taalpijplijn" in info.describe()
    nlp = spacy.load(NLP_PIPELINE_DIR)
    assert nlp.lang == "nl"
    lemmas = [token.lemma_ for token in nlp("Mijn leidinggevende begrijpt het niet")]
    assert "begrijpen" in lemmas


def test_training_fingerprint_is_stable_and_follows_the_data(tmp_path):
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("config.yml", "domain.yml"):
        shutil.copy(PROJECT_ROOT / name, copy / name)
    shutil.copytree(PROJECT_ROOT / "data", copy / "data")
    assert fingerprint(copy) == fingerprint(PROJECT_ROOT) == fingerprint()

    with (copy / "data" / "nlu" / "basics.yml").open("a") as extra:
        extra.write("\n")
    assert fingerprint(copy) != fingerprint(PROJECT_ROOT)


def test_config_fixes_random_seeds_for_reproducible_training():
    import yaml

    config = yaml.safe_load((PROJECT_ROOT / "config.yml").read_text())
    trainable = [c for c in config["pipeline"] + config["policies"]
                 if c["name"] in {"DIETClassifier", "TEDPolicy", "ResponseSelector"}]
    assert trainable and all("random_seed" in c for c in trainable)
