"""The retention rule: people with no activity for N years, the office's N kept in the file."""

from __future__ import annotations

from datetime import date

import pytest

from crm.db.database import Database
from crm.gdpr.retention import (
    DEFAULT_YEARS,
    cutoff,
    get_years,
    inactive_people,
    save_years,
)
from crm.services import people, trash
from crm.services.errors import ValidationError

TODAY = date(2026, 12, 5)


def _person(db: Database, family: str) -> int:
    person_id, _changes = people.create_person(db, people.PersonInput(family_name=family))
    return person_id


def _age(db: Database, person_id: int, when: str) -> None:
    with db.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE people SET created_at = ?, updated_at = ? WHERE id = ?",
            (when, when, person_id),
        )
        connection.exec_driver_sql(
            "UPDATE operations SET at = ? WHERE id IN "
            "(SELECT operation_id FROM changes WHERE entity = 'person' AND entity_id = ?)",
            (when, person_id),
        )


def test_quiet_people_are_listed_longest_quiet_first(db: Database) -> None:
    old = _person(db, "Altmann")
    older = _person(db, "Uralt")
    recent = _person(db, "Neumann")
    _age(db, old, "2020-05-01 10:00:00.000000")
    _age(db, older, "2015-01-01 10:00:00.000000")
    _age(db, recent, "2024-01-01 10:00:00.000000")
    rows = inactive_people(db, 5, today=TODAY)
    assert [(r.id, r.last_activity, r.activity) for r in rows] == [
        (older, date(2015, 1, 1), "record"),
        (old, date(2020, 5, 1), "record"),
    ]
    assert [r.id for r in inactive_people(db, 10, today=TODAY)] == [older]


def test_correspondence_and_visits_count_as_activity(office: Database) -> None:
    # Everyone of the demo was created today; make them all quiet since 2010 on record.
    with office.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE people SET created_at = '2010-01-01', updated_at = '2010-01-01'"
        )
        connection.exec_driver_sql("UPDATE operations SET at = '2010-01-01'")
    today = date(2040, 1, 1)
    rows = {row.id: row for row in inactive_people(office, 5, today=today)}
    (melnyk,) = people.find_person_ids_by_name(office, "Melnyk")
    assert rows[melnyk].activity in ("correspondence", "delegation", "gift", "programme")
    assert rows[melnyk].last_activity.year >= 2026
    # Seen through 2040's eyes with a 20-year rule, the demo's visits keep them off the list.
    assert melnyk not in {row.id for row in inactive_people(office, 20, today=today)}


def test_people_in_the_trash_are_not_listed(db: Database) -> None:
    person = _person(db, "Weg")
    _age(db, person, "2001-01-01 00:00:00.000000")
    trash.delete_to_trash(db, "person", person)
    # Moving to the trash is itself activity in the history; the trash is left out anyway.
    assert inactive_people(db, 1, today=TODAY) == []


def test_the_office_keeps_its_rule(db: Database) -> None:
    assert get_years(db) == DEFAULT_YEARS
    save_years(db, 7)
    assert get_years(db) == 7
    for bad in (0, 101, True):
        with pytest.raises(ValidationError):
            save_years(db, bad)
    with pytest.raises(ValidationError):
        inactive_people(db, 0)


def test_the_cutoff_is_the_same_day_years_before() -> None:
    assert cutoff(date(2026, 12, 5), 5) == date(2021, 12, 5)
    assert cutoff(date(2024, 2, 29), 1) == date(2023, 2, 28)
