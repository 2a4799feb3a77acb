"""“Merge into…”: picking the record to keep, and the confirmation that says what moves."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from crm.services.merge import MergePreview
from ui.widgets.merge_dialog import MergePickDialog, merge_box, merge_text

PREVIEW = MergePreview(
    kind="person",
    keep_id=1,
    keep_label="Inese Bērziņa",
    merge_id=2,
    merge_label="Inese Berzina",
    keep_detail="Head of Bureau, LV",
    merge_detail="inese@example.org",
    moves=("2 delegations", "1 gift"),
    filled=("function", "country"),
)


def test_the_confirmation_says_what_is_kept_and_what_moves() -> None:
    question, details = merge_text(PREVIEW)
    # One name, written two ways: the details say which is which.
    kept, merged = "Inese Bērziņa (Head of Bureau, LV)", "Inese Berzina (inese@example.org)"
    assert question == f"Merge “{merged}” into “{kept}”?"
    assert details.splitlines() == [
        f"“{kept}” is kept.",
        f"These move to it from “{merged}”:",
        "  •  2 delegations",
        "  •  1 gift",
        f"Filled in where “{kept}” has nothing yet: Function, Country.",
        f"“{merged}” then goes to the trash. Undo with Ctrl+Z.",
    ]
    question, bare = merge_text(
        MergePreview("organisation", 1, "UBC", 2, "Union of Baltic Cities", "", "Turku", (), ())
    )
    assert question == "Merge “Union of Baltic Cities” into “UBC”?"
    assert "Nothing else refers to “Union of Baltic Cities”." in bare


def test_the_confirmation_box(qtbot: QtBot) -> None:
    box = merge_box(None, PREVIEW)
    qtbot.addWidget(box)
    assert box.text().startswith("Merge “Inese Berzina (inese@example.org)” into")
    assert {b.text() for b in box.buttons()} == {"Merge", "Cancel"}
    assert box.defaultButton().text() == "Merge"
    assert box.buttonRole(box.defaultButton()) == QMessageBox.ButtonRole.AcceptRole


def test_the_picker_leaves_out_the_record_itself(qtbot: QtBot, context: Any, sample: Any) -> None:
    koval = sample.person_ids["Koval"]
    dialog = MergePickDialog(context, "person", koval, "Olena Koval")
    qtbot.addWidget(dialog)
    dialog.show()
    picker = dialog.picker
    picker.activateWindow()
    picker.setFocus()
    qtbot.waitUntil(picker.hasFocus, timeout=2000)
    assert not dialog.next_button.isEnabled()
    qtbot.keyClicks(picker, "o")  # Olena Koval, Gabriele Goldfuß
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    model = picker.completer().completionModel()
    names = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert "Olena Koval" not in names and "Gabriele Goldfuß" in names
    row = names.index("Gabriele Goldfuß")
    for _step in range(row + 1):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.value() == sample.person_ids["Goldfuß"]
    assert dialog.next_button.isEnabled()
