"""Edit ▸ Undo and Edit ▸ Redo: named after what they take back or apply again, enabled only
when there is something to do, with the keys people know."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services.people import PersonInput, create_person, get_person, update_person


def edit_menu_texts(window: Any) -> list[str]:
    from PySide6.QtWidgets import QMenu

    (menu,) = [m for m in window.menuBar().findChildren(QMenu) if window.undo_action in m.actions()]
    return [action.text() for action in menu.actions() if not action.isSeparator()]


def test_redo_is_in_the_edit_menu_with_its_keys(
    window: Any, wait_idle: Callable[[Any], None]
) -> None:
    texts = edit_menu_texts(window)
    assert texts[:2] == ["&Undo", "&Redo"]
    assert not window.redo_action.isEnabled()
    assert window.redo_action.toolTip() == "Nothing to redo"
    keys = window.redo_action.shortcuts()
    for key in (*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),):
        assert key in keys
    assert QKeySequence("Ctrl+Shift+Z") in keys and QKeySequence("Ctrl+Y") in keys
    assert len(keys) == len(set(k.toString() for k in keys))  # each once
    assert QKeySequence("Ctrl+Z") not in keys


def test_undo_then_redo_an_edit_in_the_open_editor(
    qtbot: QtBot, sample: Any, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    person_id = sample.person_ids["Koval"]
    window.go_to("people")
    wait_idle(window)
    section = window.section("people")
    section.show_record(person_id)
    wait_idle(window)
    function = section.editor.lines["function"]
    qtbot.keyClicks(function, "Mayor")
    section.save()
    wait_idle(window)
    assert not window.redo_action.isEnabled()

    window.undo_action.trigger()
    wait_idle(window)
    assert function.text() == ""
    assert window.redo_action.isEnabled()
    assert window.redo_action.text() == "&Redo Edit person: Olena Koval"
    assert window.redo_action.toolTip().startswith("Redo Edit person: Olena Koval (")
    assert window.undo_action.text() == "&Undo New partnership: Houston"  # the sample's last

    window.redo_action.trigger()
    wait_idle(window)
    assert get_person(db, person_id).function == "Mayor"
    assert function.text() == "Mayor"  # the open editor follows
    assert window.statusBar().currentMessage() == "Redone: Edit person: Olena Koval"
    assert not window.redo_action.isEnabled()
    assert window.redo_action.text() == "&Redo"
    assert window.undo_action.text() == "&Undo Edit person: Olena Koval"


def test_a_new_change_after_undo_disables_redo(
    window: Any, wait_idle: Callable[[Any], None], db: Database, answers: Any
) -> None:
    person_id, changes = create_person(db, PersonInput(family_name="Koval", function="A"))
    assert window.context is not None
    window.context.announce(changes)
    detail = get_person(db, person_id)
    window.context.announce(update_person(db, person_id, replace(detail.to_input(), function="B")))
    wait_idle(window)
    window.undo()
    wait_idle(window)
    assert window.redo_action.isEnabled()
    detail = get_person(db, person_id)
    window.context.announce(update_person(db, person_id, replace(detail.to_input(), function="C")))
    wait_idle(window)
    assert not window.redo_action.isEnabled()
    window.redo()  # called anyway: refused with a message, and nothing changes
    wait_idle(window)
    assert answers.asked == [("error", "There is nothing to redo.")]
    assert get_person(db, person_id).function == "C"


def test_redo_of_a_move_to_trash_and_an_ampersand_in_the_label(
    window: Any, wait_idle: Callable[[Any], None], db: Database, answers: Any
) -> None:
    from crm.services.trash import delete_to_trash

    person_id, _changes = create_person(db, PersonInput(family_name="Müller & Co"))
    assert window.context is not None
    window.context.announce(delete_to_trash(db, "person", person_id))
    wait_idle(window)
    window.undo()
    wait_idle(window)
    assert window.redo_action.text() == "&Redo Move to trash: Müller && Co"
    assert window.section("people").current_id() == person_id  # brought back: shown
    window.redo()
    wait_idle(window)
    assert window.undo_action.text() == "&Undo Move to trash: Müller && Co"
    assert window.statusBar().currentMessage() == "Redone: Move to trash: Müller & Co"
    assert not answers.asked
