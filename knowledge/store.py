"""Build the knowledge store from the content files, and read it back.

`build_store` is idempotent: it stores a hash of the content and does nothing when
the content is unchanged. Changed content replaces all data in one transaction, so
an error never leaves a half-built store.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

from sqlalchemy import create_engine, delete, func, inspect, select
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from .config import database_url
from .errors import KnowledgeStoreError
from .models import (STORE_SCHEMA_VERSION, TABLE_NAMES, TABLES, AskedRow, Base,
                     ConditionRow, ItemRow, MetaRow, ResourceRow)
from .schema import Condition, Content, Item, Resource, Source
from .validation import load_content

SQLITE_HEADER = b"SQLite format 3\x00"
# A database server that does not answer fails fast instead of hanging start-up.
CONNECT_TIMEOUT_S = 10


@dataclass(frozen=True)
class BuildResult:
    url: str
    changed: bool
    content_hash: str
    counts: Dict[str, int]
    notes: List[str] = field(default_factory=list)


def _sqlite_path(url: str) -> Optional[Path]:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or \
            parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _is_sqlite_file(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def not_a_database(url: str) -> Optional[Path]:
    """The SQLite file at `url` when it exists, is not empty and is no SQLite database."""
    path = _sqlite_path(url)
    if path is not None and path.is_file() and path.stat().st_size > 0 \
            and not _is_sqlite_file(path):
        return path
    return None


def make_engine(url: str) -> Engine:
    connect_args = {}
    if make_url(url).get_backend_name() == "postgresql":
        connect_args["connect_timeout"] = CONNECT_TIMEOUT_S
    return create_engine(url, future=True, connect_args=connect_args)


def _safe_url(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


# -- content -> rows ------------------------------------------------------------------
def _item_row(item: Item, position: int) -> dict:
    return dict(
        id=item.id, position=position, file=item.file, kind=item.kind, title=item.title,
        title_professional=item.title_professional, title_employer=item.title_employer,
        text=item.text, text_professional=item.text_professional,
        text_employer=item.text_employer, evidence=item.evidence,
        evidence_text=item.evidence_text, source_document=item.source.document,
        source_section=item.source.section, source_heading=item.source.heading,
        source_anchor=item.source.anchor, audiences=list(item.audiences),
        themes=list(item.themes), conditions=list(item.conditions),
        keywords=list(item.keywords), discuss_with=list(item.discuss_with),
        resources=list(item.resources), helped_by=list(item.helped_by))


def _resource_row(res: Resource, position: int) -> dict:
    return dict(
        id=res.id, position=position, file=res.file, name=res.name, kind=res.kind,
        url=res.url, offers=res.offers, source_document=res.source.document,
        source_section=res.source.section, audiences=list(res.audiences),
        conditions=list(res.conditions), themes=list(res.themes))


def _condition_row(cond: Condition, position: int) -> dict:
    return dict(id=cond.id, position=position, file=cond.file, name=cond.name,
                aliases=list(cond.aliases))


def _count(conn: Connection) -> Dict[str, int]:
    return {name: conn.execute(select(func.count()).select_from(model)).scalar_one()
            for name, model in (("items", ItemRow), ("resources", ResourceRow),
                                ("conditions", ConditionRow))}


def _outdated_tables(engine: Engine) -> List[str]:
    """Store tables whose columns differ from the models (a store of an older format).

    `create_all` does not alter an existing table, so these are dropped and created anew.
    """
    inspector = inspect(engine)
    present = set(inspector.get_table_names())
    return [table.name for table in TABLES if table.name in present
            and {c["name"] for c in inspector.get_columns(table.name)}
            != set(table.columns.keys())]


def _meta(conn: Connection) -> Dict[str, str]:
    return {row.key: row.value for row in conn.execute(select(MetaRow.__table__))}


def build_store(url: Optional[str] = None,
                content_dir: Optional[str | os.PathLike] = None) -> BuildResult:
    """(Re)build the store from the content files; a no-op when the content is unchanged.

    Raises ContentError (invalid content; the store is left untouched) or
    KnowledgeStoreError (the database cannot be reached or written).
    """
    content = load_content(content_dir)
    url = database_url(url)
    notes: List[str] = []
    path = _sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > 0 and not _is_sqlite_file(path):
            backup = path.with_name(f"{path.name}.kapot-{int(time.time())}")
            path.rename(backup)
            notes.append(f"Het oude bestand was geen SQLite-database; bewaard als {backup}.")
    engine = make_engine(url)
    try:
        # A store with a missing table is rebuilt, even when its content hash is current.
        present = set(inspect(engine).get_table_names()) & set(TABLE_NAMES)
        complete = present == set(TABLE_NAMES)
        if present and not complete:
            notes.append("Er ontbraken tabellen in de kennisbank ("
                         f"{', '.join(sorted(set(TABLE_NAMES) - present))}); ze zijn opnieuw "
                         "opgebouwd.")
        outdated = _outdated_tables(engine)
        if outdated:
            notes.append("De kennisbank had een ouder formaat ("
                         f"{', '.join(outdated)}); ze is opnieuw opgebouwd.")
        with engine.begin() as conn:
            if outdated:  # an older store format: its tables are created anew
                Base.metadata.drop_all(conn)
            Base.metadata.create_all(conn)
            meta = _meta(conn)
            if (complete and not outdated and meta.get("content_hash") == content.content_hash
                    and meta.get("store_version") == STORE_SCHEMA_VERSION):
                return BuildResult(_safe_url(url), False, content.content_hash,
                                   _count(conn), notes)
            for model in (AskedRow, ItemRow, ResourceRow, ConditionRow, MetaRow):
                conn.execute(delete(model))
            rows = [_condition_row(c, i) for i, c in enumerate(content.conditions.values())]
            if rows:
                conn.execute(ConditionRow.__table__.insert(), rows)
            rows = [_resource_row(r, i) for i, r in enumerate(content.resources.values())]
            if rows:
                conn.execute(ResourceRow.__table__.insert(), rows)
            rows = [_item_row(it, i) for i, it in enumerate(content.items.values())]
            if rows:
                conn.execute(ItemRow.__table__.insert(), rows)
            rows = [{"item_id": it.id, "position": i, "text": text}
                    for it in content.items.values() for i, text in enumerate(it.asked)]
            if rows:
                conn.execute(AskedRow.__table__.insert(), rows)
            conn.execute(MetaRow.__table__.insert(), [
                {"key": "content_hash", "value": content.content_hash},
                {"key": "store_version", "value": STORE_SCHEMA_VERSION},
                {"key": "built_at", "value": time.strftime("%Y-%m-%dT%H:%M:%S%z")},
                {"key": "files", "value": ",".join(content.files)},
            ])
            counts = _count(conn)
        return BuildResult(_safe_url(url), True, content.content_hash, counts, notes)
    except SQLAlchemyError as exc:
        raise KnowledgeStoreError(
            f"De kennisbank kon niet worden opgebouwd in {_safe_url(url)}: {exc.__class__.__name__}.",
            f"Could not build the knowledge store at {_safe_url(url)}: {exc}",
            hint="Controleer WERKBAAR_KNOWLEDGE_URL en of de database bereikbaar is.") from exc
    finally:
        engine.dispose()


# -- rows -> content ---------------------------------------------------------------
def _rows_to_content(conn: Connection, meta: Dict[str, str]) -> Content:
    conditions = {}
    for row in conn.execute(select(ConditionRow.__table__).order_by(ConditionRow.position)):
        conditions[row.id] = Condition(row.id, row.name, tuple(row.aliases), row.file)
    resources = {}
    for row in conn.execute(select(ResourceRow.__table__).order_by(ResourceRow.position)):
        resources[row.id] = Resource(
            id=row.id, name=row.name, kind=row.kind, offers=row.offers,
            audiences=tuple(row.audiences), url=row.url, conditions=tuple(row.conditions),
            themes=tuple(row.themes), file=row.file,
            source=Source(row.source_document, row.source_section))
    asked: Dict[str, List[str]] = {}
    for row in conn.execute(select(AskedRow.__table__).order_by(AskedRow.item_id,
                                                                AskedRow.position)):
        asked.setdefault(row.item_id, []).append(row.text)
    items = {}
    for row in conn.execute(select(ItemRow.__table__).order_by(ItemRow.position)):
        items[row.id] = Item(
            id=row.id, kind=row.kind, title=row.title, text=row.text,
            title_professional=row.title_professional, title_employer=row.title_employer,
            audiences=tuple(row.audiences), themes=tuple(row.themes),
            source=Source(row.source_document, row.source_section, row.source_heading,
                          row.source_anchor),
            text_professional=row.text_professional, text_employer=row.text_employer,
            conditions=tuple(row.conditions), evidence=row.evidence,
            evidence_text=row.evidence_text, keywords=tuple(row.keywords),
            discuss_with=tuple(row.discuss_with), resources=tuple(row.resources),
            helped_by=tuple(row.helped_by), file=row.file, asked=tuple(asked.get(row.id, ())))
    files = tuple(f for f in meta.get("files", "").split(",") if f)
    return Content(items, resources, conditions, meta.get("content_hash", ""), files)


def read_store(url: Optional[str] = None) -> Content:
    """Read the whole store into memory, or raise KnowledgeStoreError (Dutch + English)."""
    url = database_url(url)
    shown = _safe_url(url)
    path = _sqlite_path(url)
    if path is not None:
        if not path.exists():
            raise KnowledgeStoreError(f"De kennisbank ontbreekt: {path} bestaat niet.",
                                      f"The knowledge store is missing: {path} does not exist.")
        if path.stat().st_size == 0:
            raise KnowledgeStoreError(f"De kennisbank is leeg: {path}.",
                                      f"The knowledge store is empty: {path}.")
        if not _is_sqlite_file(path):
            raise KnowledgeStoreError(
                f"De kennisbank is beschadigd: {path} is geen SQLite-database.",
                f"The knowledge store is corrupt: {path} is not an SQLite database.")
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            present = set(inspect(conn).get_table_names())
            missing = [name for name in TABLE_NAMES if name not in present]
            if missing:
                raise KnowledgeStoreError(
                    f"De kennisbank in {shown} is onvolledig: tabellen ontbreken "
                    f"({', '.join(missing)}).",
                    f"The knowledge store at {shown} is incomplete: missing tables "
                    f"({', '.join(missing)}).")
            meta = _meta(conn)
            if "content_hash" not in meta:
                raise KnowledgeStoreError(f"De kennisbank in {shown} is leeg.",
                                          f"The knowledge store at {shown} is empty.")
            if meta.get("store_version") != STORE_SCHEMA_VERSION:
                raise KnowledgeStoreError(
                    f"De kennisbank in {shown} heeft een verouderd formaat.",
                    f"The knowledge store at {shown} has an outdated format.")
            content = _rows_to_content(conn, meta)
    except KnowledgeStoreError:
        raise
    except (SQLAlchemyError, TypeError, ValueError) as exc:
        raise KnowledgeStoreError(
            f"De kennisbank in {shown} kan niet worden gelezen (beschadigd of onbereikbaar).",
            f"The knowledge store at {shown} cannot be read (corrupt or unreachable): {exc}",
        ) from exc
    finally:
        engine.dispose()
    if not content.items:
        raise KnowledgeStoreError(f"De kennisbank in {shown} bevat geen adviezen.",
                                  f"The knowledge store at {shown} contains no items.")
    return content
