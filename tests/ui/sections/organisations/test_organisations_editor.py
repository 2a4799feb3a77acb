"""Creating and editing organisations through the section, as a user would."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services import organisation_lists
from crm.services.organisations import OrganisationInput, create_organisation, get_organisation


def open_organisations(window: Any, wait_idle: Callable[[Any], None]) -> Any:
    window.go_to("organisations")
    wait_idle(window)
    return window.section("organisations")


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key; unlike qtbot.keyClicks it takes letters beyond Latin-1."""
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(widget, event)


def cell(section: Any, organisation_id: int, key: str) -> str:
    model = section.model
    row = model.row_of(organisation_id)
    assert row is not None
    return str(model.index(row, [c.key for c in model.columns].index(key)).data())


def test_the_section_is_in_the_sidebar_and_starts_empty(
    window: Any, wait_idle: Callable[[Any], None]
) -> None:
    section = open_organisations(window, wait_idle)
    assert window.current_key == "organisations"
    assert section.model.rowCount() == 0
    assert section.empty_text() == "No organisations yet — create one with Ctrl+N."
    assert section.filter_bar.count.text() == "0 organisations"
    assert section.editor.currentIndex() == 0  # the placeholder, not an empty form


def test_create_an_organisation_with_a_phone(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    section = open_organisations(window, wait_idle)
    window.new_action.trigger()
    editor = section.editor
    assert editor.is_new and editor.title.text() == "New organisation"
    assert editor.lines["name"].hasFocus()
    type_text(editor.lines["name"], "Liepājas pilsētas dome")
    qtbot.keyClicks(editor.lines["name_latin"], "Liepaja City Council")
    editor.kind_choice.set_value("city_administration")
    type_text(editor.lines["city"], "Liepāja")
    editor.country.set_value("LV")
    qtbot.mouseClick(editor.contacts.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.contacts.rows[0].value, "+371 6 34 04789")
    window.save_action.trigger()
    wait_idle(window)

    [organisation_id] = organisation_lists.organisation_ids(db)
    detail = get_organisation(db, organisation_id)
    assert (detail.name, detail.name_latin, detail.kind) == (
        "Liepājas pilsētas dome",
        "Liepaja City Council",
        "city_administration",
    )
    assert (detail.city, detail.country) == ("Liepāja", "LV")
    assert section.current_id() == organisation_id
    assert editor.record_id == organisation_id and not editor.is_new
    assert editor.title.text() == "Liepājas pilsētas dome"
    assert editor.subtitle.text() == (
        "Liepaja City Council · City administration · Liepāja, Latvia"
    )
    assert editor.contacts.rows[0].value.text() == "+371 63 404 789"
    assert cell(section, organisation_id, "phone") == "+371 63 404 789"
    assert cell(section, organisation_id, "country") == "Latvia"
    assert not editor.is_dirty()
    assert window.undo_action.text() == "&Undo New organisation: Liepājas pilsētas dome"
    assert section.filter_bar.count.text() == "1 organisation"


def test_a_name_is_required(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    section = open_organisations(window, wait_idle)
    section.new_record()
    editor = section.editor
    qtbot.keyClicks(editor.lines["city"], "Riga")
    section.save()
    wait_idle(window)
    name = editor.lines["name"]
    assert name.property("invalid") is True
    assert name.hasFocus()
    assert organisation_lists.organisation_ids(db) == []
    assert editor.is_new and editor.lines["city"].text() == "Riga"


def test_edit_the_kind_and_see_it_in_the_list(
    qtbot: QtBot, sample: Any, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    section = open_organisations(window, wait_idle)
    organisation_id = sample.organisation_id
    section.show_record(organisation_id)
    wait_idle(window)
    editor = section.editor
    assert editor.kind_choice.value() == "other"
    assert not editor.save_button.isEnabled()
    editor.kind_choice.set_value("city_administration")
    qtbot.keyClicks(editor.lines["short_name"], "Referat IZ")
    assert editor.save_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    detail = get_organisation(db, organisation_id)
    assert (detail.kind, detail.short_name) == ("city_administration", "Referat IZ")
    assert cell(section, organisation_id, "kind") == "City administration"
    assert not editor.is_dirty()


def test_filters_by_text_kind_and_country(
    qtbot: QtBot, sample: Any, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    for data in (
        OrganisationInput("Union of Baltic Cities", kind="network", country="PL"),
        OrganisationInput("Liepājas pilsētas dome", kind="city_administration", country="LV"),
        OrganisationInput("Urząd Miasta Krakowa", kind="city_administration", country="PL"),
    ):
        create_organisation(db, data)
    section = open_organisations(window, wait_idle)
    assert section.model.rowCount() == 4
    # The country filter offers the countries the organisations are in.
    countries = [section.country.itemText(i) for i in range(section.country.count())]
    assert countries == ["All countries", "Latvia", "Poland"]

    def names() -> list[str]:
        return [row.name for row in (section.model.row_data(r) for r in range(4)) if row]

    section.kind.set_value("city_administration")
    wait_idle(window)
    assert names() == ["Liepājas pilsētas dome", "Urząd Miasta Krakowa"]
    section.country.set_value("PL")
    wait_idle(window)
    assert names() == ["Urząd Miasta Krakowa"]
    assert section.filter_bar.count.text() == "1 organisation"
    section.kind.set_value(None)
    section.country.set_value(None)
    qtbot.keyClicks(section.filter_bar.text, "liepaja")
    qtbot.keyClick(section.filter_bar.text, Qt.Key.Key_Return)
    wait_idle(window)
    assert names() == ["Liepājas pilsētas dome"]
    qtbot.keyClicks(section.filter_bar.text, "zzz")
    qtbot.keyClick(section.filter_bar.text, Qt.Key.Key_Return)
    wait_idle(window)
    assert section.model.rowCount() == 0
    assert section.empty_text() == "No organisations match the filter."


def test_move_to_trash_then_undo(
    qtbot: QtBot,
    sample: Any,
    window: Any,
    wait_idle: Callable[[Any], None],
    db: Database,
    answers: Any,
) -> None:
    section = open_organisations(window, wait_idle)
    organisation_id = sample.organisation_id
    section.show_record(organisation_id)
    wait_idle(window)
    window.delete_action.trigger()  # Edit > Move to trash
    wait_idle(window)
    name = "Stadt Leipzig, Referat Internationale Zusammenarbeit"
    assert answers.asked == [("delete", name)]
    assert organisation_lists.organisation_ids(db) == []
    assert section.model.rowCount() == 0

    window.undo_action.trigger()
    wait_idle(window)
    assert organisation_lists.organisation_ids(db) == [organisation_id]
    assert section.current_id() == organisation_id
    assert section.editor.record_id == organisation_id
