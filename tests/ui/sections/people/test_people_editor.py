"""Creating and editing people through the editor, as a user would."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services import lists
from crm.services.people import get_person


def open_people(window: Any, wait_idle: Callable[[Any], None]) -> Any:
    window.go_to("people")
    wait_idle(window)
    return window.section("people")


def phone_cell(section: Any, person_id: int) -> str:
    model = section.model
    row = model.row_of(person_id)
    assert row is not None
    return str(model.index(row, [c.key for c in model.columns].index("phone")).data())


def test_empty_list_says_how_to_start(window: Any, wait_idle: Callable[[Any], None]) -> None:
    section = open_people(window, wait_idle)
    assert section.model.rowCount() == 0
    assert section.empty_text() == "No people yet — create one with Ctrl+N."
    assert section.filter_bar.count.text() == "0 people"
    assert section.editor.currentIndex() == 0  # the placeholder, not an empty form


def test_create_a_person_with_a_phone(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    section = open_people(window, wait_idle)
    window.new_action.trigger()
    editor = section.editor
    assert editor.is_new and editor.title.text() == "New person"
    qtbot.keyClicks(editor.lines["title"], "Dr.")
    qtbot.keyClicks(editor.lines["given_name"], "Gabriele")
    qtbot.keyClicks(editor.lines["family_name"], "Goldfuß")
    qtbot.mouseClick(editor.contacts.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.contacts.rows[0].value, "0341 123-2032")
    window.save_action.trigger()
    wait_idle(window)

    [person_id] = lists.person_ids(db)
    assert get_person(db, person_id).display_name == "Dr. Gabriele Goldfuß"
    assert section.current_id() == person_id
    assert editor.record_id == person_id and not editor.is_new
    assert editor.title.text() == "Dr. Gabriele Goldfuß"
    assert editor.contacts.rows[0].value.text() == "+49 341 1232032"
    assert phone_cell(section, person_id) == "+49 341 1232032"
    assert not editor.is_dirty()
    assert window.undo_action.text() == "&Undo New person: Dr. Gabriele Goldfuß"


def test_edit_a_phone_and_see_it_normalised(
    qtbot: QtBot, sample: Any, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    section = open_people(window, wait_idle)
    person_id = sample.person_ids["Koval"]
    section.show_record(person_id)
    wait_idle(window)
    editor = section.editor
    assert editor.title.text() == "Olena Koval"
    qtbot.mouseClick(editor.contacts.add_button, Qt.MouseButton.LeftButton)
    row = editor.contacts.rows[-1]
    assert row.kind.value() == "phone"
    qtbot.keyClicks(row.value, "0341 123-2032")
    assert editor.save_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(window)

    shown = [r.value.text() for r in editor.contacts.rows]
    assert "+49 341 1232032" in shown
    assert phone_cell(section, person_id) == "+49 341 1232032"
    stored = get_person(db, person_id).contact_points
    assert [p.display for p in stored if p.kind == "phone"] == ["+49 341 1232032"]


def test_saving_other_fields_keeps_the_phone_as_entered(
    qtbot: QtBot, sample: Any, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    section = open_people(window, wait_idle)
    person_id = sample.person_ids["Goldfuß"]
    section.show_record(person_id)
    wait_idle(window)
    qtbot.keyClicks(section.editor.lines["function"], "Referatsleiterin")
    section.save()
    wait_idle(window)
    detail = get_person(db, person_id)
    assert detail.function == "Referatsleiterin"
    assert [p.value for p in detail.contact_points if p.kind == "phone"] == ["0341 123-2020"]


def test_bad_email_is_shown_by_the_field_and_nothing_is_saved(
    qtbot: QtBot, sample: Any, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    section = open_people(window, wait_idle)
    person_id = sample.person_ids["Bērziņa"]
    before = get_person(db, person_id)
    section.show_record(person_id)
    wait_idle(window)
    editor = section.editor
    qtbot.keyClicks(editor.lines["function"], "Head of Bureau")
    qtbot.mouseClick(editor.contacts.add_button, Qt.MouseButton.LeftButton)
    row = editor.contacts.rows[-1]
    row.kind.set_value("email")
    qtbot.keyClicks(row.value, "inese at liepaja")
    window.save_action.trigger()
    wait_idle(window)

    assert not row.error.isHidden()
    assert "is not an email address" in row.error.text()
    assert row.value.property("invalid") is True
    assert row.value.hasFocus()
    assert editor.contacts.rows[0].error.isHidden()  # the good phone is not marked
    assert get_person(db, person_id) == before  # nothing saved
    assert row.value.text() == "inese at liepaja"  # nothing lost from the form
    assert editor.lines["function"].text() == "Head of Bureau"
    assert editor.is_dirty()

    row.value.clear()
    qtbot.keyClicks(row.value, "inese.berzina@liepaja.lv")
    window.save_action.trigger()
    wait_idle(window)
    assert editor.contacts.rows[-1].error.isHidden()
    assert get_person(db, person_id).function == "Head of Bureau"


def test_a_family_name_is_required(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    section = open_people(window, wait_idle)
    section.new_record()
    editor = section.editor
    qtbot.keyClicks(editor.lines["given_name"], "Inese")
    section.save()
    wait_idle(window)
    family = editor.lines["family_name"]
    assert family.property("invalid") is True
    assert family.hasFocus()
    assert lists.person_ids(db) == []
    assert editor.is_new and editor.lines["given_name"].text() == "Inese"


def test_switching_records_with_unsaved_changes_asks(
    qtbot: QtBot,
    sample: Any,
    window: Any,
    wait_idle: Callable[[Any], None],
    db: Database,
    answers: Any,
) -> None:
    section = open_people(window, wait_idle)
    section.show_record(sample.person_ids["Koval"])
    wait_idle(window)
    qtbot.keyClicks(section.editor.lines["function"], "Mayor")
    answers.unsaved = answers.unsaved.SAVE
    section.table.selectRow(section.model.row_of(sample.person_ids["Goldfuß"]))
    wait_idle(window)
    assert answers.kinds() == ["unsaved"]
    assert get_person(db, sample.person_ids["Koval"]).function == "Mayor"
    assert section.editor.record_id == sample.person_ids["Goldfuß"]
