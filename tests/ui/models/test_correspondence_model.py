"""The register list model: labels, newest first, and overdue follow-ups that stand out."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services.correspondence import CorrespondenceInput, create_correspondence
from crm.services.correspondence_lists import CorrespondenceFilter
from ui.models.correspondence_model import OVERDUE_COLOUR, CorrespondenceModel
from ui.models.id_list_model import VALUE_ROLE

TODAY = date.today()


def register(db: Database, subject: str, days_ago: int, **values: Any) -> int:
    data = CorrespondenceInput(subject=subject, date=TODAY - timedelta(days=days_ago), **values)
    entry_id, _changes = create_correspondence(db, data)
    return entry_id


def loaded_model(qtbot: QtBot, context: Any) -> CorrespondenceModel:
    model = CorrespondenceModel(context)
    # The entries' days count from TODAY: a run across midnight keeps that day as "today".
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filters(replace(model.filters, today=TODAY))
    return model


def cells(
    model: CorrespondenceModel, row: int, role: int = Qt.ItemDataRole.DisplayRole
) -> dict[str, Any]:
    return {c.key: model.index(row, i).data(role) for i, c in enumerate(model.columns)}


def test_model_passes_qt_model_tester(
    qtbot: QtBot, qtmodeltester: Any, context: Any, db: Database
) -> None:
    for days in range(5):
        register(
            db,
            f"Brief {days}",
            days,
            follow_up_date=TODAY - timedelta(days=days) + timedelta(days=2),
        )
    model = loaded_model(qtbot, context)
    assert model.rowCount() == 5
    qtmodeltester.check(model)


def test_newest_first_with_labels(qtbot: QtBot, context: Any, db: Database) -> None:
    older = register(db, "Älterer Brief", 10, channel="fax", direction="outgoing")
    newer = register(db, "Neuerer Anruf", 1, channel="phone", counterpart_text="Hotel")
    model = loaded_model(qtbot, context)
    assert model.ids() == [newer, older]
    first = cells(model, 0)
    assert first["kind"] == "Incoming call"
    assert first["counterpart"] == "Hotel"
    assert first["status"] == "Open"
    assert first["reference"].startswith("IZ-")
    assert cells(model, 1)["kind"] == "Outgoing fax"
    assert model.index(0, [c.key for c in model.columns].index("status")).data(VALUE_ROLE) == "open"


def test_overdue_follow_ups_stand_out_in_words_colour_and_icon(
    qtbot: QtBot, context: Any, db: Database
) -> None:
    overdue = register(db, "Überfällig", 9, follow_up_date=TODAY - timedelta(days=2))
    due = register(db, "Heute fällig", 8, follow_up_date=TODAY)
    done = register(db, "Erledigt", 7, follow_up_date=TODAY - timedelta(days=2), status="done")
    later = register(db, "Später", 6, follow_up_date=TODAY + timedelta(days=5))
    model = loaded_model(qtbot, context)
    column = [c.key for c in model.columns].index("follow_up")

    def at(entry_id: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = model.row_of(entry_id)
        assert row is not None
        return model.index(row, column).data(role)

    assert at(overdue).startswith("Overdue: ")
    assert isinstance(at(overdue, Qt.ItemDataRole.DecorationRole), QIcon)
    colour = at(overdue, Qt.ItemDataRole.ForegroundRole)
    assert isinstance(colour, QColor) and colour.red() > colour.green()
    assert QColor(OVERDUE_COLOUR).red() > 150
    assert at(due) == "Due today"
    assert at(due, Qt.ItemDataRole.ForegroundRole) is not None
    for calm in (done, later):
        assert not at(calm).startswith(("Overdue", "Due"))
        assert at(calm, Qt.ItemDataRole.ForegroundRole) is None
        assert at(calm, Qt.ItemDataRole.DecorationRole) is None


def test_filter_for_overdue(qtbot: QtBot, context: Any, db: Database) -> None:
    overdue = register(db, "Überfällig", 9, follow_up_date=TODAY - timedelta(days=2))
    register(db, "Später", 6, follow_up_date=TODAY + timedelta(days=5))
    model = loaded_model(qtbot, context)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filters(CorrespondenceFilter(state="overdue"))
    assert model.ids() == [overdue]
