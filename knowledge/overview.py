"""The professional's view of a guideline section: its recommendations, then its conclusions.

No Rasa: `section_overview` selects and groups, `render_text` gives plain Dutch lines for a
terminal and a chat bubble alike, `parse_section_request` reads "aanbevelingen hoofdstuk 3".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Tuple

from . import vocabulary as voc
from .schema import Item

# Kinds in the order shown; other kinds (achtergrond) come after them.
KIND_ORDER = ("aanbeveling", "conclusie")
# Dutch words per kind: singular, plural.
_WORDS_FOR = {"aanbeveling": ("aanbeveling", "aanbevelingen"), "conclusie": ("conclusie",
              "conclusies"), "achtergrond": ("achtergrondtekst", "achtergrondteksten")}
GENERAL_HEADING = "Algemeen"


@dataclass(frozen=True)
class Entry:
    item: Item
    title: str  # the title for the overview's audience
    section: str
    evidence_label: str  # the level exactly as the content states it (never stronger)


@dataclass(frozen=True)
class Group:
    kind: str
    heading: Optional[str]  # the sub-heading (intervention, factor); None: none in the section
    entries: Tuple[Entry, ...]


@dataclass(frozen=True)
class Overview:
    section: str  # normalised: "3", "3.2", "Inleiding"
    audience: str
    document: str
    groups: Tuple[Group, ...]
    available: Tuple[str, ...]  # the document's sections that have items
    exists: bool  # the section has items (for any audience)

    @property
    def entries(self) -> List[Entry]:
        return [entry for group in self.groups for entry in group.entries]

    def count(self, kind: str) -> int:
        return sum(len(g.entries) for g in self.groups if g.kind == kind)


def _items(source) -> Iterable[Item]:  # a KnowledgeBase, a Content or an iterable of items
    items = getattr(getattr(source, "content", source), "items", source)
    return items.values() if isinstance(items, dict) else items


def _section_key(section: str) -> tuple:  # numbered sections in order, then named ones
    parts = section.split(".")
    numbered = all(p.isdigit() for p in parts)
    return (0, tuple(map(int, parts))) if numbered else (1, section.casefold())


def normalise_section(text: str) -> str:
    """'3,2' -> '3.2', 'hoofdstuk 3' -> '3'; a named section ('Inleiding') stays as it is."""
    text = " ".join(str(text).split()).strip(" .?!")
    if re.fullmatch(r"\d{1,2}(?:[.,]\d{1,2})*", text):
        return _clean(text)
    return parse_section_request(text) or text


def section_overview(kb_or_content, section: str, audience: str = "professional",
                     document: str = "richtlijn") -> Overview:
    """The items of a section ('3.2' with its sub-paragraphs 3.2.x) or chapter ('3'), grouped.

    Recommendations first, then conclusions, then other kinds; within a kind by section, then
    by sub-heading in file order (items without one under 'Algemeen' when the section has
    sub-headings, last). Only items for `audience`, titled for that audience.
    """
    if audience not in voc.AUDIENCES:
        raise ValueError(f"unknown audience: {audience}; allowed: {', '.join(voc.AUDIENCES)}")
    in_document = [item for item in _items(kb_or_content) if item.source.document == document]
    available = tuple(sorted({item.source.section for item in in_document}, key=_section_key))
    wanted = normalise_section(section)
    # A named section ('inleiding') is shown as the content spells it.
    wanted = next((s for s in available if s.casefold() == wanted.casefold()), wanted)
    prefix = wanted + "." if wanted[:1].isdigit() else None  # 3.2 takes in 3.2.1
    chosen = [item for item in in_document if item.source.section == wanted
              or (prefix and item.source.section.startswith(prefix))]
    shown = [item for item in chosen if audience in item.audiences]
    groups: List[Group] = []
    for kind in list(KIND_ORDER) + sorted({i.kind for i in shown} - set(KIND_ORDER)):
        of_kind = [item for item in shown if item.kind == kind]
        for sec in sorted({item.source.section for item in of_kind}, key=_section_key):
            here = [item for item in of_kind if item.source.section == sec]
            general = GENERAL_HEADING if any(item.source.heading for item in here) else None
            by_heading: Dict[Optional[str], List[Entry]] = {}  # keeps first-seen order
            for item in here:
                by_heading.setdefault(item.source.heading or general, []).append(
                    Entry(item, item.title_for(audience), sec, item.evidence_label))
            groups += [Group(kind, h, tuple(e)) for h, e in  # 'Algemeen' last
                       sorted(by_heading.items(), key=lambda pair: pair[0] == GENERAL_HEADING)]
    return Overview(wanted, audience, document, tuple(groups), available, bool(chosen))


def _section_name(section: str) -> str:
    kind = "hoofdstuk " if section.isdigit() else "paragraaf " if section[:1].isdigit() else ""
    return kind + section or "die sectie"  # nothing named: say so in words


def _join(parts: List[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


def _available_text(available: Tuple[str, ...]) -> str:
    chapters: Dict[str, List[str]] = {}
    for sec in available:
        chapters.setdefault(sec.split(".")[0] if sec[:1].isdigit() else sec, []).append(sec)
    return _join([f"hoofdstuk {ch} ({', '.join(secs)})" if ch[:1].isdigit() else ch
                  for ch, secs in chapters.items()])


def _entry_line(entry: Entry) -> str:
    label = f" [{entry.evidence_label}]" if entry.evidence_label else ""
    where = f"par. {entry.section}" if entry.section[:1].isdigit() else entry.section
    return f"- {entry.title}{label} ({where})"


def render_text(overview: Overview, limit: Optional[int] = None) -> str:
    """Plain Dutch, one line per item, no blank lines (one chat bubble); with `limit` at
    most that many items, then how many more there are."""
    name = _section_name(overview.section)
    title = voc.document_title(overview.document)
    if not overview.exists:
        lines = [f"{name[:1].upper()}{name[1:]} vind ik niet in de {title}."]
        if overview.available:
            lines += [f"Deze zijn er wel: {_available_text(overview.available)}.",
                      "Vraag bijvoorbeeld: richtlijn 3.2 of hoofdstuk 3."]
        return "\n".join(lines)
    if not overview.groups:
        audience = voc.AUDIENCES.get(overview.audience, overview.audience)
        return f"In {name} van de {title} staat niets voor de doelgroep {audience}."
    counts = [f"{overview.count(k)} {_WORDS_FOR.get(k, (k, k))[overview.count(k) != 1]}"
              for k in dict.fromkeys(g.kind for g in overview.groups)]
    lines = [f"{title}, {name}", f"{_join(counts)}."]
    total, shown, kind, heading = len(overview.entries), 0, None, None
    for group in overview.groups:
        for entry in group.entries:
            if limit is not None and shown >= limit:
                break
            if group.kind != kind:
                kind, heading = group.kind, None
                lines.append(f"{_WORDS_FOR.get(kind, (kind, kind))[1].capitalize()}:")
            if group.heading and group.heading != heading:
                heading = group.heading
                lines.append(f"Onderwerp: {heading}")
            lines.append(_entry_line(entry))
            shown += 1
    if shown < total:
        lines.append(f"En nog {total - shown} punten.")
        if overview.section.isdigit():
            lines.append("Vraag één paragraaf voor een korter overzicht, bijvoorbeeld: "
                         f"richtlijn {overview.entries[0].section}.")
    return "\n".join(lines)


# -- finding the section in a request -------------------------------------------------
_NUM = r"\d{1,2}(?:[.,]\d{1,2}){0,3}"
_WORDS = {"een": "1", "één": "1", "eén": "1", "twee": "2", "drie": "3", "vier": "4",
          "vijf": "5", "zes": "6", "zeven": "7", "acht": "8", "negen": "9"}
_CHAPTER = r"\b(?:hoofdstuk(?:ken)?|hfdst|hfst|hst|h)\.?"
_PARAGRAPH = r"(?:\b(?:paragra(?:af|ven)|par)\.?|§)"
_KEYWORD = (rf"(?:{_CHAPTER}|{_PARAGRAPH}"
            r"|\b(?:sectie|richtlijn|aanbevelingen?|conclusies?|overzicht))")
_KEYED = re.compile(rf"{_KEYWORD}\s*(?:van\s+|in\s+)?({_NUM})(?![.,]?\d)", re.I)
_CH_PAR = re.compile(rf"{_CHAPTER}\s*(\d{{1,2}})\b\D{{0,12}}?{_PARAGRAPH}\s*(\d{{1,2}})"
                     r"(?![.,]?\d)", re.I)
_NAMED = re.compile(rf"(?:{_CHAPTER}|{_PARAGRAPH})\s*({'|'.join(_WORDS)})\b", re.I)
# A bare 'x.y' (no keyword), but not a time, an amount or a percentage.
_DOTTED = re.compile(r"(?<![\d.,])(\d{1,2}(?:\.\d{1,2}){1,3})(?![.,]?\d)"
                     r"(?!\s*(?:uur|u\b|%|euro|procent|km|kg|keer))", re.I)


def _clean(number: str) -> str:
    return ".".join(str(int(part)) for part in re.split(r"[.,]", number))


def parse_section_request(text: str) -> Optional[str]:
    """The section a request names ('aanbevelingen hoofdstuk 3' -> '3', 'wat staat er in 4.1?'
    -> '4.1', 'hfst drie' -> '3', 'hoofdstuk 3 paragraaf 2' -> '3.2'); None without one."""
    text = text or ""
    if match := _CH_PAR.search(text):
        return f"{int(match.group(1))}.{int(match.group(2))}"
    if match := _KEYED.search(text) or _DOTTED.search(text):
        return _clean(match.group(1))
    match = _NAMED.search(text)
    return _WORDS[match.group(1).lower()] if match else None


# An overview is asked for by name and briefly; a longer message with a section number in it
# is a question about something in that section, answered by the search.
_ASKS_OVERVIEW = re.compile(r"\b(hoofdstuk|hfdst|hfst|paragra(af|ven)|par|richtlijn|"
                            r"aanbeveling(en)?|conclusies?|overzicht)\b|§", re.I)
OVERVIEW_WORDS = 10


def requested_section(text: str) -> Optional[str]:
    """The section a short request for an overview names ('aanbevelingen hoofdstuk 3'); None
    for anything else, also for a longer question that mentions a section."""
    text = text or ""
    if len(text.split()) > OVERVIEW_WORDS or not _ASKS_OVERVIEW.search(text):
        return None
    return parse_section_request(text)
