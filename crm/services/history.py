"""The history: every operation of the office, newest first, and every change to one record.

Operations and their changes are written by crm.services.unit in the transaction of the user
action itself. Here they are read back as plain data: the office-wide list (ids, then a page of
rows, like crm.services.lists), the changes of one operation field by field, and the history of
one record. Values are handed back as recorded, except that ids of other records are replaced by
those records' names where they still exist.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from crm.db.database import Database
from crm.db.enums import PHONE_KINDS
from crm.db.models import Change, Operation
from crm.search.index import KIND_CODES
from crm.search.query import matching_record_ids
from crm.services.records import all_kinds
from crm.services.sorting import in_order
from crm.validation import format_phone

# Fields that hold the id (or ids) of another record, and the kind of that record.
REFERENCES = {
    "organisation_id": "organisation",
    "association_id": "organisation",
    "funder_id": "organisation",
    "funder_ids": "organisation",
    "counterpart_organisation_id": "organisation",
    "person_id": "person",
    "person_ids": "person",
    "participant_ids": "person",
    "responsible_officer_id": "person",
    "counterpart_person_id": "person",
    "host_person_id": "person",
    "from_person_id": "person",
    "to_person_id": "person",
    "partnership_id": "partnership",
    "delegation_id": "delegation",
    "project_id": "project",
}


@dataclass(frozen=True)
class HistoryFilter:
    text: str = ""
    kind: str | None = None  # operations that touched a record of this kind
    actor: str | None = None
    since: date | None = None  # local calendar days, both ends included
    until: date | None = None


@dataclass(frozen=True)
class OperationRow:
    id: int
    at: datetime
    actor: str
    label: str
    kinds: tuple[str, ...]  # the kinds of record it touched
    change_count: int
    undone: bool  # a later operation undid it
    undoes_id: int | None  # it is itself the undo of that operation


@dataclass(frozen=True)
class FieldChange:
    field: str  # as recorded ("function", "contact_points")
    old: Any  # JSON values; ids of other records replaced by their names
    new: Any


@dataclass(frozen=True)
class ChangeDetail:
    entity: str
    entity_id: int
    action: str  # crm.db.enums.ChangeAction
    label: str  # the record's name at the time
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class RecordEvent:
    """One operation as it touched one record."""

    operation_id: int
    at: datetime
    actor: str
    operation_label: str
    undone: bool
    change: ChangeDetail


HISTORY_SORTS = {
    "at": (Operation.id,),  # ids follow time, and two operations in one second keep order
    "actor": (Operation.actor, Operation.id),
    "label": (Operation.label, Operation.id),
}


# --- the office-wide list ---------------------------------------------------------------------


def _day_start(day: date) -> datetime:
    """The start of a local calendar day, in UTC as stored."""
    return datetime.combine(day, time.min).astimezone().astimezone(UTC)


def _text_condition(db: Database, query: str) -> Any:
    pattern = query.strip()
    changes = select(Change.operation_id).where(
        or_(
            Change.label.icontains(pattern, autoescape=True),
            Change.old_values.icontains(pattern, autoescape=True),
            Change.new_values.icontains(pattern, autoescape=True),
        )
    )
    conditions = [Operation.label.icontains(pattern, autoescape=True), Operation.id.in_(changes)]
    # The search index folds case and diacritics: "berz" finds the changes to Bērziņa.
    for kind in KIND_CODES:
        matching = matching_record_ids(kind, query)
        if matching is not None:
            conditions.append(
                Operation.id.in_(
                    select(Change.operation_id).where(
                        Change.entity == kind, Change.entity_id.in_(matching)
                    )
                )
            )
    return or_(*conditions)


def operation_ids(
    db: Database,
    filters: HistoryFilter = HistoryFilter(),
    sort: str = "at",
    descending: bool = True,
    limit: int | None = None,
) -> list[int]:
    statement: Select[tuple[int]] = select(Operation.id)
    if filters.kind:
        statement = statement.where(
            Operation.id.in_(select(Change.operation_id).where(Change.entity == filters.kind))
        )
    if filters.actor:
        statement = statement.where(Operation.actor == filters.actor)
    if filters.since is not None:
        statement = statement.where(Operation.at >= _day_start(filters.since))
    if filters.until is not None:
        statement = statement.where(Operation.at < _day_start(filters.until + timedelta(days=1)))
    if filters.text.strip():
        statement = statement.where(_text_condition(db, filters.text))
    columns = HISTORY_SORTS.get(sort, HISTORY_SORTS["at"])
    statement = statement.order_by(*(in_order(db, c, descending) for c in columns))
    if limit is not None:
        statement = statement.limit(limit)
    return db.fetch_ids(statement)


def operation_rows(db: Database, ids: Sequence[int]) -> list[OperationRow]:
    """Rows for ``ids`` in the same order."""
    if not ids:
        return []
    with db.read() as session:
        operations = {
            o.id: o for o in session.scalars(select(Operation).where(Operation.id.in_(ids)))
        }
        kinds: dict[int, list[str]] = {}
        counts: dict[int, int] = {}
        for operation_id, entity, count in session.execute(
            select(Change.operation_id, Change.entity, func.count())
            .where(Change.operation_id.in_(ids))
            .group_by(Change.operation_id, Change.entity)
            .order_by(Change.operation_id, func.min(Change.id))
        ):
            kinds.setdefault(operation_id, []).append(entity)
            counts[operation_id] = counts.get(operation_id, 0) + count
        return [
            OperationRow(
                id=o.id,
                at=o.at,
                actor=o.actor,
                label=o.label,
                kinds=tuple(kinds.get(o.id, ())),
                change_count=counts.get(o.id, 0),
                undone=o.undone_by_id is not None,
                undoes_id=o.undoes_id,
            )
            for i in ids
            if (o := operations.get(i)) is not None
        ]


def actors(db: Database) -> list[str]:
    """Everyone who has changed something, for the "by whom" filter."""
    with db.read() as session:
        return list(session.scalars(select(Operation.actor).distinct().order_by(Operation.actor)))


# --- one operation, one record ------------------------------------------------------------------


def operation_changes(db: Database, operation_id: int) -> list[ChangeDetail]:
    """What one operation changed, record by record and field by field."""
    with db.read() as session:
        changes = list(
            session.scalars(
                select(Change).where(Change.operation_id == operation_id).order_by(Change.id)
            )
        )
        return _details(session, changes)


def record_history(db: Database, entity: str, entity_id: int) -> list[RecordEvent]:
    """Every operation that touched one record, newest first."""
    with db.read() as session:
        rows = list(
            session.execute(
                select(Change, Operation)
                .join(Operation, Operation.id == Change.operation_id)
                .where(Change.entity == entity, Change.entity_id == entity_id)
                .order_by(Operation.id.desc(), Change.id.desc())
            ).tuples()
        )
        details = _details(session, [change for change, _operation in rows])
        return [
            RecordEvent(
                operation_id=operation.id,
                at=operation.at,
                actor=operation.actor,
                operation_label=operation.label,
                undone=operation.undone_by_id is not None,
                change=detail,
            )
            for (_change, operation), detail in zip(rows, details, strict=True)
        ]


def _details(session: Session, changes: list[Change]) -> list[ChangeDetail]:
    decoded = [(change, _load(change.old_values), _load(change.new_values)) for change in changes]
    wanted: dict[str, set[int]] = {}
    for _change, old, new in decoded:
        for values in (old, new):
            _collect_ids(values, wanted)
    names = _names(session, wanted)
    return [
        ChangeDetail(
            entity=change.entity,
            entity_id=change.entity_id,
            action=change.action,
            label=change.label,
            fields=_fields(old, new, names),
        )
        for change, old, new in decoded
    ]


def _load(values: str | None) -> dict[str, Any] | None:
    if not values:
        return None
    loaded = json.loads(values)
    return loaded if isinstance(loaded, dict) else None


def _fields(
    old: dict[str, Any] | None, new: dict[str, Any] | None, names: dict[tuple[str, int], str]
) -> tuple[FieldChange, ...]:
    keys = list(new or {}) + [key for key in old or {} if key not in (new or {})]
    # Keys with a leading "_" are bookkeeping for undo (a merge's moved links), not fields.
    keys = [key for key in keys if not key.startswith("_")]
    fields = []
    for key in keys:
        before = (old or {}).get(key)
        after = (new or {}).get(key)
        if old is None and after in (None, "", [], {}, False):
            continue  # a new record: only the fields that were filled in
        fields.append(FieldChange(key, _named(key, before, names), _named(key, after, names)))
    return tuple(fields)


def _collect_ids(values: Any, wanted: dict[str, set[int]]) -> None:
    if isinstance(values, dict):
        for key, value in values.items():
            kind = REFERENCES.get(key)
            if kind is not None:
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, int) and not isinstance(item, bool):
                        wanted.setdefault(kind, set()).add(item)
            else:
                _collect_ids(value, wanted)
    elif isinstance(values, list):
        for item in values:
            _collect_ids(item, wanted)


def _named(key: str, value: Any, names: dict[tuple[str, int], str]) -> Any:
    """``value`` with the ids of other records replaced by their names (as stored if gone)."""
    kind = REFERENCES.get(key)
    if kind is not None:
        if isinstance(value, list):
            return [names.get((kind, item), item) for item in value]
        if isinstance(value, int) and not isinstance(value, bool):
            return names.get((kind, value), value)
        return value
    if isinstance(value, dict):
        named = {k: _named(k, v, names) for k, v in value.items()}
        if named.get("kind") in PHONE_KINDS and "value" in named:
            # Phones as the lists show them: in international format.
            named["display"] = format_phone(named.get("normalized"), str(named["value"]))
        return named
    if isinstance(value, list):
        return [_named(key, item, names) for item in value]
    return value


def _names(session: Session, wanted: dict[str, set[int]]) -> dict[tuple[str, int], str]:
    kinds = all_kinds()
    names: dict[tuple[str, int], str] = {}
    for kind_name, ids in wanted.items():
        kind = kinds.get(kind_name)
        if kind is None:
            continue
        model: Any = kind.model
        for record in session.scalars(select(model).where(model.id.in_(sorted(ids)))):
            names[(kind_name, record.id)] = kind.label(record)
    return names
