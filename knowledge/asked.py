"""The question bank: how people ask for each item, in their own words.

Files `content/asked/*.yaml` map item ids to realistic messages (`asked: {item-id: [...]}`),
written by writers who saw the item and its source section, never an evaluation set. They
travel with the content: validated on load, part of the content hash and of the store, and
the training data of the learned matcher (`knowledge/matcher.py`).
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict, Iterable, List, Tuple

import yaml

from .errors import ContentProblem

ASKED_DIR = "asked"
MIN_PER_ITEM = 3
MAX_PER_ITEM = 20
MAX_CHARS = 600


def asked_files(directory: Path) -> List[Path]:
    return sorted((Path(directory) / ASKED_DIR).glob("*.yaml"))


def read_asked(paths: Iterable[Path], item_ids: Iterable[str],
               problems: List[ContentProblem]) -> Dict[str, Tuple[str, ...]]:
    """Messages per item id; every problem (unknown id, too few or too long) is recorded."""
    known = set(item_ids)
    bank: Dict[str, Tuple[str, ...]] = {}
    where: Dict[str, str] = {}  # the last file that added to an item, for problem reports
    for path in paths:
        name = f"{ASKED_DIR}/{path.name}"
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            problems.append(ContentProblem(name, "", "", f"onleesbaar: {exc.__class__.__name__}"))
            continue
        asked = data.get("asked") if isinstance(data, dict) else None
        if not isinstance(asked, dict):
            problems.append(ContentProblem(name, "", "asked", "verwacht 'asked: {item-id: [...]}'"))
            continue
        for item_id, messages in asked.items():
            record = f"item '{item_id}'"
            if item_id not in known:
                problems.append(ContentProblem(name, record, "asked", "onbekend item"))
                continue
            if not isinstance(messages, list) or not all(isinstance(m, str) and m.strip()
                                                          for m in messages):
                problems.append(ContentProblem(name, record, "asked", "verwacht een lijst zinnen"))
                continue
            long = [m for m in messages if len(m) > MAX_CHARS]
            if long:
                problems.append(ContentProblem(name, record, "asked",
                                               f"zin langer dan {MAX_CHARS} tekens"))
            # Several writers may each add messages for one item, in files of their own.
            bank[item_id] = bank.get(item_id, ()) + tuple(m.strip() for m in messages)
            where[item_id] = name
    for item_id, messages in bank.items():
        if not MIN_PER_ITEM <= len(messages) <= MAX_PER_ITEM:
            problems.append(ContentProblem(
                where[item_id], f"item '{item_id}'", "asked",
                f"{len(messages)} zinnen; verwacht {MIN_PER_ITEM} tot {MAX_PER_ITEM}"))
    return bank
