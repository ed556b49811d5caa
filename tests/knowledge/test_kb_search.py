"""search: inflection, compounds, typos, informal words, audience filter, sources."""
from __future__ import annotations

import pytest


def top_ids(kb, query, **kwargs):
    return [hit.item.id for hit in kb.search(query, **kwargs)]


@pytest.mark.parametrize("query, expected", [
    ("supported employment", "rl-2.1-ips"),
    ("supportid employment", "rl-2.1-ips"),
    ("individual placement and support", "rl-2.1-ips"),
    ("werkplekaanpassingen", "rl-2.2-werkplek"),
    ("aanpassing werkplek", "rl-2.2-werkplek"),
    ("ergonomische aanpassing", "rl-2.2-werkplek"),
    ("takenpakket", "rl-3.2-concentratie"),
    ("concentreren lukt niet", "rl-3.2-concentratie"),
    ("vergeetachtig", "rl-3.2-concentratie"),
    ("gesprek bedrijfsarts voorbereiden", "zm-gesprek"),
    ("rustmoment", "rl-3.2-vermoeidheid"),
])
def test_search_finds(fixture_kb, query, expected):
    assert top_ids(fixture_kb, query)[0] == expected, fixture_kb.search(query)


@pytest.mark.parametrize("query", ["vermoeidheit", "vermoeidheid", "moe", "uitgeput"])
def test_search_fatigue_variants(fixture_kb, query):
    result = top_ids(fixture_kb, query)
    assert result and result[0] in {"rl-3.2-vermoeidheid", "rl-3.1-vermoeidheid"}, result


def test_search_hit_carries_score_and_source(fixture_kb):
    hit = fixture_kb.search("supported employment")[0]
    assert 0 < hit.score <= 1.0001
    assert hit.source.startswith("Multidisciplinaire richtlijn Chronisch zieken en werk")
    assert "paragraaf 2.1 (Psychische aandoeningen)" in hit.source


def test_search_ranked_and_limited(fixture_kb):
    hits = fixture_kb.search("vermoeidheid werktijden", limit=3)
    assert len(hits) == 3
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_search_audience_filter(fixture_kb):
    assert "ser-werkgever-openheid" in top_ids(fixture_kb, "open praten over ziekte")
    result = top_ids(fixture_kb, "open praten over ziekte", audience="werkende")
    assert "ser-werkgever-openheid" not in result


def test_search_nonsense_and_empty(fixture_kb):
    assert fixture_kb.search("xqzwv") == []
    assert fixture_kb.search("") == []
    assert fixture_kb.search("de het een") == []
