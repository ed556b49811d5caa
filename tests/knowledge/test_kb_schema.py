"""load_content: valid fixture content and error messages naming file, item and field."""
from __future__ import annotations

import shutil

import pytest

from knowledge.errors import ContentError
from knowledge.schema import Item
from knowledge.validation import load_content

from conftest import BROKEN, FIXTURE_CONTENT


def test_fixture_content_loads():
    content = load_content(FIXTURE_CONTENT)
    assert len(content.items) == 10
    assert len(content.resources) == 6
    assert "ms" in content.conditions
    item = content.items["rl-3.2-vermoeidheid"]
    assert isinstance(item, Item)
    assert item.themes == ("vermoeidheid", "werktijden")
    assert item.source.heading == "Vermoeidheid"
    assert item.evidence_label == "aanbeveling van de werkgroep"
    assert item.text_for("professional").startswith("Ga na")
    assert item.text_for("werkgever").startswith("Bespreek met je werknemer")
    assert item.text_for("werkzoekende") == item.text
    assert "Multidisciplinaire richtlijn" in item.source.label
    assert "paragraaf 3.2 (Vermoeidheid)" in item.source.label
    with pytest.raises(Exception):
        item.title = "x"  # frozen


def _load_with(tmp_path, *broken_files):
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    for name in broken_files:
        shutil.copy(BROKEN / name, target / name)
    with pytest.raises(ContentError) as info:
        load_content(target)
    return str(info.value), info.value


@pytest.mark.parametrize("name, expected", [
    ("unknown_theme.yaml",
     ["unknown_theme.yaml, item 'rl-3.2-x', veld 'themes': onbekend thema 'moeheid'"]),
    ("missing_title.yaml", ["missing_title.yaml", "item 'ser-zonder-titel'", "veld 'title'",
                            "ontbreekt"]),
    ("bad_id.yaml", ["bad_id.yaml", "item 'SER Hoofdletters'", "veld 'id'", "ongeldig id"]),
    ("duplicate_id.yaml", ["item 'rl-3.1-vermoeidheid'", "veld 'id'", "dubbel id"]),
    ("unknown_condition.yaml", ["unknown_condition.yaml, item 'ser-lupus', veld 'conditions'",
                                "onbekende aandoening 'lupus'"]),
    ("unknown_resource.yaml", ["item 'ser-verwijzing', veld 'resources'",
                               "onbekende resource 'org-bestaat-niet'"]),
    ("unknown_remedy.yaml", ["item 'ser-drempel', veld 'helped_by'",
                             "onbekend item 'rl-bestaat-niet'"]),
    ("title_too_long.yaml", ["item 'ser-lange-titel', veld 'title'", "te lang", "maximaal 90"]),
    ("bad_audience.yaml", ["item 'ser-doelgroep', veld 'audiences'",
                           "onbekend doelgroep 'werknemer'"]),
    ("missing_evidence.yaml", ["item 'rl-2.2-zonder-bewijs', veld 'evidence'", "ontbreekt"]),
    ("unknown_field.yaml", ["item 'ser-tikfout', veld 'audience': onbekend veld"]),
    ("duplicate_key.yaml", ["duplicate_key.yaml", "dubbele sleutel 'themes'"]),
    ("bad_document.yaml", ["item 'ser-bron', veld 'source.document'",
                           "onbekend document 'wikipedia'"]),
    ("bad_resource.yaml", ["resource 'org-zonder-url', veld 'kind'",
                           "resource 'org-zonder-url', veld 'url'",
                           "resource 'org-zonder-url', veld 'conditions'"]),
    ("invalid_yaml.yaml", ["invalid_yaml.yaml", "ongeldige YAML"]),
])
def test_broken_content_names_file_item_and_field(tmp_path, name, expected):
    message, _ = _load_with(tmp_path, name)
    for fragment in expected:
        assert fragment in message, message


def test_all_problems_are_reported_at_once(tmp_path):
    message, error = _load_with(tmp_path, "unknown_theme.yaml", "bad_audience.yaml",
                                "unknown_resource.yaml")
    assert len(error.problems) == 3
    assert message.startswith("3 fouten")


def test_empty_directory_is_an_error(tmp_path):
    with pytest.raises(ContentError, match="geen inhoudsbestanden"):
        load_content(tmp_path)


def test_hash_changes_with_content(tmp_path, content_dir):
    first = load_content(content_dir).content_hash
    assert load_content(content_dir).content_hash == first
    path = content_dir / "items.yaml"
    path.write_text(path.read_text().replace("Een gesprek met", "Een gesprek met je"))
    assert load_content(content_dir).content_hash != first
