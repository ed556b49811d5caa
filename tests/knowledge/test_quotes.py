"""Every quote is the source's own words: it occurs in its seed document.

Guideline conclusions and recommendations and all resources carry a `quote` (SCHEMA.md): a short
fragment of the source text that backs the claim. This test finds each quote in its document,
after normalising both sides (case, whitespace and line breaks, end-of-line hyphenation such as
'arbeids-\\nparticipatie', PDF bullets, quote marks and dashes). For the guideline the quote must
lie within the cited section (a chapter, e.g. '3', covers its sub-sections); for the other four
documents, whose section headings the PDF extraction scrambles, within the document.

The seeds come from the `seeds_folder` fixture (tests/conftest.py): without them the test is
skipped with one line saying what to put where; under CI=true it fails instead.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import pytest

from knowledge.errors import ContentError
from knowledge.validation import MAX_QUOTE_WORDS, load_content
from knowledge.vocabulary import KINDS_WITH_EVIDENCE
from tests.support.seeds import SEED_FILES

_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "`": "'", "\u00b4": "'",
           "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
           "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
           "\u2212": "-", "\u00ad": ""}
# PDF artefacts that are not words: bullets, the replacement character, the list marker 'n'
# of the SER report is left alone (it is a letter).
_NOISE = re.compile("[\u2022\u00b0\ufffd\uf0b7\u25aa\u25cf]")
_LINE_HYPHEN = re.compile(r"(\w)-[ \t]*\n\s*(\w)")
# A web address or 'werk(zoek)enden' broken over lines: 'http://www.\nplatformggz.nl/lpggz/\n
# lidorganisaties', 'werk(zoek)\nenden'.
_BROKEN_WORD = re.compile(r"(://|\bwww\.|\w/|\(zoek\))\s+(?=\w)")

# Guideline headings: chapters '1.\t Probleemorientatie', sections '1.1\t\t Conclusies',
# figures 'Figuur 1.'. The numbered list of the introduction ('1. \ufffdziekte-...') is no
# chapter: a chapter number is followed by a tab.
_CHAPTER = re.compile(r"^\s*(\d)\.\t")
_SECTION = re.compile(r"^\s*(\d\.\d)\s+\S")
_FIGURE = re.compile(r"^\s*Figuur\s+\d")
INTRODUCTION = "inleiding"


def normalise(text: str) -> str:
    """Lowercase, one space between words, line-end hyphenation joined, quotes/dashes unified."""
    for old, new in _QUOTES.items():
        text = text.replace(old, new)
    text = _NOISE.sub(" ", text)
    text = _LINE_HYPHEN.sub(r"\1\2", text)
    text = _BROKEN_WORD.sub(r"\1", text)
    return " ".join(text.split()).lower()


def loose(text: str) -> str:
    """`normalise` without any hyphen: the PDF's hyphens are ambiguous ('werk-gerelateerde',
    'ervarings- deskundige'), so a quote may keep or drop one."""
    return re.sub(r"\s*-\s*", "", normalise(text))


def occurs(quote: str, text: str) -> bool:
    return normalise(quote) in normalise(text) or loose(quote) in loose(text)


def guideline_sections(text: str) -> Dict[str, str]:
    """The guideline split by heading: 'inleiding', '1' (chapter text before 1.1), '1.1', ...,
    'figuur' (figures and back cover)."""
    parts: Dict[str, List[str]] = {}
    current = INTRODUCTION
    for line in text.splitlines():
        chapter, section = _CHAPTER.match(line), _SECTION.match(line)
        if section:
            current = section.group(1)
        elif chapter:
            current = chapter.group(1)
        elif _FIGURE.match(line):
            current = "figuur"
        parts.setdefault(current, []).append(line)
    return {key: "\n".join(lines) for key, lines in parts.items()}


def section_key(section: str) -> str:
    """The key of a cited guideline section: 'Algemene inleiding' -> 'inleiding', '3.2' -> '3.2'."""
    section = section.strip().lower()
    return INTRODUCTION if INTRODUCTION in section else section


def in_section(quote: str, section: str, sections: Dict[str, str]) -> bool:
    key = section_key(section)
    return any(occurs(quote, text) for name, text in sections.items()
               if name == key or name.startswith(key + "."))


Record = Tuple[str, str, Optional[str], str, str]  # (kind of record, id, quote, document, section)


@pytest.fixture(scope="module")
def content(real_content):
    return real_content


def records(content) -> List[Record]:
    result: List[Record] = []
    for item in content.items.values():
        result.append(("item", item.id, item.quote, item.source.document, item.source.section))
    for res in content.resources.values():
        result.append(("resource", res.id, res.quote, res.source.document, res.source.section))
    return result


def test_every_conclusion_recommendation_and_resource_has_a_quote(content):
    missing = [f"item {item.id} ({item.kind})" for item in content.items.values()
               if item.kind in KINDS_WITH_EVIDENCE and not item.quote]
    missing += [f"resource {res.id}" for res in content.resources.values() if not res.quote]
    assert not missing, "Without a quote from the source:\n" + "\n".join(missing)


def test_every_quote_occurs_in_its_source(content, seeds_folder: Path):
    texts = {name: (seeds_folder / file).read_text(encoding="utf-8")
             for name, file in SEED_FILES.items()}
    sections = guideline_sections(texts["richtlijn"])
    checked, failures = 0, []
    for what, ident, quote, document, section in records(content):
        if not quote:
            continue
        checked += 1
        words = len(quote.split())
        if words > MAX_QUOTE_WORDS:
            failures.append(f"{what} {ident}: {words} words, at most {MAX_QUOTE_WORDS}")
        if not occurs(quote, texts[document]):
            failures.append(f"{what} {ident}: not in {document}: {quote!r}")
        elif document == "richtlijn" and not in_section(quote, section, sections):
            failures.append(f"{what} {ident}: in the guideline, but not in section "
                            f"{section!r}: {quote!r}")
    items = sum(1 for item in content.items.values() if item.quote)
    print(f"\nquotes checked: {checked} ({items} items, {checked - items} resources); "
          f"failures: {len(failures)}")
    required = sum(1 for item in content.items.values() if item.kind in KINDS_WITH_EVIDENCE)
    assert checked >= required + len(content.resources)
    assert not failures, f"{len(failures)} quotes not found:\n" + "\n".join(failures)


def test_normalisation_joins_pdf_breaks():
    seed = "De gevolgen voor arbeids-\nparticipatie \u2013 \u2018werk\u2019 en\n\u2022 \ufffdmeer"
    assert occurs("gevolgen voor arbeidsparticipatie - 'werk' en meer", seed)
    assert occurs("GEVOLGEN   voor arbeidsparticipatie", seed)
    assert not occurs("gevolgen voor werk", seed)
    assert occurs("werk-gerelateerde componenten", "werk-\ngerelateerde componenten")
    assert occurs("ervaringsdeskundige coaches", "ervarings- \ndeskundige coaches")
    assert occurs("(http://www.platformggz.nl/lpggz/lidorganisaties)",
                  "(http://www.\nplatformggz.nl/lpggz/\t\n\t lidorganisaties)")
    assert occurs("de werk(zoek)ende zelf", "de werk(zoek)\nende zelf")


def test_guideline_sections_are_found(seeds_folder: Path):
    text = (seeds_folder / SEED_FILES["richtlijn"]).read_text(encoding="utf-8")
    sections = guideline_sections(text)
    for key in ("inleiding", "1", "1.1", "1.2", "2", "2.1", "2.2", "3", "3.1", "3.2", "4",
                "4.1", "4.2", "figuur"):
        assert key in sections, key
    assert in_section("Het is aannemelijk dat het ervaren van werkstress", "1.1", sections)
    assert not in_section("Het is aannemelijk dat het ervaren van werkstress", "2.1", sections)
    assert in_section("Wet Verbetering Poortwachter", "3", sections)  # chapter covers 3.2
    assert in_section("Juridische betekenis", "Algemene inleiding", sections)


@pytest.mark.parametrize("extra, expected", [
    ('    evidence: aanwijzingen\n    quote: "' + " ".join(["woord"] * 16) + '"\n',
     ["item 'rl-9.9-citaat', veld 'quote'", "te lang: 16 woorden (maximaal 15)"]),
    ('    evidence: aanwijzingen\n    quote: "' + "x" * 121 + '"\n',
     ["item 'rl-9.9-citaat', veld 'quote'", "te lang: 121 tekens (maximaal 120)"]),
    ("    evidence: aanwijzingen\n    quote: [lijst]\n",
     ["item 'rl-9.9-citaat', veld 'quote'", "moet tekst zijn"]),
    ("    evidence: niet_vermeld\n",
     ["item 'rl-9.9-citaat', veld 'evidence_text'", "ontbreekt"]),
    ("    evidence: mening\n", ["item 'rl-9.9-citaat', veld 'evidence_text'", "ontbreekt"]),
])
def test_validation_of_quote_and_level_wording(content_dir, extra, expected):
    (content_dir / "citaat.yaml").write_text(
        "items:\n  - id: rl-9.9-citaat\n    kind: conclusie\n    title: Een citaat\n"
        "    text: Er zijn aanwijzingen dat het kan helpen.\n    audiences: [werkende]\n"
        "    themes: [factoren]\n" + extra + '    source: {document: richtlijn, section: "1.1"}\n',
        encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_content(content_dir)
    for fragment in expected:
        assert fragment in str(info.value), str(info.value)


def test_a_valid_quote_is_kept_on_one_line(content_dir):
    (content_dir / "citaat.yaml").write_text(
        "items:\n  - id: rl-9.9-citaat\n    kind: conclusie\n    title: Een citaat\n"
        "    text: Er zijn aanwijzingen dat het kan helpen.\n    audiences: [werkende]\n"
        "    themes: [factoren]\n    evidence: niet_vermeld\n"
        "    evidence_text: Zonder voorbehoud geformuleerd.\n"
        "    quote: >-\n      Er zijn aanwijzingen\n      dat het helpt\n"
        '    source: {document: richtlijn, section: "1.1"}\n', encoding="utf-8")
    item = load_content(content_dir).items["rl-9.9-citaat"]
    assert item.quote == "Er zijn aanwijzingen dat het helpt"
    assert item.evidence_label == "niveau niet vermeld"
