"""Where a message starts: File, New email message; and "Send … by email" in the status bar
after a list was exported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.mail.compose_dialog import ComposeDialog

WAIT_MS = 5000


def compose_dialogs() -> list[ComposeDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, ComposeDialog)]


def test_file_new_email_message(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None]
) -> None:
    assert window.mail_action.isEnabled()
    assert window.mail_action.text() == "New e&mail message…"
    window.mail_action.trigger()
    qtbot.waitUntil(lambda: len(compose_dialogs()) == 1, timeout=WAIT_MS)
    dialog = compose_dialogs()[0]
    assert dialog.windowTitle() == "New message" and dialog.attachment_paths() == []
    wait_idle(window)


def test_an_export_is_offered_for_sending(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], tmp_path: Path
) -> None:
    exported = tmp_path / "people.csv"
    exported.write_text("Name\nBērziņa\n", encoding="utf-8")
    window.go_to("people")
    wait_idle(window)
    section = window.section("people")
    offer = window.mail_offer
    assert not offer.isVisible()
    section.exported.emit(str(exported))
    assert offer.isVisible() and offer.text() == "Send people.csv by email…"
    qtbot.mouseClick(offer, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(compose_dialogs()) == 1, timeout=WAIT_MS)
    dialog = compose_dialogs()[0]
    assert dialog.attachment_paths() == [exported]
    assert dialog.subject.text() == "people"
    assert not offer.isVisible()
    dialog.close()
    wait_idle(window)
    assert exported.exists()  # the user's own file stays
