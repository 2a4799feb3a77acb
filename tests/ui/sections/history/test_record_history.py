"""The reusable widget with one record's history, kept up to date as the record changes."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services.people import get_person, update_person
from crm.services.trash import delete_to_trash
from ui.widgets.record_history import RecordHistory


def rows(widget: RecordHistory) -> list[list[str]]:
    model = widget.model
    return [
        [model.index(r, c).data() for c in range(2, model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_shows_every_change_of_one_record_newest_first(
    qtbot: QtBot, qtmodeltester: Any, context: Any, sample: Any, db: Database
) -> None:
    person_id = sample.person_ids["Koval"]
    widget = RecordHistory(context)
    qtbot.addWidget(widget)
    widget.show()
    qtmodeltester.check(widget.model)
    assert widget.empty.isVisible() and not widget.table.isVisible()
    with qtbot.waitSignal(widget.model.modelReset, timeout=5000):
        widget.set_record("person", person_id)
    assert rows(widget)[0] == ["Created", "", ""]
    assert ["Family name", "", "Koval"] in rows(widget)
    assert widget.table.isVisible() and not widget.empty.isVisible()
    assert widget.model.index(0, 1).data()  # who

    person = get_person(db, person_id)
    with qtbot.waitSignal(widget.model.modelReset, timeout=5000):
        context.announce(update_person(db, person_id, replace(person.to_input(), function="Mayor")))
    assert rows(widget)[0] == ["Function", "", "Mayor"]
    with qtbot.waitSignal(widget.model.modelReset, timeout=5000):
        context.announce(delete_to_trash(db, "person", person_id))
    assert rows(widget)[0] == ["Moved to the trash", "", ""]

    widget.clear()
    assert widget.model.rowCount() == 0 and widget.empty.isVisible()
