"""The projects list: ids filtered and ordered in SQL (running projects first), rows by the page,
and the choices its filters and pickers offer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select

from crm.db.database import Database
from crm.db.models import Organisation, PartnerCity, Partnership, Project, Theme
from crm.services.lists import _text_filter
from crm.services.sorting import in_order


@dataclass(frozen=True)
class ProjectFilter:
    text: str = ""
    partnership_id: int | None = None
    status: str | None = None
    year: int | None = None  # projects running on any day of that year
    funder_id: int | None = None


@dataclass(frozen=True)
class ProjectRow:
    id: int
    name: str
    partnership: str | None
    theme: str | None
    funder: str | None
    budget: Decimal | None
    currency: str | None
    start_date: date | None
    end_date: date | None
    status: str


def _phase(today: date) -> ColumnElement[int]:
    """0 under way (or undated), 1 still to come, 2 over."""
    return case(
        (Project.end_date < today, 2),
        (Project.start_date > today, 1),
        else_=0,
    )


def _sorts(today: date) -> dict[str, tuple[Any, ...]]:
    phase = _phase(today)
    return {
        # Under way first (the latest started first), then those to come (the soonest first),
        # then those over (the latest ended first).
        "current": (
            phase,
            case((phase == 1, Project.start_date)),
            case((phase == 0, Project.start_date), (phase == 2, Project.end_date)).desc(),
        ),
        "start": (Project.start_date, Project.end_date),
        "end": (Project.end_date, Project.start_date),
        "name": (func.lower(Project.name),),
        "partnership": (PartnerCity.sort_name, func.lower(Project.name)),
        "funder": (Organisation.sort_name, func.lower(Project.name)),
        "budget": (Project.currency, Project.budget),
        "status": (Project.status, Project.start_date),
    }


def project_ids(
    db: Database,
    filters: ProjectFilter = ProjectFilter(),
    sort: str = "current",
    descending: bool = False,
    limit: int | None = None,
    today: date | None = None,
) -> list[int]:
    statement = (
        select(Project.id)
        .outerjoin(Partnership, Partnership.id == Project.partnership_id)
        .outerjoin(PartnerCity, PartnerCity.id == Partnership.partner_city_id)
        .outerjoin(Organisation, Organisation.id == Project.funder_id)
        .where(Project.deleted_at.is_(None))
    )
    if filters.partnership_id is not None:
        statement = statement.where(Project.partnership_id == filters.partnership_id)
    if filters.funder_id is not None:
        statement = statement.where(Project.funder_id == filters.funder_id)
    if filters.status:
        statement = statement.where(Project.status == filters.status)
    if filters.year is not None:
        statement = statement.where(_runs_in(filters.year))
    statement = _text_filter(statement, "project", Project.id, filters.text)
    sorts = _sorts(today or date.today())
    columns = sorts.get(sort, sorts["current"])
    order = [in_order(db, c, descending) for c in columns]
    statement = statement.order_by(*order, Project.id.desc() if descending else Project.id)
    if limit is not None:
        statement = statement.limit(limit)
    return db.fetch_ids(statement)


def _runs_in(year: int) -> ColumnElement[bool]:
    """A project runs in ``year`` when its period touches it; an open end runs on, an unknown
    start is taken as its end (a project without dates runs in no year)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    return and_(
        or_(Project.start_date.is_not(None), Project.end_date.is_not(None)),
        func.coalesce(Project.start_date, Project.end_date) <= last,
        or_(Project.end_date.is_(None), Project.end_date >= first),
    )


def project_rows(db: Database, ids: Sequence[int]) -> list[ProjectRow]:
    """Rows for ``ids`` in the same order; ids no longer there (or in the trash) are left out."""
    if not ids:
        return []
    with db.read() as session:
        found = {
            p.id: (p, city, local, theme, funder)
            for p, city, local, theme, funder in session.execute(
                select(
                    Project,
                    PartnerCity.name,
                    Partnership.local_party,
                    Theme.name,
                    Organisation.name,
                )
                .outerjoin(Partnership, Partnership.id == Project.partnership_id)
                .outerjoin(PartnerCity, PartnerCity.id == Partnership.partner_city_id)
                .outerjoin(Theme, Theme.id == Project.theme_id)
                .outerjoin(Organisation, Organisation.id == Project.funder_id)
                .where(Project.id.in_(list(ids)), Project.deleted_at.is_(None))
            ).tuples()
        }
        rows = []
        for project_id in ids:
            if project_id not in found:
                continue
            p, city, local, theme, funder = found[project_id]
            rows.append(
                ProjectRow(
                    id=p.id,
                    name=p.name,
                    partnership=f"{city} – {local}" if city and local else city,
                    theme=theme,
                    funder=funder,
                    budget=p.budget,
                    currency=p.currency,
                    start_date=p.start_date,
                    end_date=p.end_date,
                    status=p.status,
                )
            )
        return rows


def project_years(db: Database, today: date | None = None) -> list[int]:
    """The years projects run in, latest first (an open end runs until this year)."""
    this_year = (today or date.today()).year
    with db.read() as session:
        years: set[int] = set()
        for start, end in session.execute(
            select(Project.start_date, Project.end_date).where(Project.deleted_at.is_(None))
        ).tuples():
            if start is None and end is None:
                continue
            first = (start or end).year  # type: ignore[union-attr]
            last = end.year if end is not None else max(first, this_year)
            years.update(range(first, last + 1))
        return sorted(years, reverse=True)


def project_partnerships(db: Database) -> list[tuple[int, str]]:
    """(id, name) of the partnerships that have projects, by city name."""
    return _partnerships_with(
        db, select(Project.partnership_id).where(Project.deleted_at.is_(None))
    )


def _partnerships_with(db: Database, used: Any) -> list[tuple[int, str]]:
    with db.read() as session:
        rows = session.execute(
            select(Partnership.id, PartnerCity.name, Partnership.local_party)
            .join(PartnerCity, PartnerCity.id == Partnership.partner_city_id)
            .where(Partnership.deleted_at.is_(None), Partnership.id.in_(used))
            .order_by(PartnerCity.sort_name, Partnership.id)
        ).tuples()
        return [(pid, f"{name} – {local}" if local else name) for pid, name, local in rows]


def project_choices(db: Database, query: str = "", limit: int = 50) -> list[tuple[int, str]]:
    """(id, name) of projects for a picker: running and coming ones first, then by name."""
    statement = select(Project.id, Project.name).where(Project.deleted_at.is_(None))
    statement = _text_filter(statement, "project", Project.id, query)
    with db.read() as session:
        rows = session.execute(
            statement.order_by(
                case((_phase(date.today()) == 2, 1), else_=0), func.lower(Project.name)
            ).limit(limit)
        )
        return [(project_id, name) for project_id, name in rows.tuples()]
