"""Choosing an organisation by typing part of its name."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm.services import lists
from ui.widgets.record_picker import RecordPicker


def test_typing_offers_choices_and_picking_sets_the_id(
    qtbot: QtBot, context: Any, sample: Any
) -> None:
    picker = RecordPicker(context, lists.organisation_choices, "Organisation")
    qtbot.addWidget(picker)
    picker.show()
    picker.activateWindow()
    picker.setFocus()
    qtbot.waitUntil(picker.hasFocus, timeout=2000)
    qtbot.keyClicks(picker, "leip")
    assert picker.value() is None and picker.is_unresolved()
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    assert picker.completer().completionModel().rowCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.value() == sample.organisation_id
    assert picker.text().startswith("Stadt Leipzig")
    assert not picker.is_unresolved()
    qtbot.keyClicks(picker, "x")  # editing the name drops the choice
    assert picker.value() is None
