"""The trash: records deleted by a user, restorable or deleted for good; and undo and redo of
the last operation.

Deleting for good (purge) removes the record, its dependent rows, its trash entry and its search
index row. The history keeps its operations with the values as they were recorded: wiping a
person out of the history too is the GDPR erasure's job (Art. 17), not the trash's.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import Session, aliased

from crm.db.base import Base, Trashable, utcnow
from crm.db.database import Database
from crm.db.enums import ChangeAction
from crm.db.models import (
    Attachment,
    AttachmentBlob,
    Change,
    Operation,
    PartnerCity,
    Partnership,
    Tagging,
    TrashEntry,
)
from crm.i18n import _, ngettext
from crm.services.access import require_administrator
from crm.services.errors import NotFound, ServiceError
from crm.services.merge_links import relink
from crm.services.progress import Progress
from crm.services.records import RecordKind, record_kind, touch
from crm.services.sorting import in_order
from crm.services.unit import ChangeSet, UnitOfWork, write
from crm.text import fold


@dataclass(frozen=True)
class TrashItem:
    entity: str
    entity_id: int
    label: str
    deleted_at: datetime
    deleted_by: str


# A merge keeps the links that no record's history holds (crm.services.merge_links) with the
# merged record's trash entry: undoing that entry moves them back, redoing it moves them again.
LINKS_KEY = "_merged_links"


def _with_links(links: dict[str, Any] | None) -> dict[str, Any] | None:
    return {LINKS_KEY: links} if links else None


def _links_of(change: Change) -> dict[str, Any] | None:
    links = json.loads(change.old_values).get(LINKS_KEY) if change.old_values else None
    return links if isinstance(links, dict) else None


def _trash(
    unit: UnitOfWork, kind: RecordKind, record_id: int, links: dict[str, Any] | None = None
) -> None:
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
    unit.record(ChangeAction.DELETE, kind.name, record_id, name, old=_with_links(links))


def _restore(
    unit: UnitOfWork, kind: RecordKind, record_id: int, links: dict[str, Any] | None = None
) -> None:
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
    unit.record(
        ChangeAction.RESTORE, kind.name, record_id, kind.label(record), old=_with_links(links)
    )


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


def restore_many(
    db: Database, items: Sequence[tuple[str, int]], progress: Progress | None = None
) -> ChangeSet:
    """Bring several records back in one operation (one undo step); cancelling restores none."""
    progress = progress or Progress()
    progress.start(len(items), _("Restoring from the trash…"))
    with write(db, _("Restore from trash")) as unit:
        for entity, record_id in items:
            _restore(unit, record_kind(entity), record_id)
            progress.advance()
        unit.operation.label = _operation_label(unit, _("Restore from trash: {name}"), _restored)
        return unit.changes


def purge(db: Database, entity: str, record_id: int) -> ChangeSet:
    """Delete a record in the trash for good; it cannot be undone."""
    return purge_many(db, [(entity, record_id)])


def purge_many(
    db: Database, items: Sequence[tuple[str, int]], progress: Progress | None = None
) -> ChangeSet:
    """Delete several records for good in one transaction; cancelling deletes none."""
    require_administrator(db)
    progress = progress or Progress()
    progress.start(len(items), _("Deleting for good…"))
    with write(db, _("Delete for good")) as unit:
        for entity, record_id in items:
            _purge(unit, record_kind(entity), record_id)
            progress.advance()
        unit.operation.label = _operation_label(unit, _("Delete for good: {name}"), _purged)
        return unit.changes


def _restored(count: int) -> str:
    return ngettext(
        "Restore {count} record from trash", "Restore {count} records from trash", count
    ).format(count=count)


def _purged(count: int) -> str:
    return ngettext(
        "Delete {count} record for good", "Delete {count} records for good", count
    ).format(count=count)


def _operation_label(unit: UnitOfWork, one: str, many: Callable[[int], str]) -> str:
    changes = unit.operation.changes
    if len(changes) == 1:
        return one.format(name=changes[0].label)
    return many(len(changes))


def _purge(unit: UnitOfWork, kind: RecordKind, record_id: int) -> None:
    session = unit.session
    record: Any = session.get(kind.model, record_id)
    if record is None:
        raise NotFound(_("This record no longer exists."))
    if record.deleted_at is None:
        raise ServiceError(_("Only records in the trash can be deleted for good."))
    name = kind.label(record)
    partner_city_id = record.partner_city_id if isinstance(record, Partnership) else None
    kind.unindex(session, record_id)
    session.flush()
    session.expunge(record)
    table = kind.model.__table__  # type: ignore[attr-defined]
    _delete_dependents(session, kind.model, record_id)
    session.execute(
        delete(Tagging).where(Tagging.entity == kind.name, Tagging.entity_id == record_id)
    )
    session.execute(
        delete(TrashEntry).where(TrashEntry.entity == kind.name, TrashEntry.entity_id == record_id)
    )
    # The database's ON DELETE rules remove the rows that belong to the record (contact points,
    # addresses, affiliations, attachments) and clear the links other records hold to it.
    session.execute(delete(table).where(table.c.id == record_id))
    if partner_city_id is not None:
        still_used = exists().where(Partnership.partner_city_id == partner_city_id)
        session.execute(delete(PartnerCity).where(PartnerCity.id == partner_city_id, ~still_used))
    # File content no record refers to any more goes too: it may hold personal data.
    session.execute(
        delete(AttachmentBlob).where(~exists().where(Attachment.sha256 == AttachmentBlob.sha256))
    )
    unit.record(ChangeAction.PURGE, kind.name, record_id, name)


def _delete_dependents(session: Session, model: type[Trashable], record_id: int) -> None:
    """Delete the rows that need the record but have no ON DELETE rule of their own
    (a delegation's member row for a person)."""
    target = model.__table__  # type: ignore[attr-defined]
    for table in Base.metadata.sorted_tables:
        for foreign_key in table.foreign_keys:
            if foreign_key.column.table is not target or foreign_key.ondelete is not None:
                continue
            if "deleted_at" in table.c:
                # Another record (not a row of one) needs it: it must not vanish silently.
                raise ServiceError(
                    _("This record is still used by other records and cannot be deleted.")
                )
            session.execute(delete(table).where(foreign_key.parent == record_id))


@dataclass(frozen=True)
class TrashFilter:
    text: str = ""
    kind: str | None = None


@dataclass(frozen=True)
class TrashRow:
    id: int  # the trash entry's
    entity: str
    entity_id: int
    label: str
    deleted_at: datetime
    deleted_by: str


TRASH_SORTS = {
    "deleted": (TrashEntry.deleted_at,),
    "name": (TrashEntry.label,),
    "kind": (TrashEntry.entity, TrashEntry.label),
    "by": (TrashEntry.deleted_by, TrashEntry.deleted_at),
}


def trash_ids(
    db: Database,
    filters: TrashFilter = TrashFilter(),
    sort: str = "deleted",
    descending: bool = True,
    limit: int | None = None,
) -> list[int]:
    """The trash entries that pass ``filters``, in order, for the Trash list."""
    statement = select(TrashEntry.id)
    if filters.kind:
        statement = statement.where(TrashEntry.entity == filters.kind)
    columns = TRASH_SORTS.get(sort, TRASH_SORTS["deleted"])
    order = [in_order(db, c, descending) for c in columns]
    statement = statement.order_by(*order, TrashEntry.id.desc() if descending else TrashEntry.id)
    wanted = fold(filters.text.strip())
    if not wanted:
        return db.fetch_ids(statement if limit is None else statement.limit(limit))
    # Names are matched folded ("berz" finds Bērziņa), which SQL's LIKE cannot do; the trash
    # holds what people deleted by hand, few enough to fold here.
    with db.read() as session:
        labels = session.execute(statement.with_only_columns(TrashEntry.id, TrashEntry.label))
        ids = [entry_id for entry_id, label in labels if wanted in fold(label)]
    return ids if limit is None else ids[:limit]


def trash_rows(db: Database, ids: Sequence[int]) -> list[TrashRow]:
    """Rows for ``ids`` in the same order; entries no longer there are left out."""
    if not ids:
        return []
    with db.read() as session:
        found = {e.id: e for e in session.scalars(select(TrashEntry).where(TrashEntry.id.in_(ids)))}
        return [
            TrashRow(e.id, e.entity, e.entity_id, e.label, e.deleted_at, e.deleted_by)
            for i in ids
            if (e := found.get(i)) is not None
        ]


def trash_items(db: Database) -> list[TrashItem]:
    with db.read() as session:
        entries = session.scalars(select(TrashEntry).order_by(TrashEntry.deleted_at.desc()))
        return [
            TrashItem(e.entity, e.entity_id, e.label, e.deleted_at, e.deleted_by) for e in entries
        ]


def _last_undoable(session: Session) -> Operation | None:
    operation = session.scalar(
        select(Operation)
        .where(Operation.undone_by_id.is_(None), Operation.undoes_id.is_(None))
        .where(Operation.id.in_(select(Change.operation_id)))
        .order_by(Operation.id.desc())
        .limit(1)
    )
    # A deletion for good cannot be undone, and what came before it may name the records it
    # removed: undo stops there.
    if operation is None or any(c.action == ChangeAction.PURGE for c in operation.changes):
        return None
    return operation


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


def _last_redoable(session: Session) -> tuple[Operation, Operation] | None:
    """The most recent undo that can be taken back, and the operation it undid.

    The usual undo stack: undoing moves an operation onto the redo chain, redoing moves it back,
    and any new operation (not an undo or a redo) clears the chain. Undos later than the newest
    such operation, not themselves redone yet, form the chain; the newest is redone first.
    """
    with_changes = Operation.id.in_(select(Change.operation_id))
    newest_new = session.scalar(
        select(func.max(Operation.id)).where(Operation.undoes_id.is_(None), with_changes)
    )
    undone = aliased(Operation)
    row = session.execute(
        select(Operation, undone)
        .join(undone, undone.id == Operation.undoes_id)
        # An undo (of a user's operation), not a redo (which undoes an undo).
        .where(undone.undoes_id.is_(None), undone.undone_by_id == Operation.id)
        .where(Operation.undone_by_id.is_(None), with_changes)
        .where(Operation.id > (newest_new or 0))
        .order_by(Operation.id.desc())
        .limit(1)
    ).first()
    return None if row is None else (row[0], row[1])


def last_redoable_label(db: Database) -> str | None:
    """The label of the operation ``redo_last`` would apply again (None: nothing to redo)."""
    with db.read() as session:
        found = _last_redoable(session)
        return None if found is None else found[1].label


def redo_last(db: Database) -> ChangeSet:
    """Apply again the operation undone last, as a new operation; it can then be undone again."""
    with write(db, _("Redo")) as unit:
        found = _last_redoable(unit.session)
        if found is None:
            raise ServiceError(_("There is nothing to redo."))
        undo, operation = found
        unit.operation.label = _("Redo: {label}").format(label=operation.label)
        unit.operation.undoes_id = undo.id  # it undoes the undo
        for change in reversed(undo.changes):
            _reverse(unit, change)
        unit.session.flush()
        undo.undone_by_id = unit.operation.id
        operation.undone_by_id = None  # back on the undo stack: Undo takes it back again
        return unit.changes


def _reverse(unit: UnitOfWork, change: Change) -> None:
    kind = record_kind(change.entity)
    action = ChangeAction(change.action)
    if action == ChangeAction.CREATE:
        _trash(unit, kind, change.entity_id)
    elif action == ChangeAction.DELETE:
        links = _links_of(change)
        _restore(unit, kind, change.entity_id, links)
        if links:
            relink(unit.session, links, back=True)
    elif action == ChangeAction.RESTORE:
        links = _links_of(change)
        if links:
            relink(unit.session, links, back=False)
        _trash(unit, kind, change.entity_id, links)
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
