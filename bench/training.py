"""Training time and peak memory (RSS of the whole training process tree), both bots measured
the same way: a forced training into a fresh temporary output dir with Rasa's cache off."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from bench import starter
from bench.procs import Measured, run_measured
from bot.paths import PROJECT_ROOT
from bot.quiet import child_env


@dataclass
class Trained:
    bot: str
    command: str
    measured: Measured
    model: Path


def _check(measured: Measured, what: str, model: Path | None) -> Path:
    if measured.returncode != 0 or model is None:
        raise RuntimeError(f"{what} failed (code {measured.returncode}):\n{measured.log_tail()}")
    return model


def train_werkbaar(models_dir: Path, log_path: Path) -> Trained:
    """`werkbaar train --force` into models_dir; the project's models/ stay untouched."""
    models_dir.mkdir(parents=True, exist_ok=True)
    measured = run_measured(
        [sys.executable, "-m", "bot.cli", "train", "--force"], cwd=PROJECT_ROOT,
        env=child_env({"WERKBAAR_MODELS_DIR": str(models_dir), "RASA_MAX_CACHE_SIZE": "0"}),
        log_path=log_path,
    )
    models = sorted(models_dir.glob("werkbaar-*.tar.gz"))
    model = _check(measured, "werkbaar train", models[-1] if models else None)
    return Trained("Werkbaar", "werkbaar train --force", measured, model)


def train_starter(project: Path, out: Path, log_path: Path) -> Trained:
    """`rasa train` of the starter project into out."""
    out.mkdir(parents=True, exist_ok=True)
    measured = run_measured(starter.train_command(project, out), cwd=project,
                            env=starter.starter_env(), log_path=log_path)
    models = sorted(out.glob("*.tar.gz"))
    model = _check(measured, "rasa train (starter bot)", models[-1] if models else None)
    return Trained("starter bot", "rasa train", measured, model)
