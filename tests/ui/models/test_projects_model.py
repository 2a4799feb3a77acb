"""The Projects and Events list models: rows, cells, filters and refresh after a change."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services.event_lists import EventFilter
from crm.services.events import EventInput, create_event
from crm.services.project_lists import ProjectFilter
from crm.services.projects import ProjectInput, create_project, get_project, update_project
from ui.models.events_model import EventsModel, when_text
from ui.models.projects_model import ProjectsModel


def cells(model: Any, row: int) -> list[str]:
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_projects_model(
    qtbot: QtBot, qtmodeltester: Any, context: Any, sample: Any, db: Database
) -> None:
    kiew = sample.partnership_ids["Kiew"]
    project_id, _c = create_project(
        db,
        ProjectInput(
            name="Nachhaltige Stadtentwicklung Kiew",
            partnership_id=kiew,
            funder_id=sample.organisation_id,
            theme="Stadtentwicklung",
            budget=Decimal("248000"),
            currency="EUR",
            start_date=date(2025, 1, 1),
            end_date=date(2030, 12, 31),
            status="running",
        ),
    )
    create_project(db, ProjectInput(name="Internationales Haus", start_date=date(2031, 1, 1)))
    model = ProjectsModel(context)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert cells(model, 0) == [
        "2025-01-01 – 2030-12-31",
        "Nachhaltige Stadtentwicklung Kiew",
        "Kiew",
        "€248,000.00",
        "Running",
        "Stadt Leipzig, Referat Internationale Zusammenarbeit",
        "Stadtentwicklung",
    ]
    assert cells(model, 1)[:2] == ["from 2031-01-01", "Internationales Haus"]
    assert cells(model, 1)[3:5] == ["", "Planned"]
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filters(ProjectFilter(status="planned"))
    assert model.rowCount() == 1

    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filters(ProjectFilter())
    data = get_project(db, project_id).to_input()
    data.budget, data.currency = Decimal("1500000"), "UAH"
    with qtbot.waitSignal(model.loaded, timeout=5000):
        context.announce(update_project(db, project_id, data))
    row = model.row_of(project_id) or 0
    assert model.index(row, 3).data() == "UAH\u00a01,500,000.00"
    qtmodeltester.check(model)


def test_events_model(
    qtbot: QtBot, qtmodeltester: Any, context: Any, sample: Any, db: Database
) -> None:
    create_event(
        db,
        EventInput(
            name="65 Jahre Leipzig–Kiew",
            kind="anniversary",
            starts_at=datetime(2031, 12, 23, 17, tzinfo=UTC),
            ends_at=datetime(2031, 12, 23, 20, tzinfo=UTC),
            venue="Neues Rathaus",
            city="Leipzig",
            country="DE",
            partnership_id=sample.partnership_ids["Kiew"],
            organiser_id=sample.organisation_id,
        ),
    )
    create_event(
        db,
        EventInput(
            name="EUROCITIES",
            kind="network_meeting",
            starts_at=datetime(2020, 6, 28, 7, tzinfo=UTC),
            ends_at=datetime(2020, 6, 30, 11, tzinfo=UTC),
            country="BE",
        ),
    )
    model = EventsModel(context)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    qtmodeltester.check(model)
    start = datetime(2031, 12, 23, 17, tzinfo=UTC)
    assert cells(model, 0) == [
        when_text(start, datetime(2031, 12, 23, 20, tzinfo=UTC)),
        "65 Jahre Leipzig–Kiew",
        "Anniversary",
        "Neues Rathaus, Leipzig",
        "Kiew",
        "Stadt Leipzig, Referat Internationale Zusammenarbeit",
    ]
    assert cells(model, 1)[:4] == [
        "2020-06-28 – 2020-06-30",
        "EUROCITIES",
        "Network meeting",
        "Belgium",
    ]
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filters(EventFilter(kind="network_meeting"))
    assert model.rowCount() == 1
    qtmodeltester.check(model)


def test_when_shows_the_local_times_of_a_day() -> None:
    start = datetime(2031, 12, 23, 18, 0).astimezone()
    assert when_text(start, start.replace(hour=21)) == "2031-12-23 18:00–21:00"
    assert when_text(start, None) == "2031-12-23 18:00"
    assert when_text(start.replace(hour=0), None) == "2031-12-23"  # a whole day
