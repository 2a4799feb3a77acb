"""Deleting a delegation, finding it in the trash, and getting the whole visit back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services import delegation_lists as dl
from crm.services import trash
from crm.services.delegations import get_delegation
from tests.ui.sections.delegations.visit_helpers import liepaja_office, saved_visit


def test_delete_then_undo_and_restore_bring_back_the_whole_visit(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    db: Database,
    answers: Any,
) -> None:
    ids = liepaja_office(db)
    delegation_id = saved_visit(db, ids)
    before = get_delegation(db, delegation_id)
    window.go_to("delegations")
    wait_idle(window)
    section = window.section("delegations")
    section.show_record(delegation_id)
    wait_idle(window)
    assert len(section.editor.members.rows) == 5
    assert len(section.editor.programme.rows) == 1
    qtbot.mouseClick(section.editor.delete_button, Qt.MouseButton.LeftButton)
    wait_idle(window)

    assert answers.asked == [("delete", "Liepāja city council")]
    assert dl.delegation_ids(db) == []
    assert section.model.rowCount() == 0
    assert [(i.entity, i.label) for i in trash.trash_items(db)] == [
        ("delegation", "Liepāja city council")
    ]
    assert window.undo_action.text() == "&Undo Move to trash: Liepāja city council"

    window.undo_action.trigger()
    wait_idle(window)
    after = get_delegation(db, delegation_id)
    assert (after.members, after.programme, after.gifts) == (
        before.members,
        before.programme,
        before.gifts,
    )
    assert section.model.row_of(delegation_id) is not None

    # Once more, this time back from the trash.
    section.show_record(delegation_id)
    wait_idle(window)
    window.delete_action.trigger()
    wait_idle(window)
    assert dl.delegation_ids(db) == []
    window.context.announce(trash.restore_from_trash(db, "delegation", delegation_id))
    wait_idle(window)
    assert section.model.row_of(delegation_id) is not None
    section.show_record(delegation_id)
    wait_idle(window)
    editor = section.editor
    assert [row.person.text() for row in editor.members.rows][:2] == [
        "Gunārs Ansiņš",
        "Inese Bērziņa",
    ]
    assert editor.programme.rows[0].title.text() == "Entry in the Golden Book"
    assert editor.gifts.rows[0].description.text() == "Amber bowl"
    assert not editor.is_dirty()
