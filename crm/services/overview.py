"""The Overview, the first screen: what is coming up, what is due, what changed lately.

One read, plain data. ``today`` is a parameter so tests use fixed days; the UI passes the
computer's date. Times are stored in UTC and handed back in ``zone`` (the computer's zone).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from crm.db.base import Trashable
from crm.db.database import Database
from crm.db.enums import CorrespondenceStatus, DelegationStatus, PartnershipStatus
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
from crm.services.partnerships import label as partnership_label
from crm.services.people import display_name

UPCOMING_DAYS = 14  # today and the fourteen days after it
FOLLOW_UP_DAYS = 3  # follow-ups due within this many days count as due now
RECENT_OPERATIONS = 8
MAX_FOLLOW_UPS = 200  # an office with a long backlog still gets a quick first screen
EVALUATION_YEARS = 5
# Partnerships nobody celebrates or evaluates while they are on hold or over.
NOT_IN_FORCE = (PartnershipStatus.ENDED.value, PartnershipStatus.SUSPENDED.value)
OPENABLE: dict[str, type[Trashable]] = {
    "person": Person,
    "organisation": Organisation,
    "partnership": Partnership,
    "delegation": Delegation,
    "correspondence": Correspondence,
    "project": Project,
    "event": Event,
}


@dataclass(frozen=True)
class UpcomingItem:
    """One line of the agenda: a delegation arriving or leaving, a programme item, or an event
    (a conference, an anniversary, a network meeting)."""

    what: str  # "arrival", "departure" (the visit's first and last day), "programme", "event"
    day: date
    starts_at: datetime | None  # in the given zone; None when no time is known
    ends_at: datetime | None
    title: str  # the programme item's or event's title, the delegation's for arrival/departure
    venue: str | None
    delegation_id: int | None  # None for an event
    delegation_title: str
    direction: str  # incoming, outgoing; "" for an event
    partner: str | None  # the partner city, when the visit or event belongs to a partnership
    event_id: int | None = None
    event_kind: str | None = None


@dataclass(frozen=True)
class FollowUp:
    correspondence_id: int
    reference: str
    subject: str
    follow_up_date: date
    days_late: int  # 0 due today, positive overdue, negative still ahead
    status: str
    direction: str
    counterpart: str | None


@dataclass(frozen=True)
class Anniversary:
    partnership_id: int
    name: str
    name_native: str | None
    years: int
    since_year: int
    on: date | None  # the day this year, when the partnership's date is known


@dataclass(frozen=True)
class EvaluationDue:
    partnership_id: int
    name: str
    name_native: str | None
    due: date | None  # None: never evaluated
    last_evaluation: date | None
    overdue: bool


@dataclass(frozen=True)
class RecentChange:
    operation_id: int
    at: datetime  # in the given zone
    actor: str
    label: str
    undone: bool
    kind: str | None  # the record to open, when there is one that can still be opened
    record_id: int | None


@dataclass(frozen=True)
class Overview:
    today: date
    upcoming: tuple[UpcomingItem, ...]
    follow_ups: tuple[FollowUp, ...]
    follow_ups_total: int
    anniversaries: tuple[Anniversary, ...]
    evaluations: tuple[EvaluationDue, ...]
    recent: tuple[RecentChange, ...]


# --- the rules --------------------------------------------------------------------------------


def is_round_anniversary(years: int) -> bool:
    """Round: every full decade (10, 20, 30, ...) and the silver and diamond jubilees
    (25, 75, and so every multiple of 25: 125, 175, ...). Five and fifteen are not."""
    return years >= 10 and (years % 10 == 0 or years % 25 == 0)


def add_years(day: date, years: int) -> date:
    """``day`` moved by whole years; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def evaluation_due(
    last_evaluation: date | None,
    next_evaluation: date | None,
    since_year: int | None,
    today: date,
) -> tuple[bool, date | None]:
    """Whether a partnership's five-yearly evaluation falls due by the end of ``today``'s year,
    and on which day (None: it was never evaluated).

    A planned next evaluation wins; otherwise the last one plus five years; a partnership
    never evaluated is due once it is more than five years old.
    """
    end_of_year = date(today.year, 12, 31)
    if next_evaluation is not None:
        return next_evaluation <= end_of_year, next_evaluation
    if last_evaluation is not None:
        due = add_years(last_evaluation, EVALUATION_YEARS)
        return due <= end_of_year, due
    if since_year is None:
        return False, None
    return today.year - since_year > EVALUATION_YEARS, None


# --- the read ---------------------------------------------------------------------------------


def local_zone() -> tzinfo:
    zone = datetime.now().astimezone().tzinfo
    return zone if zone is not None else UTC


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
        follow_ups, total = _follow_ups(session, today, follow_up_days)
        partnerships = _partnerships(session)
        return Overview(
            today=today,
            upcoming=tuple(_upcoming(session, today, days, zone)),
            follow_ups=tuple(follow_ups),
            follow_ups_total=total,
            anniversaries=tuple(_anniversaries(partnerships, today)),
            evaluations=tuple(_evaluations(partnerships, today)),
            recent=tuple(_recent(session, recent, zone)),
        )


def _upcoming(session: Session, today: date, days: int, zone: tzinfo) -> list[UpcomingItem]:
    last_day = today + timedelta(days=days)
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
    delegations = {d.id: d for d in session.scalars(visits)}
    start_at = datetime.combine(today, time(0), zone)
    end_at = datetime.combine(last_day + timedelta(days=1), time(0), zone)
    events = list(
        session.scalars(
            select(Event)
            .where(
                Event.deleted_at.is_(None),
                Event.starts_at < end_at,
                # Still running today (an event without an end lasts its first day).
                or_(Event.starts_at >= start_at, Event.ends_at >= start_at),
            )
            .order_by(Event.starts_at, Event.id)
        )
    )
    partner_ids = {d.partnership_id for d in delegations.values()}
    partner_ids |= {e.partnership_id for e in events}
    partners = _partner_names(session, partner_ids)
    items: list[UpcomingItem] = [_event_item(e, today, zone, partners) for e in events]
    if not delegations:
        return _in_agenda_order(items, start_at)
    times = _member_times(session, set(delegations), zone)

    def add(
        what: str,
        delegation: Delegation,
        day: date,
        starts_at: datetime | None,
        ends_at: datetime | None = None,
        title: str | None = None,
        venue: str | None = None,
    ) -> None:
        items.append(
            UpcomingItem(
                what=what,
                day=day,
                starts_at=starts_at,
                ends_at=ends_at,
                title=title or delegation.title,
                venue=venue,
                delegation_id=delegation.id,
                delegation_title=delegation.title,
                direction=delegation.direction,
                partner=partners.get(delegation.partnership_id),
            )
        )

    for delegation in delegations.values():
        arrivals, departures = times.get(delegation.id, ({}, {}))
        if today <= delegation.start_date <= last_day:
            start = delegation.start_date
            add("arrival", delegation, start, arrivals.get(start))
        if (
            today <= delegation.end_date <= last_day
            and delegation.end_date != delegation.start_date
        ):
            end = delegation.end_date
            add("departure", delegation, end, departures.get(end))
    programme = session.scalars(
        select(ProgrammeItem)
        .where(
            ProgrammeItem.delegation_id.in_(delegations),
            ProgrammeItem.starts_at >= start_at,
            ProgrammeItem.starts_at < end_at,
        )
        .order_by(ProgrammeItem.starts_at, ProgrammeItem.id)
    )
    for item in programme:
        starts = item.starts_at.astimezone(zone)
        ends = item.ends_at.astimezone(zone) if item.ends_at is not None else None
        add(
            "programme",
            delegations[item.delegation_id],
            starts.date(),
            starts,
            ends,
            item.title,
            item.venue,
        )
    return _in_agenda_order(items, start_at)


def _event_item(
    event: Event, today: date, zone: tzinfo, partners: dict[int | None, str]
) -> UpcomingItem:
    starts = event.starts_at.astimezone(zone)
    ends = event.ends_at.astimezone(zone) if event.ends_at is not None else None
    running = starts.date() < today  # began earlier: listed today, all day
    return UpcomingItem(
        what="event",
        day=today if running else starts.date(),
        starts_at=None if running else starts,
        ends_at=None if running else ends,
        title=event.name,
        venue=", ".join(part for part in (event.venue, event.city) if part) or None,
        delegation_id=None,
        delegation_title="",
        direction="",
        partner=partners.get(event.partnership_id),
        event_id=event.id,
        event_kind=event.kind,
    )


def _in_agenda_order(items: list[UpcomingItem], midnight: datetime) -> list[UpcomingItem]:
    order = {"arrival": 0, "event": 1, "programme": 1, "departure": 2}
    # A day reads top to bottom: untimed arrivals first, then by the clock.
    items.sort(
        key=lambda i: (i.day, i.starts_at is not None, i.starts_at or midnight, order[i.what])
    )
    return items


def _member_times(
    session: Session, delegation_ids: set[int], zone: tzinfo
) -> dict[int, tuple[dict[date, datetime], dict[date, datetime]]]:
    """Per delegation, per day: the first member arriving and the first leaving (the first
    transfer the office has to arrange)."""
    rows = session.execute(
        select(
            DelegationMember.delegation_id, DelegationMember.arrival, DelegationMember.departure
        ).where(DelegationMember.delegation_id.in_(delegation_ids))
    )
    times: dict[int, tuple[dict[date, datetime], dict[date, datetime]]] = {}
    for delegation_id, arrival, departure in rows:
        arrivals, departures = times.setdefault(delegation_id, ({}, {}))
        for moment, found in ((arrival, arrivals), (departure, departures)):
            if moment is not None:
                local = moment.astimezone(zone)
                known = found.get(local.date())
                found[local.date()] = local if known is None else min(known, local)
    return times


def _partner_names(session: Session, ids: set[int | None]) -> dict[int | None, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    found = session.scalars(select(Partnership).where(Partnership.id.in_(wanted)))
    return {p.id: partnership_label(p) for p in found}


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
        counterpart = display_name(person) if person is not None else None
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


def _partnerships(session: Session) -> list[tuple[Partnership, PartnerCity]]:
    rows = session.execute(
        select(Partnership, PartnerCity)
        .join(PartnerCity, PartnerCity.id == Partnership.partner_city_id)
        .where(Partnership.deleted_at.is_(None), Partnership.status.not_in(NOT_IN_FORCE))
        .order_by(PartnerCity.sort_name, Partnership.id)
    )
    return [(partnership, city) for partnership, city in rows.tuples()]


def _since_year(partnership: Partnership) -> int | None:
    if partnership.since_date is not None:
        return partnership.since_date.year
    return partnership.since_year


def _anniversaries(
    partnerships: list[tuple[Partnership, PartnerCity]], today: date
) -> list[Anniversary]:
    found = []
    for partnership, city in partnerships:
        since = _since_year(partnership)
        if since is None or not is_round_anniversary(today.year - since):
            continue
        on = None
        if partnership.since_date is not None:
            on = add_years(partnership.since_date, today.year - since)
        found.append(
            Anniversary(
                partnership.id,
                partnership_label(partnership),
                city.name_native,
                today.year - since,
                since,
                on,
            )
        )
    # Those with a day in the order of the calendar, then the rest, the oldest first.
    found.sort(key=lambda a: (a.on is None, a.on or today, -a.years))
    return found


def _evaluations(
    partnerships: list[tuple[Partnership, PartnerCity]], today: date
) -> list[EvaluationDue]:
    found = []
    for partnership, city in partnerships:
        due, on = evaluation_due(
            partnership.last_evaluation,
            partnership.next_evaluation,
            _since_year(partnership),
            today,
        )
        if due:
            found.append(
                EvaluationDue(
                    partnership.id,
                    partnership_label(partnership),
                    city.name_native,
                    on,
                    partnership.last_evaluation,
                    overdue=on is None or on < today,
                )
            )
    # Never evaluated first, then the longest overdue.
    found.sort(key=lambda e: (e.due is not None, e.due or today))
    return found


def _recent(session: Session, limit: int, zone: tzinfo) -> list[RecentChange]:
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
    recent = []
    for operation in operations:
        change = first_change.get(operation.id)
        target = (change.entity, change.entity_id) if change is not None else None
        openable = target is not None and target in alive
        recent.append(
            RecentChange(
                operation_id=operation.id,
                at=operation.at.astimezone(zone),
                actor=operation.actor,
                label=operation.label,
                undone=operation.undone_by_id is not None,
                kind=target[0] if openable and target else None,
                record_id=target[1] if openable and target else None,
            )
        )
    return recent


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
