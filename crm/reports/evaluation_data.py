"""What the evaluation counts per partnership in a period, read in one session: visits and
correspondence either way, the projects running, the gifts given and received.

A visit counts when it begins in the period and is not cancelled; a correspondence entry by
its date; a gift by the day it was given, else by its visit's first day; a project when it is
running or completed and its dates overlap the period (no start date: only a running one; no
end date: still running). Nothing in the trash counts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from crm.db.database import Database
from crm.db.enums import DelegationStatus, Direction, GiftDirection, ProjectStatus
from crm.db.models import Correspondence, Delegation, Gift, Project
from crm.reports.evaluation_rule import Activity
from crm.reports.report_data import PartnerName, Period, partner_names, partnership_of


@dataclass(frozen=True)
class EvaluationLine:
    partner: PartnerName
    activity: Activity
    projects: tuple[str, ...]  # their names, by start


@dataclass(frozen=True)
class EvaluationData:
    since: date
    until: date
    lines: tuple[EvaluationLine, ...]  # by city


Counts = dict[tuple[int, str], int]  # (partnership, direction or kind) -> how many


def _visits(session: Session, period: Period) -> Counts:
    rows = session.execute(
        select(Delegation.partnership_id, Delegation.direction, func.count())
        .where(
            Delegation.partnership_id.is_not(None),
            Delegation.deleted_at.is_(None),
            Delegation.status != DelegationStatus.CANCELLED.value,
            Delegation.start_date.between(period.since, period.until),
        )
        .group_by(Delegation.partnership_id, Delegation.direction)
    ).tuples()
    return {(owner or 0, direction): number for owner, direction, number in rows}


def _letters(session: Session, period: Period) -> Counts:
    owner = partnership_of(Correspondence)
    rows = session.execute(
        select(owner, Correspondence.direction, func.count())
        .outerjoin(Delegation, Delegation.id == Correspondence.delegation_id)
        .where(
            owner.is_not(None),
            Correspondence.deleted_at.is_(None),
            Correspondence.date.between(period.since, period.until),
        )
        .group_by(owner, Correspondence.direction)
    ).tuples()
    return {(owner_id, direction): number for owner_id, direction, number in rows}


def _gifts(session: Session, period: Period) -> Counts:
    owner = partnership_of(Gift)
    day = func.coalesce(Gift.given_on, Delegation.start_date)
    rows = session.execute(
        select(owner, Gift.direction, func.count())
        .outerjoin(Delegation, Delegation.id == Gift.delegation_id)
        .where(
            owner.is_not(None),
            Gift.deleted_at.is_(None),
            day.between(period.since, period.until),
        )
        .group_by(owner, Gift.direction)
    ).tuples()
    return {(owner_id, direction): number for owner_id, direction, number in rows}


def _projects(session: Session, period: Period) -> dict[int, list[str]]:
    running = ProjectStatus.RUNNING.value
    rows = session.execute(
        select(Project.partnership_id, Project.name)
        .where(
            Project.partnership_id.is_not(None),
            Project.deleted_at.is_(None),
            Project.status.in_((running, ProjectStatus.COMPLETED.value)),
            or_(
                Project.start_date <= period.until,
                and_(Project.start_date.is_(None), Project.status == running),
            ),
            or_(Project.end_date.is_(None), Project.end_date >= period.since),
        )
        .order_by(Project.start_date, Project.name, Project.id)
    ).tuples()
    found: dict[int, list[str]] = defaultdict(list)
    for owner, name in rows:
        found[owner or 0].append(name)
    return found


def read_evaluation(db: Database, since: date, until: date) -> EvaluationData:
    period = Period(since, until)
    with db.read() as session:
        names = partner_names(session)
        visits = _visits(session, period)
        letters = _letters(session, period)
        gifts = _gifts(session, period)
        projects = _projects(session, period)
    incoming, outgoing = Direction.INCOMING.value, Direction.OUTGOING.value
    lines = []
    for name in names:
        key = name.id
        activity = Activity(
            visits_in=visits.get((key, incoming), 0),
            visits_out=visits.get((key, outgoing), 0),
            letters_in=letters.get((key, incoming), 0),
            letters_out=letters.get((key, outgoing), 0),
            projects=len(projects.get(key, ())),
            gifts_given=gifts.get((key, GiftDirection.GIVEN.value), 0),
            gifts_received=gifts.get((key, GiftDirection.RECEIVED.value), 0),
        )
        lines.append(EvaluationLine(name, activity, tuple(projects.get(key, ()))))
    return EvaluationData(since, until, tuple(lines))
