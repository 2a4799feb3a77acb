"""The register's list: filters (open, due, overdue, partnership, year, direction, text),
order newest first, rows for a page, and the query plan that keeps a huge register fast."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from service_helpers import assert_plain
from test_correspondence_service import make_office, register

from crm.db.database import Database
from crm.services import correspondence_lists as cl
from crm.services.correspondence import get_correspondence, update_correspondence
from crm.services.correspondence_lists import CorrespondenceFilter
from crm.services.people import PersonInput, update_person
from crm.services.trash import delete_to_trash

TODAY = date(2026, 3, 10)


def ids(db: Database, **filters: object) -> list[int]:
    return cl.correspondence_ids(db, CorrespondenceFilter(today=TODAY, **filters))  # type: ignore[arg-type]


def test_filters(db: Database) -> None:
    office = make_office(db)
    old = register(db, "Jahresbericht", date(2025, 11, 3), status="done")
    overdue = register(
        db,
        "Einladung",
        date(2026, 2, 1),
        partnership_id=office.kyiv,
        follow_up_date=date(2026, 3, 9),
    )
    due = register(
        db,
        "Programm",
        date(2026, 2, 20),
        direction="outgoing",
        partnership_id=office.herzliya,
        follow_up_date=TODAY,
    )
    later = register(db, "Dankschreiben", date(2026, 3, 1), follow_up_date=date(2026, 4, 1))
    done_late = register(
        db, "Erledigt", date(2026, 3, 2), status="done", follow_up_date=date(2026, 3, 5)
    )
    trashed = register(db, "Papierkorb", date(2026, 3, 3))
    delete_to_trash(db, "correspondence", trashed)

    assert ids(db) == [done_late, later, due, overdue, old]  # newest first, no trash
    assert ids(db, state=cl.OPEN) == [later, due, overdue]
    assert ids(db, state=cl.DUE) == [due, overdue]
    assert ids(db, state=cl.OVERDUE) == [overdue]
    assert ids(db, state=cl.DONE) == [done_late, old]
    assert ids(db, partnership_id=office.kyiv) == [overdue]
    assert ids(db, year=2025) == [old]
    assert ids(db, year=2026, direction="outgoing") == [due]
    assert ids(db, text="einlad") == [overdue]
    assert ids(db, text="IZ-2025") == [old]
    assert ids(db, text="zzz") == []
    assert cl.correspondence_ids(db, CorrespondenceFilter(), "date", False) == [
        old,
        overdue,
        due,
        later,
        done_late,
    ]
    assert cl.correspondence_ids(db, limit=2) == [done_late, later]
    by_follow_up = cl.correspondence_ids(db, sort="follow_up", descending=False)
    assert by_follow_up == [old, done_late, overdue, due, later]  # none first
    assert cl.years(db) == list(range(max(2026, date.today().year), 2024, -1))


def test_rows_show_counterparts_partnerships_and_the_follow_up_state(db: Database) -> None:
    office = make_office(db)
    entry_id = register(
        db,
        "Einladung",
        date(2026, 2, 1),
        counterpart_person_id=office.olena,
        counterpart_organisation_id=office.embassy,
        partnership_id=office.kyiv,
        follow_up_date=date(2026, 3, 9),
    )
    text_only = register(db, "Anruf", date(2026, 2, 2), counterpart_text="Hotel Fürstenhof")
    rows = cl.correspondence_rows(db, [text_only, entry_id, 12345])
    assert [row.id for row in rows] == [text_only, entry_id]
    row = rows[1]
    assert_plain(row)
    assert (row.reference, row.counterpart, row.partnership) == (
        "IZ-2026-0001",
        "Olena Koval, Botschaft der Ukraine",
        "Kiew",
    )
    assert row.follow_up_state(TODAY) == cl.OVERDUE
    assert row.follow_up_state(date(2026, 3, 9)) == cl.DUE
    assert row.follow_up_state(date(2026, 3, 8)) is None
    assert rows[0].counterpart == "Hotel Fürstenhof"
    detail = get_correspondence(db, entry_id)
    update_correspondence(db, entry_id, replace(detail.to_input(), status="done"))
    assert cl.correspondence_rows(db, [entry_id])[0].follow_up_state(TODAY) is None
    update_person(db, office.olena, PersonInput(family_name="Kowal", given_name="Olena"))
    assert cl.correspondence_rows(db, [entry_id])[0].counterpart.startswith("Olena Kowal")


def test_choices_for_the_filter_and_pickers(db: Database) -> None:
    office = make_office(db)
    assert cl.partnership_choices(db) == [(office.herzliya, "Herzliya"), (office.kyiv, "Kiew")]
    assert cl.partnership_choices(db, "kie") == [(office.kyiv, "Kiew")]
    assert cl.delegation_choices(db, "nobody") == []


@pytest.mark.sqlite_only  # SQLite's query plan
def test_the_register_order_needs_no_sort(db: Database) -> None:
    """Newest first comes straight from the partial index: no temporary B-tree."""
    statement = cl.id_statement(db, CorrespondenceFilter(), limit=100)
    sql = str(statement.compile(db.engine, compile_kwargs={"literal_binds": True}))
    plan = " ".join(str(row[-1]) for row in db.raw_connection_execute("EXPLAIN QUERY PLAN " + sql))
    assert "ix_correspondence_list" in plan
    assert "TEMP B-TREE" not in plan
