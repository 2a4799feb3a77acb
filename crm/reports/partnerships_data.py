"""What the partnership overview prints, read in one session as plain data: every partnership
with its city, kind, since when, rating and themes, its last visit and its last
correspondence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm.db.database import Database
from crm.db.enums import DelegationStatus
from crm.db.models import Correspondence, Delegation, Partnership, Theme, partnership_themes
from crm.reports.report_data import PartnerName, partner_names, partnership_of


@dataclass(frozen=True)
class VisitMark:
    """A visit, either way."""

    title: str
    direction: str
    start_date: date
    end_date: date


@dataclass(frozen=True)
class LetterMark:
    """A correspondence entry."""

    reference: str
    day: date
    direction: str
    channel: str
    subject: str


@dataclass(frozen=True)
class PartnershipLine:
    partner: PartnerName
    since_year: int | None
    since_date: date | None
    themes: tuple[str, ...]
    last_visit: VisitMark | None
    last_letter: LetterMark | None


@dataclass(frozen=True)
class OverviewData:
    today: date
    lines: tuple[PartnershipLine, ...]  # by city


def _last_visits(session: Session, today: date) -> dict[int, VisitMark]:
    """Each partnership's last visit that has begun by ``today`` (not cancelled, not in the
    trash), either way."""
    rank = func.row_number().over(
        partition_by=Delegation.partnership_id,
        order_by=(Delegation.start_date.desc(), Delegation.id.desc()),
    )
    ranked = (
        select(
            Delegation.partnership_id,
            Delegation.title,
            Delegation.direction,
            Delegation.start_date,
            Delegation.end_date,
            rank.label("rank"),
        )
        .where(
            Delegation.partnership_id.is_not(None),
            Delegation.deleted_at.is_(None),
            Delegation.status != DelegationStatus.CANCELLED.value,
            Delegation.start_date <= today,
        )
        .subquery()
    )
    rows = session.execute(select(ranked).where(ranked.c.rank == 1)).all()
    return {
        row.partnership_id: VisitMark(row.title, row.direction, row.start_date, row.end_date)
        for row in rows
    }


def _last_letters(session: Session) -> dict[int, LetterMark]:
    """Each partnership's newest correspondence entry (not in the trash), its own or its
    delegations'."""
    owner = partnership_of(Correspondence)
    rank = func.row_number().over(
        partition_by=owner, order_by=(Correspondence.date.desc(), Correspondence.id.desc())
    )
    ranked = (
        select(
            owner.label("partnership_id"),
            Correspondence.reference,
            Correspondence.date,
            Correspondence.direction,
            Correspondence.channel,
            Correspondence.subject,
            rank.label("rank"),
        )
        .outerjoin(Delegation, Delegation.id == Correspondence.delegation_id)
        .where(Correspondence.deleted_at.is_(None), owner.is_not(None))
        .subquery()
    )
    rows = session.execute(select(ranked).where(ranked.c.rank == 1)).all()
    return {
        row.partnership_id: LetterMark(
            row.reference, row.date, row.direction, row.channel, row.subject
        )
        for row in rows
    }


def _themes(session: Session) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    rows = session.execute(
        select(partnership_themes.c.partnership_id, Theme.name)
        .join(Theme, Theme.id == partnership_themes.c.theme_id)
        .order_by(Theme.name)
    ).tuples()
    for partnership_id, name in rows:
        found.setdefault(partnership_id, []).append(name)
    return found


def read_overview(db: Database, today: date) -> OverviewData:
    with db.read() as session:
        names = partner_names(session)
        since = {
            row.id: (row.since_year, row.since_date)
            for row in session.execute(
                select(Partnership.id, Partnership.since_year, Partnership.since_date)
            )
        }
        themes = _themes(session)
        visits = _last_visits(session, today)
        letters = _last_letters(session)
    return OverviewData(
        today=today,
        lines=tuple(
            PartnershipLine(
                partner=name,
                since_year=since[name.id][0],
                since_date=since[name.id][1],
                themes=tuple(themes.get(name.id, ())),
                last_visit=visits.get(name.id),
                last_letter=letters.get(name.id),
            )
            for name in names
        ),
    )
