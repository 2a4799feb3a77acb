"""The Overview, the first screen: what is coming up, what is due, what changed lately.

One read, plain data. ``today`` is a parameter so tests use fixed days; the UI passes the
computer's date. Times are stored in UTC and handed back in ``zone`` (the computer's zone).
This module reads the facts through the ORM; crm.services.overview_model works the Overview
out of them (crm.services.overview_sqlite reads the same facts at start-up without the ORM).
"""

from __future__ import annotations

from datetime import date, timedelta, tzinfo

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from crm.db.base import Trashable
from crm.db.database import Database
from crm.db.enums import CorrespondenceStatus, DelegationStatus
from crm.db.models import (
    Change,
    Correspondence,
    Delegation,
    DelegationMember,
    Event,
    Operation,
    Organisation,
    PartnerCity,
    Partnership,
    Person,
    ProgrammeItem,
    Project,
)
from crm.services.overview_model import (
    EVALUATION_YEARS,
    FOLLOW_UP_DAYS,
    MAX_FOLLOW_UPS,
    NOT_IN_FORCE,
    RECENT_OPERATIONS,
    UPCOMING_DAYS,
    Anniversary,
    DelegationFacts,
    EvaluationDue,
    EventFacts,
    FollowUp,
    OperationFacts,
    Overview,
    PartnershipFacts,
    ProgrammeFacts,
    RecentChange,
    UpcomingItem,
    add_years,
    agenda_window,
    assemble,
    evaluation_due,
    first_member_times,
    is_round_anniversary,
    local_zone,
    partnership_label,
    person_name,
    upcoming_items,
)

__all__ = [
    "EVALUATION_YEARS",
    "FOLLOW_UP_DAYS",
    "RECENT_OPERATIONS",
    "UPCOMING_DAYS",
    "Anniversary",
    "EvaluationDue",
    "FollowUp",
    "Overview",
    "RecentChange",
    "UpcomingItem",
    "add_years",
    "evaluation_due",
    "get_overview",
    "is_round_anniversary",
    "local_zone",
]

OPENABLE: dict[str, type[Trashable]] = {
    "person": Person,
    "organisation": Organisation,
    "partnership": Partnership,
    "delegation": Delegation,
    "correspondence": Correspondence,
    "project": Project,
    "event": Event,
}


def get_overview(
    db: Database,
    today: date,
    *,
    zone: tzinfo | None = None,
    days: int = UPCOMING_DAYS,
    follow_up_days: int = FOLLOW_UP_DAYS,
    recent: int = RECENT_OPERATIONS,
) -> Overview:
    zone = zone or local_zone()
    with db.read() as session:
        return assemble(
            today,
            zone,
            _upcoming(session, today, days, zone),
            _follow_ups(session, today, follow_up_days),
            _partnerships(session),
            _operations(session, recent),
        )


def _upcoming(session: Session, today: date, days: int, zone: tzinfo) -> list[UpcomingItem]:
    last_day, start_at, end_at = agenda_window(today, days, zone)
    visits = (
        select(Delegation)
        .where(
            Delegation.deleted_at.is_(None),
            Delegation.status != DelegationStatus.CANCELLED.value,
            Delegation.start_date <= last_day,
            Delegation.end_date >= today,
        )
        .order_by(Delegation.start_date, Delegation.id)
    )
    delegations = [
        DelegationFacts(d.id, d.title, d.direction, d.start_date, d.end_date, d.partnership_id)
        for d in session.scalars(visits)
    ]
    events = [
        EventFacts(e.id, e.name, e.kind, e.starts_at, e.ends_at, e.venue, e.city, e.partnership_id)
        for e in session.scalars(
            select(Event)
            .where(
                Event.deleted_at.is_(None),
                Event.starts_at < end_at,
                # Still running today (an event without an end lasts its first day).
                or_(Event.starts_at >= start_at, Event.ends_at >= start_at),
            )
            .order_by(Event.starts_at, Event.id)
        )
    ]
    partner_ids = {d.partnership_id for d in delegations} | {e.partnership_id for e in events}
    partners = _partner_names(session, partner_ids)
    ids = [d.id for d in delegations]
    programme: list[ProgrammeFacts] = []
    times = {}
    if ids:
        times = first_member_times(
            session.execute(
                select(
                    DelegationMember.delegation_id,
                    DelegationMember.arrival,
                    DelegationMember.departure,
                ).where(DelegationMember.delegation_id.in_(ids))
            ).tuples(),
            zone,
        )
        programme = [
            ProgrammeFacts(item.delegation_id, item.starts_at, item.ends_at, item.title, item.venue)
            for item in session.scalars(
                select(ProgrammeItem)
                .where(
                    ProgrammeItem.delegation_id.in_(ids),
                    ProgrammeItem.starts_at >= start_at,
                    ProgrammeItem.starts_at < end_at,
                )
                .order_by(ProgrammeItem.starts_at, ProgrammeItem.id)
            )
        ]
    return upcoming_items(today, days, zone, delegations, events, programme, times, partners)


def _partner_names(session: Session, ids: set[int | None]) -> dict[int | None, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(
        select(Partnership.id, PartnerCity.name, Partnership.local_party)
        .join(PartnerCity, PartnerCity.id == Partnership.partner_city_id)
        .where(Partnership.id.in_(wanted))
    )
    return {row_id: partnership_label(name, party) for row_id, name, party in rows}


def _follow_ups(session: Session, today: date, within: int) -> tuple[list[FollowUp], int]:
    condition = (
        Correspondence.deleted_at.is_(None),
        Correspondence.status != CorrespondenceStatus.DONE.value,
        Correspondence.follow_up_date <= today + timedelta(days=within),
    )
    total = session.scalar(select(func.count()).select_from(Correspondence).where(*condition))
    rows = session.execute(
        select(Correspondence, Person, Organisation.name)
        .outerjoin(Person, Person.id == Correspondence.counterpart_person_id)
        .outerjoin(Organisation, Organisation.id == Correspondence.counterpart_organisation_id)
        .where(*condition)
        .order_by(Correspondence.follow_up_date, Correspondence.id)
        .limit(MAX_FOLLOW_UPS)
    )
    follow_ups = []
    for entry, person, organisation in rows:
        assert entry.follow_up_date is not None
        counterpart = (
            person_name(person.title, person.given_name, person.family_name)
            if person is not None
            else None
        )
        follow_ups.append(
            FollowUp(
                correspondence_id=entry.id,
                reference=entry.reference,
                subject=entry.subject,
                follow_up_date=entry.follow_up_date,
                days_late=(today - entry.follow_up_date).days,
                status=entry.status,
                direction=entry.direction,
                counterpart=counterpart or organisation or entry.counterpart_text,
            )
        )
    return follow_ups, total or 0


def _partnerships(session: Session) -> list[PartnershipFacts]:
    rows = session.execute(
        select(Partnership, PartnerCity)
        .join(PartnerCity, PartnerCity.id == Partnership.partner_city_id)
        .where(Partnership.deleted_at.is_(None), Partnership.status.not_in(NOT_IN_FORCE))
        .order_by(PartnerCity.sort_name, Partnership.id)
    )
    return [
        PartnershipFacts(
            p.id,
            partnership_label(city.name, p.local_party),
            city.name_native,
            p.since_date,
            p.since_year,
            p.last_evaluation,
            p.next_evaluation,
        )
        for p, city in rows.tuples()
    ]


def _operations(session: Session, limit: int) -> list[OperationFacts]:
    if limit <= 0:
        return []
    operations = session.scalars(
        select(Operation).order_by(Operation.at.desc(), Operation.id.desc()).limit(limit)
    ).all()
    if not operations:
        return []
    first_change = {
        change.operation_id: change
        for change in session.scalars(
            select(Change)
            .where(Change.operation_id.in_([o.id for o in operations]))
            .order_by(Change.id.desc())  # the last one kept per operation is its first
        )
    }
    alive = _alive(session, [c for c in first_change.values() if c.entity in OPENABLE])
    found = []
    for operation in operations:
        change = first_change.get(operation.id)
        target = (change.entity, change.entity_id) if change is not None else None
        found.append(
            OperationFacts(
                operation.id,
                operation.at,
                operation.actor,
                operation.label,
                operation.undone_by_id is not None,
                target if target is not None and target in alive else None,
            )
        )
    return found


def _alive(session: Session, changes: list[Change]) -> set[tuple[str, int]]:
    """The records named by ``changes`` that exist and are not in the trash."""
    wanted: dict[str, set[int]] = {}
    for change in changes:
        wanted.setdefault(change.entity, set()).add(change.entity_id)
    alive: set[tuple[str, int]] = set()
    for kind, ids in wanted.items():
        model = OPENABLE[kind]
        column = model.__table__.c  # type: ignore[attr-defined]
        found = session.scalars(
            select(column.id).where(column.id.in_(ids), column.deleted_at.is_(None))
        )
        alive.update((kind, record_id) for record_id in found)
    return alive
