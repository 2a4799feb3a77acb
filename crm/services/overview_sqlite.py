"""The Overview read straight from an SQLite file, for the first screen at start-up.

Importing SQLAlchemy and mapping the models takes about three times as long as showing an
empty window; this reader needs only Python's sqlite3, so the Overview is on screen while the
ORM loads behind it. It reads through a read-only connection (immutable when there is no
-wal), fetches the same facts as crm.services.overview, and lets crm.services.overview_model
work the screen out of them. Anything unexpected (another program's file, an older or newer
schema, damage) gives None: the app then shows the Overview once the database is open.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from crm.db.enums import CorrespondenceStatus, DelegationStatus
from crm.db.revision import HEAD_REVISION
from crm.services.overview_model import (
    FOLLOW_UP_DAYS,
    MAX_FOLLOW_UPS,
    NOT_IN_FORCE,
    OPENABLE_KINDS,
    RECENT_OPERATIONS,
    UPCOMING_DAYS,
    DelegationFacts,
    EventFacts,
    FollowUp,
    OperationFacts,
    Overview,
    PartnershipFacts,
    ProgrammeFacts,
    agenda_window,
    assemble,
    first_member_times,
    local_zone,
    partnership_label,
    person_name,
    upcoming_items,
)

# The tables of the kinds a recent change can open (the models' __tablename__).
_TABLES = {
    "person": "people",
    "organisation": "organisations",
    "partnership": "partnerships",
    "delegation": "delegations",
    "correspondence": "correspondence",
    "project": "projects",
    "event": "events",
}
assert set(_TABLES) == set(OPENABLE_KINDS)


def read_overview(
    path: Path,
    today: date,
    *,
    zone: tzinfo | None = None,
    days: int = UPCOMING_DAYS,
    follow_up_days: int = FOLLOW_UP_DAYS,
    recent: int = RECENT_OPERATIONS,
) -> Overview | None:
    """The Overview of the SQLite database at ``path``; None when it cannot be read here."""
    zone = zone or local_zone()
    if not path.is_file():
        return None
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?{mode}", uri=True)
    except sqlite3.Error:
        return None
    try:
        if _revision(connection) != HEAD_REVISION:
            return None
        connection.execute("BEGIN")  # one snapshot for every query
        return assemble(
            today,
            zone,
            _upcoming(connection, today, days, zone),
            _follow_ups(connection, today, follow_up_days),
            _partnerships(connection),
            _operations(connection, recent),
        )
    except (sqlite3.Error, ValueError, KeyError, TypeError):
        return None
    finally:
        connection.close()


def _revision(connection: sqlite3.Connection) -> str | None:
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


# --- values as SQLAlchemy stores them on SQLite ----------------------------------------------


def _stored_moment(moment: datetime) -> str:
    """A moment as it is compared in SQL: naive UTC text, as the UTCDateTime columns hold it."""
    return moment.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def _moment(value: Any) -> datetime | None:
    if value is None:
        return None
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)


def _day(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(str(value)[:10])


def _rows(connection: sqlite3.Connection, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    return connection.execute(sql, params).fetchall()


def _marks(values: Iterable[object]) -> str:
    return ", ".join("?" for _ in values)


# --- the facts -------------------------------------------------------------------------------


def _upcoming(connection: sqlite3.Connection, today: date, days: int, zone: tzinfo) -> list[Any]:
    last_day, start_at, end_at = agenda_window(today, days, zone)
    delegations = [
        DelegationFacts(row_id, title, direction, _req_day(start), _req_day(end), partnership)
        for row_id, title, direction, start, end, partnership in _rows(
            connection,
            "SELECT id, title, direction, start_date, end_date, partnership_id FROM delegations "
            "WHERE deleted_at IS NULL AND status != ? AND start_date <= ? "
            "AND end_date >= ? ORDER BY start_date, id",
            DelegationStatus.CANCELLED.value,
            last_day.isoformat(),
            today.isoformat(),
        )
    ]
    start_text, end_text = _stored_moment(start_at), _stored_moment(end_at)
    events = [
        EventFacts(row_id, name, kind, _req_moment(starts), _moment(ends), venue, city, partnership)
        for row_id, name, kind, starts, ends, venue, city, partnership in _rows(
            connection,
            "SELECT id, name, kind, starts_at, ends_at, venue, city, partnership_id FROM events "
            "WHERE deleted_at IS NULL AND starts_at < ? AND (starts_at >= ? OR ends_at >= ?) "
            "ORDER BY starts_at, id",
            end_text,
            start_text,
            start_text,
        )
    ]
    partner_ids = {d.partnership_id for d in delegations} | {e.partnership_id for e in events}
    partners = _partner_names(connection, {i for i in partner_ids if i is not None})
    ids = [d.id for d in delegations]
    programme: list[ProgrammeFacts] = []
    times = {}
    if ids:
        times = first_member_times(
            (
                (delegation_id, _moment(arrival), _moment(departure))
                for delegation_id, arrival, departure in _rows(
                    connection,
                    "SELECT delegation_id, arrival, departure FROM delegation_members "
                    f"WHERE delegation_id IN ({_marks(ids)})",
                    *ids,
                )
            ),
            zone,
        )
        programme = [
            ProgrammeFacts(delegation_id, _req_moment(starts), _moment(ends), title, venue)
            for delegation_id, starts, ends, title, venue in _rows(
                connection,
                "SELECT delegation_id, starts_at, ends_at, title, venue FROM programme_items "
                f"WHERE delegation_id IN ({_marks(ids)}) AND starts_at >= ? AND starts_at < ? "
                "ORDER BY starts_at, id",
                *ids,
                start_text,
                end_text,
            )
        ]
    return upcoming_items(today, days, zone, delegations, events, programme, times, partners)


def _req_day(value: Any) -> date:
    day = _day(value)
    if day is None:
        raise ValueError("a required date is missing")
    return day


def _req_moment(value: Any) -> datetime:
    moment = _moment(value)
    if moment is None:
        raise ValueError("a required time is missing")
    return moment


def _partner_names(connection: sqlite3.Connection, ids: set[int]) -> dict[int | None, str]:
    if not ids:
        return {}
    rows = _rows(
        connection,
        "SELECT p.id, c.name, p.local_party FROM partnerships AS p "
        "JOIN partner_cities AS c ON c.id = p.partner_city_id "
        f"WHERE p.id IN ({_marks(ids)})",
        *sorted(ids),
    )
    return {row_id: partnership_label(name, party) for row_id, name, party in rows}


def _follow_ups(
    connection: sqlite3.Connection, today: date, within: int
) -> tuple[list[FollowUp], int]:
    condition = "c.deleted_at IS NULL AND c.status != ? AND c.follow_up_date <= ?"
    done = CorrespondenceStatus.DONE.value
    last = (today + timedelta(days=within)).isoformat()
    total = _rows(
        connection, f"SELECT count(*) FROM correspondence AS c WHERE {condition}", done, last
    )
    rows = _rows(
        connection,
        "SELECT c.id, c.reference, c.subject, c.follow_up_date, c.status, c.direction, "
        "c.counterpart_text, p.id, p.title, p.given_name, p.family_name, o.name "
        "FROM correspondence AS c "
        "LEFT JOIN people AS p ON p.id = c.counterpart_person_id "
        "LEFT JOIN organisations AS o ON o.id = c.counterpart_organisation_id "
        f"WHERE {condition} ORDER BY c.follow_up_date, c.id LIMIT ?",
        done,
        last,
        MAX_FOLLOW_UPS,
    )
    follow_ups = []
    for row in rows:
        (row_id, reference, subject, follow_up, status, direction, text) = row[:7]
        person_id, title, given, family, organisation = row[7:]
        day = _req_day(follow_up)
        counterpart = person_name(title, given, family) if person_id is not None else None
        follow_ups.append(
            FollowUp(
                correspondence_id=row_id,
                reference=reference,
                subject=subject,
                follow_up_date=day,
                days_late=(today - day).days,
                status=status,
                direction=direction,
                counterpart=counterpart or organisation or text,
            )
        )
    return follow_ups, int(total[0][0]) if total else 0


def _partnerships(connection: sqlite3.Connection) -> list[PartnershipFacts]:
    rows = _rows(
        connection,
        "SELECT p.id, c.name, p.local_party, c.name_native, p.since_date, p.since_year, "
        "p.last_evaluation, p.next_evaluation FROM partnerships AS p "
        "JOIN partner_cities AS c ON c.id = p.partner_city_id "
        f"WHERE p.deleted_at IS NULL AND p.status NOT IN ({_marks(NOT_IN_FORCE)}) "
        "ORDER BY c.sort_name, p.id",
        *NOT_IN_FORCE,
    )
    return [
        PartnershipFacts(
            row_id,
            partnership_label(name, party),
            native,
            _day(since_date),
            since_year,
            _day(last),
            _day(following),
        )
        for row_id, name, party, native, since_date, since_year, last, following in rows
    ]


def _operations(connection: sqlite3.Connection, limit: int) -> list[OperationFacts]:
    if limit <= 0:
        return []
    operations = _rows(
        connection,
        "SELECT id, at, actor, label, undone_by_id FROM operations "
        "ORDER BY at DESC, id DESC LIMIT ?",
        limit,
    )
    if not operations:
        return []
    ids = [row[0] for row in operations]
    first_change: dict[int, tuple[str, int]] = {}
    for operation_id, entity, entity_id in _rows(
        connection,
        "SELECT operation_id, entity, entity_id FROM changes "
        f"WHERE operation_id IN ({_marks(ids)}) ORDER BY id DESC",
        *ids,
    ):
        first_change[operation_id] = (entity, entity_id)  # the last one kept is the first
    alive = _alive(connection, [c for c in first_change.values() if c[0] in _TABLES])
    found = []
    for row_id, at, actor, label, undone_by in operations:
        target = first_change.get(row_id)
        found.append(
            OperationFacts(
                row_id,
                _req_moment(at),
                actor,
                label,
                undone_by is not None,
                target if target is not None and target in alive else None,
            )
        )
    return found


def _alive(connection: sqlite3.Connection, targets: list[tuple[str, int]]) -> set[tuple[str, int]]:
    """The records named by ``targets`` that exist and are not in the trash."""
    wanted: dict[str, set[int]] = {}
    for kind, record_id in targets:
        wanted.setdefault(kind, set()).add(record_id)
    alive: set[tuple[str, int]] = set()
    for kind, ids in wanted.items():
        rows = _rows(
            connection,
            f"SELECT id FROM {_TABLES[kind]} "  # a table name of our own
            f"WHERE id IN ({_marks(ids)}) AND deleted_at IS NULL",
            *sorted(ids),
        )
        alive.update((kind, row[0]) for row in rows)
    return alive
