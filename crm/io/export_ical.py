"""Delegation visits and programmes as iCalendar (RFC 5545) that Outlook, Thunderbird and
Google Calendar import.

- A delegation's programme: an event per appointment, at its local time with a TZID naming the
  office's IANA zone and a VTIMEZONE describing it (Outlook needs one); where the computer's
  zone has no IANA name, in UTC (``…Z``), which every program reads.
- The office's visits: an all-day event per visit, from its first to its last day.
- Every event has a UID that stays the same from one export to the next (the calendar updates
  it instead of adding it twice), a DTSTAMP, STATUS (tentative while planned, cancelled),
  text escaped and lines folded at 75 octets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import IO

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from crm import __version__
from crm.db.database import Database
from crm.db.models import Delegation, DelegationMember, ProgrammeItem
from crm.i18n import _
from crm.io.export_lines import content_line, escape, stable_uid
from crm.io.export_values import Labels
from crm.io.export_vtimezone import load_zone, vtimezone, zone_name_of_computer
from crm.services.errors import NotFound
from crm.text import join_nonempty

PRODID = f"-//Liaison//Liaison {__version__}//EN"
_STATUS = {"planned": "TENTATIVE", "confirmed": "CONFIRMED", "completed": "CONFIRMED",
           "cancelled": "CANCELLED"}  # fmt: skip


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    summary: str
    starts: datetime | date
    ends: datetime | date | None
    location: str | None = None
    description: str | None = None
    status: str | None = None
    categories: str | None = None


def _stamp(now: datetime | None) -> str:
    return f"{(now or datetime.now(UTC)).astimezone(UTC):%Y%m%dT%H%M%SZ}"


def write_calendar(
    stream: IO[str],
    events: Sequence[CalendarEvent],
    name: str,
    zone: str | None,
    now: datetime | None = None,
) -> int:
    """Write a VCALENDAR of ``events``; times in ``zone`` (an IANA name) or UTC."""
    tz = load_zone(zone)
    timed = [e.starts for e in events if isinstance(e.starts, datetime)]
    lines = [
        "BEGIN:VCALENDAR\r\n",
        "VERSION:2.0\r\n",
        content_line("PRODID", escape(PRODID)),
        "CALSCALE:GREGORIAN\r\n",
        "METHOD:PUBLISH\r\n",
        content_line("X-WR-CALNAME", escape(name)),
    ]
    if tz is not None and zone is not None and timed:
        lines.append(content_line("X-WR-TIMEZONE", zone))
        lines.append(vtimezone(zone, min(timed).date(), max(timed).date()))
    stream.write("".join(lines))
    stamp = _stamp(now)
    for event in events:
        lines = ["BEGIN:VEVENT\r\n", content_line("UID", event.uid), f"DTSTAMP:{stamp}\r\n"]
        lines += _when("DTSTART", event.starts, zone if tz is not None else None)
        if event.ends is not None:
            lines += _when("DTEND", event.ends, zone if tz is not None else None)
        lines.append(content_line("SUMMARY", escape(event.summary)))
        if event.location:
            lines.append(content_line("LOCATION", escape(event.location)))
        if event.description:
            lines.append(content_line("DESCRIPTION", escape(event.description)))
        if event.categories:
            lines.append(content_line("CATEGORIES", escape(event.categories)))
        if event.status:
            lines.append(f"STATUS:{event.status}\r\n")
        lines.append(
            "TRANSP:OPAQUE\r\n" if isinstance(event.starts, datetime) else "TRANSP:TRANSPARENT\r\n"
        )
        lines.append("END:VEVENT\r\n")
        stream.write("".join(lines))
    stream.write("END:VCALENDAR\r\n")
    return len(events)


def _when(name: str, value: datetime | date, zone: str | None) -> list[str]:
    if not isinstance(value, datetime):
        return [f"{name};VALUE=DATE:{value:%Y%m%d}\r\n"]
    if zone is None:
        return [f"{name}:{value.astimezone(UTC):%Y%m%dT%H%M%SZ}\r\n"]
    tz = load_zone(zone)
    return [content_line(name, f"{value.astimezone(tz):%Y%m%dT%H%M%S}", f"TZID={zone}")]


def resolve_zone(zone: str | None) -> str | None:
    """The zone to write times in: the one asked for, else the computer's (None: UTC)."""
    if zone is not None:
        return zone if load_zone(zone) is not None else None
    return zone_name_of_computer()


# --- what the office's records become ---------------------------------------------------


def programme_events(
    db: Database, delegation_id: int, office: str
) -> tuple[str, list[CalendarEvent]]:
    """The calendar name and the appointments of one delegation's programme."""
    labels = Labels()
    with db.read() as session:
        delegation = session.scalar(
            select(Delegation)
            .where(Delegation.id == delegation_id, Delegation.deleted_at.is_(None))
            .options(selectinload(Delegation.programme).selectinload(ProgrammeItem.participants))
        )
        if delegation is None:
            raise NotFound(_("The delegation no longer exists."))
        events = []
        for item in delegation.programme:
            people = ", ".join(
                join_nonempty(p.title, p.given_name, p.family_name) for p in item.participants
            )
            details = [
                labels.of(labels.programme_kinds, item.kind),
                _("Dress code: {code}").format(code=item.dress_code) if item.dress_code else None,
                _("Participants: {names}").format(names=people) if people else None,
                item.notes,
            ]
            events.append(
                CalendarEvent(
                    uid=f"{stable_uid(office, 'programme', item.id)}@liaison",
                    summary=item.title,
                    starts=item.starts_at,
                    ends=item.ends_at if item.ends_at and item.ends_at >= item.starts_at else None,
                    location=item.venue,
                    description="\n".join(d for d in details if d) or None,
                    status=_STATUS.get(delegation.status),
                    categories=delegation.title,
                )
            )
        return delegation.title, events


def visit_events(db: Database, ids: Sequence[int], office: str) -> list[CalendarEvent]:
    """An all-day event per visit, in the order of ``ids``."""
    labels = Labels()
    with db.read() as session:
        found = {
            d.id: d
            for d in session.scalars(
                select(Delegation)
                .where(Delegation.id.in_(list(ids)), Delegation.deleted_at.is_(None))
                .options(selectinload(Delegation.members).selectinload(DelegationMember.person))
            )
        }
        events = []
        for delegation_id in ids:
            d = found.get(delegation_id)
            if d is None:
                continue
            members = [
                join_nonempty(m.person.title, m.person.given_name, m.person.family_name)
                + (f" ({m.function})" if m.function else "")
                for m in d.members
            ]
            details = [
                labels.of(labels.directions, d.direction),
                d.purpose,
                _("Hotel: {hotel}").format(hotel=d.hotel) if d.hotel else None,
                _("Members: {names}").format(names="; ".join(members)) if members else None,
            ]
            events.append(
                CalendarEvent(
                    uid=f"{stable_uid(office, 'delegation', d.id)}@liaison",
                    summary=d.title,
                    starts=d.start_date,
                    ends=d.end_date + timedelta(days=1),  # DTEND of a date is exclusive
                    description="\n".join(x for x in details if x) or None,
                    status=_STATUS.get(d.status),
                    categories=labels.of(labels.directions, d.direction),
                )
            )
        return events
