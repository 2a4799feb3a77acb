"""Every link to a person or an organisation, as a merge moves it.

Each foreign key to ``people.id`` or ``organisations.id`` (and the tags, which name their record
by kind and id) is listed here with the record whose history shows it: a delegation's members
are part of the delegation's record, a person's phones part of the person's. A merge records the
change to each such record, so History shows it and Undo can take it back. Links that no live
record's history holds (a tag, a member of a delegation in the trash) are moved all the same and
kept, as rows, with the merged record's trash entry: ``relink`` moves them back and forth when
that entry is undone or redone. tests/crm/services/test_merge_links.py checks that no foreign key
is missing from the lists.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from crm.db.base import Base
from crm.services.unit import json_value
from crm.text import fold

ADDRESS = ("street", "postcode", "city", "region", "country")


@dataclass(frozen=True)
class Link:
    """A column that points at the record being merged."""

    table: str
    column: str
    group: str  # what the user is told moves: "contacts", "delegations" (see merge.py)
    owner: str | None = None  # the kind of record whose history holds the link
    owner_id: str = "id"  # the column with that record's id ("id": the row is the record)
    # When the owner is found through another table: (table, column here, owner column there).
    through: tuple[str, str, str] | None = None
    # Rows equal in these columns are one link: the merged record's is dropped, not moved.
    same: tuple[str, ...] = ()
    loose: tuple[str, ...] = ()  # ... and equal in these too, or empty on either side
    entity: str | None = None  # rows that name their record by kind: taggings.entity
    primary_by: tuple[str, ...] | None = None  # one primary per value of these, per record

    @property
    def sql(self) -> Table:
        return Base.metadata.tables[self.table]


def _own(table: str, column: str, owner: str, group: str, **rest: Any) -> Link:
    """A row that belongs to the record itself (its phones, addresses, organisations)."""
    return Link(table, column, group, owner=owner, owner_id=column, **rest)


PERSON_LINKS: tuple[Link, ...] = (
    _own(
        "contact_points",
        "person_id",
        "person",
        "contacts",
        same=("kind", "normalized"),
        primary_by=("kind",),
    ),
    _own("addresses", "person_id", "person", "addresses", same=ADDRESS, primary_by=()),
    _own(
        "affiliations",
        "person_id",
        "person",
        "affiliations",
        same=("organisation_id",),
        loose=("function",),
        primary_by=(),
    ),
    Link("correspondence", "counterpart_person_id", "correspondence", owner="correspondence"),
    Link(
        "correspondence_people",
        "person_id",
        "correspondence",
        owner="correspondence",
        owner_id="correspondence_id",
        same=("correspondence_id",),
    ),
    Link("delegations", "host_person_id", "delegations", owner="delegation"),
    Link(
        "delegation_members",
        "person_id",
        "delegations",
        owner="delegation",
        owner_id="delegation_id",
        same=("delegation_id",),
    ),
    Link(
        "programme_participants",
        "person_id",
        "delegations",
        owner="delegation",
        through=("programme_items", "programme_item_id", "delegation_id"),
        same=("programme_item_id",),
    ),
    Link("gifts", "from_person_id", "gifts", owner="delegation", owner_id="delegation_id"),
    Link("gifts", "to_person_id", "gifts", owner="delegation", owner_id="delegation_id"),
    Link("partnerships", "responsible_officer_id", "partnerships", owner="partnership"),
    Link("taggings", "entity_id", "tags", entity="person", same=("tag_id",)),
)

ORGANISATION_LINKS: tuple[Link, ...] = (
    _own(
        "contact_points",
        "organisation_id",
        "organisation",
        "contacts",
        same=("kind", "normalized"),
        primary_by=("kind",),
    ),
    _own("addresses", "organisation_id", "organisation", "addresses", same=ADDRESS, primary_by=()),
    # The people who work there: their affiliations are part of each person's record.
    Link(
        "affiliations",
        "organisation_id",
        "people",
        owner="person",
        owner_id="person_id",
        same=("person_id",),
        loose=("function",),
    ),
    Link("correspondence", "counterpart_organisation_id", "correspondence", owner="correspondence"),
    Link("partnerships", "association_id", "partnerships", owner="partnership"),
    Link(
        "partnership_funders",
        "organisation_id",
        "partnerships",
        owner="partnership",
        owner_id="partnership_id",
        same=("partnership_id",),
    ),
    Link("projects", "funder_id", "projects", owner="project"),
    Link("events", "organiser_id", "events", owner="event"),
    Link("taggings", "entity_id", "tags", entity="organisation", same=("tag_id",)),
)

LINKS = {"person": PERSON_LINKS, "organisation": ORGANISATION_LINKS}


def rows_of(session: Session, link: Link, record_id: int) -> list[dict[str, Any]]:
    """The rows of ``link`` that point at ``record_id``, in a stable order."""
    table = link.sql
    statement = select(table).where(table.c[link.column] == record_id)
    if link.entity is not None:
        statement = statement.where(table.c.entity == link.entity)
    statement = statement.order_by(*table.primary_key.columns)
    return [dict(row) for row in session.execute(statement).mappings()]


def owner_id_of(session: Session, link: Link, row: Mapping[str, Any]) -> int | None:
    if link.through is not None:
        other, here, there = link.through
        table = Base.metadata.tables[other]
        found = session.scalar(select(table.c[there]).where(table.c.id == row[here]))
        return None if found is None else int(found)
    value = row.get(link.owner_id)
    return None if value is None else int(value)


def _comparable(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(fold(value).split()) or None
    return None if value == "" else value


def same_link(link: Link, row: Mapping[str, Any], other: Mapping[str, Any]) -> bool:
    """Whether two rows pointing at the two records are one link (the merged one is dropped)."""
    if not link.same:
        return False
    if any(_comparable(row[c]) != _comparable(other[c]) for c in link.same):
        return False
    for column in link.loose:
        mine, theirs = _comparable(row[column]), _comparable(other[column])
        if mine is not None and theirs is not None and mine != theirs:
            return False
    return True


def key_of(table: Table, row: Mapping[str, Any]) -> dict[str, Any]:
    return {column.name: row[column.name] for column in table.primary_key.columns}


def _where(table: Table, key: Mapping[str, Any]) -> list[Any]:
    return [table.c[name] == value for name, value in key.items()]


def move_row(session: Session, link: Link, row: Mapping[str, Any], to_id: int) -> None:
    table = link.sql
    session.execute(
        update(table).where(*_where(table, key_of(table, row))).values({link.column: to_id})
    )


def drop_row(session: Session, link: Link, row: Mapping[str, Any]) -> None:
    table = link.sql
    session.execute(delete(table).where(*_where(table, key_of(table, row))))


def set_values(
    session: Session, link: Link, row: Mapping[str, Any], values: dict[str, Any]
) -> None:
    if values:
        table = link.sql
        session.execute(update(table).where(*_where(table, key_of(table, row))).values(values))


# --- links that no record's history holds ------------------------------------------------------


def moved_entry(link: Link, row: Mapping[str, Any]) -> dict[str, Any]:
    """A row moved from the merged record, named by its key before the move."""
    return {"table": link.table, "column": link.column, "key": json_value(key_of(link.sql, row))}


def dropped_entry(link: Link, row: Mapping[str, Any]) -> dict[str, Any]:
    """A row dropped as a duplicate, whole, so it can be put back."""
    return {"table": link.table, "row": json_value(dict(row))}


def _decoded(table: Table, values: Mapping[str, Any]) -> dict[str, Any]:
    """JSON values back into the column types (dates, moments, amounts)."""
    row: dict[str, Any] = {}
    for name, value in values.items():
        try:
            python_type = table.c[name].type.python_type
        except NotImplementedError:
            python_type = object
        if isinstance(value, str) and python_type is datetime:
            value = datetime.fromisoformat(value)
        elif isinstance(value, str) and python_type is date:
            value = date.fromisoformat(value)
        elif isinstance(value, str | int) and python_type is Decimal:
            value = Decimal(str(value))
        row[name] = value
    return row


def relink(session: Session, moved: Mapping[str, Any], back: bool) -> None:
    """Move the links a merge kept with its trash entry back to the merged record (``back``,
    when the merge is undone) or again to the kept one (when the undo is redone)."""
    source, target = int(moved["from"]), int(moved["to"])
    if back:
        source, target = target, source
    for entry in moved.get("links") or []:
        table = Base.metadata.tables[entry["table"]]
        if "row" in entry:
            row = _decoded(table, entry["row"])
            if back:
                session.execute(insert(table).values(row))
            else:
                session.execute(delete(table).where(*_where(table, key_of(table, row))))
            continue
        column = entry["column"]
        key = {name: (source if name == column else value) for name, value in entry["key"].items()}
        session.execute(update(table).where(*_where(table, key)).values({column: target}))
