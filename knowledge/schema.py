"""Content data classes and `load_content`, which reads and validates knowledge/content/*.yaml.

The file format is specified in knowledge/content/SCHEMA.md (the contract).
The field-by-field checks and `load_content` live in `knowledge.validation`.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Optional, Tuple

from .errors import ContentError, ContentProblem
from . import vocabulary as voc
from .vocabulary import document_title, evidence_label

# Bump when the mapping from content to store changes, so stores get rebuilt.
CONTENT_FORMAT_VERSION = "2"


@dataclass(frozen=True)
class Source:
    document: str
    section: str
    heading: Optional[str] = None
    anchor: Optional[str] = None

    @property
    def document_title(self) -> str:
        return document_title(self.document)

    @property
    def label(self) -> str:
        """Dutch citation, e.g. 'Multidisciplinaire richtlijn ..., paragraaf 3.2 (Vermoeidheid)'."""
        section = self.section
        if section[:1].isdigit():
            section = f"paragraaf {section}"
        text = f"{self.document_title}, {section}"
        if self.heading:
            text += f" ({self.heading})"
        return text


def _for_audience(audience: Optional[str], worker: str, professional: Optional[str],
                  employer: Optional[str]) -> str:
    """A professional's or employer's own wording where the item has one, else the worker's."""
    if audience == "professional" and professional:
        return professional
    if audience == "werkgever" and employer:
        return employer
    return worker


@dataclass(frozen=True)
class Item:
    id: str
    kind: str
    title: str
    text: str
    audiences: Tuple[str, ...]
    themes: Tuple[str, ...]
    source: Source
    text_professional: Optional[str] = None
    text_employer: Optional[str] = None
    # Titles for professionals and employers; the worker title (`title`) addresses the worker
    # ("je werkgever"), which confuses an employer reading it.
    title_professional: Optional[str] = None
    title_employer: Optional[str] = None
    conditions: Tuple[str, ...] = ()
    evidence: Optional[str] = None
    evidence_text: Optional[str] = None
    keywords: Tuple[str, ...] = ()
    discuss_with: Tuple[str, ...] = ()
    resources: Tuple[str, ...] = ()
    # For a finding about a barrier ('Wisselende energie maakt plannen lastig'): the items with
    # what the sources say helps against it, best first (`helped_by` in SCHEMA.md).
    helped_by: Tuple[str, ...] = ()
    # A short fragment of the source's own words that backs the claim (checked against the
    # source text by tests/knowledge/test_quotes.py; authoring data, not kept in the store).
    quote: Optional[str] = None
    file: str = ""
    # How people ask for this item (content/asked/*.yaml): the matcher's training data.
    asked: Tuple[str, ...] = ()

    def text_for(self, audience: Optional[str]) -> str:
        """The text for an audience, falling back to the worker text."""
        return _for_audience(audience, self.text, self.text_professional, self.text_employer)

    def title_for(self, audience: Optional[str]) -> str:
        """The title for an audience, falling back to the worker title."""
        return _for_audience(audience, self.title, self.title_professional, self.title_employer)

    @property
    def evidence_label(self) -> str:
        return evidence_label(self.evidence)

    @property
    def actionable(self) -> bool:
        """Something to do: a recommendation, solution or need, or a conclusion about what
        helps (`vocabulary.ACTIONABLE_HEADINGS`)."""
        source = (self.source.document, self.source.section, self.source.heading)
        return self.kind in voc.ADVICE_KINDS or source in voc.ACTIONABLE_HEADINGS


@dataclass(frozen=True)
class Resource:
    id: str
    name: str
    kind: str
    offers: str
    audiences: Tuple[str, ...]
    source: Source
    url: Optional[str] = None
    conditions: Tuple[str, ...] = ()
    themes: Tuple[str, ...] = ()
    # The source's own words that back `offers` (see Item.quote).
    quote: Optional[str] = None
    file: str = ""

    @property
    def is_generic(self) -> bool:
        """True when the resource serves all chronic conditions."""
        return not self.conditions


@dataclass(frozen=True)
class Condition:
    id: str
    name: str
    aliases: Tuple[str, ...]
    file: str = ""


@dataclass(frozen=True)
class Content:
    """All validated content. Dicts keep file order."""

    items: Dict[str, Item] = field(default_factory=dict)
    resources: Dict[str, Resource] = field(default_factory=dict)
    conditions: Dict[str, Condition] = field(default_factory=dict)
    content_hash: str = ""
    files: Tuple[str, ...] = ()


def content_files(directory: str | os.PathLike) -> list:
    """The *.yaml files of a content directory, sorted by name."""
    return sorted(Path(directory).glob("*.yaml"))


def hash_files(paths) -> str:
    """A stable hash over file names and bytes (plus the format version)."""
    digest = hashlib.sha256(f"format:{CONTENT_FORMAT_VERSION}\n".encode())
    for path in paths:
        digest.update(Path(path).name.encode() + b"\0")
        digest.update(Path(path).read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()
