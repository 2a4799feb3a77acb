"""The Trash section: restore a person moved there from People; delete a partnership for good."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.search.query import search_records
from crm.services import lists
from crm.services.trash import delete_to_trash, trash_items


def click_row(qtbot: QtBot, table: Any, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def names(section: Any) -> list[str]:
    model = section.model
    return [model.index(row, 1).data() for row in range(model.rowCount())]


def open_trash(window: Any, wait_idle: Callable[[Any], None]) -> Any:
    window.go_to("trash")
    wait_idle(window)
    return window.section("trash")


def test_restore_a_person_moved_to_the_trash_from_people(
    qtbot: QtBot, sample: Any, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    person_id = sample.person_ids["Bērziņa"]
    window.go_to("people")
    wait_idle(window)
    people = window.section("people")
    people.show_record(person_id)
    wait_idle(window)
    people.table.setFocus()
    qtbot.keyClick(people.table, Qt.Key.Key_Delete)
    wait_idle(window)
    assert people.model.row_of(person_id) is None

    trash = open_trash(window, wait_idle)
    assert window.sidebar.currentItem().text() == "Trash"
    assert names(trash) == ["Inese Bērziņa"]
    assert trash.model.index(0, 0).data() == "Person"
    assert trash.filter_bar.count.text() == "1 record"
    assert not trash.restore_button.isEnabled()  # nothing chosen yet
    click_row(qtbot, trash.table, 0)
    assert trash.restore_button.isEnabled()
    qtbot.mouseClick(trash.restore_button, Qt.MouseButton.LeftButton)
    wait_idle(window)

    assert names(trash) == []
    assert trash_items(db) == []
    assert "Restored “Inese Bērziņa”" in window.statusBar().currentMessage()
    window.go_to("people")
    wait_idle(window)
    assert people.model.row_of(person_id) is not None
    people.filter_bar.text.setFocus()
    qtbot.keyClicks(people.filter_bar.text, "berz")
    people.filter_bar.flush()
    wait_idle(window)
    assert people.model.ids() == [person_id]


def test_delete_a_partnership_for_good_after_confirming(
    qtbot: QtBot,
    sample: Any,
    window: Any,
    wait_idle: Callable[[Any], None],
    db: Database,
    answers: Any,
) -> None:
    herzliya = sample.partnership_ids["Herzliya"]
    window.go_to("partnerships")
    wait_idle(window)
    partnerships = window.section("partnerships")
    partnerships.show_record(herzliya)
    wait_idle(window)
    partnerships.table.setFocus()
    qtbot.keyClick(partnerships.table, Qt.Key.Key_Delete)
    wait_idle(window)
    delete_to_trash(db, "person", sample.person_ids["Koval"])

    trash = open_trash(window, wait_idle)
    assert names(trash) == ["Olena Koval", "Herzliya"]
    click_row(qtbot, trash.table, 1)
    qtbot.keyClick(trash.table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    wait_idle(window)

    assert answers.asked[-1] == ("purge", "Herzliya")
    assert names(trash) == ["Olena Koval"]  # gone from the trash ...
    assert herzliya not in lists.partnership_ids(db)  # ... from the lists ...
    assert search_records(db, "herzl") == [] and search_records(db, "הרצליה") == []  # ... search
    assert partnerships.model.row_of(herzliya) is None
    assert "Deleted “Herzliya” for good." in window.statusBar().currentMessage()
    assert not window.undo_action.isEnabled()  # it cannot be undone
    assert trash.table.currentIndex().row() == 0  # the next record is ready for the next key


def test_declining_the_confirmation_keeps_the_record(
    qtbot: QtBot,
    sample: Any,
    window: Any,
    wait_idle: Callable[[Any], None],
    db: Database,
    answers: Any,
) -> None:
    answers.purge = False
    delete_to_trash(db, "partnership", sample.partnership_ids["Houston"])
    trash = open_trash(window, wait_idle)
    click_row(qtbot, trash.table, 0)
    qtbot.mouseClick(trash.purge_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert answers.asked == [("purge", "Houston")]
    assert [item.label for item in trash_items(db)] == ["Houston"]
    assert names(trash) == ["Houston"]


def test_restore_several_with_the_keyboard_and_filter(
    qtbot: QtBot, sample: Any, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    for city in ("Kiew", "Nanjing"):
        delete_to_trash(db, "partnership", sample.partnership_ids[city])
    delete_to_trash(db, "person", sample.person_ids["Goldfuß"])
    trash = open_trash(window, wait_idle)
    assert trash.filter_bar.count.text() == "3 records"

    trash.kind.set_value("partnership")
    wait_idle(window)
    assert names(trash) == ["Nanjing", "Kiew"]
    trash.table.setFocus()
    trash.table.selectAll()
    qtbot.keyClick(trash.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    wait_idle(window)
    assert names(trash) == []
    assert trash._empty_text() == "Nothing in the trash matches the filter."
    assert "Restored 2 records" in window.statusBar().currentMessage()
    assert window.undo_action.text() == "&Undo Restore 2 records from trash"

    trash.kind.set_value(None)
    wait_idle(window)
    assert names(trash) == ["Gabriele Goldfuß"]
    qtbot.keyClicks(trash.filter_bar.text, "kiew")
    trash.filter_bar.flush()
    wait_idle(window)
    assert names(trash) == []
