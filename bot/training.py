"""Train the Rasa model only when its inputs changed.

The model file is named after a hash of everything that shapes it (config, domain, training
data, the Dutch pipeline's identity, the Rasa version); the config fixes the random seeds, so
the same inputs give the same model and `werkbaar run` can skip training entirely.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bot.nlp import pipeline_info
from bot.paths import PROJECT_ROOT, models_dir
from bot.quiet import child_env

CONFIG = PROJECT_ROOT / "config.yml"
DOMAIN = PROJECT_ROOT / "domain.yml"
DATA = PROJECT_ROOT / "data"


def training_inputs(root: Path = PROJECT_ROOT) -> list[Path]:
    data = root / DATA.name
    files = [root / CONFIG.name, root / DOMAIN.name,
             *sorted(data.rglob("*.yml")), *sorted(data.rglob("*.yaml"))]
    return [f for f in files if f.is_file()]


def fingerprint(root: Path = PROJECT_ROOT) -> str:
    import rasa

    digest = hashlib.sha256()
    digest.update(f"rasa={rasa.__version__}\n".encode())
    info = pipeline_info()
    digest.update(f"nlp={info.name if info else None}:{info.version if info else None}\n".encode())
    for path in training_inputs(root):
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def model_path(fp: str | None = None) -> Path:
    return models_dir() / f"werkbaar-{fp or fingerprint()}.tar.gz"


def ensure_trained(force: bool = False, echo=print) -> Path:
    """Return the model for the current inputs, training it first when it does not exist."""
    target = model_path()
    if target.exists() and not force:
        echo(f"Model is actueel: {target.name} (training overgeslagen)")
        return target
    # One training per model at a time: a second `werkbaar run` (or a test) waits for the first
    # and then uses its model instead of training the same one again.
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.parent / f".{target.name}.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            echo("Een ander proces traint dit model al; even wachten...")
            fcntl.flock(lock, fcntl.LOCK_EX)
            if target.exists() and not force:
                echo(f"Model is klaar: {target.name}")
                return target
        return _train(target, echo)


def _train(target: Path, echo) -> Path:
    echo("Model trainen (duurt een paar minuten; alleen nodig als data of config veranderen)...")
    start = time.monotonic()
    # Train into a private folder and move the finished model in place: an interrupted
    # training never leaves a half-written model under the name `werkbaar run` looks for.
    with tempfile.TemporaryDirectory(prefix=".training-", dir=target.parent) as scratch:
        command = [
            sys.executable, "-m", "bot.launch", "rasa", "train",
            "--config", str(CONFIG), "--domain", str(DOMAIN), "--data", str(DATA),
            "--out", scratch, "--fixed-model-name", target.name.removesuffix(".tar.gz"),
            "--quiet",
        ]
        result = subprocess.run(
            command, cwd=PROJECT_ROOT, env=child_env(), capture_output=True, text=True
        )
        trained = Path(scratch) / target.name
        if result.returncode != 0 or not trained.exists():
            sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
            raise RuntimeError("Training van het model is mislukt (zie de uitvoer hierboven).")
        os.replace(trained, target)
    echo(f"Model getraind in {time.monotonic() - start:.0f} s: {target.name}")
    _remove_stale_models(keep=target)
    return target


def _remove_stale_models(keep: Path, retain: int = 3) -> None:
    """Keep the newest few models so switching branches does not retrain every time."""
    models = sorted(keep.parent.glob("werkbaar-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    for old in [m for m in models if m != keep][:-retain or None]:
        old.unlink(missing_ok=True)
        (old.parent / f".{old.name}.lock").unlink(missing_ok=True)
