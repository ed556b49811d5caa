"""Ranking rules of the free-text search on the real content."""
from __future__ import annotations

from knowledge import vocabulary as voc


def test_items_about_an_unmentioned_condition_do_not_lead(real_kb):
    # The content has a breast-cancer finding about night shifts; a question that names no
    # condition gets the general advice first.
    top = real_kb.search("nachtdiensten trek ik niet meer", limit=1)[0].item
    assert not top.conditions, top.id


def test_items_about_the_mentioned_condition_stay_in_front(real_kb):
    hits = real_kb.search("supported employment bij NAH", limit=3)
    assert any("nah" in hit.item.conditions for hit in hits[:1]), [h.item.id for h in hits]


def test_prefer_advice_puts_something_to_act_on_first(real_kb):
    query = "ik ben altijd moe na mijn werk, wat kan ik doen?"
    top = real_kb.search(query, audience="werkende", limit=1, prefer_advice=True)[0].item
    assert top.kind in voc.ADVICE_KINDS, top.id
    assert "vermoeidheid" in top.themes


def test_prefer_advice_keeps_every_hit_of_the_plain_search_reachable(real_kb):
    plain = {h.item.id for h in real_kb.search("werkdruk", limit=10)}
    advice = {h.item.id for h in real_kb.search("werkdruk", limit=40, prefer_advice=True)}
    assert plain <= advice
