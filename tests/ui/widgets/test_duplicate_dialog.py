"""The possible-duplicates dialog: what it lists, why each matches, and what each button says."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from crm.services.duplicates import EMAIL, NAME, PHONE, Duplicate
from ui.widgets import duplicate_dialog
from ui.widgets.duplicate_dialog import DuplicateChoice, DuplicateDialog, ask_duplicates

FOUND = [
    Duplicate("person", 7, "Inese Bērziņa", "Head of Bureau, LV", (NAME, EMAIL)),
    Duplicate("person", 9, "Inese Berzina", "", (PHONE,)),
]


def test_lists_each_duplicate_with_why_it_matches(qtbot: QtBot) -> None:
    dialog = DuplicateDialog("person", FOUND)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Possible duplicate"
    rows = [
        [dialog.list.topLevelItem(row).text(column) for column in range(3)]
        for row in range(dialog.list.topLevelItemCount())
    ]
    assert rows == [
        ["Inese Bērziņa", "Head of Bureau, LV", "similar name, same email address"],
        ["Inese Berzina", "", "same phone number"],
    ]
    assert [dialog.open_button.text(), dialog.save_button.text(), dialog.cancel_button.text()] == [
        "Open existing",
        "Save as new anyway",
        "Cancel",
    ]
    assert dialog.chosen_id() == 7  # the surest is chosen first


def test_each_button_answers(qtbot: QtBot) -> None:
    for button, expected in (
        ("open_button", DuplicateChoice.OPEN),
        ("save_button", DuplicateChoice.SAVE),
        ("cancel_button", DuplicateChoice.CANCEL),
    ):
        dialog = DuplicateDialog("organisation", FOUND)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.list.setCurrentItem(dialog.list.topLevelItem(1))
        qtbot.mouseClick(getattr(dialog, button), Qt.MouseButton.LeftButton)
        assert dialog.choice == expected
        assert dialog.chosen_id() == 9


def test_double_click_opens_that_record(qtbot: QtBot) -> None:
    dialog = DuplicateDialog("person", FOUND)
    qtbot.addWidget(dialog)
    dialog.show()
    item = dialog.list.topLevelItem(1)
    dialog.list.itemDoubleClicked.emit(item, 0)
    assert (dialog.choice, dialog.chosen_id()) == (DuplicateChoice.OPEN, 9)


def test_ask_runs_the_dialog_modally(qtbot: QtBot) -> None:
    """The real question, answered by clicking in the modal dialog."""

    def answer() -> None:
        dialog: Any = QApplication.activeModalWidget()
        assert isinstance(dialog, DuplicateDialog)
        dialog.save_button.click()

    QTimer.singleShot(0, answer)
    assert duplicate_dialog.ask_duplicates is ask_duplicates
    assert ask_duplicates(None, "person", FOUND) == (DuplicateChoice.SAVE, 7)
