"""build_store idempotency, atomic rebuild and KnowledgeStoreError on bad stores."""
from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import create_engine, text

from knowledge.base import KnowledgeBase
from knowledge.config import database_url
from knowledge.errors import ContentError, KnowledgeStoreError
from knowledge.store import build_store

from conftest import BROKEN


def _counts(url):
    engine = create_engine(url, future=True)
    with engine.connect() as conn:
        result = {t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one()
                  for t in ("kb_items", "kb_resources", "kb_conditions", "kb_meta")}
        result["hash"] = conn.execute(
            text("SELECT value FROM kb_meta WHERE key = 'content_hash'")).scalar_one()
        result["built_at"] = conn.execute(
            text("SELECT value FROM kb_meta WHERE key = 'built_at'")).scalar_one()
    engine.dispose()
    return result


def test_build_is_idempotent(sqlite_url, content_dir):
    first = build_store(sqlite_url, content_dir)
    assert first.changed
    assert first.counts == {"items": 10, "resources": 6, "conditions": 7}
    before = _counts(sqlite_url)
    second = build_store(sqlite_url, content_dir)
    assert not second.changed
    assert second.content_hash == first.content_hash
    assert _counts(sqlite_url) == before  # nothing rewritten, not even built_at


def test_changed_content_is_rebuilt(sqlite_url, content_dir):
    first = build_store(sqlite_url, content_dir)
    path = content_dir / "items.yaml"
    path.write_text(path.read_text().replace(
        "  - id: zm-gesprek", "  - id: zm-gesprek-nieuw"))
    second = build_store(sqlite_url, content_dir)
    assert second.changed and second.content_hash != first.content_hash
    kb = KnowledgeBase.open(sqlite_url)
    assert kb.get_item("zm-gesprek") is None
    assert kb.get_item("zm-gesprek-nieuw") is not None
    assert kb.stats()["items"] == 10


def test_invalid_content_leaves_store_untouched(sqlite_url, content_dir):
    build_store(sqlite_url, content_dir)
    before = _counts(sqlite_url)
    (content_dir / "x.yaml").write_text((BROKEN / "unknown_theme.yaml").read_text())
    with pytest.raises(ContentError):
        build_store(sqlite_url, content_dir)
    assert _counts(sqlite_url) == before


def test_failed_insert_rolls_back(sqlite_url, content_dir, monkeypatch):
    build_store(sqlite_url, content_dir)
    before = _counts(sqlite_url)
    path = content_dir / "items.yaml"
    path.write_text(path.read_text().replace("Een gesprek met", "Een goed gesprek met"))
    import knowledge.store as store

    def broken_row(item, position):
        if position == 5:
            raise RuntimeError("simulated crash halfway")
        return original(item, position)

    original = store._item_row
    monkeypatch.setattr(store, "_item_row", broken_row)
    with pytest.raises(RuntimeError):
        build_store(sqlite_url, content_dir)
    assert _counts(sqlite_url) == before  # old data intact, no half-built store
    KnowledgeBase.open(sqlite_url)


def test_store_of_an_older_format_is_rebuilt(sqlite_url, content_dir):
    """A store written before a column existed (title_employer, store version 2) is rebuilt:
    create_all does not add the column, so the build recreates the tables."""
    build_store(sqlite_url, content_dir)
    engine = create_engine(sqlite_url, future=True)
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE kb_items DROP COLUMN title_employer"))
        conn.execute(text("UPDATE kb_meta SET value = '2' WHERE key = 'store_version'"))
    engine.dispose()
    with pytest.raises(KnowledgeStoreError, match="verouderd formaat"):
        KnowledgeBase.open(sqlite_url)
    result = build_store(sqlite_url, content_dir)
    assert result.changed and any("ouder formaat" in note for note in result.notes)
    assert KnowledgeBase.open(sqlite_url).stats()["items"] == 10
    assert not build_store(sqlite_url, content_dir).changed


def test_default_url_uses_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("WERKBAAR_DATA_DIR", str(tmp_path / "d"))
    assert database_url() == f"sqlite:///{tmp_path / 'd' / 'knowledge.db'}"
    monkeypatch.setenv("WERKBAAR_KNOWLEDGE_URL", "sqlite:////x/y.db")
    assert database_url() == "sqlite:////x/y.db"
    assert database_url("postgresql://h/db") == "postgresql://h/db"


def test_build_and_open_with_default_url(content_dir):
    result = build_store(content_dir=content_dir)
    assert result.changed
    assert KnowledgeBase.open().stats()["items"] == 10


def test_open_missing_store(tmp_path):
    with pytest.raises(KnowledgeStoreError) as info:
        KnowledgeBase.open(f"sqlite:///{tmp_path / 'nergens.db'}")
    message = str(info.value)
    assert "ontbreekt" in message and "missing" in message
    assert "kennisbank laden" in message
    assert not (tmp_path / "nergens.db").exists()  # opening must not create it


def test_open_not_a_sqlite_file(tmp_path):
    path = tmp_path / "kb.db"
    path.write_text("dit is geen database\n" * 10)
    with pytest.raises(KnowledgeStoreError, match="geen SQLite-database") as info:
        KnowledgeBase.open(f"sqlite:///{path}")
    assert "not an SQLite database" in str(info.value)


def test_open_empty_file(tmp_path):
    path = tmp_path / "kb.db"
    path.touch()
    with pytest.raises(KnowledgeStoreError, match="leeg"):
        KnowledgeBase.open(f"sqlite:///{path}")


def test_open_missing_tables(tmp_path):
    path = tmp_path / "kb.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE iets (x INTEGER)")
    with pytest.raises(KnowledgeStoreError, match="tabellen ontbreken") as info:
        KnowledgeBase.open(f"sqlite:///{path}")
    assert "missing tables" in str(info.value)


def test_open_tables_without_content(sqlite_url, content_dir):
    build_store(sqlite_url, content_dir)
    engine = create_engine(sqlite_url, future=True)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM kb_meta"))
    engine.dispose()
    with pytest.raises(KnowledgeStoreError, match="leeg") as info:
        KnowledgeBase.open(sqlite_url)
    assert "empty" in str(info.value)


def test_open_truncated_database(sqlite_url, content_dir, tmp_path):
    build_store(sqlite_url, content_dir)
    path = tmp_path / "kb.db"
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\x00" * 50)  # valid header, garbage after
    with pytest.raises(KnowledgeStoreError):
        KnowledgeBase.open(sqlite_url)


def test_build_replaces_corrupt_sqlite_file(tmp_path, content_dir):
    path = tmp_path / "kb.db"
    path.write_text("kapot")
    result = build_store(f"sqlite:///{path}", content_dir)
    assert result.changed and result.notes
    assert list(tmp_path.glob("kb.db.kapot-*"))
    assert KnowledgeBase.open(f"sqlite:///{path}").stats()["items"] == 10


def test_unreachable_database_is_store_error():
    with pytest.raises(KnowledgeStoreError):
        KnowledgeBase.open("postgresql+psycopg2://nobody@127.0.0.1:1/none")
