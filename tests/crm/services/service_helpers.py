"""Looking at what the services wrote: history rows, row counts, returned plain data."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from crm.db.base import Base
from crm.db.database import Database

TABLES = (
    "operations",
    "changes",
    "trash",
    "people",
    "organisations",
    "partnerships",
    "partner_cities",
    "contact_points",
    "addresses",
    "affiliations",
    "themes",
    "partnership_themes",
    "partnership_funders",
)


@dataclass(frozen=True)
class ChangeRow:
    entity: str
    entity_id: int
    action: str
    label: str
    old: dict[str, Any] | None
    new: dict[str, Any] | None


@dataclass(frozen=True)
class OperationRow:
    id: int
    label: str
    actor: str
    undone_by_id: int | None
    undoes_id: int | None
    changes: tuple[ChangeRow, ...]


def operations(db: Database) -> list[OperationRow]:
    """Every operation with its changes, oldest first."""
    ops = db.raw_connection_execute(
        "SELECT id, label, actor, undone_by_id, undoes_id FROM operations ORDER BY id"
    )
    changes = db.raw_connection_execute(
        "SELECT operation_id, entity, entity_id, action, label, old_values, new_values "
        "FROM changes ORDER BY id"
    )
    by_operation: dict[int, list[ChangeRow]] = {}
    for operation_id, entity, entity_id, action, label, old, new in changes:
        by_operation.setdefault(operation_id, []).append(
            ChangeRow(
                entity,
                entity_id,
                action,
                label,
                None if old is None else json.loads(old),
                None if new is None else json.loads(new),
            )
        )
    return [
        OperationRow(op_id, label, actor, undone_by, undoes, tuple(by_operation.get(op_id, ())))
        for op_id, label, actor, undone_by, undoes in ops
    ]


def counts(db: Database) -> dict[str, int]:
    return {
        table: db.raw_connection_execute(f"SELECT count(*) FROM {table}")[0][0] for table in TABLES
    }


def search_rows(db: Database) -> int:
    return int(db.raw_connection_execute("SELECT count(*) FROM search_records")[0][0])


PLAIN_SCALARS = (str, int, float, bool, date, datetime, type(None))


def assert_plain(value: Any, path: str = "result") -> None:
    """``value`` is plain data: dataclasses, tuples, lists, dicts and scalars, never ORM objects."""
    assert not isinstance(value, Base), f"{path} is an ORM object: {value!r}"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        assert type(value).__module__.startswith("crm."), f"{path}: {type(value)}"
        for spec in dataclasses.fields(value):
            assert_plain(getattr(value, spec.name), f"{path}.{spec.name}")
    elif isinstance(value, list | tuple | set | frozenset):
        for index, item in enumerate(value):
            assert_plain(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            assert_plain(key, f"{path} key")
            assert_plain(item, f"{path}[{key!r}]")
    else:
        assert isinstance(value, PLAIN_SCALARS), f"{path} is {type(value)}"
