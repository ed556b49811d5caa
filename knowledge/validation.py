"""Field-by-field validation of content files (rules from content/SCHEMA.md)."""
from __future__ import annotations

from dataclasses import replace

import re
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple
import os

import yaml

from . import vocabulary as voc
from .asked import ASKED_DIR, asked_files, read_asked
from .errors import ContentError, ContentProblem
from .schema import Condition, Content, Item, Resource, Source, content_files, hash_files

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
# The domain may not contain spaces; the path may (the guideline gives one such address).
URL_PATTERN = re.compile(r"^(https?://)?[^\s/]+\.[^\s/]+(/.*)?$", re.IGNORECASE)

ITEM_FIELDS = {
    "id", "kind", "title", "title_professional", "title_employer", "text",
    "text_professional", "text_employer", "audiences",
    "themes", "conditions", "evidence", "evidence_text", "source", "keywords",
    "discuss_with", "resources", "helped_by", "quote",
}
RESOURCE_FIELDS = {
    "id", "name", "kind", "url", "conditions", "offers", "audiences", "themes", "source",
    "quote",
}
CONDITION_FIELDS = {"id", "name", "aliases"}
SOURCE_FIELDS = {"document", "section", "heading", "anchor"}
MAX_LEN = {
    "title": 90, "title_professional": 90, "title_employer": 90,
    "text": 600, "text_professional": 900, "text_employer": 600,
    "offers": 400, "evidence_text": 600, "name": 200, "anchor": 300, "quote": 120,
}
# A quote is a short fragment of the source's words (required for guideline conclusions and
# recommendations and for resources; tests/knowledge/test_quotes.py finds each in its source).
MAX_QUOTE_WORDS = 15
RECORD_WORD = {"items": "item", "resources": "resource", "conditions": "aandoening"}


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that rejects duplicate keys in a mapping."""


def _construct_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"dubbele sleutel '{key}'", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
)


def read_yaml(path: Path, problems: List[ContentProblem]) -> Optional[dict]:
    """Parse one YAML file; record a problem and return None when it cannot be used."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        problems.append(ContentProblem(path.name, "", "", f"ongeldige YAML: {exc}"))
        return None
    if data is None:
        problems.append(ContentProblem(path.name, "", "", "het bestand is leeg"))
        return None
    if not isinstance(data, dict):
        problems.append(ContentProblem(
            path.name, "", "", "verwacht een mapping met 'items', 'resources' en/of 'conditions'"))
        return None
    return data


class Validator:
    """Collects validated records and problems over all files."""

    def __init__(self) -> None:
        self.items: Dict[str, Item] = {}
        self.resources: Dict[str, Resource] = {}
        self.conditions: Dict[str, Condition] = {}
        self.problems: List[ContentProblem] = []
        self._origin: Dict[Tuple[str, str], str] = {}  # (section, id) -> file
        # (file, record, field, referenced id, target section), checked after all files
        self._refs: List[Tuple[str, str, str, str, str]] = []

    # -- helpers -------------------------------------------------------------
    def _problem(self, file: str, record: str, field: str, message: str) -> None:
        self.problems.append(ContentProblem(file, record, field, message))

    def _text(self, rec: dict, name: str, ctx: tuple, required: bool,
              label: str = "") -> Optional[str]:
        value = rec.get(name)
        name = label or name
        if value is None:
            if required:
                self._problem(*ctx, name, "ontbreekt (verplicht veld)")
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self._problem(*ctx, name, f"moet tekst zijn, niet {type(value).__name__}")
            return None
        value = value.strip()
        if not value:
            if required:
                self._problem(*ctx, name, "is leeg")
            return None
        limit = MAX_LEN.get(name.split(".")[-1])
        if limit and len(value) > limit:
            self._problem(*ctx, name, f"te lang: {len(value)} tekens (maximaal {limit})")
        return value

    def _list(self, rec: dict, name: str, ctx: tuple, required: bool,
              allowed: Optional[dict] = None, what: str = "waarde") -> Tuple[str, ...]:
        value = rec.get(name)
        if value is None or value == []:
            if required:
                self._problem(*ctx, name, "ontbreekt of is leeg (verplicht, minstens één waarde)")
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self._problem(*ctx, name, "moet een lijst zijn")
            return ()
        result: List[str] = []
        for entry in value:
            if not isinstance(entry, str) or not entry.strip():
                self._problem(*ctx, name, f"ongeldige {what}: {entry!r}")
                continue
            entry = entry.strip()
            if allowed is not None and entry not in allowed:
                self._problem(*ctx, name, f"onbekend {what} '{entry}'")
                continue
            if entry not in result:
                result.append(entry)
        return tuple(result)

    def _choice(self, rec: dict, name: str, ctx: tuple, allowed: dict, required: bool,
                what: str, label: str = "") -> Optional[str]:
        value = self._text(rec, name, ctx, required, label)
        name = label or name
        if value is not None and value not in allowed:
            self._problem(*ctx, name, f"onbekend {what} '{value}' "
                                      f"(toegestaan: {', '.join(allowed)})")
            return None
        return value

    def _quote(self, rec: dict, ctx: tuple) -> Optional[str]:
        """The optional `quote`: one line of at most MAX_QUOTE_WORDS words (and 120 chars)."""
        value = self._text(rec, "quote", ctx, False)
        if value is None:
            return None
        value = " ".join(value.split())
        words = len(value.split())
        if words > MAX_QUOTE_WORDS:
            self._problem(*ctx, "quote", f"te lang: {words} woorden (maximaal {MAX_QUOTE_WORDS}); "
                                         "citeer alleen een kort stukje van de bron")
        return value

    def _source(self, rec: dict, ctx: tuple) -> Optional[Source]:
        src = rec.get("source")
        if src is None:
            self._problem(*ctx, "source", "ontbreekt (verplicht veld)")
            return None
        if not isinstance(src, dict):
            self._problem(*ctx, "source", "moet een mapping zijn met document en section")
            return None
        for key in src:
            if key not in SOURCE_FIELDS:
                self._problem(*ctx, f"source.{key}", "onbekend veld")
        document = self._choice(src, "document", ctx, voc.DOCUMENTS, True, "document",
                                "source.document")
        section = self._text(src, "section", ctx, True, "source.section")
        heading = self._text(src, "heading", ctx, False, "source.heading")
        anchor = self._text(src, "anchor", ctx, False, "source.anchor")
        if document is None or section is None:
            return None
        return Source(document=document, section=section, heading=heading, anchor=anchor)

    def _start(self, file: str, section: str, rec: Any, index: int,
               fields: set) -> Optional[tuple]:
        word = RECORD_WORD[section]
        if not isinstance(rec, dict):
            self._problem(file, f"{word} nr. {index + 1}", "", "moet een mapping zijn")
            return None
        raw_id = rec.get("id")
        if not isinstance(raw_id, str) or not raw_id.strip():
            self._problem(file, f"{word} nr. {index + 1}", "id", "ontbreekt (verplicht veld)")
            return None
        ident = raw_id.strip()
        ctx = (file, f"{word} '{ident}'")
        if not ID_PATTERN.match(ident):
            self._problem(*ctx, "id", "ongeldig id: gebruik kleine letters, cijfers, '.', '_' "
                                      "en '-' en begin met een letter of cijfer")
        previous = self._origin.get((section, ident))
        if previous is not None:
            self._problem(*ctx, "id", f"dubbel id (komt ook voor in {previous})")
            return None
        self._origin[(section, ident)] = file
        for key in rec:
            if key not in fields:
                self._problem(*ctx, str(key), "onbekend veld")
        return ident, ctx

    # -- records ---------------------------------------------------------------
    def add_file(self, file: str, data: dict) -> None:
        for key in data:
            if key not in RECORD_WORD:
                self._problem(file, "", str(key), "onbekende sleutel op het hoogste niveau "
                                                  "(toegestaan: items, resources, conditions)")
        for section, handler in (("conditions", self._condition), ("resources", self._resource),
                                 ("items", self._item)):
            records = data.get(section)
            if records is None:
                continue
            if not isinstance(records, list):
                self._problem(file, "", section, "moet een lijst zijn")
                continue
            for index, rec in enumerate(records):
                handler(file, section, rec, index)

    def _item(self, file: str, section: str, rec: Any, index: int) -> None:
        start = self._start(file, section, rec, index, ITEM_FIELDS)
        if start is None:
            return
        ident, ctx = start
        kind = self._choice(rec, "kind", ctx, voc.ITEM_KINDS, True, "soort")
        evidence = self._choice(rec, "evidence", ctx, voc.EVIDENCE,
                                kind in voc.KINDS_WITH_EVIDENCE, "bewijsniveau")
        if evidence in voc.EVIDENCE_NEEDS_TEXT and not rec.get("evidence_text"):
            self._problem(*ctx, "evidence_text", f"ontbreekt: bij bewijsniveau '{evidence}' "
                                                 "hoort de formulering van de bron")
        values = dict(
            title=self._text(rec, "title", ctx, True),
            title_professional=self._text(rec, "title_professional", ctx, False),
            title_employer=self._text(rec, "title_employer", ctx, False),
            text=self._text(rec, "text", ctx, True),
            text_professional=self._text(rec, "text_professional", ctx, False),
            text_employer=self._text(rec, "text_employer", ctx, False),
            evidence_text=self._text(rec, "evidence_text", ctx, False),
            audiences=self._list(rec, "audiences", ctx, True, voc.AUDIENCES, "doelgroep"),
            themes=self._list(rec, "themes", ctx, True, voc.THEMES, "thema"),
            conditions=self._list(rec, "conditions", ctx, False, None, "aandoening"),
            keywords=self._list(rec, "keywords", ctx, False, None, "zoekwoord"),
            discuss_with=self._list(rec, "discuss_with", ctx, False, voc.DISCUSS_WITH,
                                    "gesprekspartner"),
            resources=self._list(rec, "resources", ctx, False, None, "resource"),
            helped_by=self._list(rec, "helped_by", ctx, False, None, "item"),
            quote=self._quote(rec, ctx),
        )
        self._refs += [(*ctx, "conditions", c, "conditions") for c in values["conditions"]]
        self._refs += [(*ctx, "resources", r, "resources") for r in values["resources"]]
        self._refs += [(*ctx, "helped_by", i, "items") for i in values["helped_by"]]
        source = self._source(rec, ctx)
        required = ("title", "text", "audiences", "themes")
        if kind is None or source is None or any(not values[k] for k in required):
            return
        self.items[ident] = Item(id=ident, kind=kind, evidence=evidence, source=source,
                                 file=file, **values)

    def _resource(self, file: str, section: str, rec: Any, index: int) -> None:
        start = self._start(file, section, rec, index, RESOURCE_FIELDS)
        if start is None:
            return
        ident, ctx = start
        name = self._text(rec, "name", ctx, True)
        kind = self._choice(rec, "kind", ctx, voc.RESOURCE_KINDS, True, "soort")
        url = self._text(rec, "url", ctx, False)
        if url is not None and not URL_PATTERN.match(url):
            self._problem(*ctx, "url", f"ongeldig webadres '{url}'")
        offers = self._text(rec, "offers", ctx, True)
        audiences = self._list(rec, "audiences", ctx, True, voc.AUDIENCES, "doelgroep")
        conditions = self._list(rec, "conditions", ctx, False, None, "aandoening")
        themes = self._list(rec, "themes", ctx, False, voc.THEMES, "thema")
        quote = self._quote(rec, ctx)
        self._refs += [(*ctx, "conditions", c, "conditions") for c in conditions]
        source = self._source(rec, ctx)
        if None in (name, kind, offers, source) or not audiences:
            return
        self.resources[ident] = Resource(
            id=ident, name=name, kind=kind, offers=offers, audiences=audiences,
            source=source, url=url, conditions=conditions, themes=themes, quote=quote,
            file=file)

    def _condition(self, file: str, section: str, rec: Any, index: int) -> None:
        start = self._start(file, section, rec, index, CONDITION_FIELDS)
        if start is None:
            return
        ident, ctx = start
        name = self._text(rec, "name", ctx, True)
        aliases = self._list(rec, "aliases", ctx, True, None, "alias")
        for alias in aliases:
            if alias != alias.lower():
                self._problem(*ctx, "aliases", f"alias '{alias}' moet in kleine letters")
        if name is None or not aliases:
            return
        self.conditions[ident] = Condition(id=ident, name=name, aliases=aliases, file=file)

    def _ids(self, section: str) -> set:
        return {ident for (sec, ident) in self._origin if sec == section}

    # -- cross-file checks -----------------------------------------------------------
    def check_references(self) -> None:
        known = {"conditions": self._ids("conditions"), "resources": self._ids("resources"),
                 "items": self._ids("items")}
        word = {"conditions": "onbekende aandoening", "resources": "onbekende resource",
                "items": "onbekend item"}
        for file, record, field, value, target in self._refs:
            if value not in known[target]:
                self._problem(file, record, field, f"{word[target]} '{value}'")
        owners: Dict[str, str] = {}
        for condition in self.conditions.values():
            for alias in condition.aliases:
                other = owners.setdefault(alias, condition.id)
                if other != condition.id:
                    self._problem(condition.file, f"aandoening '{condition.id}'", "aliases",
                                  f"alias '{alias}' hoort ook bij aandoening '{other}'")


def load_content(directory: str | os.PathLike | None = None) -> Content:
    """Read and validate all *.yaml files in `directory`.

    Raises ContentError naming file, item id and field for every problem found.
    """
    from .config import content_dir

    directory = content_dir(directory)
    paths = content_files(directory)
    if not paths:
        raise ContentError(
            [ContentProblem(str(directory), "", "", "geen inhoudsbestanden (*.yaml) gevonden")]
        )
    validator = Validator()
    for path in paths:
        data = read_yaml(path, validator.problems)
        if data is not None:
            validator.add_file(path.name, data)
    validator.check_references()
    asked_paths = asked_files(directory)
    bank = read_asked(asked_paths, validator.items, validator.problems)
    if validator.problems:
        raise ContentError(validator.problems)
    items = {ident: replace(item, asked=bank.get(ident, ()))
             for ident, item in validator.items.items()}
    return Content(
        items=items,
        resources=validator.resources,
        conditions=validator.conditions,
        content_hash=hash_files(paths + asked_paths),
        files=tuple(p.name for p in paths) + tuple(f"{ASKED_DIR}/{p.name}" for p in asked_paths),
    )
