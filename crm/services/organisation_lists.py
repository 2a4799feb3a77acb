"""The Organisations list: ids filtered and sorted in SQL, and the rows for a page of them.

Same pattern as the People list (crm.services.lists): by name, the partial covering index
ix_organisations_list gives the ids of the organisations not in the trash without a sort.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from crm.db.database import Database
from crm.db.models import Affiliation, ContactPoint, Organisation, Person
from crm.search.query import matching_record_ids
from crm.services.sorting import in_order
from crm.validation import format_phone


@dataclass(frozen=True)
class OrganisationFilter:
    text: str = ""
    kind: str | None = None
    country: str | None = None


def _people_count() -> Any:
    """How many people (not in the trash) work at the organisation: a correlated count."""
    return (
        select(func.count(func.distinct(Affiliation.person_id)))
        .join(Person, Person.id == Affiliation.person_id)
        .where(Affiliation.organisation_id == Organisation.id, Person.deleted_at.is_(None))
        .correlate(Organisation)
        .scalar_subquery()
    )


SORTS: dict[str, tuple[Any, ...]] = {
    "name": (Organisation.sort_name,),
    "kind": (Organisation.kind, Organisation.sort_name),
    "city": (Organisation.city, Organisation.sort_name),
    "country": (Organisation.country, Organisation.sort_name),
    "people": (_people_count(), Organisation.sort_name),
}


@dataclass(frozen=True)
class OrganisationRow:
    id: int
    name: str
    name_latin: str | None
    short_name: str | None
    kind: str
    city: str | None
    country: str | None
    phone: str | None
    email: str | None
    people: int


def _matching(statement: Select[tuple[int]], query: str) -> Select[tuple[int]]:
    """Keep the organisations whose search index entry matches ``query``."""
    matching = matching_record_ids("organisation", query)
    if matching is None:
        return statement
    return statement.where(Organisation.id.in_(matching))


def organisation_ids(
    db: Database,
    filters: OrganisationFilter = OrganisationFilter(),
    sort: str = "name",
    descending: bool = False,
    limit: int | None = None,
) -> list[int]:
    statement = select(Organisation.id).where(Organisation.deleted_at.is_(None))
    if filters.kind:
        statement = statement.where(Organisation.kind == filters.kind)
    if filters.country:
        statement = statement.where(Organisation.country == filters.country.upper())
    statement = _matching(statement, filters.text)
    columns = SORTS.get(sort, SORTS["name"])
    order = [in_order(db, c, descending) for c in columns]
    # Ties by id, reversed too, so a descending list is the ascending one backwards.
    statement = statement.order_by(
        *order, Organisation.id.desc() if descending else Organisation.id
    )
    if limit is not None:
        statement = statement.limit(limit)
    return db.fetch_ids(statement)


def organisation_rows(db: Database, ids: Sequence[int]) -> list[OrganisationRow]:
    """Rows for ``ids`` in the same order; ids no longer there (or in the trash) are left out."""
    if not ids:
        return []
    with db.read() as session:
        live = select(Organisation).where(
            Organisation.id.in_(list(ids)), Organisation.deleted_at.is_(None)
        )
        found = {o.id: o for o in session.scalars(live)}
        contacts = _first_contacts(session, list(found))
        counts = _people_counts(session, list(found))
        rows = []
        for organisation_id in ids:
            organisation = found.get(organisation_id)
            if organisation is None:
                continue
            phone, email = contacts.get(organisation_id, (None, None))
            rows.append(
                OrganisationRow(
                    id=organisation.id,
                    name=organisation.name,
                    name_latin=organisation.name_latin,
                    short_name=organisation.short_name,
                    kind=organisation.kind,
                    city=organisation.city,
                    country=organisation.country,
                    phone=phone,
                    email=email,
                    people=counts.get(organisation_id, 0),
                )
            )
        return rows


def _first_contacts(
    session: Session, organisation_ids: list[int]
) -> dict[int, tuple[str | None, str | None]]:
    """The primary (else first) phone and email of each organisation."""
    found: dict[int, tuple[str | None, str | None]] = {}
    statement = (
        select(
            ContactPoint.organisation_id,
            ContactPoint.kind,
            ContactPoint.value,
            ContactPoint.normalized,
        )
        .where(ContactPoint.organisation_id.in_(organisation_ids))
        .order_by(ContactPoint.is_primary.desc(), ContactPoint.position)
    )
    for organisation_id, kind, value, normalized in session.execute(statement):
        assert organisation_id is not None
        phone, email = found.get(organisation_id, (None, None))
        if kind == "email" and email is None:
            email = value
        elif kind in ("phone", "mobile") and phone is None:
            phone = format_phone(normalized, value)
        found[organisation_id] = (phone, email)
    return found


def _people_counts(session: Session, organisation_ids: list[int]) -> dict[int, int]:
    statement = (
        select(Affiliation.organisation_id, func.count(func.distinct(Affiliation.person_id)))
        .join(Person, Person.id == Affiliation.person_id)
        .where(Affiliation.organisation_id.in_(organisation_ids), Person.deleted_at.is_(None))
        .group_by(Affiliation.organisation_id)
    )
    return {organisation_id: count for organisation_id, count in session.execute(statement)}


def organisation_countries(db: Database) -> list[str]:
    """The countries of the organisations not in the trash, for the country filter."""
    with db.read() as session:
        return list(
            session.scalars(
                select(Organisation.country)
                .where(Organisation.deleted_at.is_(None), Organisation.country.is_not(None))
                .distinct()
                .order_by(Organisation.country)
            )
        )
