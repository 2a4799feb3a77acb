"""Erasing a person (GDPR Art. 17) so that nothing of them remains in the database file.

``erasure_preview`` says what would go; ``erase_person`` does it, in one transaction:

- the person's own rows go: the person, their phones and emails, addresses, organisations,
  delegation memberships, programme appointments, tags, trash entry (crm.gdpr.links lists
  every foreign key to ``people``; a test keeps that list complete);
- the records of others that name them stay, without them: a register entry keeps its
  reference number, a gift its description, with "[erased]" where the person's name was;
- the history: the entries about the person go; entries of other records are scrubbed (their
  membership entries in delegations dropped, links to them emptied, their names, phones and
  emails replaced), and so are the operation labels that quote their name;
- every text column of every table is scrubbed of their names, phones and emails, and attached
  files whose bytes contain them are removed;
- the search index: their row is deleted, the records that changed are indexed again and the
  index is optimised, so the old segments holding their words are dropped.

Then, after the commit, the free pages: SQLite runs with secure_delete (freed content is
overwritten with zeros); the WAL is checkpointed and truncated, the file vacuumed and the WAL
truncated again, so neither the file nor its ``-wal`` keeps an old copy of a page. On
PostgreSQL the touched tables are rewritten with VACUUM FULL.

The erasure is an operation of its own in the history (no name in it) and cannot be undone; undo
stops before it. Backups taken earlier still hold the person: ``ErasureResult.backups`` names
those beside the database file, for the office to deal with under its backup policy.

Erasure is for administrators: on the shared server, role checks guard ``erase_person``.
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Table, delete, func, or_, select, text, update
from sqlalchemy.orm import Session

from crm.db.base import Base
from crm.db.database import Database
from crm.db.enums import ChangeAction
from crm.db.models import (
    Attachment,
    AttachmentBlob,
    Change,
    Operation,
    Person,
    Tagging,
    TrashEntry,
)
from crm.gdpr import scrub
from crm.gdpr.links import CLEAR, DELETE, ENTITY_TABLES, PERSON_LINKS, PersonLink
from crm.i18n import _, ngettext
from crm.services.access import require_administrator
from crm.services.errors import NotFound
from crm.services.records import all_kinds
from crm.services.unit import ChangeSet, UnitOfWork, write

KIND = "person"
# Tables whose text is the history's JSON, scrubbed value by value instead of as text.
JSON_TABLES = frozenset({"changes"})
SEARCH_TABLES = ("search_records", "search_correspondence")
# Always rewritten on PostgreSQL: where the person's own rows, history and search rows were.
_ALWAYS_COMPACTED = (
    "people",
    "contact_points",
    "addresses",
    "affiliations",
    "delegation_members",
    "programme_participants",
    "correspondence_people",
    "taggings",
    "trash",
    "changes",
    "operations",
    "attachments",
    "attachment_blobs",
    *SEARCH_TABLES,
)
# Which record kind a table's rows are, for the user interface's refresh and the index.
_OWNER_KIND = {
    "correspondence": "correspondence",
    "delegations": "delegation",
    "partnerships": "partnership",
    "gifts": "delegation",
}


@dataclass(frozen=True)
class ErasurePreview:
    person_id: int
    name: str
    in_trash: bool
    counts: dict[str, int]  # group (see GROUPS) -> how many

    def lines(self) -> list[str]:
        """What goes and what stays without the person, one line per kind of record."""
        return [describe(group, count) for group, count in self.counts.items() if count]


@dataclass(frozen=True)
class ErasureResult:
    person_id: int
    counts: dict[str, int]
    texts_scrubbed: int  # text fields of other records that named them
    compacted: bool  # the free pages and the WAL are clean (False: another user held on)
    backups: tuple[Path, ...]  # files beside the database that may still hold the person
    changes: ChangeSet = field(default_factory=ChangeSet)


GROUPS = (
    "contact_points",
    "addresses",
    "affiliations",
    "delegation_members",
    "programme_items",
    "correspondence",
    "gifts",
    "delegations_hosted",
    "partnerships",
    "tags",
    "attachments",
    "history",
    "mentions",
)


def describe(group: str, count: int) -> str:
    texts = {
        "contact_points": ngettext(
            "{count} phone number, fax, email or web address",
            "{count} phone numbers, faxes, emails and web addresses",
            count,
        ),
        "addresses": ngettext("{count} postal address", "{count} postal addresses", count),
        "affiliations": ngettext(
            "{count} link to an organisation", "{count} links to organisations", count
        ),
        "delegation_members": ngettext(
            "{count} delegation membership", "{count} delegation memberships", count
        ),
        "programme_items": ngettext(
            "{count} programme appointment", "{count} programme appointments", count
        ),
        "correspondence": ngettext(
            "{count} register entry: it stays, without their name",
            "{count} register entries: they stay, without their name",
            count,
        ),
        "gifts": ngettext(
            "{count} gift given or received: it stays, without their name",
            "{count} gifts given or received: they stay, without their name",
            count,
        ),
        "delegations_hosted": ngettext(
            "{count} delegation they hosted: it stays, without a host",
            "{count} delegations they hosted: they stay, without a host",
            count,
        ),
        "partnerships": ngettext(
            "{count} partnership they looked after: it stays, without them",
            "{count} partnerships they looked after: they stay, without them",
            count,
        ),
        "tags": ngettext("{count} tag", "{count} tags", count),
        "attachments": ngettext(
            "{count} attached file that contains their name or address",
            "{count} attached files that contain their name or address",
            count,
        ),
        "history": ngettext(
            "{count} history entry about them", "{count} history entries about them", count
        ),
        "mentions": ngettext(
            "{count} history entry of other records that names them: scrubbed",
            "{count} history entries of other records that name them: scrubbed",
            count,
        ),
    }
    return texts[group].format(count=count)


# --- what identifies the person, and where they are -------------------------------------------


@dataclass
class _Plan:
    person: Person
    name: str
    pattern: re.Pattern[str] | None
    terms: list[str]
    own_changes: list[int]
    mentions: list[int]
    blobs: list[str]
    counts: dict[str, int]


def _load(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)  # in the trash too: Art. 17 reaches it there
    if person is None:
        raise NotFound(_("This person no longer exists."))
    return person


def _snapshots(person: Person, changes: list[Change]) -> list[dict[str, Any]]:
    from crm.services.people import snapshot

    found = [snapshot(person)]
    for change in changes:
        for stored in (change.old_values, change.new_values):
            value = json.loads(stored) if stored else None
            if isinstance(value, dict):
                found.append(value)
    return found


def _plan(session: Session, person_id: int) -> _Plan:
    from crm.services.people import display_name

    person = _load(session, person_id)
    own = list(
        session.scalars(select(Change).where(Change.entity == KIND, Change.entity_id == person_id))
    )
    terms = scrub.person_terms(session, person, _snapshots(person, own))
    pattern = scrub.pattern_of(terms)
    counts = dict.fromkeys(GROUPS, 0)
    for link in PERSON_LINKS:
        table = link.sql
        if link.group in ("correspondence", "gifts"):
            continue  # counted once per record below, whichever way it names them
        counts[link.group] += _count(session, table, link, person_id)
    counts["correspondence"] = len(
        _ids(session, "correspondence", "counterpart_person_id", person_id)
        | _ids(session, "correspondence_people", "person_id", person_id, "correspondence_id")
    )
    counts["gifts"] = len(
        _ids(session, "gifts", "from_person_id", person_id)
        | _ids(session, "gifts", "to_person_id", person_id)
    )
    counts["tags"] = int(
        session.scalar(
            select(func.count())
            .select_from(Tagging)
            .where(Tagging.entity == KIND, Tagging.entity_id == person_id)
        )
        or 0
    )
    blobs = _blobs_naming(session, terms)
    counts["attachments"] = len(blobs)
    mentioned = find_mentions(session, person_id, terms, pattern)
    counts["history"] = len(own)
    counts["mentions"] = len(mentioned)
    return _Plan(
        person=person,
        name=display_name(person),
        pattern=pattern,
        terms=terms,
        own_changes=[change.id for change in own],
        mentions=mentioned,
        blobs=blobs,
        counts=counts,
    )


def _count(session: Session, table: Table, link: PersonLink, person_id: int) -> int:
    statement = select(func.count()).select_from(table).where(table.c[link.column] == person_id)
    return int(session.scalar(statement) or 0)


def _ids(
    session: Session, table_name: str, column: str, person_id: int, id_column: str = "id"
) -> set[int]:
    table = Base.metadata.tables[table_name]
    return set(session.scalars(select(table.c[id_column]).where(table.c[column] == person_id)))


def _encodings(term: str) -> list[bytes]:
    forms = [term.encode("utf-8"), term.encode("utf-16-le"), term.encode("utf-16-be")]
    with contextlib.suppress(UnicodeEncodeError):
        forms.append(term.encode("latin-1"))
    return [form.lower() for form in forms]


def _blobs_naming(session: Session, terms: list[str]) -> list[str]:
    """The attached files whose bytes hold one of the terms (as UTF-8, UTF-16 or Latin-1).

    A file cannot be scrubbed like text (a PDF, a scan): one that names the person goes whole.
    """
    needles = [form for term in terms for form in _encodings(term)]
    if not needles:
        return []
    found = []
    for sha in session.scalars(select(AttachmentBlob.sha256).order_by(AttachmentBlob.sha256)):
        data = session.scalar(select(AttachmentBlob.data).where(AttachmentBlob.sha256 == sha))
        content = bytes(data or b"").lower()
        if any(needle in content for needle in needles):
            found.append(sha)
    return found


def find_mentions(
    session: Session, person_id: int, terms: list[str], pattern: re.Pattern[str] | None
) -> list[int]:
    """The history entries of other records that link to the person or quote them."""
    candidates = or_(
        Change.old_values.contains(str(person_id)),
        Change.new_values.contains(str(person_id)),
        *[
            column.icontains(term, autoescape=True)
            for term in terms
            for column in (Change.label, Change.old_values, Change.new_values)
        ],
    )
    rows = session.execute(
        select(Change.id, Change.label, Change.old_values, Change.new_values)
        .where(~((Change.entity == KIND) & (Change.entity_id == person_id)))
        .where(candidates)
        .order_by(Change.id)
    )
    found = []
    for change_id, label, old, new in rows:
        values = [json.loads(v) if v else None for v in (old, new)]
        quoted = pattern is not None and any(pattern.search(v or "") for v in (label, old, new))
        if quoted or any(scrub.mentions(v, person_id) for v in values):
            found.append(change_id)
    return found


def erasure_preview(db: Database, person_id: int) -> ErasurePreview:
    with db.read() as session:
        plan = _plan(session, person_id)
        return ErasurePreview(
            person_id=person_id,
            name=plan.name,
            in_trash=plan.person.deleted_at is not None,
            counts=plan.counts,
        )


# --- erasing ----------------------------------------------------------------------------------


def erase_person(db: Database, person_id: int) -> ErasureResult:
    """Erase the person for good (GDPR Art. 17); it cannot be undone."""
    require_administrator(db)
    mark = _("[erased]")
    with write(db, _("Erase personal data")) as unit:
        session = unit.session
        plan = _plan(session, person_id)
        touched: dict[str, set[int]] = {}
        _clear_links(unit, person_id, mark, touched)
        _delete_rows(session, person_id, plan)
        _scrub_history(unit, person_id, plan, mark)
        people = Base.metadata.tables["people"]
        session.execute(delete(people).where(people.c.id == person_id))
        scrubbed = _scrub_tables(session, plan.terms, plan.pattern, mark, touched)
        _reindex(unit, person_id, touched)
        unit.operation.label = _("Erase personal data (Art. 17 GDPR): person no. {id}").format(
            id=person_id
        )
        unit.record(
            ChangeAction.PURGE,
            KIND,
            person_id,
            _("Erased person no. {id}").format(id=person_id),
            new={"erased": {group: count for group, count in plan.counts.items() if count}},
        )
        changes = unit.changes
    compacted = compact(db, tables=[*sorted(touched), *_ALWAYS_COMPACTED])
    return ErasureResult(
        person_id=person_id,
        counts=plan.counts,
        texts_scrubbed=scrubbed,
        compacted=compacted,
        backups=tuple(backups_beside(db)),
        changes=changes,
    )


def _clear_links(unit: UnitOfWork, person_id: int, mark: str, touched: dict[str, set[int]]) -> None:
    """Other records that name the person stay, with the link cleared and, where they name
    their counterpart in words, ``mark`` in its place."""
    session = unit.session
    for link in PERSON_LINKS:
        if link.action != CLEAR:
            continue
        table = link.sql
        column = table.c[link.column]
        rows = list(session.execute(select(table).where(column == person_id)).mappings())
        if not rows:
            continue
        values: dict[str, Any] = {link.column: None}
        if link.words is not None:
            values[link.words] = mark
        if "version" in table.c:
            values["version"] = table.c.version + 1
        session.execute(update(table).where(column == person_id).values(values))
        touched.setdefault(link.table, set()).update(int(row["id"]) for row in rows)
        kind = _OWNER_KIND[link.table]
        for row in rows:
            owner = row["delegation_id"] if link.table == "gifts" else row["id"]
            if owner is not None:
                unit.changes.note(ChangeAction.UPDATE, kind, int(owner))


def _delete_rows(session: Session, person_id: int, plan: _Plan) -> None:
    for link in PERSON_LINKS:
        if link.action == DELETE:
            table = link.sql
            session.execute(delete(table).where(table.c[link.column] == person_id))
    session.execute(delete(Tagging).where(Tagging.entity == KIND, Tagging.entity_id == person_id))
    session.execute(
        delete(TrashEntry).where(TrashEntry.entity == KIND, TrashEntry.entity_id == person_id)
    )
    for sha in plan.blobs:
        session.execute(delete(Attachment).where(Attachment.sha256 == sha))
        session.execute(delete(AttachmentBlob).where(AttachmentBlob.sha256 == sha))


def _scrub_history(unit: UnitOfWork, person_id: int, plan: _Plan, mark: str) -> None:
    """The person's own history goes; other entries keep what they say of everyone else."""
    session = unit.session
    session.flush()  # the erasure's own operation has its id: it is not one to remove
    if plan.own_changes:
        session.execute(delete(Change).where(Change.id.in_(plan.own_changes)))
    for change in session.scalars(select(Change).where(Change.id.in_(plan.mentions))):
        change.label = scrub.scrub_text(change.label, plan.pattern, mark)[:300]
        change.old_values = scrub.scrub_json(change.old_values, plan.pattern, person_id, mark)
        change.new_values = scrub.scrub_json(change.new_values, plan.pattern, person_id, mark)
    session.flush()
    # Operations left with no change were only about the person ("New person: ..."): they go.
    empty = select(Operation.id).where(~Operation.changes.any(), Operation.id != unit.operation.id)
    empty_ids = list(session.scalars(empty))
    if empty_ids:
        session.execute(
            update(Operation).where(Operation.undone_by_id.in_(empty_ids)).values(undone_by_id=None)
        )
        session.execute(delete(Operation).where(Operation.id.in_(empty_ids)))


def _text_columns(table: Table) -> list[str]:
    names = []
    for column in table.c:
        if column.primary_key:
            continue
        try:
            python_type = column.type.python_type
        except NotImplementedError:
            continue
        if python_type is str:
            names.append(column.name)
    return names


def _scrub_tables(
    session: Session,
    terms: list[str],
    pattern: re.Pattern[str] | None,
    mark: str,
    touched: dict[str, set[int]],
) -> int:
    """Every text column of every table (the history's JSON aside) without the person's
    names, phones and emails; returns how many fields changed."""
    if pattern is None:
        return 0
    count = 0
    for table in Base.metadata.sorted_tables:
        if table.name in JSON_TABLES:
            continue
        columns = _text_columns(table)
        keys = [column.name for column in table.primary_key.columns]
        if not columns or not keys:
            continue
        rows: dict[tuple[Any, ...], Any] = {}
        for name in columns:  # a column at a time: SQLite limits an expression's depth
            condition = or_(*[table.c[name].icontains(term, autoescape=True) for term in terms])
            statement = select(*table.primary_key.columns, *(table.c[n] for n in columns))
            for row in session.execute(statement.where(condition)).mappings():
                rows[tuple(row[k] for k in keys)] = row
        for row in rows.values():
            values: dict[str, Any] = {}
            for name in columns:
                value = row[name]
                if isinstance(value, str):
                    scrubbed = scrub.scrub_text(value, pattern, mark)
                    if scrubbed != value:
                        values[name] = scrubbed[: _length(table, name)]
            if not values:
                continue
            if "version" in table.c:
                values["version"] = table.c.version + 1
            session.execute(
                update(table).where(*[table.c[k] == row[k] for k in keys]).values(values)
            )
            count += len(values) - (1 if "version" in values else 0)
            if "id" in keys:
                touched.setdefault(table.name, set()).add(int(row["id"]))
    return count


def _length(table: Table, name: str) -> int | None:
    length = getattr(table.c[name].type, "length", None)
    return int(length) if length else None


def _reindex(unit: UnitOfWork, person_id: int, touched: dict[str, set[int]]) -> None:
    """The person's search row goes; changed records are indexed again; the index is
    optimised, which merges its segments and so drops the old ones that held their words."""
    session = unit.session
    kinds = {
        kind.model.__tablename__: kind  # type: ignore[attr-defined]
        for kind in all_kinds().values()
    }
    kinds[KIND] = all_kinds()[KIND]
    kinds[KIND].unindex(session, person_id)
    for table_name, ids in touched.items():
        kind = kinds.get(table_name)
        if kind is None:
            continue
        model: Any = kind.model
        for record in session.scalars(select(model).where(model.id.in_(sorted(ids)))):
            if record.deleted_at is None:
                kind.reindex(session, record)
            if table_name != "gifts":
                unit.changes.note(ChangeAction.UPDATE, kind.name, record.id)
    if session.get_bind().dialect.name == "sqlite":
        for index in ("search_records", "search_correspondence"):
            session.execute(text(f"INSERT INTO {index}({index}) VALUES ('optimize')"))


# --- the file ---------------------------------------------------------------------------------


def compact(db: Database, tables: list[str] | None = None) -> bool:
    """Leave no old copy of a page behind; True when that succeeded.

    SQLite: checkpoint the WAL into the file and truncate it, VACUUM (temporary data in memory,
    not in a temporary file), and checkpoint and truncate again. False when another connection
    still reads an old snapshot, so the WAL could not be emptied (run it again later).
    PostgreSQL: VACUUM FULL of the tables the erasure touched, which writes them anew.
    """
    if db.is_sqlite:
        raw = db.engine.raw_connection()
        try:
            connection: Any = raw.driver_connection
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            connection.execute("PRAGMA temp_store = MEMORY")
            connection.execute("VACUUM")
            busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            raw.close()
        return int(busy) == 0
    with db.engine.connect() as connection:
        autocommit = connection.execution_options(isolation_level="AUTOCOMMIT")
        for name in tables or _ALWAYS_COMPACTED:
            if name in Base.metadata.tables or name in SEARCH_TABLES:
                autocommit.exec_driver_sql(f'VACUUM FULL "{name}"')
    return True


def backups_beside(db: Database) -> list[Path]:
    """Copies of the database beside it (taken before an upgrade, or by hand) that may still
    hold an erased person."""
    if db.path is None:
        return []
    own = {db.path.name + suffix for suffix in ("", "-wal", "-shm", "-journal")}
    try:
        siblings = sorted(db.path.parent.iterdir())
    except OSError:
        return []
    return [
        path
        for path in siblings
        if path.is_file() and path.name.startswith(db.path.name) and path.name not in own
    ]


__all__ = [
    "ENTITY_TABLES",
    "GROUPS",
    "ErasurePreview",
    "ErasureResult",
    "backups_beside",
    "compact",
    "describe",
    "erase_person",
    "erasure_preview",
]
