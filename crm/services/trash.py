"""The trash: records deleted by a user, restorable; and undo of the last operation."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm.db.base import utcnow
from crm.db.database import Database
from crm.db.enums import ChangeAction
from crm.db.models import Change, Operation, TrashEntry
from crm.i18n import _
from crm.services.errors import NotFound, ServiceError
from crm.services.records import RecordKind, record_kind, touch
from crm.services.unit import ChangeSet, UnitOfWork, write


@dataclass(frozen=True)
class TrashItem:
    entity: str
    entity_id: int
    label: str
    deleted_at: datetime
    deleted_by: str


def _trash(unit: UnitOfWork, kind: RecordKind, record_id: int) -> None:
    record: Any = unit.session.get(kind.model, record_id)
    if record is None or record.deleted_at is not None:
        raise NotFound(_("This record no longer exists (perhaps moved to the trash)."))
    name = kind.label(record)
    record.deleted_at = utcnow()
    kind.unindex(unit.session, record_id)
    unit.session.flush()
    unit.session.add(
        TrashEntry(
            entity=kind.name,
            entity_id=record_id,
            label=name[:300],
            deleted_by=unit.operation.actor,
            operation_id=unit.operation.id,
        )
    )
    unit.record(ChangeAction.DELETE, kind.name, record_id, name)


def _restore(unit: UnitOfWork, kind: RecordKind, record_id: int) -> None:
    record: Any = unit.session.get(kind.model, record_id)
    if record is None or record.deleted_at is None:
        raise NotFound(_("This record is not in the trash."))
    record.deleted_at = None
    entry = unit.session.scalar(
        select(TrashEntry).where(TrashEntry.entity == kind.name, TrashEntry.entity_id == record_id)
    )
    if entry is not None:
        unit.session.delete(entry)
    unit.session.flush()
    kind.reindex(unit.session, record)
    unit.record(ChangeAction.RESTORE, kind.name, record_id, kind.label(record))


def delete_to_trash(db: Database, entity: str, record_id: int) -> ChangeSet:
    kind = record_kind(entity)
    with write(db, _("Move to trash")) as unit:
        _trash(unit, kind, record_id)
        unit.operation.label = _("Move to trash: {name}").format(
            name=unit.operation.changes[-1].label
        )
        return unit.changes


def restore_from_trash(db: Database, entity: str, record_id: int) -> ChangeSet:
    kind = record_kind(entity)
    with write(db, _("Restore from trash")) as unit:
        _restore(unit, kind, record_id)
        unit.operation.label = _("Restore from trash: {name}").format(
            name=unit.operation.changes[-1].label
        )
        return unit.changes


def trash_items(db: Database) -> list[TrashItem]:
    with db.read() as session:
        entries = session.scalars(select(TrashEntry).order_by(TrashEntry.deleted_at.desc()))
        return [
            TrashItem(e.entity, e.entity_id, e.label, e.deleted_at, e.deleted_by) for e in entries
        ]


def _last_undoable(session: Session) -> Operation | None:
    return session.scalar(
        select(Operation)
        .where(Operation.undone_by_id.is_(None), Operation.undoes_id.is_(None))
        .where(Operation.id.in_(select(Change.operation_id)))
        .order_by(Operation.id.desc())
        .limit(1)
    )


def last_undoable_label(db: Database) -> str | None:
    with db.read() as session:
        operation = _last_undoable(session)
        return None if operation is None else operation.label


def undo_last(db: Database) -> ChangeSet:
    """Reverse the most recent operation that is not undone yet, as a new operation."""
    with write(db, _("Undo")) as unit:
        operation = _last_undoable(unit.session)
        if operation is None:
            raise ServiceError(_("There is nothing to undo."))
        unit.operation.label = _("Undo: {label}").format(label=operation.label)
        unit.operation.undoes_id = operation.id
        for change in reversed(operation.changes):
            _reverse(unit, change)
        unit.session.flush()
        operation.undone_by_id = unit.operation.id
        return unit.changes


def _reverse(unit: UnitOfWork, change: Change) -> None:
    kind = record_kind(change.entity)
    action = ChangeAction(change.action)
    if action == ChangeAction.CREATE:
        _trash(unit, kind, change.entity_id)
    elif action == ChangeAction.DELETE:
        _restore(unit, kind, change.entity_id)
    elif action == ChangeAction.RESTORE:
        _trash(unit, kind, change.entity_id)
    elif action == ChangeAction.UPDATE:
        record: Any = unit.session.get(kind.model, change.entity_id)
        if record is None or record.deleted_at is not None:
            raise ServiceError(_("The changed record is in the trash; restore it first."))
        current = kind.snapshot(record)
        old = json.loads(change.old_values or "{}")
        # Applied like an edit, so the old values are validated again before they are stored.
        kind.apply(unit.session, record, current | old)
        restored = kind.snapshot(record)
        touch(record)
        unit.session.flush()
        kind.reindex(unit.session, record)
        unit.record(
            ChangeAction.UPDATE,
            kind.name,
            change.entity_id,
            kind.label(record),
            old=current,
            new=restored,
        )
    else:
        raise ServiceError(_("This change cannot be undone."))
