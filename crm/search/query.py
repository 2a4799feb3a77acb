"""Running a search: the fast kinds first (ranked), then correspondence (newest first).

Ranking by bm25 over every match is too slow on a large office, so candidates are drawn from
the index unranked (names before other text) and the few found are ranked in Python: a name
that starts with the query first, then by kind and name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, Select, bindparam, literal_column, select, table, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.sql.sqltypes import NullType

from crm.db.database import Database
from crm.search.index import KIND_CODES, has_fts, split_rowid
from crm.text import fold, tokens

RECORD_KINDS = ("person", "organisation", "partnership", "delegation", "project", "event")
ALL_KINDS = (*RECORD_KINDS, "correspondence")
_KIND_ORDER = {kind: position for position, kind in enumerate(ALL_KINDS)}
CANDIDATES = 200


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: int
    name: str
    detail: str
    score: float  # lower is better


def match_expression(query: str, *, prefix: bool = True) -> str | None:
    """FTS5 query for ``query``: every word, as a prefix. None when there is nothing to find.

    Each word is quoted, so FTS5's own syntax (AND, NEAR, ``*``, ``:``, ``-``) typed by a user is
    taken as text. Without ``prefix`` the words must match whole.
    """
    words = tokens(query)
    if not words:
        return None
    star = "*" if prefix else ""
    return " ".join('"' + word.replace('"', '""') + '"' + star for word in words)


def tsquery_expression(query: str, *, prefix: bool = True) -> str | None:
    """PostgreSQL's to_tsquery text for ``query``: every word (quoted), as a prefix, all of them.

    The words are the folded words the index holds (crm.search.index.indexed_text), so a word
    never holds a quote; quoting keeps tsquery's operators (``&``, ``|``, ``!``) typed by a user
    as text.
    """
    words = tokens(query)
    if not words:
        return None
    star = ":*" if prefix else ""
    return " & ".join("'" + word.replace("'", "''") + "'" + star for word in words)


# The indexed expressions of the PostgreSQL search tables (see migration 0001): a query must
# repeat them exactly for the GIN indexes to be used.
_PG_VECTORS = {
    "name": "to_tsvector('simple'::regconfig, name)",
    "all": "to_tsvector('simple'::regconfig, name || ' ' || body)",
    "body": "to_tsvector('simple'::regconfig, body)",
}


def _pg_match(vector: str, parameter: str) -> str:
    return f"{_PG_VECTORS[vector]} @@ to_tsquery('simple'::regconfig, :{parameter})"


def _score(kind: str, label: str, query: str) -> float:
    """Lower is better: the whole name, then a name that starts with the query, then a word."""
    label_words = tokens(label)
    query_words = tokens(query)
    label_text, query_text = " ".join(label_words), " ".join(query_words)
    score = 3.0
    if label_text == query_text:
        score = 0.0
    elif label_text.startswith(query_text):
        score = 0.5
    elif query_words and any(word.startswith(query_words[0]) for word in label_words):
        score = 1.0
    elif all(any(w.startswith(q) for w in label_words) for q in query_words):
        score = 2.0
    return score + _KIND_ORDER[kind] / 10


def search_records(
    db: Database, query: str, kinds: tuple[str, ...] = RECORD_KINDS, limit: int = 50
) -> list[SearchHit]:
    """People, organisations, partnerships and delegations matching ``query``, best first."""
    expression = match_expression(query)
    if expression is None:
        return []
    exact = match_expression(query, prefix=False)
    codes = sorted({KIND_CODES[kind] for kind in kinds if kind in KIND_CODES})
    if not codes:
        return []
    # Only when some kinds are left out: a filter in SQL, so that many hits of another kind
    # cannot crowd the wanted ones out of the candidates.
    kind_filter = (
        ""
        if len(codes) == len(KIND_CODES)
        else (" AND rowid % 8 IN (" + ", ".join(str(code) for code in codes) + ")")
    )
    found: dict[int, tuple[str, str, int]] = {}
    with db.read() as session:
        if not has_fts(session):
            return []
        # Names first: most queries are a name, and a hit in a name beats one in the notes;
        # whole words before prefixes, so "Berg" is a candidate however many "Bergmann"s there
        # are.
        if session.get_bind().dialect.name == "postgresql":
            tiers = (
                (_pg_match("name", "expr"), tsquery_expression(query, prefix=False), 0),
                (_pg_match("name", "expr"), tsquery_expression(query), 0),
                (_pg_match("all", "expr"), tsquery_expression(query), 1),
            )
        else:
            match = "search_records MATCH :expr"
            tiers = (
                (match, f"name : ({exact})", 0),
                (match, f"name : ({expression})", 0),
                (match, expression, 1),
            )
        for condition, expr, tier in tiers:
            if len(found) >= CANDIDATES:
                break
            rows = session.execute(
                text(
                    "SELECT rowid, label, detail FROM search_records "
                    "WHERE " + condition + kind_filter + " LIMIT :limit"
                ),
                {"expr": expr, "limit": CANDIDATES * 4},
            )
            for rowid, label, detail in rows:
                if rowid % 8 in codes and rowid not in found:
                    found[rowid] = (label, detail, tier)
                    if len(found) >= CANDIDATES:
                        break
    hits = []
    for rowid, (label, detail, tier) in found.items():
        kind, record_id = split_rowid(rowid)
        score = _score(kind, label, query) + tier * 5
        hits.append(SearchHit(kind, record_id, label, detail, score))
    hits.sort(key=lambda hit: (hit.score, fold(hit.name)))
    return hits[:limit]


def search_correspondence(db: Database, query: str, limit: int = 50) -> list[SearchHit]:
    """Correspondence matching ``query``, most recently registered first."""
    expression = match_expression(query)
    if expression is None:
        return []
    with db.read() as session:
        if not has_fts(session):
            return []
        if session.get_bind().dialect.name == "postgresql":
            pg_expression = tsquery_expression(query)
            assert pg_expression is not None  # the same words as ``expression``
            return _correspondence_hits(session, _pg_match("body", "expr"), pg_expression, limit)
        return _correspondence_hits(session, "search_correspondence MATCH :expr", expression, limit)


def _correspondence_hits(
    session: Session, condition: str, expression: str, limit: int
) -> list[SearchHit]:
    rows = session.execute(
        text(
            "SELECT c.id, c.reference, c.subject, c.date FROM "
            "(SELECT rowid AS id FROM search_correspondence "
            " WHERE " + condition + " ORDER BY rowid DESC LIMIT :limit) AS m "
            "JOIN correspondence AS c ON c.id = m.id WHERE c.deleted_at IS NULL "
            "ORDER BY c.id DESC"
        ),
        {"expr": expression, "limit": limit},
    )
    return [
        SearchHit("correspondence", row_id, f"{reference} {subject}", str(day), 10.0 + position)
        for position, (row_id, reference, subject, day) in enumerate(rows)
    ]


def search(db: Database, query: str, limit: int = 50) -> list[SearchHit]:
    """Everything matching ``query``: records ranked first, then correspondence."""
    hits = search_records(db, query, limit=limit)
    if len(hits) >= limit:
        return hits
    return hits + search_correspondence(db, query, limit=limit - len(hits))


class SearchMatch(ColumnElement[bool]):
    """``table`` matches ``query`` in the search index, in the SQL of the database it runs on.

    FTS5's MATCH on SQLite; on PostgreSQL the GIN-indexed tsvector ``@@`` a prefix tsquery.
    The query is bound as a parameter either way (fetch_ids passes it to the driver as is).
    """

    inherit_cache = False  # the bound text differs by dialect; built per query, not cached
    # Not Boolean: SQLite would be asked for "... MATCH ? = 1", which FTS5 refuses.
    type = NullType()  # type: ignore[assignment]

    def __init__(self, table_name: str, query: str) -> None:
        self.table_name = table_name
        self.query = query


@compiles(SearchMatch, "sqlite")
def _compile_match_sqlite(element: SearchMatch, compiler: Any, **kw: Any) -> str:
    expression = match_expression(element.query) or '""'
    parameter = compiler.process(bindparam("search_match", expression, unique=True), **kw)
    return f"{element.table_name} MATCH {parameter}"


@compiles(SearchMatch, "postgresql")
def _compile_match_postgresql(element: SearchMatch, compiler: Any, **kw: Any) -> str:
    expression = tsquery_expression(element.query) or "''"
    parameter = compiler.process(bindparam("search_match", expression, unique=True), **kw)
    vector = "all" if element.table_name == "search_records" else "body"
    return f"{_PG_VECTORS[vector]} @@ to_tsquery('simple'::regconfig, {parameter})"


def matching_record_ids(kind: str, query: str) -> Select[tuple[int]] | None:
    """Ids of ``kind`` records matching ``query`` in the index, for list filters (``IN``).

    None when the query has no words (nothing to filter by).
    """
    if not tokens(query):
        return None
    return (
        select(literal_column("rowid / 8", Integer))
        .select_from(table("search_records"))
        .where(SearchMatch("search_records", query))
        .where(text(f"rowid % 8 = {KIND_CODES[kind]}"))
    )


def matching_correspondence_ids(query: str) -> Select[tuple[int]] | None:
    """Ids of correspondence matching ``query`` in the index; None when it has no words."""
    if not tokens(query):
        return None
    return (
        select(literal_column("rowid", Integer))
        .select_from(table("search_correspondence"))
        .where(SearchMatch("search_correspondence", query))
    )
