"""The main window: sections, the global search, undo, the status bar, remembered layout."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services import lists
from ui.navigation import KEY_ROLE
from ui.places import Place


def test_only_working_sections_can_be_chosen(window: Any) -> None:
    sidebar = window.sidebar
    items = [sidebar.item(row) for row in range(sidebar.count())]
    sections = {str(i.data(KEY_ROLE)): i for i in items if i.data(KEY_ROLE)}
    assert list(sections) == [
        "overview",
        "partnerships",
        "organisations",
        "people",
        "delegations",
        "correspondence",
        "projects",
        "reports",
        "trash",
        "history",
        "settings",
    ]
    for key, item in sections.items():
        enabled = bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)
        assert enabled, key  # every section of the design works now
    assert set(window.sections) == {"overview"}  # the others are built when first shown


def test_every_section_shortcut_is_a_key_a_keyboard_can_press(window: Any) -> None:
    go_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Go")
    keys = {a.text(): [k.toString() for k in a.shortcuts()] for a in go_menu.actions() if a.text()}
    assert keys["Overview"] == ["Ctrl+1"]
    assert keys["Trash"] == ["Ctrl+9"]
    assert keys["History"] == ["Ctrl+H"]
    assert keys["Settings"] == ["Ctrl+,"]
    pressed = [k for ks in keys.values() for k in ks]
    assert len(pressed) == len(set(pressed)), pressed
    assert not any(k.startswith("Ctrl+1") and len(k) > 6 for k in pressed), pressed


def test_a_first_start_opens_on_the_overview(window: Any) -> None:
    assert window.current_key == "overview"
    assert window.stack.currentWidget() is window.section("overview")


def test_no_section_opens_a_stray_window(
    qtbot: QtBot, window: Any, sample: Any, wait_idle: Callable[[Any], None]
) -> None:
    from PySide6.QtWidgets import QApplication

    for row in range(window.sidebar.count()):
        key = window.sidebar.item(row).data(KEY_ROLE)
        if key and window.sidebar.is_available(key):
            window.go_to(key)
            wait_idle(window)
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
    assert shown == [window]


def test_sidebar_switches_sections(window: Any, wait_idle: Callable[[Any], None]) -> None:
    assert window.current_key == "overview"
    window.sidebar.setCurrentRow(window.sidebar._rows["people"])
    wait_idle(window)
    assert window.current_key == "people"
    assert window.stack.currentWidget() is window.section("people")


def test_status_bar_names_the_database(window: Any, db: Database) -> None:
    assert window.database_label.text() == f"Database: {db.path}"


def test_shortcuts_are_listed_in_tooltips(window: Any) -> None:
    assert "Ctrl+K" in window.search.toolTip() and "Ctrl+F" in window.search.toolTip()
    keys = [k.toString() for k in window.find_action.shortcuts()]
    assert keys == ["Ctrl+K", "Ctrl+F"]
    assert window.new_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert "Ctrl+N" in window.section("people").filter_bar.new_button.toolTip()


def type_in_search(qtbot: QtBot, window: Any, text: str) -> None:
    window.find_action.trigger()
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, text)
    qtbot.waitUntil(window.search.is_settled, timeout=5000)


def test_create_a_person_then_find_them_with_the_search_box(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    window.go_to("people")
    wait_idle(window)
    people = window.section("people")
    people.new_record()
    qtbot.keyClicks(people.editor.lines["given_name"], "Gabriele")
    qtbot.keyClicks(people.editor.lines["family_name"], "Goldfuss")
    people.save()
    wait_idle(window)
    [person_id] = lists.person_ids(db)
    window.go_to("partnerships")  # start elsewhere, with nothing selected
    people.editor.show_placeholder()
    people.table.clearSelection()

    type_in_search(qtbot, window, "goldf")
    assert window.search.popup.isVisible()
    assert window.search.model.rowCount() == 1
    assert window.search.model.hit(0).name == "Gabriele Goldfuss"
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    wait_idle(window)

    assert window.current_key == "people"
    assert not window.search.popup.isVisible()
    assert people.current_id() == person_id
    assert people.editor.record_id == person_id
    assert people.editor.title.text() == "Gabriele Goldfuss"


def test_search_opens_a_partnership_hidden_by_the_filter(
    qtbot: QtBot, sample: Any, window: Any, wait_idle: Callable[[Any], None]
) -> None:
    section = window.section("partnerships")
    section.rating.set_value("A")
    wait_idle(window)
    assert section.model.row_of(sample.partnership_ids["Nanjing"]) is None
    type_in_search(qtbot, window, "nanj")
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    qtbot.keyClick(window.search, Qt.Key.Key_Enter)
    wait_idle(window)
    assert section.current_id() == sample.partnership_ids["Nanjing"]
    assert section.rating.value() is None  # the filter was cleared to show it
    assert section.editor.title.text() == "Nanjing"


def test_kinds_without_a_section_only_give_a_hint(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    window.go_to("partnerships")
    wait_idle(window)
    window.open_record("gift", 1)  # gifts are shown inside their delegation, not on their own
    assert window.current_key == "partnerships"
    assert "later version" in window.statusBar().currentMessage()


def test_nothing_found_is_said(qtbot: QtBot, window: Any) -> None:
    type_in_search(qtbot, window, "zzyzx")
    assert window.search.model.rowCount() == 0
    assert window.search.popup.message.text() == "Nothing found for “zzyzx”."
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert not window.search.popup.isVisible()


def test_undo_is_disabled_until_there_is_something_to_undo(
    window: Any, wait_idle: Callable[[Any], None]
) -> None:
    assert not window.undo_action.isEnabled()
    assert window.undo_action.text() == "&Undo"


def test_layout_and_sort_are_remembered(
    qtbot: QtBot, sample: Any, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    from ui.main_window import MainWindow

    window.go_to("partnerships")
    wait_idle(window)
    section = window.section("partnerships")
    since = [c.key for c in section.model.columns].index("since_year")
    section.model.sort(since, Qt.SortOrder.DescendingOrder)
    section.table.setColumnWidth(0, 311)
    section.splitter.setSizes([900, 400])
    sizes = section.splitter.sizes()
    window.go_to("people")
    wait_idle(window)
    window.close()

    again = MainWindow()
    qtbot.addWidget(again)
    again.resize(1400, 860)
    again.show()
    again.set_database(db)
    wait_idle(again)
    assert again.current_key == "people"
    restored = again.section("partnerships")
    assert restored.model.sort_key == "since" and restored.model.descending
    assert restored.table.columnWidth(0) == 311
    again.go_to("partnerships")
    wait_idle(again)
    assert restored.splitter.sizes() == sizes
    years = [restored.model.index(r, since).data() for r in range(restored.model.rowCount())]
    assert years == ["2011", "1993", "1988", "1961"]
    again.close()


def test_keyboard_shortcuts_reach_search_new_and_save(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    window.section("partnerships").table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    window.go_to("people")
    wait_idle(window)
    people = window.section("people")
    people.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert people.editor.is_new
    assert people.editor.lines["given_name"].hasFocus()
    qtbot.keyClicks(people.editor.lines["given_name"], "Inese")
    qtbot.keyClick(people.editor.lines["given_name"], Qt.Key.Key_Tab)
    assert people.editor.lines["family_name"].hasFocus()  # Tab follows the form
    qtbot.keyClicks(people.editor.lines["family_name"], "Berzina")
    qtbot.keyClick(
        people.editor.lines["family_name"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
    )
    wait_idle(window)
    assert len(lists.person_ids(db)) == 1


def language_action(window: Any, code: str) -> Any:
    return next(a for a in window.language_menu.actions() if a.data() == code)


def test_language_is_chosen_in_the_settings_menu(window: Any, answers: Any) -> None:
    from crm.settings import load_settings

    assert language_action(window, "").isChecked()  # follows the system at first
    language_action(window, "de").trigger()
    assert load_settings().language == "de"
    assert language_action(window, "de").isChecked()
    assert answers.asked == [("info", "Liaison will use the new language the next time it starts.")]
    # Back to the system's language (English in the tests): the running app already shows it.
    language_action(window, "").trigger()
    assert load_settings().language == ""
    assert len(answers.asked) == 1
    assert window.statusBar().currentMessage() == "Language saved."


def test_back_and_forward_return_to_the_record_left(
    qtbot: QtBot, window: Any, sample: Any, wait_idle: Callable[[Any], None]
) -> None:
    assert not window.back_action.isEnabled()
    window.go_to("people")
    wait_idle(window)
    people = window.section("people")
    person_id = sample.person_ids["Bērziņa"]
    people.show_record(person_id)
    wait_idle(window)
    partnership_id = lists.partnership_ids(db=window.context.db)[0]
    window.open_record("partnership", partnership_id)  # as a link or the search would
    wait_idle(window)
    assert window.current_key == "partnerships"

    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    wait_idle(window)
    assert window.current_key == "people"
    assert people.editor.record_id == person_id
    assert window.forward_action.isEnabled()

    window.forward_action.trigger()
    wait_idle(window)
    assert window.current_key == "partnerships"
    assert window.section("partnerships").editor.record_id == partnership_id
    assert window.back_action.isEnabled() and not window.forward_action.isEnabled()


def test_back_skips_a_record_moved_to_the_trash(
    window: Any, sample: Any, db: Database, wait_idle: Callable[[Any], None]
) -> None:
    from crm.services.trash import delete_to_trash

    window.go_to("partnerships")
    wait_idle(window)
    window.go_to("people")
    wait_idle(window)
    person_id = sample.person_ids["Bērziņa"]
    window.section("people").show_record(person_id)
    wait_idle(window)
    window.go_to("partnerships")
    wait_idle(window)
    assert window.places.back_target() == Place("people", person_id)
    window.context.announce(delete_to_trash(db, "person", person_id))
    assert window.places.back_target() != Place("people", person_id)
    window.go_back()  # to where the user was before: the partnerships list
    wait_idle(window)
    assert window.current_key == "partnerships"
    assert window.places.back_target() == Place("overview")
