"""Themes as tags: typed with commas or Enter, removed by click or Backspace."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.widgets.tag_editor import TagChip, TagEditor


def chips(editor: TagEditor) -> list[TagChip]:
    return [chip for chip in editor.findChildren(TagChip) if not chip.isHidden()]


def test_typing_adds_tags_and_backspace_removes_the_last(qtbot: QtBot) -> None:
    editor = TagEditor("Add a theme…")
    qtbot.addWidget(editor)
    editor.show()
    with qtbot.waitSignal(editor.changed):
        qtbot.keyClicks(editor.line, "culture, sport,")
    assert editor.tags() == ["culture", "sport"]
    qtbot.keyClicks(editor.line, "youth")
    qtbot.keyClick(editor.line, Qt.Key.Key_Return)
    assert editor.tags() == ["culture", "sport", "youth"]
    qtbot.keyClicks(editor.line, "Culture,")  # no duplicates, whatever the case
    assert editor.tags() == ["culture", "sport", "youth"]
    qtbot.keyClick(editor.line, Qt.Key.Key_Backspace)
    assert editor.tags() == ["culture", "sport"]


def test_text_not_yet_committed_counts_as_a_tag(qtbot: QtBot) -> None:
    editor = TagEditor("Add a theme…")
    qtbot.addWidget(editor)
    editor.set_tags(["climate"])
    qtbot.keyClicks(editor.line, "health")
    assert editor.tags() == ["climate", "health"]


def test_clicking_a_chip_removes_it(qtbot: QtBot) -> None:
    editor = TagEditor("Add a theme…")
    qtbot.addWidget(editor)
    editor.show()
    editor.set_tags(["economy", "tourism"])
    first = next(chip for chip in chips(editor) if chip.tag == "economy")
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    assert editor.tags() == ["tourism"]
