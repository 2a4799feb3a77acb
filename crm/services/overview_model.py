"""The Overview's content and rules, apart from how it is read.

Two readers fill it: crm.services.overview through the ORM (always), and
crm.services.overview_sqlite straight from an SQLite file for the first screen at start-up,
before SQLAlchemy has loaded. They only fetch facts; everything the Overview shows is worked
out here, once, so both give the same screen (a test compares them on the demo offices).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from crm.db.enums import PartnershipStatus
from crm.text import join_nonempty

UPCOMING_DAYS = 14  # today and the fourteen days after it
FOLLOW_UP_DAYS = 3  # follow-ups due within this many days count as due now
RECENT_OPERATIONS = 8
MAX_FOLLOW_UPS = 200  # an office with a long backlog still gets a quick first screen
EVALUATION_YEARS = 5
# Partnerships nobody celebrates or evaluates while they are on hold or over.
NOT_IN_FORCE = (PartnershipStatus.ENDED.value, PartnershipStatus.SUSPENDED.value)
# The kinds of record a recent change can open.
OPENABLE_KINDS = (
    "person",
    "organisation",
    "partnership",
    "delegation",
    "correspondence",
    "project",
    "event",
)


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


# --- the facts a reader fetches ---------------------------------------------------------------


@dataclass(frozen=True)
class DelegationFacts:
    id: int
    title: str
    direction: str
    start_date: date
    end_date: date
    partnership_id: int | None


@dataclass(frozen=True)
class EventFacts:
    id: int
    name: str
    kind: str
    starts_at: datetime  # aware
    ends_at: datetime | None
    venue: str | None
    city: str | None
    partnership_id: int | None


@dataclass(frozen=True)
class ProgrammeFacts:
    delegation_id: int
    starts_at: datetime  # aware
    ends_at: datetime | None
    title: str
    venue: str | None


@dataclass(frozen=True)
class PartnershipFacts:
    """A partnership in force, in the order of its partner city's sort name."""

    id: int
    label: str
    name_native: str | None
    since_date: date | None
    since_year: int | None
    last_evaluation: date | None
    next_evaluation: date | None


@dataclass(frozen=True)
class OperationFacts:
    id: int
    at: datetime  # aware
    actor: str
    label: str
    undone: bool
    target: tuple[str, int] | None  # its first change's record, when that can be opened


def partnership_label(city_name: str, local_party: str | None) -> str:
    return f"{city_name} – {local_party}" if local_party else city_name


def person_name(title: str | None, given_name: str | None, family_name: str | None) -> str:
    return join_nonempty(title, given_name, family_name) or "?"


def local_zone() -> tzinfo:
    zone = datetime.now().astimezone().tzinfo
    return zone if zone is not None else UTC


def agenda_window(today: date, days: int, zone: tzinfo) -> tuple[date, datetime, datetime]:
    """The agenda's last day, and its start and end as moments in ``zone``."""
    last_day = today + timedelta(days=days)
    start_at = datetime.combine(today, time(0), zone)
    end_at = datetime.combine(last_day + timedelta(days=1), time(0), zone)
    return last_day, start_at, end_at


# --- working it out ---------------------------------------------------------------------------


def first_member_times(
    rows: Iterable[tuple[int, datetime | None, datetime | None]], zone: tzinfo
) -> dict[int, tuple[dict[date, datetime], dict[date, datetime]]]:
    """Per delegation, per day: the first member arriving and the first leaving (the first
    transfer the office has to arrange), from (delegation id, arrival, departure) rows."""
    times: dict[int, tuple[dict[date, datetime], dict[date, datetime]]] = {}
    for delegation_id, arrival, departure in rows:
        arrivals, departures = times.setdefault(delegation_id, ({}, {}))
        for moment, found in ((arrival, arrivals), (departure, departures)):
            if moment is not None:
                local = moment.astimezone(zone)
                known = found.get(local.date())
                found[local.date()] = local if known is None else min(known, local)
    return times


def upcoming_items(
    today: date,
    days: int,
    zone: tzinfo,
    delegations: list[DelegationFacts],
    events: list[EventFacts],
    programme: list[ProgrammeFacts],
    member_times: dict[int, tuple[dict[date, datetime], dict[date, datetime]]],
    partners: dict[int | None, str],
) -> list[UpcomingItem]:
    """The agenda: visits arriving and leaving, programme items and events, by day and clock.

    ``delegations`` (not cancelled, overlapping the window) and ``events`` in their order of
    start; ``programme``: the delegations' items starting in the window, by start.
    """
    last_day, start_at, _end_at = agenda_window(today, days, zone)
    items: list[UpcomingItem] = [_event_item(e, today, zone, partners) for e in events]
    by_id = {d.id: d for d in delegations}

    def add(
        what: str,
        delegation: DelegationFacts,
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

    for delegation in delegations:
        arrivals, departures = member_times.get(delegation.id, ({}, {}))
        if today <= delegation.start_date <= last_day:
            start = delegation.start_date
            add("arrival", delegation, start, arrivals.get(start))
        if (
            today <= delegation.end_date <= last_day
            and delegation.end_date != delegation.start_date
        ):
            end = delegation.end_date
            add("departure", delegation, end, departures.get(end))
    for item in programme:
        starts = item.starts_at.astimezone(zone)
        ends = item.ends_at.astimezone(zone) if item.ends_at is not None else None
        add(
            "programme",
            by_id[item.delegation_id],
            starts.date(),
            starts,
            ends,
            item.title,
            item.venue,
        )
    order = {"arrival": 0, "event": 1, "programme": 1, "departure": 2}
    # A day reads top to bottom: untimed arrivals first, then by the clock.
    items.sort(
        key=lambda i: (i.day, i.starts_at is not None, i.starts_at or start_at, order[i.what])
    )
    return items


def _event_item(
    event: EventFacts, today: date, zone: tzinfo, partners: dict[int | None, str]
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


def _since_year(partnership: PartnershipFacts) -> int | None:
    if partnership.since_date is not None:
        return partnership.since_date.year
    return partnership.since_year


def anniversaries(partnerships: list[PartnershipFacts], today: date) -> list[Anniversary]:
    found = []
    for partnership in partnerships:
        since = _since_year(partnership)
        if since is None or not is_round_anniversary(today.year - since):
            continue
        on = None
        if partnership.since_date is not None:
            on = add_years(partnership.since_date, today.year - since)
        found.append(
            Anniversary(
                partnership.id,
                partnership.label,
                partnership.name_native,
                today.year - since,
                since,
                on,
            )
        )
    # Those with a day in the order of the calendar, then the rest, the oldest first.
    found.sort(key=lambda a: (a.on is None, a.on or today, -a.years))
    return found


def evaluations(partnerships: list[PartnershipFacts], today: date) -> list[EvaluationDue]:
    found = []
    for partnership in partnerships:
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
                    partnership.label,
                    partnership.name_native,
                    on,
                    partnership.last_evaluation,
                    overdue=on is None or on < today,
                )
            )
    # Never evaluated first, then the longest overdue.
    found.sort(key=lambda e: (e.due is not None, e.due or today))
    return found


def assemble(
    today: date,
    zone: tzinfo,
    upcoming: list[UpcomingItem],
    follow_ups: tuple[list[FollowUp], int],
    partnerships: list[PartnershipFacts],
    operations: list[OperationFacts],
) -> Overview:
    """The Overview of ``today`` from what a reader fetched (follow-ups: the first ones and
    how many there are in all)."""
    return Overview(
        today=today,
        upcoming=tuple(upcoming),
        follow_ups=tuple(follow_ups[0]),
        follow_ups_total=follow_ups[1],
        anniversaries=tuple(anniversaries(partnerships, today)),
        evaluations=tuple(evaluations(partnerships, today)),
        recent=tuple(recent_changes(operations, zone)),
    )


def recent_changes(operations: list[OperationFacts], zone: tzinfo) -> list[RecentChange]:
    return [
        RecentChange(
            operation_id=operation.id,
            at=operation.at.astimezone(zone),
            actor=operation.actor,
            label=operation.label,
            undone=operation.undone,
            kind=operation.target[0] if operation.target else None,
            record_id=operation.target[1] if operation.target else None,
        )
        for operation in operations
    ]
