"""The Qt binding itself must be sound: a reference-count bug in it crashes the app later."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def test_processing_events_keeps_references_to_none(qtbot: QtBot) -> None:
    # PySide6 6.12.0 lost one reference to None per processEvents() (fatal on Python 3.11).
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    QApplication.processEvents()
    before = sys.getrefcount(None)
    for _ in range(200):
        QApplication.processEvents()
    assert sys.getrefcount(None) - before > -50
