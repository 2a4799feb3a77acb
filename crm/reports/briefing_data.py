"""Everything a delegation briefing prints, read in one session as plain data.

The services' views answer the app's forms; the briefing needs more at once (every member's
contacts and organisation, the partnership, past visits, gifts, open correspondence), so it
reads here, with eager loads, and hands back frozen dataclasses: no session stays open and no
ORM object leaves this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from crm.db.database import Database
from crm.db.enums import CorrespondenceStatus, DelegationStatus
from crm.db.models import (
    Affiliation,
    Correspondence,
    Delegation,
    DelegationMember,
    Gift,
    Organisation,
    Partnership,
    Person,
    ProgrammeItem,
)
from crm.i18n import _
from crm.services.contact_points import contact_view
from crm.services.delegations import protocol_order
from crm.services.errors import NotFound
from crm.services.people import display_name
from crm.text import join_nonempty

VISITS_EACH_WAY = 3  # the last visits shown per direction


@dataclass(frozen=True)
class Contact:
    kind: str  # a ContactKind value
    text: str  # phones in international format, the rest as entered
    label: str | None


@dataclass(frozen=True)
class PersonCard:
    id: int
    name: str  # title, given and family name as the register keeps them
    name_original: str | None  # as written in the person's own script
    name_latin: str | None  # in Latin letters
    title: str | None
    function: str | None
    organisation: str | None
    contacts: tuple[Contact, ...]
    languages: str | None  # ISO 639-1 codes
    form_of_address: str | None
    salutation: str | None


@dataclass(frozen=True)
class MemberCard:
    person: PersonCard
    function: str | None  # in the delegation
    rank: int
    arrival: datetime | None
    departure: datetime | None
    hotel: str | None
    dietary_needs: str | None
    accessibility_needs: str | None
    notes: str | None


@dataclass(frozen=True)
class Appointment:
    starts_at: datetime
    ends_at: datetime | None
    title: str
    kind: str
    venue: str | None
    dress_code: str | None
    notes: str | None
    participants: tuple[str, ...]


@dataclass(frozen=True)
class PartnerInfo:
    city: str
    city_native: str | None
    city_latin: str | None
    country: str
    region: str | None
    kind: str
    local_party: str | None
    since_year: int | None
    since_date: date | None
    agreement_kind: str | None
    agreement_document: str | None
    renewal_date: date | None
    status: str
    rating: str | None
    themes: tuple[str, ...]
    association: str | None
    funders: tuple[str, ...]


@dataclass(frozen=True)
class PastVisit:
    title: str
    direction: str
    start_date: date
    end_date: date
    status: str


@dataclass(frozen=True)
class GiftLine:
    direction: str
    description: str
    given_on: date | None
    value: Decimal | None
    currency: str | None
    giver: str | None
    receiver: str | None
    visit: str | None  # the delegation it was given on


@dataclass(frozen=True)
class Letter:
    reference: str
    day: date
    direction: str
    channel: str
    subject: str
    counterpart: str | None
    follow_up: date | None
    status: str


@dataclass(frozen=True)
class BriefingData:
    id: int
    title: str
    direction: str
    start_date: date
    end_date: date
    purpose: str | None
    status: str
    hotel: str | None
    transport: str | None
    interpreters: str | None
    languages: str | None
    notes: str | None
    host: PersonCard | None
    members: tuple[MemberCard, ...]  # in protocol order: the head first
    our_side: tuple[PersonCard, ...]  # the host, then our programme participants
    programme: tuple[Appointment, ...]
    partner: PartnerInfo | None
    visits: tuple[PastVisit, ...]  # newest first
    gifts: tuple[GiftLine, ...]  # newest first
    correspondence: tuple[Letter, ...]  # open, oldest first

    @property
    def head(self) -> MemberCard | None:
        return self.members[0] if self.members else None


def _organisation(person: Person) -> tuple[str | None, str | None]:
    """The person's organisation and function there: the primary affiliation, else a current
    one, else the first."""
    affiliations = sorted(
        person.affiliations,
        key=lambda a: (not a.is_primary, a.end_date is not None, a.id),
    )
    for affiliation in affiliations:
        if affiliation.organisation.deleted_at is None:
            return affiliation.organisation.name, affiliation.function
    return None, None


def person_card(person: Person) -> PersonCard:
    organisation, affiliation_function = _organisation(person)
    contacts = tuple(
        Contact(view.kind, view.display, view.label)
        for view in (contact_view(point) for point in person.contact_points)
    )
    return PersonCard(
        id=person.id,
        name=display_name(person),
        name_original=person.name_original,
        name_latin=person.name_latin,
        title=person.title,
        function=person.function or affiliation_function,
        organisation=organisation,
        contacts=contacts,
        languages=person.languages,
        form_of_address=person.form_of_address,
        salutation=person.salutation,
    )


def _delegation(session: Session, delegation_id: int) -> Delegation:
    delegation = session.get(
        Delegation,
        delegation_id,
        options=[
            selectinload(Delegation.members).selectinload(DelegationMember.person),
            selectinload(Delegation.programme).selectinload(ProgrammeItem.participants),
            selectinload(Delegation.host),
        ],
    )
    if delegation is None or delegation.deleted_at is not None:
        raise NotFound(
            _("There is no delegation with the number {id} (perhaps it is in the trash).").format(
                id=delegation_id
            )
        )
    # Everyone's contacts and organisations in three queries, whichever way they take part.
    people = {member.person_id for member in delegation.members}
    people |= {person.id for item in delegation.programme for person in item.participants}
    if delegation.host_person_id is not None:
        people.add(delegation.host_person_id)
    if people:
        session.scalars(
            select(Person)
            .where(Person.id.in_(people))
            .options(
                selectinload(Person.contact_points),
                selectinload(Person.affiliations).selectinload(Affiliation.organisation),
            )
        ).all()
    return delegation


def _partner(session: Session, partnership_id: int | None) -> PartnerInfo | None:
    if partnership_id is None:
        return None
    partnership = session.get(
        Partnership,
        partnership_id,
        options=[
            selectinload(Partnership.partner_city),
            selectinload(Partnership.themes),
            selectinload(Partnership.funders),
            selectinload(Partnership.association),
        ],
    )
    if partnership is None or partnership.deleted_at is not None:
        return None
    city = partnership.partner_city
    association = partnership.association
    return PartnerInfo(
        city=city.name,
        city_native=city.name_native,
        city_latin=city.name_latin,
        country=city.country,
        region=city.region,
        kind=partnership.kind,
        local_party=partnership.local_party,
        since_year=partnership.since_year,
        since_date=partnership.since_date,
        agreement_kind=partnership.agreement_kind,
        agreement_document=partnership.agreement_document,
        renewal_date=partnership.renewal_date,
        status=partnership.status,
        rating=partnership.activity_rating,
        themes=tuple(theme.name for theme in partnership.themes),
        association=association.name
        if association is not None and association.deleted_at is None
        else None,
        funders=tuple(funder.name for funder in partnership.funders if funder.deleted_at is None),
    )


def _visits(session: Session, delegation: Delegation) -> tuple[PastVisit, ...]:
    """The partnership's last visits before this one, both ways."""
    if delegation.partnership_id is None:
        return ()
    found: list[PastVisit] = []
    for direction in ("incoming", "outgoing"):
        rows = session.scalars(
            select(Delegation)
            .where(
                Delegation.partnership_id == delegation.partnership_id,
                Delegation.id != delegation.id,
                Delegation.deleted_at.is_(None),
                Delegation.direction == direction,
                Delegation.status != DelegationStatus.CANCELLED.value,
                Delegation.start_date < delegation.start_date,
            )
            .order_by(Delegation.start_date.desc(), Delegation.id.desc())
            .limit(VISITS_EACH_WAY)
        )
        found.extend(
            PastVisit(row.title, row.direction, row.start_date, row.end_date, row.status)
            for row in rows
        )
    found.sort(key=lambda visit: visit.start_date, reverse=True)
    return tuple(found)


def _names(session: Session, ids: set[int | None]) -> dict[int, str]:
    wanted = {person_id for person_id in ids if person_id is not None}
    if not wanted:
        return {}
    people = session.scalars(select(Person).where(Person.id.in_(wanted)))
    return {person.id: display_name(person) for person in people}


def _gifts(session: Session, delegation: Delegation) -> tuple[GiftLine, ...]:
    """Gifts of this visit and of every visit of its partnership: none is given twice."""
    condition = Gift.delegation_id == delegation.id
    if delegation.partnership_id is not None:
        siblings = select(Delegation.id).where(
            Delegation.partnership_id == delegation.partnership_id
        )
        condition = or_(
            condition,
            Gift.partnership_id == delegation.partnership_id,
            Gift.delegation_id.in_(siblings),
        )
    gifts = list(
        session.scalars(
            select(Gift)
            .where(condition, Gift.deleted_at.is_(None))
            .order_by(Gift.given_on.is_(None), Gift.given_on.desc(), Gift.id.desc())
        )
    )
    names = _names(session, {g.from_person_id for g in gifts} | {g.to_person_id for g in gifts})
    visit_ids = {gift.delegation_id for gift in gifts if gift.delegation_id is not None}
    visits = (
        dict(
            session.execute(
                select(Delegation.id, Delegation.title).where(Delegation.id.in_(visit_ids))
            )
            .tuples()
            .all()
        )
        if visit_ids
        else {}
    )
    return tuple(
        GiftLine(
            direction=gift.direction,
            description=gift.description,
            given_on=gift.given_on,
            value=gift.value,
            currency=gift.currency,
            giver=names.get(gift.from_person_id or 0) or gift.from_text,
            receiver=names.get(gift.to_person_id or 0) or gift.to_text,
            visit=visits.get(gift.delegation_id or 0),
        )
        for gift in gifts
    )


def _correspondence(session: Session, delegation: Delegation) -> tuple[Letter, ...]:
    """The open entries (not done) about this visit or its partnership."""
    condition = Correspondence.delegation_id == delegation.id
    if delegation.partnership_id is not None:
        condition = or_(condition, Correspondence.partnership_id == delegation.partnership_id)
    entries = list(
        session.scalars(
            select(Correspondence)
            .where(
                condition,
                Correspondence.deleted_at.is_(None),
                Correspondence.status != CorrespondenceStatus.DONE.value,
            )
            .order_by(Correspondence.date, Correspondence.id)
        )
    )
    people = _names(session, {entry.counterpart_person_id for entry in entries})
    organisation_ids = {
        entry.counterpart_organisation_id
        for entry in entries
        if entry.counterpart_organisation_id is not None
    }
    organisations = (
        dict(
            session.execute(
                select(Organisation.id, Organisation.name).where(
                    Organisation.id.in_(organisation_ids)
                )
            )
            .tuples()
            .all()
        )
        if organisation_ids
        else {}
    )
    return tuple(
        Letter(
            reference=entry.reference,
            day=entry.date,
            direction=entry.direction,
            channel=entry.channel,
            subject=entry.subject,
            counterpart=join_nonempty(
                people.get(entry.counterpart_person_id or 0),
                organisations.get(entry.counterpart_organisation_id or 0),
                entry.counterpart_text,
                sep=", ",
            )
            or None,
            follow_up=entry.follow_up_date,
            status=entry.status,
        )
        for entry in entries
    )


def read_briefing(db: Database, delegation_id: int) -> BriefingData:
    """The briefing's data; NotFound when the delegation does not exist or is in the trash."""
    with db.read() as session:
        delegation = _delegation(session, delegation_id)
        members = protocol_order(list(delegation.members))
        member_ids = {member.person_id for member in members}
        our_side: dict[int, PersonCard] = {}
        if delegation.host is not None:
            our_side[delegation.host.id] = person_card(delegation.host)
        for item in delegation.programme:
            for person in item.participants:
                if person.id not in member_ids and person.id not in our_side:
                    our_side[person.id] = person_card(person)
        return BriefingData(
            id=delegation.id,
            title=delegation.title,
            direction=delegation.direction,
            start_date=delegation.start_date,
            end_date=delegation.end_date,
            purpose=delegation.purpose,
            status=delegation.status,
            hotel=delegation.hotel,
            transport=delegation.transport,
            interpreters=delegation.interpreters,
            languages=delegation.languages,
            notes=delegation.notes,
            host=our_side.get(delegation.host.id) if delegation.host is not None else None,
            members=tuple(
                MemberCard(
                    person=person_card(member.person),
                    function=member.function,
                    rank=member.protocol_rank,
                    arrival=member.arrival,
                    departure=member.departure,
                    hotel=member.hotel,
                    dietary_needs=member.dietary_needs,
                    accessibility_needs=member.accessibility_needs,
                    notes=member.notes,
                )
                for member in members
            ),
            our_side=tuple(our_side.values()),
            programme=tuple(
                Appointment(
                    starts_at=item.starts_at,
                    ends_at=item.ends_at,
                    title=item.title,
                    kind=item.kind,
                    venue=item.venue,
                    dress_code=item.dress_code,
                    notes=item.notes,
                    participants=tuple(display_name(p) for p in item.participants),
                )
                for item in sorted(delegation.programme, key=lambda i: (i.starts_at, i.id))
            ),
            partner=_partner(session, delegation.partnership_id),
            visits=_visits(session, delegation),
            gifts=_gifts(session, delegation),
            correspondence=_correspondence(session, delegation),
        )
