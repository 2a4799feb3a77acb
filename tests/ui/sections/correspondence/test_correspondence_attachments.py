"""Attachments in the register editor: add a file, save, open it with the system viewer (here
a recorder: no viewer is launched in a test), remove it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services.correspondence import (
    CorrespondenceInput,
    create_correspondence,
    get_correspondence,
)
from ui.sections.correspondence import attachments_list


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    paths: list[Path] = []

    def open_file(path: Path) -> bool:
        paths.append(path)
        return True

    monkeypatch.setattr(attachments_list, "open_file", open_file)
    return paths


def test_add_open_and_remove_a_file(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[Path],
) -> None:
    scan = tmp_path / "Einladung Kiew.pdf"
    scan.write_bytes(b"%PDF-1.7 invitation")
    monkeypatch.setattr(attachments_list, "choose_files", lambda _parent: [str(scan)])
    entry_id, _c = create_correspondence(db, CorrespondenceInput(subject="Einladung"))
    window.go_to("correspondence")
    wait_idle(window)
    section = window.section("correspondence")
    section.show_record(entry_id)
    wait_idle(window)
    files = section.editor.attachments
    assert not files.list.isVisible() and not files.open_button.isVisible()

    qtbot.mouseClick(files.add_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert files.list.count() == 1 and files.list.item(0).text().startswith("Einladung Kiew.pdf")
    assert section.editor.save_button.isEnabled()
    qtbot.mouseClick(files.open_button, Qt.MouseButton.LeftButton)  # before saving, too
    wait_idle(window)
    qtbot.mouseClick(section.editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    [view] = get_correspondence(db, entry_id).attachments
    assert view.filename == "Einladung Kiew.pdf" and view.size == len(scan.read_bytes())

    files.list.setCurrentRow(0)
    qtbot.mouseClick(files.open_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert [path.name for path in opened] == ["Einladung Kiew.pdf"] * 2
    assert opened[-1].read_bytes() == b"%PDF-1.7 invitation"
    assert opened[-1] != scan  # a copy from the database, not the original

    files.list.setCurrentRow(0)
    qtbot.mouseClick(files.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(section.editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert get_correspondence(db, entry_id).attachments == ()
    assert section.model.index(0, len(section.model.columns) - 1).data() == ""


def test_a_file_that_cannot_be_read_is_reported(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answers: Any,
) -> None:
    missing = tmp_path / "weg.pdf"
    monkeypatch.setattr(attachments_list, "choose_files", lambda _parent: [str(missing)])
    window.go_to("correspondence")
    wait_idle(window)
    section = window.section("correspondence")
    section.new_record()
    qtbot.mouseClick(section.editor.attachments.add_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert answers.kinds() == ["error"]
    assert "weg.pdf" in answers.asked[0][1]
    assert section.editor.attachments.list.count() == 0
