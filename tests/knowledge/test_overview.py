"""The professional's overview of a guideline section (knowledge/overview.py) and the command
`werkbaar richtlijn <sectie>`, on the real content (knowledge/content), no mocks."""
from __future__ import annotations

import re
import subprocess
import sys
import time
from dataclasses import replace

import pytest

from knowledge import vocabulary as voc
from knowledge.config import CONTENT_DIR
from knowledge.overview import (GENERAL_HEADING, normalise_section, parse_section_request,
                                render_text, section_overview)
from knowledge.schema import Content

from conftest import ROOT, subprocess_env

LABEL_TO_EVIDENCE = {label: value for value, label in voc.EVIDENCE.items()}
ITEM_LINE = re.compile(r"^- (?P<title>.+?)(?: \[(?P<label>[^\[\]]+)\])? \((?P<where>[^()]+)\)$")


def guideline_items(content, section_test, audience="professional"):
    return [item for item in content.items.values()
            if item.source.document == "richtlijn" and section_test(item.source.section)
            and audience in item.audiences]


def item_lines(text):
    return [line for line in text.splitlines() if line.startswith("- ")]


# -- selection -----------------------------------------------------------------------------
def test_paragraph_selects_exactly_that_paragraph(real_content):
    overview = section_overview(real_content, "3.2")
    expected = guideline_items(real_content, lambda s: s == "3.2")
    assert expected, "the guideline content has no items in 3.2"
    assert overview.section == "3.2" and overview.exists
    assert sorted(e.item.id for e in overview.entries) == sorted(i.id for i in expected)
    assert {e.section for e in overview.entries} == {"3.2"}


def test_chapter_selects_all_its_paragraphs(real_content):
    overview = section_overview(real_content, "3")
    expected = guideline_items(real_content, lambda s: s.split(".")[0] == "3")
    assert {i.source.section for i in expected} >= {"3.1", "3.2"}
    assert sorted(e.item.id for e in overview.entries) == sorted(i.id for i in expected)
    assert all(e.item.source.document == "richtlijn" for e in overview.entries)
    other = section_overview(real_content, "2")
    assert not {e.item.id for e in overview.entries} & {e.item.id for e in other.entries}


def test_sub_paragraphs_belong_to_their_paragraph_only(real_content):
    """'3.2' takes in 3.2.1; '3' does not take in 13.2 (items moved from the real content)."""
    first, second, *_ = guideline_items(real_content, lambda s: s == "3.2")
    moved = replace(first, id="copy-3-2-1", source=replace(first.source, section="3.2.1"))
    far = replace(second, id="copy-13-2", source=replace(second.source, section="13.2"))
    content = Content(items={**real_content.items, moved.id: moved, far.id: far})
    in_paragraph = {e.item.id for e in section_overview(content, "3.2").entries}
    in_chapter = {e.item.id for e in section_overview(content, "3").entries}
    assert moved.id in in_paragraph and moved.id in in_chapter
    assert far.id not in in_paragraph and far.id not in in_chapter
    assert [e.item.id for e in section_overview(content, "3.2.1").entries] == [moved.id]
    assert [e.item.id for e in section_overview(content, "13").entries] == [far.id]


def test_accepts_knowledge_base_content_or_items(real_content, real_kb):
    ids = [e.item.id for e in section_overview(real_content, "2.1").entries]
    assert ids == [e.item.id for e in section_overview(real_kb, "2.1").entries]
    assert ids == [e.item.id for e in section_overview(list(real_content.items.values()),
                                                       "2.1").entries]


def test_section_spelling_is_normalised(real_content):
    assert section_overview(real_content, "3,2").section == "3.2"
    assert section_overview(real_content, " hoofdstuk 3 ").section == "3"
    assert normalise_section("03.2") == "3.2"
    named = section_overview(real_content, "inleiding")
    assert named.section == "Inleiding" and named.entries
    assert all(e.item.source.section == "Inleiding" for e in named.entries)


# -- order and grouping --------------------------------------------------------------------
@pytest.mark.parametrize("section", ["1", "2", "3", "4", "1.1", "3.2"])
def test_recommendations_come_before_conclusions(real_content, section):
    overview = section_overview(real_content, section)
    kinds = [e.item.kind for e in overview.entries]
    rank = {"aanbeveling": 0, "conclusie": 1}
    assert kinds == sorted(kinds, key=lambda kind: rank.get(kind, 2))
    text = render_text(overview)
    lines = text.splitlines()
    if "aanbeveling" in kinds and "conclusie" in kinds:
        assert lines.index("Aanbevelingen:") < lines.index("Conclusies:")
        last_rec = max(i for i, e in enumerate(overview.entries) if e.item.kind == "aanbeveling")
        first_con = kinds.index("conclusie")
        shown = item_lines(text)
        assert lines.index(shown[last_rec]) < lines.index("Conclusies:") < lines.index(
            shown[first_con])


def test_groups_follow_sections_and_headings(real_content):
    overview = section_overview(real_content, "3")
    for group in overview.groups:
        for entry in group.entries:
            assert entry.item.kind == group.kind
            assert group.heading == (entry.item.source.heading or GENERAL_HEADING)
    for kind in ("aanbeveling", "conclusie"):
        sections = [e.section for e in overview.entries if e.item.kind == kind]
        assert sections == sorted(sections)
    text = render_text(overview)
    assert "Onderwerp: Vermoeidheid" in text.splitlines()


def test_professional_titles_are_used(real_content):
    overview = section_overview(real_content, "3.2")
    assert all(e.title == e.item.title_for("professional") for e in overview.entries)
    own = [e for e in overview.entries if e.item.title_professional]
    assert own, "3.2 has items with a title for professionals"
    text = render_text(overview)
    assert all(f"- {e.item.title_professional} [" in text for e in own)


# -- evidence: as the content states it, never stronger ----------------------------------------
@pytest.mark.parametrize("section", ["1", "2", "3", "4"])
def test_evidence_label_is_the_items_own_level(real_content, section):
    overview = section_overview(real_content, section)
    lines = item_lines(render_text(overview))
    assert len(lines) == len(overview.entries)
    for line, entry in zip(lines, overview.entries):
        match = ITEM_LINE.match(line)
        assert match, line
        item = entry.item
        assert match["title"] == entry.title
        assert match["where"] == f"par. {item.source.section}"
        if item.kind in voc.KINDS_WITH_EVIDENCE:
            assert match["label"], f"{item.id} has no evidence label in: {line}"
        if match["label"] is None:
            assert not item.evidence
            continue
        shown = LABEL_TO_EVIDENCE[match["label"]]
        assert shown == item.evidence, f"{item.id}: shown {shown}, content says {item.evidence}"
        assert voc.EVIDENCE_RANK[shown] <= voc.EVIDENCE_RANK[item.evidence]
        for level in ("1", "2", "3"):  # a level number only where the content gives it
            assert (f"(niveau {level})" in line) == (f"(niveau {level})" in voc.EVIDENCE[
                item.evidence]), line


def test_conclusions_keep_their_hedged_levels(real_content):
    text = render_text(section_overview(real_content, "2.1"))
    levels = {e.item.evidence for e in section_overview(real_content, "2.1").entries}
    for value in levels:
        assert f"[{voc.EVIDENCE[value]}]" in text
    proven = [line for line in item_lines(text) if "[bewezen (niveau 1)]" in line]
    assert len(proven) == sum(1 for e in section_overview(real_content, "2.1").entries
                              if e.item.evidence == "bewezen")


# -- text ----------------------------------------------------------------------------------
def test_text_is_one_chat_bubble_with_header_and_counts(real_content):
    overview = section_overview(real_content, "3")
    text = render_text(overview)
    assert "\n\n" not in text and not text.startswith("\n") and not text.endswith("\n")
    lines = text.splitlines()
    assert lines[0] == f"{voc.document_title('richtlijn')}, hoofdstuk 3"
    assert lines[1] == (f"{overview.count('aanbeveling')} aanbevelingen en "
                        f"{overview.count('conclusie')} conclusies.")
    one = render_text(section_overview(real_content, "3.2")).splitlines()
    assert one[0].endswith(", paragraaf 3.2")
    assert one[1] == f"{len(guideline_items(real_content, lambda s: s == '3.2'))} aanbevelingen."


def test_limit_shows_how_many_more(real_content):
    overview = section_overview(real_content, "3")
    text = render_text(overview, limit=5)
    assert len(item_lines(text)) == 5
    assert f"En nog {len(overview.entries) - 5} punten." in text
    assert "richtlijn 3.2" in text  # suggests one paragraph of the chapter
    assert render_text(overview, limit=len(overview.entries)) == render_text(overview)


@pytest.mark.parametrize("section, opening", [
    ("5.1", "Paragraaf 5.1 vind ik niet"), ("7", "Hoofdstuk 7 vind ik niet"),
    ("3.9", "Paragraaf 3.9 vind ik niet"), ("bijlage", "Bijlage vind ik niet")])
def test_unknown_section_lists_the_sections_that_exist(real_content, section, opening):
    overview = section_overview(real_content, section)
    assert not overview.exists and not overview.entries
    text = render_text(overview)
    assert text.startswith(opening)
    existing = {i.source.section for i in real_content.items.values()
                if i.source.document == "richtlijn"}
    for sec in existing:
        assert sec in text
    assert "hoofdstuk 3 (3.1, 3.2)" in text


def test_section_without_items_for_the_audience(real_content):
    for section in sorted({i.source.section for i in real_content.items.values()
                           if i.source.document == "richtlijn"}):
        for audience in voc.AUDIENCES:
            overview = section_overview(real_content, section, audience=audience)
            if overview.exists and not overview.entries:
                text = render_text(overview)
                assert "staat niets voor de doelgroep" in text and section in text
                return
    pytest.skip("every guideline section has items for every audience")


def test_other_audience_gets_its_own_titles(real_content):
    overview = section_overview(real_content, "3.2", audience="werkgever")
    assert overview.entries
    assert all("werkgever" in e.item.audiences for e in overview.entries)
    assert all(e.title == e.item.title_for("werkgever") for e in overview.entries)
    with pytest.raises(ValueError):
        section_overview(real_content, "3.2", audience="patiënt")


# -- parser --------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("aanbevelingen hoofdstuk 3", "3"),
    ("overzicht paragraaf 3.2", "3.2"),
    ("richtlijn 2.1", "2.1"),
    ("wat staat er in 4.1?", "4.1"),
    ("hfst 3", "3"),
    ("Aanbevelingen Hoofdstuk 3?", "3"),
    ("H3", "3"),
    ("§ 3.2", "3.2"),
    ("par. 3,2", "3.2"),
    ("hoofdstuk drie", "3"),
    ("hoofdstuk 3 paragraaf 2", "3.2"),
    ("conclusies 1.1", "1.1"),
    ("aanbevelingen van hoofdstuk 4", "4"),
    ("wat zegt 3.2.1", "3.2.1"),
])
def test_parse_section_request(text, expected):
    assert parse_section_request(text) == expected


@pytest.mark.parametrize("text", [
    "aanbevelingen", "overzicht van de richtlijn", "hoi", "", None, "ik werk 32 uur",
    "ik werk tot 9.30 uur", "ik verdien 1.500 euro", "ik heb 3 kinderen",
    "geef de richtlijn een keer", "hoofdstuk 123",
])
def test_parse_section_request_without_a_number(text):
    assert parse_section_request(text) is None


# -- command line ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def real_store_url(tmp_path_factory):
    from knowledge.store import build_store

    url = f"sqlite:///{tmp_path_factory.mktemp('overview') / 'knowledge.db'}"
    build_store(url, CONTENT_DIR)
    return url


def werkbaar(*args, **env):
    command = [sys.executable, "-m", "bot.cli", "richtlijn", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=str(ROOT),
                          env=subprocess_env(**env), timeout=120)


def test_cli_prints_the_overview_from_the_store(real_content, real_store_url):
    started = time.monotonic()
    result = werkbaar("3.2", "--database", real_store_url)
    assert time.monotonic() - started < 60  # loads the store; trains and starts nothing
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == render_text(section_overview(real_content, "3.2")) + "\n"
    assert "Onderwerp: Vermoeidheid" in result.stdout
    assert "[aanbeveling van de werkgroep] (par. 3.2)" in result.stdout


def test_cli_without_a_store_reads_the_content_files(real_content):
    # conftest points WERKBAAR_DATA_DIR at an empty temporary directory: no store there
    result = werkbaar("hoofdstuk", "3")
    assert result.returncode == 0, result.stderr
    assert "inhoudsbestanden" in result.stderr
    assert result.stdout == render_text(section_overview(real_content, "3")) + "\n"
    lines = result.stdout.splitlines()
    assert lines.index("Aanbevelingen:") < lines.index("Conclusies:")


def test_cli_limit(real_store_url):
    result = werkbaar("3", "--aantal", "4", "--database", real_store_url)
    assert result.returncode == 0, result.stderr
    assert len(item_lines(result.stdout)) == 4 and "En nog " in result.stdout
    assert werkbaar("3", "--aantal", "0", "--database", real_store_url).returncode == 2


def test_cli_unknown_section_fails_in_dutch(real_store_url):
    result = werkbaar("9.9", "--database", real_store_url)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Paragraaf 9.9 vind ik niet in de")
    assert "hoofdstuk 3 (3.1, 3.2)" in result.stderr


def test_cli_needs_a_section():
    result = werkbaar()
    assert result.returncode == 2
    assert "sectie" in result.stderr
