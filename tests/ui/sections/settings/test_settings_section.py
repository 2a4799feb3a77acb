"""The Settings section: the office profile with its logo, the language, the database file
and the list of keyboard shortcuts, used as a protocol officer would."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services.office import OfficeProfile, get_logo, get_profile, save_profile
from crm.services.references import get_scheme
from crm.settings import load_settings
from ui.sections.settings import office_form
from ui.sections.settings import section as settings_module


@pytest.fixture
def settings(window: Any, wait_idle: Callable[[Any], None]) -> Any:
    window.go_to("settings")
    wait_idle(window)
    return window.section("settings")


def a_logo(folder: Path) -> Path:
    image = QImage(120, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#1565c0"))
    path = folder / "logo.png"
    assert image.save(str(path))
    return path


def test_office_profile_is_edited_and_shown_in_the_toolbar(
    qtbot: QtBot, window: Any, settings: Any, db: Database, wait_idle: Callable[[Any], None]
) -> None:
    form = settings.office
    form.office_name.clear()
    qtbot.keyClicks(form.office_name, "Bureau of International Relations and Protocol")
    form.city.clear()
    form.city.insert("Liepāja")  # QTest types ASCII only: as pasted
    form.country.set_value("LV")
    assert form.scheme.text() == "IZ-{year}-{number:04d}"
    form.scheme.clear()
    qtbot.keyClicks(form.scheme, "LIE/{year}/{number:03d}")
    year = date.today().year
    assert form.scheme_example.text() == f"For example LIE/{year}/042"
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    profile = get_profile(db)
    assert (profile.city, profile.country, profile.reference_prefix) == ("Liepāja", "LV", "LIE")
    assert get_scheme(db) == "LIE/{year}/{number:03d}"
    assert window.office.text() == "Bureau of International Relations and Protocol · Liepāja"
    assert window.statusBar().currentMessage() == "Office profile saved."


def test_logo_is_chosen_shown_saved_and_removed(
    qtbot: QtBot,
    window: Any,
    settings: Any,
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    wait_idle: Callable[[Any], None],
) -> None:
    logo = a_logo(tmp_path)
    monkeypatch.setattr(office_form, "choose_logo_file", lambda _parent: str(logo))
    form = settings.office
    qtbot.mouseClick(form.choose_logo, Qt.MouseButton.LeftButton)
    assert form.logo_preview.pixmap() is not None and not form.logo_preview.pixmap().isNull()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert get_logo(db) == logo.read_bytes()
    qtbot.mouseClick(form.remove_logo, Qt.MouseButton.LeftButton)
    assert form.logo_preview.text() == "No logo"
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert get_logo(db) is None


def test_a_file_that_is_no_picture_is_refused_inline(
    qtbot: QtBot,
    window: Any,
    settings: Any,
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    wait_idle: Callable[[Any], None],
) -> None:
    save_profile(db, OfficeProfile(city="Leipzig"))
    text = tmp_path / "notes.txt"
    text.write_text("not a logo", encoding="utf-8")
    monkeypatch.setattr(office_form, "choose_logo_file", lambda _parent: str(text))
    form = settings.office
    qtbot.mouseClick(form.choose_logo, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert form.logo_field.error.text() == "The logo must be a PNG or JPEG picture."
    assert get_logo(db) is None


def test_language_is_chosen_for_the_next_start(settings: Any) -> None:
    settings.language.set_value("de")
    assert load_settings().language == "de"
    assert "next time it starts" in settings.language_note.text()


def test_another_database_file_is_remembered(
    qtbot: QtBot, settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "shared" / "office.sqlite"
    monkeypatch.setattr(settings_module, "choose_database_file", lambda _parent: str(chosen))
    qtbot.mouseClick(settings.choose_database, Qt.MouseButton.LeftButton)
    assert load_settings().database == str(chosen)
    assert str(chosen) in settings.database_note.text()
    qtbot.mouseClick(settings.default_database, Qt.MouseButton.LeftButton)
    assert load_settings().database == ""


def test_shortcuts_are_listed(settings: Any) -> None:
    table = settings.shortcuts
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Find…"] == "Ctrl+K, Ctrl+F"
    assert rows["Back"] == "Alt+Left"
    assert rows["Save"] == "Ctrl+S"


def test_a_reference_scheme_without_a_number_is_refused_at_the_field(
    qtbot: QtBot, window: Any, settings: Any, db: Database, wait_idle: Callable[[Any], None]
) -> None:
    form = settings.office
    form.city.clear()
    form.city.insert("Göteborg")
    form.scheme.clear()
    qtbot.keyClicks(form.scheme, "IZ-{year}")
    assert form.scheme_example.text().startswith("Use {year} and {number}")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert "Use {year} and {number} in the scheme" in form.scheme_field.error.text()
    assert get_scheme(db) == "IZ-{year}-{number:04d}"
    assert get_profile(db).city != "Göteborg"  # nothing of the profile was saved either
