"""A fresh demo has a history: the officers' last few days of work, done through the services."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from crm.db.database import Database
from crm.db.models import Delegation, Person
from crm.demo import OFFICES, build_demo
from crm.demo.recent_work import PLANS, working_days_before
from crm.services.correspondence import get_correspondence
from crm.services.delegations import get_delegation
from crm.services.errors import NotFound
from crm.services.history import (
    actors,
    operation_ids,
    operation_rows,
    record_history,
)
from crm.services.overview import get_overview
from crm.services.trash import last_undoable_label, trash_items


@pytest.fixture(scope="module")
def demos(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Database]]:
    """Each office built once into its own file; the tests below only read them."""
    offices = {}
    for office in OFFICES:
        database = Database.open(tmp_path_factory.mktemp(office) / "office.sqlite")
        build_demo(database, office)
        offices[office] = database
    yield offices
    for database in offices.values():
        database.close()


def test_working_days_skip_the_weekend() -> None:
    monday = date(2026, 12, 7)
    assert working_days_before(monday, 3) == [
        date(2026, 12, 4),
        date(2026, 12, 3),
        date(2026, 12, 2),
    ]
    saturday = date(2026, 12, 5)
    assert working_days_before(saturday, 1) == [date(2026, 12, 4)]


@pytest.mark.parametrize("office", OFFICES)
def test_the_history_lists_the_officers_work(demos: dict[str, Database], office: str) -> None:
    db = demos[office]
    rows = operation_rows(db, operation_ids(db))  # newest first
    plan = PLANS[office]
    assert len(rows) == len(plan) >= 5
    assert [row.actor for row in reversed(rows)] == [step.actor for step in plan]
    assert set(actors(db)) == {step.actor for step in plan}
    moments = [row.at for row in reversed(rows)]
    assert moments == sorted(moments)  # oldest first, as they were made
    now = datetime.now(UTC)
    assert all(now - timedelta(days=8) < moment < now for moment in moments)
    assert len({moment.date() for moment in moments}) >= 3  # spread over several days
    assert all(row.change_count >= 1 and not row.undone for row in rows)
    kinds = {kind for row in rows for kind in row.kinds}
    assert {"delegation", "correspondence"} <= kinds
    # Undo would take back the last of them, like any other operation.
    assert last_undoable_label(db) == rows[0].label


def test_leipzig_history_in_detail(demos: dict[str, Database]) -> None:
    db = demos["leipzig"]
    labels = [(row.actor, row.label) for row in operation_rows(db, operation_ids(db))][::-1]
    assert labels[0] == (
        "k.sommer",
        "Edit delegation: Arbeitsbesuch in Lyon: Stadtentwicklung und Kultur",
    )
    assert labels[1] == ("t.wendler", "Edit person: Taras Melnyk")
    assert labels[2][0] == "t.nguyen" and labels[2][1].startswith("New register entry: IZ-")
    assert [actor for actor, _label in labels[4:6]] == ["j.becker", "j.becker"]
    assert labels[5][1].startswith("Move to trash: IZ-")

    # One record's history: who changed the function, from what to what.
    with db.read() as session:
        melnyk = session.scalar(select(Person.id).where(Person.family_name == "Melnyk"))
        lyon = session.scalar(
            select(Delegation.id).where(Delegation.title.startswith("Arbeitsbesuch in Lyon"))
        )
    assert melnyk is not None and lyon is not None
    (event,) = record_history(db, "person", melnyk)
    assert event.actor == "t.wendler"
    (field,) = event.change.fields
    assert (field.field, field.old, field.new) == (
        "function",
        "Stellvertretender Leiter der Stadtverwaltung Kiew",
        "Erster Stellvertretender Leiter der Stadtverwaltung Kiew",
    )
    assert get_delegation(db, lyon).status == "confirmed"

    # The copy registered twice is in the trash, signed by the officer who put it there.
    (item,) = trash_items(db)
    assert item.entity == "correspondence" and item.deleted_by == "j.becker"
    assert item.label.endswith("Bestätigung des Kulturaustauschs")
    with pytest.raises(NotFound):
        get_correspondence(db, item.entity_id)


def test_the_overview_shows_the_recent_changes(demos: dict[str, Database]) -> None:
    db = demos["leipzig"]
    recent = get_overview(db, date.today()).recent
    assert recent and recent[0].actor == "a.krueger"
    assert {change.actor for change in recent} >= {"k.sommer", "t.wendler", "j.becker"}
