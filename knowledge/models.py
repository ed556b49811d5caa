"""SQLAlchemy models of the knowledge store (SQLite and PostgreSQL).

Lists of strings (themes, audiences, aliases, ...) are JSON columns: the store is
read completely into memory when the assistant starts, so no SQL filtering on them
is needed. Table names start with `kb_` so the store can share a database with
other Werkbaar stores.
"""
from __future__ import annotations

from sqlalchemy import JSON, Column, Integer, String, Text
from sqlalchemy.orm import declarative_base

Base = declarative_base()

# Bump when the tables change; a store with another version is rebuilt.
STORE_SCHEMA_VERSION = "4"


class MetaRow(Base):
    __tablename__ = "kb_meta"

    key = Column(String(64), primary_key=True)
    value = Column(Text, nullable=False)


class ItemRow(Base):
    __tablename__ = "kb_items"

    id = Column(String(120), primary_key=True)
    position = Column(Integer, nullable=False)  # order in the content files
    file = Column(String(200), nullable=False)
    kind = Column(String(40), nullable=False)
    title = Column(String(200), nullable=False)
    title_professional = Column(String(200))
    title_employer = Column(String(200))
    text = Column(Text, nullable=False)
    text_professional = Column(Text)
    text_employer = Column(Text)
    evidence = Column(String(40))
    evidence_text = Column(Text)
    source_document = Column(String(40), nullable=False)
    source_section = Column(String(80), nullable=False)
    source_heading = Column(String(200))
    source_anchor = Column(Text)
    audiences = Column(JSON, nullable=False)
    themes = Column(JSON, nullable=False)
    conditions = Column(JSON, nullable=False)
    keywords = Column(JSON, nullable=False)
    discuss_with = Column(JSON, nullable=False)
    resources = Column(JSON, nullable=False)
    helped_by = Column(JSON, nullable=False)


class ResourceRow(Base):
    __tablename__ = "kb_resources"

    id = Column(String(120), primary_key=True)
    position = Column(Integer, nullable=False)
    file = Column(String(200), nullable=False)
    name = Column(String(300), nullable=False)
    kind = Column(String(40), nullable=False)
    url = Column(Text)
    offers = Column(Text, nullable=False)
    source_document = Column(String(40), nullable=False)
    source_section = Column(String(80), nullable=False)
    audiences = Column(JSON, nullable=False)
    conditions = Column(JSON, nullable=False)
    themes = Column(JSON, nullable=False)


class ConditionRow(Base):
    __tablename__ = "kb_conditions"

    id = Column(String(120), primary_key=True)
    position = Column(Integer, nullable=False)
    file = Column(String(200), nullable=False)
    name = Column(String(200), nullable=False)
    aliases = Column(JSON, nullable=False)


class AskedRow(Base):
    """One message of the question bank (content/asked/): how people ask for an item."""
    __tablename__ = "kb_asked"

    id = Column(Integer, primary_key=True, autoincrement=True)
    item_id = Column(String(120), nullable=False, index=True)
    position = Column(Integer, nullable=False)
    text = Column(Text, nullable=False)


TABLES = [MetaRow.__table__, ItemRow.__table__, ResourceRow.__table__,
          ConditionRow.__table__, AskedRow.__table__]
TABLE_NAMES = [t.name for t in TABLES]
