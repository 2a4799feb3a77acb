"""People for an export: whole records (names in every form, all contacts, organisation and
function, addresses) read a batch at a time, for vCards (the table: export_people_table)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm.db.database import Database
from crm.db.models import Affiliation, Organisation, Person
from crm.io.export_contacts import AddressLine, ContactLine, read_addresses, read_contacts
from crm.io.export_model import batches
from crm.io.export_read import as_date, large_cache, rows_by_ids
from crm.text import join_nonempty


@dataclass(slots=True)
class PersonCard:
    id: int
    title: str | None
    given_name: str | None
    family_name: str
    name_original: str | None
    name_latin: str | None
    function: str | None
    organisation: str | None
    organisation_latin: str | None
    department: str | None
    languages: str | None
    preferred_language: str | None
    country: str | None
    form_of_address: str | None
    salutation: str | None
    updated: date | None
    contacts: tuple[ContactLine, ...]
    addresses: tuple[AddressLine, ...]

    @property
    def display_name(self) -> str:
        return join_nonempty(self.title, self.given_name, self.family_name) or "?"


# The columns of a person an export reads (row[0] the id, row[12] the last change).
PEOPLE = select(
    Person.id,
    Person.title,
    Person.given_name,
    Person.family_name,
    Person.name_original,
    Person.name_latin,
    Person.function,
    Person.languages,
    Person.preferred_language,
    Person.country,
    Person.form_of_address,
    Person.salutation,
    Person.updated_at,
).where(Person.deleted_at.is_(None))
Organisations = dict[int, tuple[str, str | None] | None]


def read_people(
    session: Session,
    ids: Sequence[int],
    organisations: Organisations | None = None,
) -> list[PersonCard]:
    """The people of ``ids`` in that order; those gone or in the trash are left out.
    ``organisations`` keeps names (None: in the trash) from one batch to the next."""
    people = {row[0]: row for row in rows_by_ids(session, "people", PEOPLE, Person.id, ids)}
    found = list(people)
    work = read_work(session, found, {} if organisations is None else organisations)
    contacts = read_contacts(session, "person", found)
    addresses = read_addresses(session, "person", found)
    cards = []
    for person_id in ids:
        row = people.get(person_id)
        if row is None:
            continue
        organisation, organisation_latin, work_function, department = work.get(
            person_id, (None, None, None, None)
        )
        cards.append(
            PersonCard(
                id=person_id,
                title=row[1],
                given_name=row[2],
                family_name=row[3],
                name_original=row[4],
                name_latin=row[5],
                function=row[6] or work_function,
                organisation=organisation,
                organisation_latin=organisation_latin,
                department=department,
                languages=row[7],
                preferred_language=row[8],
                country=row[9],
                form_of_address=row[10],
                salutation=row[11],
                updated=as_date(row[12]),
                contacts=tuple(contacts.get(person_id, ())),
                addresses=tuple(addresses.get(person_id, ())),
            )
        )
    return cards


def read_work(
    session: Session,
    person_ids: list[int],
    organisations: Organisations,
) -> dict[int, tuple[str, str | None, str | None, str | None]]:
    """Each person's primary (else first) organisation: its name and Latin name, the
    function and department there. Organisation names are looked up once per export."""
    links = rows_by_ids(
        session,
        "people/work",
        select(
            Affiliation.person_id,
            Affiliation.organisation_id,
            Affiliation.function,
            Affiliation.department,
        ).order_by(Affiliation.person_id, Affiliation.is_primary.desc(), Affiliation.id),
        Affiliation.person_id,
        person_ids,
    )
    missing = sorted({link[1] for link in links} - organisations.keys())
    if missing:
        for organisation_id in missing:
            organisations[organisation_id] = None
        for organisation_id, name, latin in rows_by_ids(
            session,
            "people/organisations",
            select(Organisation.id, Organisation.name, Organisation.name_latin).where(
                Organisation.deleted_at.is_(None)
            ),
            Organisation.id,
            missing,
        ):
            organisations[organisation_id] = (name, latin)
    work: dict[int, tuple[str, str | None, str | None, str | None]] = {}
    for person_id, organisation_id, function, department in links:
        organisation = organisations.get(organisation_id)
        if organisation is not None and person_id not in work:
            work[person_id] = (organisation[0], organisation[1], function, department)
    return work


def person_cards(db: Database, ids: Sequence[int]) -> Iterator[list[PersonCard]]:
    """The people of ``ids`` a batch at a time, all read in one transaction (one snapshot)."""
    organisations: Organisations = {}
    with db.read() as session, large_cache(session):
        for batch in batches(ids):
            yield read_people(session, batch, organisations)
