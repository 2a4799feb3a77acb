"""The events list: ids filtered and ordered in SQL (upcoming first), rows by the page, and the
choices its filters offer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import ColumnElement, case, func, select

from crm.db.database import Database
from crm.db.models import Event, Organisation, PartnerCity, Partnership, Project
from crm.services.lists import _text_filter
from crm.services.project_lists import _partnerships_with
from crm.services.sorting import in_order


@dataclass(frozen=True)
class EventFilter:
    text: str = ""
    kind: str | None = None
    partnership_id: int | None = None
    project_id: int | None = None
    year: int | None = None  # events on any day of that year (local calendar)


@dataclass(frozen=True)
class EventRow:
    id: int
    name: str
    kind: str
    starts_at: datetime
    ends_at: datetime | None
    venue: str | None
    city: str | None
    country: str | None
    partnership: str | None
    project: str | None
    organiser: str | None


def _day_start(day: date) -> datetime:
    """The start of a local calendar day, in UTC as stored."""
    return datetime.combine(day, time.min).astimezone().astimezone(UTC)


def _last_moment() -> ColumnElement[Any]:
    return func.coalesce(Event.ends_at, Event.starts_at)


def _sorts(now: datetime) -> dict[str, tuple[Any, ...]]:
    over = case((_last_moment() < now, 1), else_=0)
    return {
        # Events to come (and under way) soonest first, then the past ones, latest first.
        "upcoming": (over, case((_last_moment() >= now, Event.starts_at)), Event.starts_at.desc()),
        "start": (Event.starts_at,),
        "name": (func.lower(Event.name),),
        "kind": (Event.kind, Event.starts_at),
        "place": (func.lower(Event.city), Event.country, Event.starts_at),
        "partnership": (PartnerCity.sort_name, Event.starts_at),
        "organiser": (Organisation.sort_name, Event.starts_at),
    }


def event_ids(
    db: Database,
    filters: EventFilter = EventFilter(),
    sort: str = "upcoming",
    descending: bool = False,
    limit: int | None = None,
    now: datetime | None = None,
) -> list[int]:
    statement = (
        select(Event.id)
        .outerjoin(Partnership, Partnership.id == Event.partnership_id)
        .outerjoin(PartnerCity, PartnerCity.id == Partnership.partner_city_id)
        .outerjoin(Organisation, Organisation.id == Event.organiser_id)
        .where(Event.deleted_at.is_(None))
    )
    if filters.kind:
        statement = statement.where(Event.kind == filters.kind)
    if filters.partnership_id is not None:
        statement = statement.where(Event.partnership_id == filters.partnership_id)
    if filters.project_id is not None:
        statement = statement.where(Event.project_id == filters.project_id)
    if filters.year is not None:
        statement = statement.where(
            Event.starts_at < _day_start(date(filters.year + 1, 1, 1)),
            _last_moment() >= _day_start(date(filters.year, 1, 1)),
        )
    statement = _text_filter(statement, "event", Event.id, filters.text)
    sorts = _sorts(now or datetime.now(UTC))
    columns = sorts.get(sort, sorts["upcoming"])
    order = [in_order(db, c, descending) for c in columns]
    statement = statement.order_by(*order, Event.id.desc() if descending else Event.id)
    if limit is not None:
        statement = statement.limit(limit)
    return db.fetch_ids(statement)


def event_rows(db: Database, ids: Sequence[int]) -> list[EventRow]:
    """Rows for ``ids`` in the same order; ids no longer there (or in the trash) are left out."""
    if not ids:
        return []
    with db.read() as session:
        found = {
            e.id: (e, city, local, project, organiser)
            for e, city, local, project, organiser in session.execute(
                select(
                    Event,
                    PartnerCity.name,
                    Partnership.local_party,
                    Project.name,
                    Organisation.name,
                )
                .outerjoin(Partnership, Partnership.id == Event.partnership_id)
                .outerjoin(PartnerCity, PartnerCity.id == Partnership.partner_city_id)
                .outerjoin(Project, Project.id == Event.project_id)
                .outerjoin(Organisation, Organisation.id == Event.organiser_id)
                .where(Event.id.in_(list(ids)), Event.deleted_at.is_(None))
            ).tuples()
        }
        rows = []
        for event_id in ids:
            if event_id not in found:
                continue
            e, city, local, project, organiser = found[event_id]
            rows.append(
                EventRow(
                    id=e.id,
                    name=e.name,
                    kind=e.kind,
                    starts_at=e.starts_at,
                    ends_at=e.ends_at,
                    venue=e.venue,
                    city=e.city,
                    country=e.country,
                    partnership=f"{city} – {local}" if city and local else city,
                    project=project,
                    organiser=organiser,
                )
            )
        return rows


def event_years(db: Database) -> list[int]:
    """The years with events, latest first, this year always among them (two index look-ups,
    not a scan)."""
    with db.read() as session:
        live = Event.deleted_at.is_(None)
        first = session.scalar(select(func.min(Event.starts_at)).where(live))
        last = session.scalar(select(func.max(_last_moment())).where(live))
    this_year = date.today().year
    if first is None or last is None:
        return [this_year]
    # Stored naive in UTC: read back as UTC, then as the local calendar has them.
    oldest = first.replace(tzinfo=UTC).astimezone().year
    newest = max(last.replace(tzinfo=UTC).astimezone().year, this_year)
    return list(range(newest, min(oldest, this_year) - 1, -1))


def event_partnerships(db: Database) -> list[tuple[int, str]]:
    """(id, name) of the partnerships that have events, by city name."""
    return _partnerships_with(db, select(Event.partnership_id).where(Event.deleted_at.is_(None)))
