"""Extraction of recommendation bullets and URLs from the guideline text (seed 000).

The text is a PDF extraction: bullets are '•' (often followed by U+FFFD and/or a tab),
sub-bullets are '°', and URLs are broken over lines (sometimes with blank lines, tabs,
hyphens or spaces inside).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, List, Optional
from urllib.parse import unquote

from tests.support.seeds import SEED_FILES, seed_path, seeds_dir  # noqa: F401 (re-exported)

GUIDELINE = SEED_FILES["richtlijn"]
RECOMMENDATION_SECTIONS = ("1.2", "2.2", "3.2", "4.2")

_SECTION = re.compile(r"^\s*(\d)\.(\d)\s+\S")
_CHAPTER = re.compile(r"^\s*(\d)\.\s+\S")
_FIGURE = re.compile(r"^\s*Figuur\s+\d")
_BULLET = re.compile("^\\s*\u2022[\\s\ufffd]*")
_SUB_BULLET = re.compile("^\\s*\u00b0")


def guideline_path() -> Path:
    """The guideline text in WERKBAAR_SEEDS_DIR; skips (fails under CI=true) when absent."""
    return seed_path("richtlijn")


def section_lines(lines: List[str]) -> Dict[str, List[str]]:
    """Lines of the recommendation sections 1.2, 2.2, 3.2 and 4.2."""
    result: Dict[str, List[str]] = {}
    current: Optional[str] = None
    for line in lines:
        section = _SECTION.match(line)
        if section or _CHAPTER.match(line) or _FIGURE.match(line):
            current = None
            if section and f"{section.group(1)}.{section.group(2)}" in RECOMMENDATION_SECTIONS:
                current = f"{section.group(1)}.{section.group(2)}"
                result[current] = []
            continue
        if current:
            result[current].append(line)
    return result


def recommendation_bullets(text: str) -> Dict[str, List[str]]:
    """Top-level bullets per section: text from the '•' up to the next bullet/sub-bullet."""
    result: Dict[str, List[str]] = {}
    for section, lines in section_lines(text.splitlines()).items():
        bullets: List[List[str]] = []
        collecting = False
        for line in lines:
            if _BULLET.match(line):
                bullets.append([_BULLET.sub("", line)])
                collecting = True
            elif _SUB_BULLET.match(line) or line.strip().startswith("Aanbeveling"):
                collecting = False
            elif collecting:
                bullets[-1].append(line)
        result[section] = [normalise_text(" ".join(b)) for b in bullets]
    return result


def normalise_text(text: str) -> str:
    text = text.replace("\ufffd", " ").replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.split())


def compact(text: str) -> str:
    """Case- and whitespace-insensitive form used for anchor prefix matching.

    Hyphens are dropped too: the PDF splits words as 'ervarings- deskundige'.
    """
    return re.sub(r"[\s\-]+", "", normalise_text(text)).lower()


_URL_START = re.compile(r"(https?://|(?<![/\w.])www\.)", re.IGNORECASE)
_CONTINUE_END = ("-", ".", "/", "_", "=", "?", "&", "%20", "://")


def _token_url(text: str, start: int) -> str:
    """URL at `start`, following line breaks while the URL clearly continues."""
    tokens = re.finditer(r"\S+", text[start:])
    url = ""
    for match in tokens:
        token = match.group()
        if not url:
            url = token
        elif url.endswith(_CONTINUE_END) or token.startswith("/"):
            url += token
        else:
            break
        if re.search(r"[);]", token):
            break
    return re.split(r"[);]", url)[0]


def guideline_urls(text: str) -> List[str]:
    """All URLs in the text, with PDF line breaks repaired."""
    urls = []
    for match in _URL_START.finditer(text):
        start = match.start()
        if text[start:start + 4].lower() == "www." and \
                text[:start].rstrip().endswith("://"):
            continue  # the 'www.' of a URL broken after its scheme
        opening = text.rfind("(", 0, start)
        closing = text.find(")", start)
        between = text[opening + 1:start] if opening >= 0 else "x"
        if opening >= 0 and not between.strip(" \t;") and closing > 0 \
                and "(" not in text[start:closing]:
            chunk = text[start:closing]  # a parenthesised URL list: join everything
            url = re.sub(r"\s+", "", chunk.split(";")[0])
        elif opening >= 0 and ";" in text[opening:start] and closing > 0 \
                and "(" not in text[start:closing] and "(" not in text[opening + 1:start]:
            url = re.sub(r"\s+", "", text[start:closing].split(";")[0])
        else:
            url = _token_url(text, start)
        urls.append(url.rstrip(".,"))
    return urls


def normalise_url(url: str) -> str:
    """Lowercase, no scheme, no 'www.', no trailing '/' or '.'."""
    url = url.strip().lower()
    url = re.sub(r"^https?://", "", url)
    url = re.sub(r"^www\.", "", url)
    return url.rstrip("/.")


def loose_url(url: str) -> str:
    """Also ignore percent-encoding, spaces and hyphens (PDF hyphenation is ambiguous)."""
    return re.sub(r"[\s\-]", "", unquote(normalise_url(url)))
