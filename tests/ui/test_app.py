"""Starting the app: the database is opened after the window shows; a refused file exits 2."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTimer
from PySide6.QtWidgets import QApplication

from crm.settings import Settings, save_settings
from ui import app as app_module
from ui.main_window import MainWindow


def test_a_file_that_is_no_database_is_refused_with_a_message(
    qapp: QApplication, tmp_path: Path, answers: Any
) -> None:
    target = tmp_path / "notes.sqlite"
    target.write_text("shopping list: bread, milk\n", encoding="utf-8")
    assert app_module.run_app(str(target), []) == 2
    [(kind, message)] = answers.asked
    assert kind == "refused"
    assert "notes.sqlite" in message
    assert target.read_text(encoding="utf-8") == "shopping list: bread, milk\n"  # untouched


def test_opens_the_database_from_the_settings(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "office.sqlite"
    save_settings(Settings(database=str(target), last_section="people"))
    opened: list[Any] = []
    original = MainWindow.set_database

    def set_database(self: MainWindow, db: Any) -> None:
        original(self, db)
        opened.append((db.path, self.current_key, qapp.applicationName()))
        QTimer.singleShot(0, self.close)

    monkeypatch.setattr(MainWindow, "set_database", set_database)
    assert app_module.run_app(None, []) == 0
    assert opened == [(target, "people", "Liaison")]
    assert target.exists()


def test_qt_translations_load_for_german(qapp: QApplication) -> None:
    before = QLocale()
    try:
        translator = app_module.install_qt_translations(qapp, "de")
        assert translator is not None
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
        assert QLocale().language() == QLocale.Language.German
        qapp.removeTranslator(translator)
    finally:
        QLocale.setDefault(before)
