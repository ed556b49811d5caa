"""The store on a real (throwaway) PostgreSQL server."""
from __future__ import annotations

from knowledge.base import KnowledgeBase
from knowledge.store import build_store

def test_build_and_query_on_postgres(postgres_url, content_dir):
    first = build_store(postgres_url, content_dir)
    assert first.changed and first.counts["items"] == 10
    again = build_store(postgres_url, content_dir)
    assert not again.changed and again.counts == first.counts
    kb = KnowledgeBase.open(postgres_url)
    assert kb.get_item("rl-3.2-vermoeidheid").themes == ("vermoeidheid", "werktijden")
    assert kb.advice_for("vermoeidheid", "werkende", condition="ms")[0].id == "ser-ms-energie"
    assert kb.resources_for("ms")[0].id == "org-msvereniging"
    assert kb.match_condition("kankr").id == "kanker"
    assert kb.search("supportid employment")[0].item.id == "rl-2.1-ips"

    path = content_dir / "items.yaml"
    path.write_text(path.read_text().replace("  - id: zm-gesprek", "  - id: zm-gesprek-2"))
    assert build_store(postgres_url, content_dir).changed
    kb = KnowledgeBase.open(postgres_url)
    assert kb.get_item("zm-gesprek") is None and kb.get_item("zm-gesprek-2") is not None
