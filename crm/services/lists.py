"""Ordered id lists for the list views, and the rows for a page of them.

The views hold only ids (calibre's model): filtering and sorting happen in SQL, and rows are
fetched a page at a time by id, so a list of 100,000 people opens as fast as one of 100.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import QueryableAttribute, Session

from crm.db.database import Database
from crm.db.models import (
    Affiliation,
    ContactPoint,
    Organisation,
    PartnerCity,
    Partnership,
    Person,
    Theme,
    partnership_themes,
)
from crm.search.query import matching_record_ids
from crm.services.people import display_name
from crm.services.sorting import in_order
from crm.validation import format_phone

RowT = TypeVar("RowT", bound=tuple[Any, ...])

# --- people ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PeopleFilter:
    text: str = ""
    country: str | None = None
    organisation_id: int | None = None


PEOPLE_SORTS = {
    "name": (Person.sort_name,),
    "function": (Person.function, Person.sort_name),
    "country": (Person.country, Person.sort_name),
    "updated": (Person.updated_at,),
}


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    name_original: str | None
    function: str | None
    organisation: str | None
    email: str | None
    phone: str | None
    country: str | None


def _text_filter(
    statement: Select[RowT], kind: str, column: QueryableAttribute[int], query: str
) -> Select[RowT]:
    """Keep the rows whose record matches ``query`` in the search index."""
    matching = matching_record_ids(kind, query)
    if matching is None:
        return statement
    return statement.where(column.in_(matching))


def person_ids(
    db: Database,
    filters: PeopleFilter = PeopleFilter(),
    sort: str = "name",
    descending: bool = False,
    limit: int | None = None,
) -> list[int]:
    statement = select(Person.id).where(Person.deleted_at.is_(None))
    if filters.country:
        statement = statement.where(Person.country == filters.country.upper())
    if filters.organisation_id is not None:
        statement = statement.where(
            Person.id.in_(
                select(Affiliation.person_id).where(
                    Affiliation.organisation_id == filters.organisation_id
                )
            )
        )
    statement = _text_filter(statement, "person", Person.id, filters.text)
    columns = PEOPLE_SORTS.get(sort, PEOPLE_SORTS["name"])
    order = [in_order(db, c, descending) for c in columns]
    statement = statement.order_by(*order, Person.id.desc() if descending else Person.id)
    if limit is not None:
        statement = statement.limit(limit)
    return db.fetch_ids(statement)


def person_rows(db: Database, ids: Sequence[int]) -> list[PersonRow]:
    """Rows for ``ids`` in the same order; ids no longer there (or in the trash) are left out."""
    if not ids:
        return []
    with db.read() as session:
        live = select(Person).where(Person.id.in_(list(ids)), Person.deleted_at.is_(None))
        people = {p.id: p for p in session.scalars(live)}
        contacts = _first_contacts(session, list(people))
        organisations: dict[int, str] = {}
        for person_id, organisation_name in session.execute(
            select(Affiliation.person_id, Organisation.name)
            .join(Organisation, Organisation.id == Affiliation.organisation_id)
            .where(Affiliation.person_id.in_(list(people)), Organisation.deleted_at.is_(None))
            .order_by(Affiliation.is_primary.desc(), Affiliation.id.asc())
        ):
            organisations.setdefault(person_id, organisation_name)
        rows = []
        for person_id in ids:
            person = people.get(person_id)
            if person is None:
                continue
            email, phone = contacts.get(person_id, (None, None))
            rows.append(
                PersonRow(
                    id=person.id,
                    name=display_name(person),
                    name_original=person.name_original,
                    function=person.function,
                    organisation=organisations.get(person_id),
                    email=email,
                    phone=phone,
                    country=person.country,
                )
            )
        return rows


def _first_contacts(
    session: Session, person_ids: list[int]
) -> dict[int, tuple[str | None, str | None]]:
    """The primary (else first) email and phone of each person."""
    found: dict[int, tuple[str | None, str | None]] = {}
    statement = (
        select(
            ContactPoint.person_id, ContactPoint.kind, ContactPoint.value, ContactPoint.normalized
        )
        .where(ContactPoint.person_id.in_(person_ids))
        .order_by(ContactPoint.is_primary.desc(), ContactPoint.position)
    )
    for person_id, kind, value, normalized in session.execute(statement):
        email, phone = found.get(person_id, (None, None))
        if kind == "email" and email is None:
            email = value
        elif kind in ("phone", "mobile") and phone is None:
            phone = format_phone(normalized, value)
        found[person_id] = (email, phone)
    return found


# --- partnerships ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PartnershipFilter:
    text: str = ""
    kind: str | None = None
    status: str | None = None
    rating: str | None = None
    country: str | None = None


PARTNERSHIP_SORTS = {
    "name": (PartnerCity.sort_name,),
    "country": (PartnerCity.country, PartnerCity.sort_name),
    "kind": (Partnership.kind, PartnerCity.sort_name),
    "since": (Partnership.since_year, PartnerCity.sort_name),
    "rating": (Partnership.activity_rating, PartnerCity.sort_name),
    "status": (Partnership.status, PartnerCity.sort_name),
}


@dataclass(frozen=True)
class PartnershipRow:
    id: int
    name: str
    name_native: str | None
    country: str
    kind: str
    since_year: int | None
    activity_rating: str | None
    status: str
    themes: tuple[str, ...]


def partnership_ids(
    db: Database,
    filters: PartnershipFilter = PartnershipFilter(),
    sort: str = "name",
    descending: bool = False,
    limit: int | None = None,
) -> list[int]:
    statement = (
        select(Partnership.id)
        .join(PartnerCity, PartnerCity.id == Partnership.partner_city_id)
        .where(Partnership.deleted_at.is_(None))
    )
    if filters.kind:
        statement = statement.where(Partnership.kind == filters.kind)
    if filters.status:
        statement = statement.where(Partnership.status == filters.status)
    if filters.rating:
        statement = statement.where(Partnership.activity_rating == filters.rating)
    if filters.country:
        statement = statement.where(PartnerCity.country == filters.country.upper())
    statement = _text_filter(statement, "partnership", Partnership.id, filters.text)
    columns = PARTNERSHIP_SORTS.get(sort, PARTNERSHIP_SORTS["name"])
    order = [in_order(db, c, descending) for c in columns]
    # Ties by id, reversed too, so a descending list is the ascending one backwards.
    statement = statement.order_by(*order, Partnership.id.desc() if descending else Partnership.id)
    if limit is not None:
        statement = statement.limit(limit)
    return db.fetch_ids(statement)


def partnership_rows(db: Database, ids: Sequence[int]) -> list[PartnershipRow]:
    if not ids:
        return []
    with db.read() as session:
        found = {
            p.id: (p, city)
            for p, city in session.execute(
                select(Partnership, PartnerCity)
                .join(PartnerCity, PartnerCity.id == Partnership.partner_city_id)
                .where(Partnership.id.in_(list(ids)), Partnership.deleted_at.is_(None))
            ).tuples()
        }
        themes: dict[int, list[str]] = {}
        for partnership_id, name in session.execute(
            select(partnership_themes.c.partnership_id, Theme.name)
            .join(Theme, Theme.id == partnership_themes.c.theme_id)
            .where(partnership_themes.c.partnership_id.in_(list(found)))
            .order_by(Theme.name)
        ):
            themes.setdefault(partnership_id, []).append(name)
        rows = []
        for partnership_id in ids:
            if partnership_id not in found:
                continue
            p, city = found[partnership_id]
            name = f"{city.name} – {p.local_party}" if p.local_party else city.name
            rows.append(
                PartnershipRow(
                    id=p.id,
                    name=name,
                    name_native=city.name_native,
                    country=city.country,
                    kind=p.kind,
                    since_year=p.since_year,
                    activity_rating=p.activity_rating,
                    status=p.status,
                    themes=tuple(themes.get(p.id, ())),
                )
            )
        return rows


def partnership_countries(db: Database) -> list[str]:
    with db.read() as session:
        return list(
            session.scalars(
                select(PartnerCity.country)
                .join(Partnership, Partnership.partner_city_id == PartnerCity.id)
                .where(Partnership.deleted_at.is_(None))
                .distinct()
                .order_by(PartnerCity.country)
            )
        )


# --- pickers --------------------------------------------------------------------------------


def organisation_choices(db: Database, query: str = "", limit: int = 50) -> list[tuple[int, str]]:
    """(id, name) of organisations for a picker, by name."""
    statement = select(Organisation.id, Organisation.name).where(Organisation.deleted_at.is_(None))
    statement = _text_filter(statement, "organisation", Organisation.id, query)
    with db.read() as session:
        rows = session.execute(statement.order_by(Organisation.sort_name).limit(limit))
        return [(organisation_id, name) for organisation_id, name in rows.tuples()]


def person_choices(db: Database, query: str = "", limit: int = 50) -> list[tuple[int, str]]:
    """(id, display name) of people for a picker, by name."""
    statement = select(Person).where(Person.deleted_at.is_(None))
    statement = _text_filter(statement, "person", Person.id, query)
    with db.read() as session:
        return [
            (p.id, display_name(p))
            for p in session.scalars(statement.order_by(Person.sort_name).limit(limit))
        ]
