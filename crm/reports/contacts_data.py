"""Whom a contact sheet lists, read in one session as plain data: a delegation's members in
protocol order and our hosts and participants, and any people and organisations chosen, each
with every phone, mobile, fax, email and web address."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from crm.db.database import Database
from crm.db.models import (
    Affiliation,
    Delegation,
    DelegationMember,
    Organisation,
    Person,
    ProgrammeItem,
)
from crm.i18n import _, ngettext
from crm.reports.briefing_data import Contact, PersonCard, person_card
from crm.services.delegations import protocol_order
from crm.services.errors import NotFound
from crm.services.people import display_name


@dataclass(frozen=True)
class OrganisationCard:
    id: int
    name: str  # as written, in its own script
    name_latin: str | None
    short_name: str | None
    kind: str
    city: str | None
    country: str | None
    contacts: tuple[Contact, ...]


@dataclass(frozen=True)
class DelegationPeople:
    id: int
    title: str
    direction: str
    start_date: date
    end_date: date
    host_id: int | None
    members: tuple[tuple[PersonCard, str | None], ...]  # with the function in the delegation
    our_side: tuple[PersonCard, ...]  # the host, then our programme participants


@dataclass(frozen=True)
class ContactsData:
    delegation: DelegationPeople | None
    people: tuple[PersonCard, ...]  # chosen, by name
    organisations: tuple[OrganisationCard, ...]  # chosen, by name


def _people_details(session: Session, ids: set[int]) -> list[Person]:
    """The people with their contacts and organisations loaded, in a few queries."""
    if not ids:
        return []
    return list(
        session.scalars(
            select(Person)
            .where(Person.id.in_(ids))
            .options(
                selectinload(Person.contact_points),
                selectinload(Person.affiliations).selectinload(Affiliation.organisation),
            )
        )
    )


def _delegation(session: Session, delegation_id: int) -> DelegationPeople:
    delegation = session.get(
        Delegation,
        delegation_id,
        options=[
            selectinload(Delegation.members).selectinload(DelegationMember.person),
            selectinload(Delegation.programme).selectinload(ProgrammeItem.participants),
        ],
    )
    if delegation is None or delegation.deleted_at is not None:
        raise NotFound(
            _("There is no delegation with the number {id} (perhaps it is in the trash).").format(
                id=delegation_id
            )
        )
    members = protocol_order(list(delegation.members))
    member_ids = {member.person_id for member in members}
    ours: list[int] = []
    if delegation.host_person_id is not None:
        ours.append(delegation.host_person_id)
    for item in sorted(delegation.programme, key=lambda item: (item.starts_at, item.id)):
        ours += [person.id for person in item.participants if person.deleted_at is None]
    ours = [person_id for person_id in dict.fromkeys(ours) if person_id not in member_ids]
    cards = {
        person.id: person_card(person)
        for person in _people_details(session, member_ids | set(ours))
        if person.deleted_at is None or person.id in member_ids
    }
    return DelegationPeople(
        id=delegation.id,
        title=delegation.title,
        direction=delegation.direction,
        start_date=delegation.start_date,
        end_date=delegation.end_date,
        host_id=delegation.host_person_id,
        members=tuple((cards[member.person_id], member.function) for member in members),
        our_side=tuple(cards[person_id] for person_id in ours if person_id in cards),
    )


def _missing(ids: Sequence[int], found: set[int]) -> list[str]:
    """The numbers asked for that were not found, each once."""
    return [str(number) for number in dict.fromkeys(ids) if number not in found]


def _people(session: Session, ids: Sequence[int]) -> tuple[PersonCard, ...]:
    people = [person for person in _people_details(session, set(ids)) if person.deleted_at is None]
    absent = _missing(ids, {person.id for person in people})
    if absent:
        raise NotFound(
            ngettext(
                "There is no person with the number {ids} (perhaps it is in the trash).",
                "There are no people with the numbers {ids} (perhaps they are in the trash).",
                len(absent),
            ).format(ids=", ".join(absent))
        )
    people.sort(key=lambda person: (person.sort_name, display_name(person), person.id))
    return tuple(person_card(person) for person in people)


def _organisations(session: Session, ids: Sequence[int]) -> tuple[OrganisationCard, ...]:
    if not ids:
        return ()
    organisations = list(
        session.scalars(
            select(Organisation)
            .where(Organisation.id.in_(set(ids)), Organisation.deleted_at.is_(None))
            .options(selectinload(Organisation.contact_points))
            .order_by(Organisation.sort_name, Organisation.name, Organisation.id)
        )
    )
    absent = _missing(ids, {organisation.id for organisation in organisations})
    if absent:
        raise NotFound(
            ngettext(
                "There is no organisation with the number {ids} (perhaps it is in the trash).",
                "There are no organisations with the numbers {ids} (perhaps they are in the "
                "trash).",
                len(absent),
            ).format(ids=", ".join(absent))
        )
    from crm.services.contact_points import contact_view

    return tuple(
        OrganisationCard(
            id=organisation.id,
            name=organisation.name,
            name_latin=organisation.name_latin,
            short_name=organisation.short_name,
            kind=organisation.kind,
            city=organisation.city,
            country=organisation.country,
            contacts=tuple(
                Contact(view.kind, view.display, view.label)
                for view in (contact_view(point) for point in organisation.contact_points)
            ),
        )
        for organisation in organisations
    )


def read_contacts(
    db: Database,
    delegation_id: int | None,
    person_ids: Sequence[int],
    organisation_ids: Sequence[int],
) -> ContactsData:
    """NotFound for a delegation, person or organisation that does not exist or is in the
    trash."""
    with db.read() as session:
        delegation = _delegation(session, delegation_id) if delegation_id is not None else None
        return ContactsData(
            delegation=delegation,
            people=_people(session, person_ids),
            organisations=_organisations(session, organisation_ids),
        )
