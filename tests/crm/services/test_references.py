"""Reference numbers: from the office's scheme, unique and gapless per year, for good."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import text
from test_correspondence_service import register

from crm.db.database import Database
from crm.services.correspondence import CorrespondenceInput, create_correspondence
from crm.services.errors import ValidationError
from crm.services.office import OfficeProfile, save_profile
from crm.services.references import (
    check_scheme,
    format_reference,
    get_scheme,
    save_scheme,
    series,
)


def references(db: Database) -> list[str]:
    rows = db.raw_connection_execute("SELECT reference FROM correspondence ORDER BY id")
    return [str(reference) for (reference,) in rows]


def test_default_scheme_follows_the_office_prefix(db: Database) -> None:
    assert get_scheme(db) == "IZ-{year}-{number:04d}"
    assert format_reference(get_scheme(db), 2026, 42) == "IZ-2026-0042"
    save_profile(db, OfficeProfile(reference_prefix="IR"))
    assert get_scheme(db) == "IR-{year}-{number:04d}"


def test_numbers_are_gapless_per_year_and_start_again_each_year(db: Database) -> None:
    for day in (date(2025, 12, 30), date(2026, 1, 2), date(2025, 12, 31), date(2026, 1, 3)):
        register(db, "Brief", day)
    assert references(db) == ["IZ-2025-0001", "IZ-2026-0001", "IZ-2025-0002", "IZ-2026-0002"]


def test_a_refused_entry_uses_up_no_number(db: Database) -> None:
    register(db, "Erster", date(2026, 2, 1))
    with pytest.raises(ValidationError):
        create_correspondence(db, CorrespondenceInput(subject="", date=date(2026, 2, 2)))
    with pytest.raises(ValidationError):
        create_correspondence(
            db, CorrespondenceInput(subject="Zweiter", date=date(2026, 2, 2), partnership_id=77)
        )
    register(db, "Zweiter", date(2026, 2, 2))
    assert references(db) == ["IZ-2026-0001", "IZ-2026-0002"]


def test_two_workstations_saving_at_once_draw_different_numbers(db_target: str) -> None:
    """Two connections to the same database register at the same moment: no gap, no clash."""
    workers = 2
    per_worker = 15
    start = threading.Barrier(workers)
    failures: list[BaseException] = []

    def work(number: int) -> None:
        database = Database.open(db_target)
        try:
            start.wait()
            for count in range(per_worker):
                register(database, f"Station {number}, Brief {count}", date(2026, 5, 4))
        except BaseException as error:
            failures.append(error)
        finally:
            database.close()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    db = Database.open(db_target)
    try:
        drawn = sorted(references(db))
        assert drawn == [f"IZ-2026-{n:04d}" for n in range(1, workers * per_worker + 1)]
        counter = db.raw_connection_execute(
            "SELECT prefix, year, last_number FROM reference_counters"
        )
        assert counter == [("IZ", 2026, workers * per_worker)]
    finally:
        db.close()


def test_a_chosen_scheme_is_used_and_checked(db: Database) -> None:
    with pytest.raises(ValidationError) as raised:
        save_scheme(db, "IZ-{number:04d}")  # no year: numbers would repeat every year
    assert set(raised.value.errors) == {"reference_scheme"}
    with pytest.raises(ValidationError):
        save_scheme(db, "IZ-{year}-{number:04d}-{name}")
    with pytest.raises(ValidationError):
        save_scheme(db, "IZ-{year")
    with pytest.raises(ValidationError):
        save_scheme(db, "Referat Internationale Zusammenarbeit {year}/{number:06d}")
    changes = save_scheme(db, " {year}/IZ/{number:03d} ")
    assert changes.updated == {"office": {0}}
    register(db, "Brief", date(2026, 7, 1))
    assert references(db) == ["2026/IZ/001"]


def test_a_new_look_of_the_same_series_continues_the_count(db: Database) -> None:
    register(db, "Erster", date(2026, 3, 1))
    save_scheme(db, "IZ/{year}/{number:05d}")
    register(db, "Zweiter", date(2026, 3, 2))
    assert references(db) == ["IZ-2026-0001", "IZ/2026/00002"]
    assert series("IZ-{year}-{number:04d}") == series("IZ/{year}/{number}") == "IZ"


def test_a_number_already_in_use_is_skipped_not_refused(db: Database) -> None:
    first = register(db, "Erster", date(2026, 1, 1))
    # As after a scheme change whose numbers meet an older series: the next one is taken.
    with db.engine.begin() as connection:
        connection.execute(
            text("UPDATE correspondence SET reference = 'IZ-2026-0002' WHERE id = :id"),
            {"id": first},
        )
    register(db, "Zweiter", date(2026, 1, 2))
    assert references(db) == ["IZ-2026-0002", "IZ-2026-0003"]
    assert check_scheme("A{year}-{number}") == "A{year}-{number}"


def test_the_demo_register_is_continued(db_target: str) -> None:
    from crm.demo import build_demo

    db = Database.open(db_target)
    try:
        build_demo(db, "leipzig")
        year = date.today().year
        last = db.raw_connection_execute(
            "SELECT max(reference) FROM correspondence WHERE reference LIKE ?", f"IZ-{year}-%"
        )[0][0]
        entry_id = register(db, "Neu", date(year, 6, 1))
        [(reference,)] = db.raw_connection_execute(
            "SELECT reference FROM correspondence WHERE id = ?", entry_id
        )
        assert int(reference[-4:]) == int(last[-4:]) + 1
    finally:
        db.close()
