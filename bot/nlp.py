"""The Dutch spaCy pipeline that Rasa's SpacyNLP loads.

`config.yml` names one stable path, `.werkbaar/spacy-nl`. `ensure_pipeline()` fills it:
- with the statistical `nl_core_news_sm` 3.4 when that package is installed (preferred), or
- with an embedded pipeline: blank Dutch tokenizer + lookup lemmatizer from spacy-lookups-data,
  built offline and saved to disk (the lemma tables travel with it).
Domain entities never depend on the statistical model: they come from Rasa's own extractors.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from bot.paths import NLP_PIPELINE_DIR

STATISTICAL_MODEL = "nl_core_news_sm"


@dataclass(frozen=True)
class PipelineInfo:
    name: str
    version: str
    statistical: bool

    def describe(self) -> str:
        if self.statistical:
            return f"Nederlandse taalpijplijn: {self.name} {self.version} (statistisch model)"
        return (
            f"Nederlandse taalpijplijn: ingebouwd ({self.name} {self.version}: "
            "tokenizer + lemmatizer; nl_core_news_sm is niet geïnstalleerd)"
        )


def _statistical_model_path() -> Path | None:
    try:
        import importlib

        package = importlib.import_module(STATISTICAL_MODEL)
    except ImportError:
        return None
    root = Path(package.__file__).parent
    data = [p for p in root.iterdir() if p.is_dir() and (p / "config.cfg").exists()]
    return data[0] if data else None


def pipeline_info(path: Path = NLP_PIPELINE_DIR) -> PipelineInfo | None:
    meta = path / "meta.json"
    if not meta.exists():
        return None
    data = json.loads(meta.read_text(encoding="utf-8"))
    full_name = f"{data.get('lang', 'nl')}_{data.get('name', '?')}"
    return PipelineInfo(
        name=full_name, version=str(data.get("version", "?")),
        statistical=full_name == STATISTICAL_MODEL,
    )


def _build_embedded(target: Path) -> None:
    import spacy

    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()  # loads nl_lemma_lookup from spacy-lookups-data
    nlp.meta["name"] = "werkbaar_embedded"
    nlp.meta["version"] = "1.0.0"
    nlp.meta["description"] = "Blank Dutch tokenizer with lookup lemmatizer (Werkbaar fallback)"
    tmp = target.with_name(target.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    nlp.to_disk(tmp)
    tmp.rename(target)


def _reset(target: Path) -> None:
    if target.is_symlink() or target.is_file():
        target.unlink()
    elif target.exists():
        shutil.rmtree(target)


def ensure_pipeline(target: Path = NLP_PIPELINE_DIR) -> PipelineInfo:
    """Make `target` hold the best Dutch pipeline available here; idempotent."""
    target.parent.mkdir(parents=True, exist_ok=True)
    statistical = _statistical_model_path()
    current = pipeline_info(target)
    if statistical is not None:
        if not (target.is_symlink() and target.resolve() == statistical.resolve()):
            _reset(target)
            target.symlink_to(statistical, target_is_directory=True)
    elif current is None or current.statistical:
        _reset(target)
        _build_embedded(target)
    info = pipeline_info(target)
    assert info is not None
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Prepare the Dutch spaCy pipeline.")
    parser.add_argument("--ensure", action="store_true", help="build or link it if needed")
    args = parser.parse_args(argv)
    from bot.quiet import quiet_environment

    quiet_environment()
    info = ensure_pipeline() if args.ensure else pipeline_info()
    if info is None:
        print("Geen Nederlandse taalpijplijn gevonden; draai `werkbaar setup`.", file=sys.stderr)
        return 1
    print(f"werkbaar setup: {info.describe()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
