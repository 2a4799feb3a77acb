"""The registry of record kinds that go to the trash, have a history and can be undone.

Each entity module registers how to name, snapshot, apply and index its records; trash,
restore and undo work on any registered kind through it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from crm.db.base import Trashable


@dataclass(frozen=True)
class RecordKind:
    name: str  # "person", as stored in the history and the trash
    model: type[Trashable]
    label: Callable[[Any], str]
    snapshot: Callable[[Any], dict[str, Any]]  # the record as its input dict (JSON-safe)
    apply: Callable[[Session, Any, dict[str, Any]], None]  # set fields from such a dict
    reindex: Callable[[Session, Any], None]
    unindex: Callable[[Session, int], None]


_KINDS: dict[str, RecordKind] = {}


def register(kind: RecordKind) -> RecordKind:
    _KINDS[kind.name] = kind
    return kind


def record_kind(name: str) -> RecordKind:
    _load_all()
    return _KINDS[name]


def all_kinds() -> dict[str, RecordKind]:
    _load_all()
    return dict(_KINDS)


def _load_all() -> None:
    # Importing the entity modules registers their kinds.
    from crm.services import organisations, partnerships, people  # noqa: F401
