"""advice_for, resources_for, lookups and stats on the fixture content."""
from __future__ import annotations

import dataclasses

import pytest

from knowledge.schema import Item, Resource


def ids(items):
    return [x.id for x in items]


def test_advice_ranking_generic(fixture_kb):
    result = fixture_kb.advice_for(["vermoeidheid", "werktijden"], "werkende")
    # two matching themes first; then one theme, stronger evidence first;
    # condition-specific items are excluded without a condition
    assert ids(result) == ["rl-3.2-vermoeidheid", "rl-3.1-vermoeidheid",
                           "rl-1.1-energie", "rl-2.2-werkplek"]
    assert all(isinstance(x, Item) and dataclasses.is_dataclass(x) for x in result)


def test_advice_condition_specific_first_and_others_excluded(fixture_kb):
    result = ids(fixture_kb.advice_for("vermoeidheid", "werkende", condition="ms"))
    assert result[0] == "ser-ms-energie"
    assert "ser-kanker-energie" not in result
    assert len(result) == len(set(result))  # no duplicates
    assert result[1:] == ["rl-3.1-vermoeidheid", "rl-1.1-energie", "rl-3.2-vermoeidheid"]


def test_advice_evidence_order_and_limit(fixture_kb):
    result = ids(fixture_kb.advice_for(["vermoeidheid"], "professional"))
    # single theme each: aannemelijk > aanwijzingen > aanbeveling (working group)
    assert result == ["rl-3.1-vermoeidheid", "rl-1.1-energie", "rl-3.2-vermoeidheid"]
    assert ids(fixture_kb.advice_for(["vermoeidheid"], "professional", limit=1)) == \
        ["rl-3.1-vermoeidheid"]


def test_advice_audience_filter(fixture_kb):
    assert ids(fixture_kb.advice_for(["openheid"], "werkgever")) == ["ser-werkgever-openheid"]
    assert fixture_kb.advice_for(["openheid"], "werkende") == []


def test_advice_rejects_unknown_values(fixture_kb):
    with pytest.raises(ValueError, match="theme"):
        fixture_kb.advice_for(["moeheid"], "werkende")
    with pytest.raises(ValueError, match="audience"):
        fixture_kb.advice_for(["vermoeidheid"], "iedereen")


def test_resources_specific_first_then_generic(fixture_kb):
    result = fixture_kb.resources_for("ms")
    assert [r.id for r in result[:2]] == ["org-msvereniging", "coach-ms"]
    # Generic places to turn to; a knowledge centre is found by search, not listed here.
    assert {r.id for r in result[2:]} == {"koepel-iederin", "koepel-pf", "tool-werkscan"}
    assert all(isinstance(r, Resource) for r in result)


def test_resources_fallback_to_umbrella(fixture_kb):
    result = fixture_kb.resources_for("diabetes")
    assert result and all(r.is_generic for r in result)
    assert [r.kind for r in result[:2]] == ["koepelorganisatie", "koepelorganisatie"]
    assert [r.id for r in fixture_kb.resources_for("bestaat-niet")] == [r.id for r in result]


def test_resources_audience_and_free_text(fixture_kb):
    result = fixture_kb.resources_for("ms", audience="werkzoekende")
    assert [r.id for r in result] == ["org-msvereniging", "koepel-iederin", "koepel-pf"]
    assert fixture_kb.resources_for("multiple sclerose")[0].id == "org-msvereniging"


def test_search_resources(fixture_kb):
    hits = fixture_kb.search_resources("MS vereniging")
    assert hits[0].resource.id == "org-msvereniging"
    assert fixture_kb.search_resources("werkscan")[0].resource.id == "tool-werkscan"
    assert fixture_kb.search_resources("qqqq") == []


def test_lookups_and_stats(fixture_kb):
    assert fixture_kb.get_item("rl-2.1-ips").evidence == "bewezen"
    assert fixture_kb.get_item("bestaat-niet") is None
    assert fixture_kb.get_resource("kc-akc").kind == "kenniscentrum"
    names = [c.name for c in fixture_kb.all_conditions()]
    assert names == sorted(names, key=str.lower) and len(names) == 7
    stats = fixture_kb.stats()
    assert stats["items"] == 10 and stats["resources"] == 6 and stats["conditions"] == 7
    assert stats["items_per_kind"]["aanbeveling"] == 3
