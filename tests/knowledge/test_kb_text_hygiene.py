"""User-facing texts never show internal ids (people cannot look them up)."""
from __future__ import annotations

from knowledge.validation import load_content

USER_FIELDS = ("title", "title_professional", "title_employer", "text", "text_professional",
               "text_employer", "evidence_text")


def test_no_internal_ids_in_user_facing_text():
    content = load_content()
    ids = set(content.items) | set(content.resources)
    leaks = []
    for item in content.items.values():
        for field in USER_FIELDS:
            value = getattr(item, field) or ""
            leaks += [(item.id, field, i) for i in ids if i in value]
    for resource in content.resources.values():
        leaks += [(resource.id, "offers", i) for i in ids if i in resource.offers]
    assert not leaks, leaks
