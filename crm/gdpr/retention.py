"""The retention rule: people with no activity for N years, listed for the office to review.

A person's last activity is the latest of: their record created or changed, a register entry
with or about them, a delegation they travelled with or hosted (its last day), a programme
appointment they took part in, a gift they gave or received, an entry in their history. Planned
visits count with their dates, so a person expected next year is not listed. N is the office's
(kept in the database beside the office profile), five years unless the office chose otherwise.
The people in the trash are not listed: they are on their way out already.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm.db.database import Database
from crm.db.models import (
    Change,
    Correspondence,
    Delegation,
    DelegationMember,
    Gift,
    OfficeSetting,
    Operation,
    Person,
    ProgrammeItem,
    correspondence_people,
    programme_participants,
)
from crm.i18n import _
from crm.services.access import require_administrator
from crm.services.errors import ValidationError
from crm.services.unit import ChangeSet, write

SETTING_KEY = "gdpr_retention_years"
DEFAULT_YEARS = 5
MIN_YEARS = 1
MAX_YEARS = 100
CHUNK = 900

RECORD = "record"
CORRESPONDENCE = "correspondence"
DELEGATION = "delegation"
PROGRAMME = "programme"
GIFT = "gift"
HISTORY = "history"


def activity_kinds() -> dict[str, str]:
    """What the last activity was, as the review list says it."""
    return {
        RECORD: _("Record created or changed"),
        CORRESPONDENCE: _("Correspondence"),
        DELEGATION: _("Delegation"),
        PROGRAMME: _("Programme appointment"),
        GIFT: _("Gift"),
        HISTORY: _("History entry"),
    }


@dataclass(frozen=True)
class InactivePerson:
    id: int
    name: str
    function: str | None
    last_activity: date
    activity: str  # one of the kinds above


# --- the office's rule ------------------------------------------------------------------------


def load_years(session: Session) -> int:
    value = session.scalar(select(OfficeSetting.value).where(OfficeSetting.key == SETTING_KEY))
    try:
        years = json.loads(value) if value is not None else DEFAULT_YEARS
    except ValueError:
        return DEFAULT_YEARS
    if isinstance(years, int) and not isinstance(years, bool) and MIN_YEARS <= years <= MAX_YEARS:
        return years
    return DEFAULT_YEARS


def get_years(db: Database) -> int:
    with db.read() as session:
        return load_years(session)


def check_years(years: object) -> int:
    if (
        not isinstance(years, int)
        or isinstance(years, bool)
        or not (MIN_YEARS <= years <= MAX_YEARS)
    ):
        raise ValidationError(
            {
                "years": _("The retention period is {low} to {high} years, not {value}.").format(
                    low=MIN_YEARS, high=MAX_YEARS, value=years
                )
            }
        )
    return years


def save_years(db: Database, years: int) -> ChangeSet:
    require_administrator(db)  # an office setting
    years = check_years(years)
    with write(db, _("Retention rule: {count} years").format(count=years)) as unit:
        setting = unit.session.get(OfficeSetting, SETTING_KEY)
        if setting is None:
            unit.session.add(OfficeSetting(key=SETTING_KEY, value=json.dumps(years)))
        else:
            setting.value = json.dumps(years)
        unit.changes.updated.setdefault("office", set()).add(0)
        return unit.changes


# --- who has been quiet -----------------------------------------------------------------------


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _sources(session: Session) -> Iterable[tuple[str, Any]]:
    """(kind, rows of (person id, latest moment)) for every kind of activity."""
    yield RECORD, session.execute(select(Person.id, Person.updated_at))
    yield (
        CORRESPONDENCE,
        session.execute(
            select(Correspondence.counterpart_person_id, func.max(Correspondence.date))
            .where(Correspondence.counterpart_person_id.is_not(None))
            .group_by(Correspondence.counterpart_person_id)
        ),
    )
    yield (
        CORRESPONDENCE,
        session.execute(
            select(correspondence_people.c.person_id, func.max(Correspondence.date))
            .join(Correspondence, Correspondence.id == correspondence_people.c.correspondence_id)
            .group_by(correspondence_people.c.person_id)
        ),
    )
    yield (
        DELEGATION,
        session.execute(
            select(DelegationMember.person_id, func.max(Delegation.end_date))
            .join(Delegation, Delegation.id == DelegationMember.delegation_id)
            .group_by(DelegationMember.person_id)
        ),
    )
    yield (
        DELEGATION,
        session.execute(
            select(Delegation.host_person_id, func.max(Delegation.end_date))
            .where(Delegation.host_person_id.is_not(None))
            .group_by(Delegation.host_person_id)
        ),
    )
    yield (
        PROGRAMME,
        session.execute(
            select(programme_participants.c.person_id, func.max(ProgrammeItem.starts_at))
            .join(ProgrammeItem, ProgrammeItem.id == programme_participants.c.programme_item_id)
            .group_by(programme_participants.c.person_id)
        ),
    )
    for column in (Gift.from_person_id, Gift.to_person_id):
        yield (
            GIFT,
            session.execute(
                select(column, func.max(Gift.given_on)).where(column.is_not(None)).group_by(column)
            ),
        )
    yield (
        HISTORY,
        session.execute(
            select(Change.entity_id, func.max(Operation.at))
            .join(Operation, Operation.id == Change.operation_id)
            .where(Change.entity == "person")
            .group_by(Change.entity_id)
        ),
    )


def last_activities(session: Session) -> dict[int, tuple[date, str]]:
    """Every person's last activity and its kind."""
    latest: dict[int, tuple[date, str]] = {}
    for kind, rows in _sources(session):
        for person_id, moment in rows:
            day = _day(moment)
            if person_id is None or day is None:
                continue
            known = latest.get(int(person_id))
            if known is None or day > known[0]:
                latest[int(person_id)] = (day, kind)
    return latest


def cutoff(today: date, years: int) -> date:
    """The same day ``years`` years before (28 February for a 29 February)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def inactive_people(
    db: Database, years: int | None = None, today: date | None = None
) -> list[InactivePerson]:
    """The people (not in the trash) with no activity since ``years`` years before ``today``,
    the longest quiet first. ``years`` None: the office's rule."""
    from crm.services.people import display_name

    today = today or date.today()
    with db.read() as session:
        years = check_years(years) if years is not None else load_years(session)
        limit = cutoff(today, years)
        latest = last_activities(session)
        quiet = [pid for pid, (day, _kind) in latest.items() if day < limit]
        people: dict[int, Person] = {}
        for start in range(0, len(quiet), CHUNK):  # within every database's parameter limit
            chunk = quiet[start : start + CHUNK]
            people.update(
                (p.id, p)
                for p in session.scalars(
                    select(Person).where(Person.id.in_(chunk), Person.deleted_at.is_(None))
                )
            )
        found = [
            InactivePerson(
                id=pid,
                name=display_name(person),
                function=person.function,
                last_activity=latest[pid][0],
                activity=latest[pid][1],
            )
            for pid, person in people.items()
        ]
    return sorted(found, key=lambda row: (row.last_activity, row.name.casefold(), row.id))
