"""Reading Rasa 3 NLU YAML files (`- intent: X` / `examples: |` / `- text`) without Rasa,
and the normal form used to tell whether two example sentences are "the same".

Pure Python and fast: used by tests/nlu/test_heldout_overlap.py to keep held-out sets honest.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Tuple

import yaml

ROOT = Path(__file__).resolve().parents[2]
TRAINING_DIR = ROOT / "data" / "nlu"
HELDOUT_DIR = ROOT / "tests" / "nlu"
SEALED_DIR = ROOT / "tests" / "sealed"
# The understanding component's safety model is trained on these too (danger by kind, unsure,
# safe): what it learnt is no held-out sentence either.
SAFETY_DATA = sorted((ROOT / "bot" / "understanding" / "data").glob("safety_examples*.yaml"))

# [text](entity), [text](entity:value), [text]{"entity": "role", "value": "werkende"}
_ANNOTATION = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")


def strip_annotations(text: str) -> str:
    """Plain text of an example: entity annotations replaced by their annotated words."""
    return _ANNOTATION.sub(r"\1", text)


def normalise(text: str) -> str:
    """Lowercase, accents removed (NFKD), punctuation and symbols (emoji) removed, whitespace
    collapsed.

    Entity annotations are stripped first: 'ik heb [MS](condition), wat nu?' and
    'Ik heb MS wat nu' have the same normal form.
    """
    text = unicodedata.normalize("NFKD", strip_annotations(text).lower())
    text = "".join(ch for ch in text
                   if not unicodedata.combining(ch)
                   and not unicodedata.category(ch).startswith(("P", "S")))
    return " ".join(text.split())


def match_key(text: str) -> str:
    """The normal form; for a message without words (a lone emoji) the symbols themselves, so
    that '👍' and '👎' are not both the empty text, and '👍' still matches '👍'."""
    return normalise(text) or "".join(strip_annotations(text).split())


def _example_lines(block: str) -> Iterator[str]:
    for line in block.splitlines():
        line = line.strip()
        if line.startswith("- "):
            yield line[2:].strip()


def read_examples(path: Path) -> Dict[str, List[str]]:
    """Examples per intent in one Rasa NLU YAML file, as written (annotations kept).

    Synonyms, lookup tables and regexes are not examples and are left out. An intent that
    occurs twice in a file gets the examples of both entries.
    """
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    result: Dict[str, List[str]] = {}
    for entry in data.get("nlu") or []:
        if not isinstance(entry, dict) or "intent" not in entry:
            continue
        examples = entry.get("examples") or ""
        if not isinstance(examples, str):
            raise ValueError(f"{path}: intent {entry['intent']!r}: examples is not a '|' block")
        result.setdefault(str(entry["intent"]), []).extend(_example_lines(examples))
    return result


def nlu_files(folder: Path) -> List[Path]:
    """All *.yml and *.yaml files under folder, recursively, sorted."""
    return sorted(p for pattern in ("*.yml", "*.yaml") for p in Path(folder).rglob(pattern))


def examples_in(folder: Path) -> Iterable[Tuple[Path, str, str]]:
    """(file, intent, example) for every intent example in the NLU files under folder."""
    for path in nlu_files(folder):
        for intent, examples in read_examples(path).items():
            for example in examples:
                yield path, intent, example


def training_index(folder: Path = TRAINING_DIR) -> Dict[str, Tuple[Path, str, str]]:
    """Match key (`match_key`) -> (file, intent, example) of the training examples."""
    index: Dict[str, Tuple[Path, str, str]] = {}
    for path, intent, example in examples_in(folder):
        index.setdefault(match_key(example), (path, intent, example))
    return index


def safety_index(paths: Iterable[Path] = SAFETY_DATA) -> Dict[str, Tuple[Path, str, str]]:
    """Match key (`match_key`) -> (file, label, example) of the safety model's written
    examples."""
    index: Dict[str, Tuple[Path, str, str]] = {}

    def add(path: Path, label: str, value: object) -> None:
        if isinstance(value, str):
            if match_key(value):
                index.setdefault(match_key(value), (path, label, value))
        elif isinstance(value, dict):
            for key, inner in value.items():
                add(path, f"{label}/{key}" if label else str(key), inner)
        elif isinstance(value, list):
            for inner in value:
                add(path, label, inner)

    for path in paths:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        for key in ("danger", "unsure", "safe"):
            add(path, key, data.get(key))
    return index
