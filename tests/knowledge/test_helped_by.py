"""A finding about a barrier points to what the sources say helps against it (`helped_by`):
the links are content, checked here; the reply that uses them is in
tests/understanding/test_remedies.py."""
from __future__ import annotations

import pytest

from knowledge.validation import load_content

CONTENT = load_content()
LINKED = {item.id: item for item in CONTENT.items.values() if item.helped_by}
# The barriers of guideline 3.1 that no recommendation or what-helps conclusion of the sources
# answers directly (a psychological complaint, too few fitting jobs, too few jobs paying
# enough): they stay findings.
UNANSWERED = {"rl-3.1-psychische-problemen", "rl-3.1-gebrek-passend-werk",
              "rl-3.1-banen-met-inkomen"}


def test_barrier_findings_have_remedies():
    assert len(LINKED) >= 25
    barriers = {item.id for item in CONTENT.items.values()
                if item.source.document == "richtlijn" and item.source.section == "3.1"
                and (item.source.heading or "").startswith("Ervaren belemmeringen")}
    assert barriers, "the 3.1 barrier headings changed"
    assert sorted(barriers - set(LINKED) - UNANSWERED) == []
    assert not UNANSWERED & set(LINKED), "a barrier got a remedy: take it off UNANSWERED"


@pytest.mark.parametrize("ident", sorted(LINKED))
def test_remedies_are_something_to_do(ident):
    item = LINKED[ident]
    for remedy_id in item.helped_by:
        remedy = CONTENT.items[remedy_id]
        assert remedy_id != ident
        assert remedy.actionable, f"{ident} -> {remedy_id} is a finding, not something to do"
        assert not remedy.conditions or set(remedy.conditions) <= set(item.conditions), \
            f"{ident} -> {remedy_id} is about one condition only"
    assert len(set(item.helped_by)) == len(item.helped_by)


def test_every_audience_of_a_barrier_gets_a_remedy():
    """The reply takes the first remedy meant for the reader: a barrier an employer can read
    has at least one remedy written for employers too."""
    for item in LINKED.values():
        for audience in item.audiences:
            assert any(audience in CONTENT.items[r].audiences for r in item.helped_by) \
                or audience == "werkzoekende", (item.id, audience)
