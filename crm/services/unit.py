"""One unit of work per user action: a transaction that also writes its history.

A service opens ``write(db, label)``, changes records through the session and reports each
change to the unit; the unit writes the Operation and Change rows in the same transaction and
hands back a ChangeSet, so the UI refreshes only what changed (Anki's operations are the model).
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from crm.db.database import Database
from crm.db.enums import ChangeAction
from crm.db.models import Change, Operation
from crm.services.access import actor_of, check_writable


def current_actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def json_value(value: Any) -> Any:
    """Values as they are kept in the history (JSON)."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list):
        return [json_value(item) for item in value]
    if isinstance(value, dict):
        return {key: json_value(item) for key, item in value.items()}
    return value


@dataclass
class ChangeSet:
    """What one operation changed: entity kind -> ids, per action."""

    operation_id: int | None = None
    label: str = ""
    created: dict[str, set[int]] = field(default_factory=dict)
    updated: dict[str, set[int]] = field(default_factory=dict)
    deleted: dict[str, set[int]] = field(default_factory=dict)

    def note(self, action: ChangeAction, entity: str, entity_id: int) -> None:
        bucket = {
            ChangeAction.CREATE: self.created,
            ChangeAction.RESTORE: self.created,
            ChangeAction.UPDATE: self.updated,
            ChangeAction.DELETE: self.deleted,
            ChangeAction.PURGE: self.deleted,
        }[action]
        bucket.setdefault(entity, set()).add(entity_id)

    @property
    def kinds(self) -> set[str]:
        return set(self.created) | set(self.updated) | set(self.deleted)

    @property
    def empty(self) -> bool:
        return not self.kinds


class UnitOfWork:
    def __init__(self, session: Session, operation: Operation) -> None:
        self.session = session
        self.operation = operation
        self.changes = ChangeSet(label=operation.label)

    def record(
        self,
        action: ChangeAction,
        entity: str,
        entity_id: int,
        label: str,
        old: dict[str, Any] | None = None,
        new: dict[str, Any] | None = None,
    ) -> None:
        if action == ChangeAction.UPDATE and old is not None and new is not None:
            changed = [key for key in new if old.get(key) != new.get(key)]
            if not changed:
                return
            old = {key: old.get(key) for key in changed}
            new = {key: new[key] for key in changed}
        self.operation.changes.append(
            Change(
                entity=entity,
                entity_id=entity_id,
                action=action.value,
                label=label[:300],
                old_values=None if old is None else json.dumps(json_value(old), ensure_ascii=False),
                new_values=None if new is None else json.dumps(json_value(new), ensure_ascii=False),
            )
        )
        self.changes.note(action, entity, entity_id)


@contextmanager
def write(db: Database, label: str, actor: str | None = None) -> Iterator[UnitOfWork]:
    """Run one user action in one transaction; its history entry commits with it or not at all."""
    check_writable(db)
    session = db.write_session()
    try:
        # On the shared server the history names the server's user, not the computer's.
        actor = actor or actor_of(db, session) or current_actor()
        operation = Operation(actor=actor, label=label[:300])
        session.add(operation)
        unit = UnitOfWork(session, operation)
        yield unit
        operation.label = operation.label[:300]  # services name it after the record, at length
        unit.changes.label = operation.label
        if operation.changes:
            session.flush()
            unit.changes.operation_id = operation.id
        elif inspect(operation).persistent:
            # An autoflush wrote it already; an action that changed nothing leaves no entry.
            session.delete(operation)
        else:
            session.expunge(operation)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
