"""The delegations list: ids filtered and ordered in SQL (upcoming first), rows by the page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import selectinload

from crm.db.database import Database
from crm.db.enums import DelegationStatus
from crm.db.models import (
    Delegation,
    DelegationMember,
    PartnerCity,
    Partnership,
    Person,
    ProgrammeItem,
    programme_participants,
)
from crm.services.lists import _text_filter
from crm.services.people import display_name
from crm.services.programme import Slot
from crm.services.sorting import in_order


@dataclass(frozen=True)
class DelegationFilter:
    text: str = ""
    direction: str | None = None
    status: str | None = None
    partnership_id: int | None = None
    year: int | None = None  # visits on any day of that year


@dataclass(frozen=True)
class DelegationRow:
    id: int
    title: str
    direction: str
    status: str
    start_date: date
    end_date: date
    partnership: str | None
    head: str | None  # the member of rank 1 (or the first in protocol order)
    member_count: int


def _past(today: date) -> ColumnElement[int]:
    return case((Delegation.end_date < today, 1), else_=0)


def _sorts(today: date) -> dict[str, tuple[Any, ...]]:
    past = _past(today)
    return {
        # Visits to come (and under way) soonest first, then the past ones, latest first.
        "upcoming": (
            past,
            case((Delegation.end_date >= today, Delegation.start_date)),
            Delegation.start_date.desc(),
        ),
        "start": (Delegation.start_date,),
        "title": (func.lower(Delegation.title),),
        "partnership": (PartnerCity.sort_name, Delegation.start_date),
        "direction": (Delegation.direction, Delegation.start_date),
        "status": (Delegation.status, Delegation.start_date),
    }


def delegation_ids(
    db: Database,
    filters: DelegationFilter = DelegationFilter(),
    sort: str = "upcoming",
    descending: bool = False,
    limit: int | None = None,
    today: date | None = None,
) -> list[int]:
    statement = (
        select(Delegation.id)
        .outerjoin(Partnership, Partnership.id == Delegation.partnership_id)
        .outerjoin(PartnerCity, PartnerCity.id == Partnership.partner_city_id)
        .where(Delegation.deleted_at.is_(None))
    )
    if filters.direction:
        statement = statement.where(Delegation.direction == filters.direction)
    if filters.status:
        statement = statement.where(Delegation.status == filters.status)
    if filters.partnership_id is not None:
        statement = statement.where(Delegation.partnership_id == filters.partnership_id)
    if filters.year is not None:
        statement = statement.where(
            Delegation.start_date <= date(filters.year, 12, 31),
            Delegation.end_date >= date(filters.year, 1, 1),
        )
    statement = _text_filter(statement, "delegation", Delegation.id, filters.text)
    sorts = _sorts(today or date.today())
    columns = sorts.get(sort, sorts["upcoming"])
    order = [in_order(db, c, descending) for c in columns]
    statement = statement.order_by(*order, Delegation.id.desc() if descending else Delegation.id)
    if limit is not None:
        statement = statement.limit(limit)
    return db.fetch_ids(statement)


def delegation_rows(db: Database, ids: Sequence[int]) -> list[DelegationRow]:
    """Rows for ``ids`` in the same order; ids no longer there (or in the trash) are left out."""
    if not ids:
        return []
    with db.read() as session:
        found = {
            d.id: (d, city, local)
            for d, city, local in session.execute(
                select(Delegation, PartnerCity.name, Partnership.local_party)
                .outerjoin(Partnership, Partnership.id == Delegation.partnership_id)
                .outerjoin(PartnerCity, PartnerCity.id == Partnership.partner_city_id)
                .where(Delegation.id.in_(list(ids)), Delegation.deleted_at.is_(None))
            ).tuples()
        }
        heads: dict[int, str] = {}
        counts: dict[int, int] = {}
        for member, person in session.execute(
            select(DelegationMember, Person)
            .join(Person, Person.id == DelegationMember.person_id)
            .where(DelegationMember.delegation_id.in_(list(found)))
            .order_by(DelegationMember.protocol_rank, DelegationMember.id)
        ).tuples():
            counts[member.delegation_id] = counts.get(member.delegation_id, 0) + 1
            heads.setdefault(member.delegation_id, display_name(person))
        rows = []
        for delegation_id in ids:
            if delegation_id not in found:
                continue
            d, city, local = found[delegation_id]
            partnership = f"{city} – {local}" if city and local else city
            rows.append(
                DelegationRow(
                    id=d.id,
                    title=d.title,
                    direction=d.direction,
                    status=d.status,
                    start_date=d.start_date,
                    end_date=d.end_date,
                    partnership=partnership,
                    head=heads.get(d.id),
                    member_count=counts.get(d.id, 0),
                )
            )
        return rows


def delegation_years(db: Database) -> list[int]:
    """The years with visits, latest first (a visit over New Year counts in both)."""
    with db.read() as session:
        years: set[int] = set()
        for start, end in session.execute(
            select(Delegation.start_date, Delegation.end_date).where(
                Delegation.deleted_at.is_(None)
            )
        ).tuples():
            years.update(range(start.year, end.year + 1))
        return sorted(years, reverse=True)


def delegation_partnerships(db: Database) -> list[tuple[int, str]]:
    """(id, name) of the partnerships that have visits, by city name."""
    with db.read() as session:
        rows = session.execute(
            select(Partnership.id, PartnerCity.name, Partnership.local_party)
            .join(PartnerCity, PartnerCity.id == Partnership.partner_city_id)
            .where(
                Partnership.deleted_at.is_(None),
                Partnership.id.in_(
                    select(Delegation.partnership_id).where(Delegation.deleted_at.is_(None))
                ),
            )
            .order_by(PartnerCity.sort_name, Partnership.id)
        ).tuples()
        return [(pid, f"{name} – {local}" if local else name) for pid, name, local in rows]


def partnership_choices(db: Database, query: str = "", limit: int = 50) -> list[tuple[int, str]]:
    """(id, name) of partnerships for a picker, by city name."""
    statement = (
        select(Partnership.id, PartnerCity.name, Partnership.local_party)
        .join(PartnerCity, PartnerCity.id == Partnership.partner_city_id)
        .where(Partnership.deleted_at.is_(None))
    )
    statement = _text_filter(statement, "partnership", Partnership.id, query)
    with db.read() as session:
        rows = session.execute(statement.order_by(PartnerCity.sort_name).limit(limit)).tuples()
        return [(pid, f"{name} – {local}" if local else name) for pid, name, local in rows]


def bookings_elsewhere(
    db: Database,
    delegation_id: int | None,
    person_ids: Sequence[int],
    first_day: date,
    last_day: date,
) -> list[Slot]:
    """Appointments of other visits (not cancelled, not in the trash) around these days that
    any of ``person_ids`` takes part in: the people we would book twice."""
    if not person_ids:
        return []
    # A day either side: the days are local, the times are stored in UTC.
    start = datetime.combine(first_day - timedelta(days=1), time(0), tzinfo=UTC)
    end = datetime.combine(last_day + timedelta(days=2), time(0), tzinfo=UTC)
    with db.read() as session:
        statement = (
            select(ProgrammeItem)
            .join(Delegation, Delegation.id == ProgrammeItem.delegation_id)
            .where(
                Delegation.deleted_at.is_(None),
                Delegation.status != DelegationStatus.CANCELLED.value,
                ProgrammeItem.starts_at >= start,
                ProgrammeItem.starts_at < end,
                ProgrammeItem.id.in_(
                    select(programme_participants.c.programme_item_id).where(
                        programme_participants.c.person_id.in_(list(person_ids))
                    )
                ),
            )
            .options(selectinload(ProgrammeItem.participants))
        )
        if delegation_id is not None:
            statement = statement.where(Delegation.id != delegation_id)
        return [
            Slot(
                item.starts_at,
                item.ends_at,
                frozenset(p.id for p in item.participants),
                item.title,
            )
            for item in session.scalars(statement)
        ]
