"""Every audience gets its own title: no 'je werkgever' to an employer (issue 15/17).

`Item.title_for(audience)` picks `title_employer` / `title_professional` and falls back to the
worker title, like `text_for`. The titles are validated (max 90 chars), kept in the store and
shown by `actions.formatting.item_message`.
"""
from __future__ import annotations

import re
import shutil

import pytest

from knowledge.base import KnowledgeBase
from knowledge.errors import ContentError
from knowledge.schema import Item, Source
from knowledge.store import build_store
from knowledge.validation import load_content

from conftest import FIXTURE_CONTENT

# An employer title that speaks to the worker about the employer, or about "your" illness.
WORKER_ADDRESS = re.compile(
    r"\b(?:je|jouw)\s+(?:eigen\s+)?(?:werkgever|leidinggevende|ziekte|aandoening|gezondheid)\b",
    re.IGNORECASE)
# A professional title is neutral: it does not address the worker.
YOU = re.compile(r"\b(?:je|jij|jou|jouw|jezelf)\b", re.IGNORECASE)


def test_no_employer_title_says_je_werkgever(real_content):
    wrong = []
    for item in real_content.items.values():
        if "werkgever" not in item.audiences:
            continue
        title = item.title_for("werkgever")
        if WORKER_ADDRESS.search(title):
            wrong.append(f"{item.id}: {title}")
    assert not wrong, "Employers would read a title written for the worker:\n" + "\n".join(wrong)


def test_professional_titles_do_not_address_the_worker(real_content):
    wrong = [f"{item.id}: {item.title_for('professional')}"
             for item in real_content.items.values()
             if "professional" in item.audiences and YOU.search(item.title_for("professional"))]
    assert not wrong, "Professionals would read a title written for the worker:\n" + \
        "\n".join(wrong)


def test_audience_titles_only_for_their_audience(real_content):
    wrong = []
    for item in real_content.items.values():
        if item.title_employer and "werkgever" not in item.audiences:
            wrong.append(f"{item.id}: title_employer without audience werkgever")
        if item.title_professional and "professional" not in item.audiences:
            wrong.append(f"{item.id}: title_professional without audience professional")
    assert not wrong, "\n".join(wrong)


def test_examples_from_the_issue(real_content):
    items = real_content.items
    assert "je werkgever" in items["rl-2.2-overleg-aanpassingen"].title
    assert "werknemer" in items["rl-2.2-overleg-aanpassingen"].title_for("werkgever")
    assert "je werkgever" not in items["rl-3.2-werkgever-ondersteuning"].title_for("werkgever")
    assert items["ser-jobcoach"].title_for("werkgever") != items["ser-jobcoach"].title
    assert items["rl-3.2-vermoeidheid-arbeidsduur-rust"].title_for("professional") == \
        "Vermoeidheid: verminderde arbeidsduur of rustmomenten overwegen"


def _item(**titles) -> Item:
    return Item(id="x", kind="achtergrond", title="Voor jou", text="Tekst.",
                audiences=("werkende", "professional", "werkgever"), themes=("steun_werk",),
                source=Source("ser", "Oplossingen"), **titles)


def test_title_for_falls_back_to_the_worker_title():
    both = _item(title_professional="Voor de professional", title_employer="Voor de werkgever")
    assert both.title_for("professional") == "Voor de professional"
    assert both.title_for("werkgever") == "Voor de werkgever"
    for audience in ("werkende", "werkzoekende", None, "onbekend"):
        assert both.title_for(audience) == "Voor jou"
    plain = _item()
    for audience in ("werkende", "werkzoekende", "professional", "werkgever", None):
        assert plain.title_for(audience) == "Voor jou"
    only_employer = _item(title_employer="Voor de werkgever")
    assert only_employer.title_for("professional") == "Voor jou"


def _with_titles(tmp_path, employer: str, professional: str = "Neutrale titel"):
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    path = target / "items.yaml"
    text = path.read_text(encoding="utf-8")
    match = re.search(r"^(\s*)- id: rl-3.2-vermoeidheid\s*$", text, re.MULTILINE)
    assert match, "fixture item rl-3.2-vermoeidheid not found"
    indent = match.group(1) + "  "
    insert = (f"{indent}title_employer: {employer}\n"
              f"{indent}title_professional: {professional}\n")
    path.write_text(text[:match.end() + 1] + insert + text[match.end() + 1:], encoding="utf-8")
    return target


def test_validation_rejects_a_too_long_employer_title(tmp_path):
    target = _with_titles(tmp_path, "Een titel voor de werkgever " + "die maar doorgaat " * 5)
    with pytest.raises(ContentError) as info:
        load_content(target)
    message = str(info.value)
    assert "item 'rl-3.2-vermoeidheid'" in message and "title_employer" in message
    assert "te lang" in message and "maximaal 90" in message


def test_audience_titles_are_kept_in_the_store(tmp_path):
    target = _with_titles(tmp_path, "Vermoeidheid bij je werknemer")
    content = load_content(target)
    item = content.items["rl-3.2-vermoeidheid"]
    assert item.title_for("werkgever") == "Vermoeidheid bij je werknemer"
    assert item.title_for("professional") == "Neutrale titel"
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    build_store(url, target)
    stored = KnowledgeBase.open(url).get_item("rl-3.2-vermoeidheid")
    assert stored.title_employer == "Vermoeidheid bij je werknemer"
    assert stored.title_professional == "Neutrale titel"
    assert stored.title_for("werkende") == item.title


def test_item_message_uses_the_audience_title(real_content):
    from actions.formatting import item_message

    item = real_content.items["rl-2.2-overleg-aanpassingen"]
    assert item_message(item, "werkgever").startswith(item.title_employer + ":")
    assert item_message(item, "professional").startswith(item.title_professional + ":")
    assert item_message(item, "werkende").startswith(item.title + ":")
