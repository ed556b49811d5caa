"""The question bank (knowledge/content/asked/): validated with the content, kept in the store,
and what the learned matcher is trained on. How well the fused search finds items on a blind
set is printed by bench/matcher_eval.py."""
from __future__ import annotations

import statistics

import pytest

from knowledge.asked import MAX_PER_ITEM, MIN_PER_ITEM
from knowledge.base import KnowledgeBase
from knowledge.errors import ContentError
from knowledge.store import build_store
from knowledge.validation import load_content


@pytest.fixture(scope="module")
def content():
    return load_content()


def test_every_item_has_eight_or_more_ways_of_asking(content):
    counts = [len(item.asked) for item in content.items.values()]
    print(f"question bank: {sum(counts)} messages, min {min(counts)}, "
          f"median {statistics.median(counts)} per item")
    assert [i.id for i in content.items.values() if len(i.asked) < 8] == []
    assert max(counts) <= MAX_PER_ITEM


def test_the_bank_is_part_of_the_content_hash_and_the_store(content_dir, sqlite_url):
    before = load_content(content_dir)
    item_id = next(iter(before.items))
    (content_dir / "asked").mkdir()
    (content_dir / "asked" / "x.yaml").write_text(
        f"asked:\n  {item_id}:\n    - hoe doe ik dit\n    - wat moet ik hiermee\n"
        f"    - iemand tips hiervoor\n", encoding="utf-8")
    after = load_content(content_dir)
    assert after.content_hash != before.content_hash
    assert after.items[item_id].asked == ("hoe doe ik dit", "wat moet ik hiermee",
                                          "iemand tips hiervoor")
    build_store(sqlite_url, content_dir)
    stored = KnowledgeBase.open(sqlite_url)
    assert stored.get_item(item_id).asked == after.items[item_id].asked
    assert stored.learned.messages == 3


@pytest.mark.parametrize("body, message", [
    ("asked:\n  geen-item:\n    - a\n    - b\n    - c\n", "onbekend item"),
    ("asked:\n  {item}:\n    - alleen een\n", f"verwacht {MIN_PER_ITEM} tot {MAX_PER_ITEM}"),
    ("asked: [a, b]\n", "verwacht 'asked:"),
])
def test_a_broken_bank_is_refused_with_file_and_item(content_dir, body, message):
    item_id = next(iter(load_content(content_dir).items))
    (content_dir / "asked").mkdir()
    (content_dir / "asked" / "kapot.yaml").write_text(body.format(item=item_id), encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_content(content_dir)
    assert "asked/kapot.yaml" in str(error.value) and message in str(error.value)


def test_a_banked_way_of_asking_finds_its_item(content):
    """On the real content: a message in the bank puts its item in the top 3 (sanity; the
    real measure is the blind set in bench/matcher_eval.py)."""
    kb = KnowledgeBase(content)
    items = list(content.items.values())[::10]
    found = sum(any(hit.item.id == item.id for hit in kb.search(item.asked[0], limit=3))
                for item in items)
    assert found / len(items) >= 0.8, found
