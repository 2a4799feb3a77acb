"""Every record editor ends with the record's History: closed at first (nothing loaded), open on
a click, following the record's changes, and remembered open or closed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services import history
from crm.services.unit import current_actor

WAIT_MS = 5000


def rows(editor: Any) -> list[list[str]]:
    model = editor.history.history.model
    return [
        [str(model.index(r, c).data()) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def open_person(window: Any, wait_idle: Callable[[Any], None], person_id: int) -> Any:
    window.go_to("people")
    wait_idle(window)
    section = window.section("people")
    section.show_record(person_id)
    wait_idle(window)
    return section


def test_edit_a_function_then_see_it_in_the_history(
    qtbot: QtBot,
    sample: Any,
    window: Any,
    wait_idle: Callable[[Any], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    section = open_person(window, wait_idle, sample.person_ids["Koval"])
    editor = section.editor
    group = editor.history
    assert group.isVisible() and not group.is_expanded()
    assert not group.history.isVisible()
    assert group.history.record is None  # closed: nothing is loaded

    qtbot.keyClicks(editor.lines["function"], "Head of International Relations")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert group.history.record is None  # still closed: the save loaded no history

    loaded = []
    real = history.record_history

    def counted(*args: Any) -> Any:
        loaded.append(args[1:])
        return real(*args)

    monkeypatch.setattr(history, "record_history", counted)
    qtbot.mouseClick(group.toggle, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert group.is_expanded() and group.history.isVisible()
    assert loaded == [("person", sample.person_ids["Koval"])]
    keys = group.history.model.keys
    newest = dict(zip(keys, rows(editor)[0], strict=True))
    assert newest["field"] == "Function"
    assert newest["old"] == ""
    assert newest["new"] == "Head of International Relations"
    assert newest["actor"] == current_actor()
    assert newest["at"]
    assert any(row[keys.index("field")] == "Created" for row in rows(editor))
    table = group.history.table
    assert table.isVisible() and table.height() >= table.verticalHeader().length()

    # Open, it follows the record: the next save shows old and new value at once.
    editor.lines["function"].clear()
    qtbot.keyClicks(editor.lines["function"], "Deputy Mayor")
    with qtbot.waitSignal(group.history.model.modelReset, timeout=WAIT_MS):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    newest = dict(zip(keys, rows(editor)[0], strict=True))
    assert (newest["field"], newest["old"], newest["new"]) == (
        "Function",
        "Head of International Relations",
        "Deputy Mayor",
    )


def test_another_record_and_a_new_one(
    qtbot: QtBot, sample: Any, window: Any, wait_idle: Callable[[Any], None]
) -> None:
    section = open_person(window, wait_idle, sample.person_ids["Koval"])
    group = section.editor.history
    group.set_expanded(True)
    wait_idle(window)
    assert group.history.record == ("person", sample.person_ids["Koval"])
    section.show_record(sample.person_ids["Goldfuß"])
    wait_idle(window)
    assert group.history.record == ("person", sample.person_ids["Goldfuß"])
    labels = {row[-1] for row in rows(section.editor)}
    assert "Goldfuß" in labels and "Koval" not in labels

    window.new_action.trigger()  # a record not saved yet has no history
    assert not group.isVisible()
    assert group.history.record is None


def test_the_open_state_is_remembered(
    qtbot: QtBot, sample: Any, db: Database, wait_idle: Callable[[Any], None]
) -> None:
    from ui.main_window import MainWindow

    first = MainWindow()
    qtbot.addWidget(first)
    first.set_database(db)
    section = open_person(first, wait_idle, sample.person_ids["Koval"])
    people = section.editor.history
    people.set_expanded(True)
    wait_idle(first)
    first.go_to("partnerships")
    wait_idle(first)
    assert not first.section("partnerships").editor.history.is_expanded()  # each kind its own
    first.close()

    second = MainWindow()
    qtbot.addWidget(second)
    second.set_database(db)
    section = open_person(second, wait_idle, sample.person_ids["Koval"])
    assert section.editor.history.is_expanded()
    assert section.editor.history.history.record == ("person", sample.person_ids["Koval"])
    second.close()


@pytest.mark.parametrize(
    "key", ["partnerships", "organisations", "people", "delegations", "correspondence"]
)
def test_every_editor_has_the_history(
    window: Any, wait_idle: Callable[[Any], None], key: str
) -> None:
    window.go_to(key)
    wait_idle(window)
    editor = window.section(key).editor
    assert editor.history.toggle.text() == "History"
    assert editor.history.parent() is not None


def test_a_visit_s_status_and_direction_read_as_the_section_names_them() -> None:
    from ui.models.history_model import format_value

    assert format_value("delegation", "status", "planned") == "Planned"
    assert format_value("delegation", "status", "confirmed") == "Confirmed"
    assert format_value("delegation", "direction", "incoming") == "Incoming"
    assert format_value("correspondence", "status", "done") == "Done"
