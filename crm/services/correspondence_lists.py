"""The register's list: entry ids filtered and sorted in SQL, and the rows for a page of them.

Newest first is the register's own order: the partial index on (date, id) of the entries not
in the trash gives it without a sort, so the first page of a register of a million entries
comes back in milliseconds (see crm.services.lists for the pattern).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select

from crm.db.database import Database
from crm.db.enums import CorrespondenceStatus
from crm.db.models import (
    Attachment,
    Correspondence,
    Delegation,
    Organisation,
    PartnerCity,
    Partnership,
    Person,
)
from crm.search.query import matching_correspondence_ids, matching_record_ids
from crm.services.people import display_name
from crm.services.sorting import in_order

OPEN = "open"  # not done (open or waiting)
DUE = "due"  # not done, follow-up today or earlier
OVERDUE = "overdue"  # not done, follow-up before today
DONE = "done"
STATES = (OPEN, DUE, OVERDUE, DONE)


@dataclass(frozen=True)
class CorrespondenceFilter:
    text: str = ""
    state: str | None = None  # one of STATES
    partnership_id: int | None = None
    year: int | None = None
    direction: str | None = None
    today: date | None = None  # for tests; the real today otherwise


SORTS: dict[str, tuple[Any, ...]] = {
    "date": (Correspondence.date,),
    "reference": (Correspondence.reference,),
    "subject": (Correspondence.subject,),
    "follow_up": (Correspondence.follow_up_date,),
    "status": (Correspondence.status, Correspondence.date),
    "direction": (Correspondence.direction, Correspondence.date),
    "channel": (Correspondence.channel, Correspondence.date),
}


@dataclass(frozen=True)
class CorrespondenceRow:
    id: int
    reference: str
    date: dt.date
    direction: str
    channel: str
    subject: str
    counterpart: str
    partnership: str | None
    follow_up_date: dt.date | None
    status: str
    attachments: int

    def follow_up_state(self, today: dt.date | None = None) -> str | None:
        """ "overdue", "due" (today) or None: what the list makes stand out."""
        if self.follow_up_date is None or self.status == CorrespondenceStatus.DONE.value:
            return None
        today = today or date.today()
        if self.follow_up_date < today:
            return OVERDUE
        return DUE if self.follow_up_date == today else None

    @property
    def name(self) -> str:
        """What a question about the entry calls it ("Move … to the trash?")."""
        return f"{self.reference} {self.subject}"


def _day(db: Database, value: date) -> Any:
    # fetch_ids hands parameters to the driver untouched: SQLite keeps dates as ISO text (and
    # its driver's date adapter is deprecated), a server takes the date itself.
    return value.isoformat() if db.is_sqlite else value


def _state_filter(db: Database, state: str | None, today: date) -> ColumnElement[bool] | None:
    not_done = Correspondence.status != CorrespondenceStatus.DONE.value
    if state == OPEN:
        return not_done
    if state == DONE:
        return Correspondence.status == CorrespondenceStatus.DONE.value
    if state == DUE:
        due: ColumnElement[bool] = Correspondence.follow_up_date <= _day(db, today)
        return not_done & due
    if state == OVERDUE:
        late: ColumnElement[bool] = Correspondence.follow_up_date < _day(db, today)
        return not_done & late
    return None


def _text_filter(db: Database, statement: Select[tuple[int]], query: str) -> Select[tuple[int]]:
    matching = matching_correspondence_ids(query)
    if matching is None:
        return statement
    return statement.where(Correspondence.id.in_(matching))


def correspondence_ids(
    db: Database,
    filters: CorrespondenceFilter = CorrespondenceFilter(),
    sort: str = "date",
    descending: bool = True,
    limit: int | None = None,
) -> list[int]:
    return db.fetch_ids(id_statement(db, filters, sort, descending, limit))


def id_statement(
    db: Database,
    filters: CorrespondenceFilter,
    sort: str = "date",
    descending: bool = True,
    limit: int | None = None,
) -> Select[tuple[int]]:
    """The id query of the list (also for looking at its plan)."""
    statement = select(Correspondence.id).where(Correspondence.deleted_at.is_(None))
    today = filters.today or date.today()
    condition = _state_filter(db, filters.state, today)
    if condition is not None:
        statement = statement.where(condition)
    if filters.partnership_id is not None:
        statement = statement.where(Correspondence.partnership_id == filters.partnership_id)
    if filters.year is not None:
        start, end = date(filters.year, 1, 1), date(filters.year + 1, 1, 1)
        statement = statement.where(
            Correspondence.date >= _day(db, start), Correspondence.date < _day(db, end)
        )
    if filters.direction:
        statement = statement.where(Correspondence.direction == filters.direction)
    statement = _text_filter(db, statement, filters.text)
    columns = SORTS.get(sort, SORTS["date"])
    order = [in_order(db, c, descending) for c in columns]
    tie = Correspondence.id.desc() if descending else Correspondence.id.asc()
    statement = statement.order_by(*order, tie)
    if limit is not None:
        statement = statement.limit(limit)
    return statement


def correspondence_rows(db: Database, ids: Sequence[int]) -> list[CorrespondenceRow]:
    """Rows for ``ids`` in the same order; ids no longer there (or in the trash) are left out."""
    if not ids:
        return []
    with db.read() as session:
        entries = {
            c.id: c
            for c in session.scalars(
                select(Correspondence).where(
                    Correspondence.id.in_(list(ids)), Correspondence.deleted_at.is_(None)
                )
            )
        }
        values = list(entries.values())
        person_ids = {c.counterpart_person_id for c in values if c.counterpart_person_id}
        people = {
            p.id: display_name(p)
            for p in session.scalars(select(Person).where(Person.id.in_(person_ids)))
        }
        org_ids = {c.counterpart_organisation_id for c in values if c.counterpart_organisation_id}
        organisations = {
            org_id: name
            for org_id, name in session.execute(
                select(Organisation.id, Organisation.name).where(Organisation.id.in_(org_ids))
            ).tuples()
        }
        partnership_ids = {c.partnership_id for c in values if c.partnership_id}
        partnerships = _partnership_names(session, partnership_ids)
        attachment_counts = {
            entry_id: count
            for entry_id, count in session.execute(
                select(Attachment.correspondence_id, func.count())
                .where(Attachment.correspondence_id.in_(list(entries)))
                .group_by(Attachment.correspondence_id)
            ).tuples()
        }
        rows = []
        for entry_id in ids:
            c = entries.get(entry_id)
            if c is None:
                continue
            names = [
                people.get(c.counterpart_person_id or 0),
                organisations.get(c.counterpart_organisation_id or 0),
            ]
            shown = [name for name in names if name] or [c.counterpart_text or ""]
            rows.append(
                CorrespondenceRow(
                    id=c.id,
                    reference=c.reference,
                    date=c.date,
                    direction=c.direction,
                    channel=c.channel,
                    subject=c.subject,
                    counterpart=", ".join(shown),
                    partnership=partnerships.get(c.partnership_id or 0),
                    follow_up_date=c.follow_up_date,
                    status=c.status,
                    attachments=attachment_counts.get(c.id, 0),
                )
            )
        return rows


def _partnership_names(session: Any, ids: set[int]) -> dict[int, str]:
    found = session.execute(
        select(Partnership.id, PartnerCity.name, Partnership.local_party)
        .join(PartnerCity, PartnerCity.id == Partnership.partner_city_id)
        .where(Partnership.id.in_(ids))
    ).tuples()
    return {pid: f"{city} – {local}" if local else city for pid, city, local in found}


# --- choices for the filters and the editor's pickers ---------------------------------------


def years(db: Database) -> list[int]:
    """The years the register spans, newest first (two index look-ups, not a scan)."""
    with db.read() as session:
        live = Correspondence.deleted_at.is_(None)
        first = session.scalar(select(func.min(Correspondence.date)).where(live))
        last = session.scalar(select(func.max(Correspondence.date)).where(live))
    if first is None or last is None:
        return [date.today().year]
    newest = max(last.year, date.today().year)
    return list(range(newest, first.year - 1, -1))


def partnership_choices(db: Database, query: str = "", limit: int = 500) -> list[tuple[int, str]]:
    """(id, name) of partnerships, by partner city, for a picker or the filter."""
    statement = (
        select(Partnership.id, PartnerCity.name, Partnership.local_party)
        .join(PartnerCity, PartnerCity.id == Partnership.partner_city_id)
        .where(Partnership.deleted_at.is_(None))
    )
    matching = matching_record_ids("partnership", query)
    if matching is not None:
        statement = statement.where(Partnership.id.in_(matching))
    with db.read() as session:
        rows = session.execute(statement.order_by(PartnerCity.sort_name).limit(limit)).tuples()
        return [(pid, f"{city} – {local}" if local else city) for pid, city, local in rows]


def delegation_choices(db: Database, query: str = "", limit: int = 50) -> list[tuple[int, str]]:
    """(id, title with dates) of delegations, newest first, for a picker."""
    statement = select(Delegation.id, Delegation.title, Delegation.start_date).where(
        Delegation.deleted_at.is_(None)
    )
    for word in query.split():
        statement = statement.where(Delegation.title.ilike(f"%{word}%"))
    with db.read() as session:
        rows = session.execute(statement.order_by(Delegation.start_date.desc()).limit(limit))
        return [(did, f"{title} ({start.year})") for did, title, start in rows.tuples()]
