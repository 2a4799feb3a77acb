"""Keeping the search index in step with the records, inside the writing transaction.

Text is folded in Python (crm.text.fold) before it is indexed, and queries are folded the same
way, so case and diacritics never matter: "liep" finds Liepāja, "goldfuss" finds Goldfuß.

SQLite keeps the index in FTS5 tables; PostgreSQL in plain tables of the same names and columns
with GIN indexes over ``to_tsvector('simple', ...)``. For PostgreSQL the folded words are joined
by spaces before they are stored, so its parser sees exactly the words FTS5 sees (it would keep
"anna@example.org" as one word, and a search for "example" would not find it).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from crm.text import fold, tokens

# rowid = id * 8 + kind code, so one record's row is found by rowid, never by a scan.
KIND_CODES = {
    "person": 1,
    "organisation": 2,
    "partnership": 3,
    "delegation": 4,
    "project": 5,
    "event": 6,
}
CODE_KINDS = {code: kind for kind, code in KIND_CODES.items()}


def record_rowid(kind: str, record_id: int) -> int:
    return record_id * 8 + KIND_CODES[kind]


def split_rowid(rowid: int) -> tuple[str, int]:
    return CODE_KINDS[rowid % 8], rowid // 8


SEARCH_DIALECTS = ("sqlite", "postgresql")


def has_fts(session: Session) -> bool:
    """Whether the database has a search index (SQLite and PostgreSQL have)."""
    return session.get_bind().dialect.name in SEARCH_DIALECTS


def indexed_text(dialect: str, value: str | None) -> str:
    """``value`` as the index keeps it: folded; for PostgreSQL also split into words."""
    if dialect == "postgresql":
        return " ".join(tokens(value))
    return fold(value)


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def index_record(
    session: Session, kind: str, record_id: int, *, names: str, body: str, label: str, detail: str
) -> None:
    if not has_fts(session):
        return
    rowid = record_rowid(kind, record_id)
    session.execute(text("DELETE FROM search_records WHERE rowid = :rowid"), {"rowid": rowid})
    session.execute(
        text(
            "INSERT INTO search_records(rowid, name, body, label, detail) "
            "VALUES (:rowid, :name, :body, :label, :detail)"
        ),
        {
            "rowid": rowid,
            "name": indexed_text(_dialect(session), names),
            "body": indexed_text(_dialect(session), body),
            "label": label,
            "detail": detail,
        },
    )


def unindex_record(session: Session, kind: str, record_id: int) -> None:
    if not has_fts(session):
        return
    session.execute(
        text("DELETE FROM search_records WHERE rowid = :rowid"),
        {"rowid": record_rowid(kind, record_id)},
    )


def index_correspondence(session: Session, correspondence_id: int, body: str) -> None:
    if not has_fts(session):
        return
    session.execute(
        text("DELETE FROM search_correspondence WHERE rowid = :rowid"), {"rowid": correspondence_id}
    )
    session.execute(
        text("INSERT INTO search_correspondence(rowid, body) VALUES (:rowid, :body)"),
        {"rowid": correspondence_id, "body": indexed_text(_dialect(session), body)},
    )


def unindex_correspondence(session: Session, correspondence_id: int) -> None:
    if not has_fts(session):
        return
    session.execute(
        text("DELETE FROM search_correspondence WHERE rowid = :rowid"), {"rowid": correspondence_id}
    )
