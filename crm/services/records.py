"""The registry of record kinds that go to the trash, have a history and can be undone.

Each entity module registers how to name, snapshot, apply and index its records; trash,
restore and undo work on any registered kind through it.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from crm.db.base import Trashable, utcnow
from crm.i18n import _
from crm.services.errors import NotFound


@dataclass(frozen=True)
class RecordKind:
    name: str  # "person", as stored in the history and the trash
    model: type[Trashable]
    label: Callable[[Any], str]
    snapshot: Callable[[Any], dict[str, Any]]  # the record as its input dict (JSON-safe)
    apply: Callable[[Session, Any, dict[str, Any]], None]  # set fields from such a dict
    reindex: Callable[[Session, Any], None]  # the record and the records that show its name
    unindex: Callable[[Session, int], None]
    # The record's own index row only, for a rebuild that visits every record anyway.
    index_alone: Callable[[Session, Any], None] | None = None


_KINDS: dict[str, RecordKind] = {}


def register(kind: RecordKind) -> RecordKind:
    _KINDS[kind.name] = kind
    return kind


def record_kind(name: str) -> RecordKind:
    _load_all()
    try:
        return _KINDS[name]
    except KeyError:
        message = _("Records of the kind “{kind}” cannot be handled here.").format(kind=name)
        raise NotFound(message) from None


def all_kinds() -> dict[str, RecordKind]:
    _load_all()
    return dict(_KINDS)


# The modules of crm/services that register record kinds (importing one registers them).
ENTITY_MODULES = (
    "organisations",
    "partnerships",
    "people",
    "delegations",
    "correspondence",
    "projects",
    "events",
)


def _load_all() -> None:
    for name in ENTITY_MODULES:
        module = f"crm.services.{name}"
        # Kinds arrive one issue at a time: a module that is not written yet has none.
        if importlib.util.find_spec(module) is not None:
            importlib.import_module(module)


def touch(record: Trashable) -> None:
    """Mark ``record`` as changed, so its version and ``updated_at`` move.

    Needed when only its child rows changed (contact points, addresses, themes, the partner
    city): SQLAlchemy then writes no UPDATE of the record's own row, and a concurrent edit would
    not be detected as a conflict.
    """
    record.updated_at = utcnow()
