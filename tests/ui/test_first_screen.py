"""The first screen at start-up: the Overview read without SQLAlchemy, shown before the
database is attached, and the same section carrying on once it is."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.demo import build_demo
from crm.services.overview_sqlite import read_overview
from crm.settings import Settings, save_settings
from ui import app as app_module
from ui.main_window import MainWindow

TODAY = date(2026, 12, 5)


@pytest.fixture
def office(db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    build_demo(db, "leipzig")
    monkeypatch.setattr("ui.sections.overview.section.today", lambda: TODAY)
    return db_path


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    main = MainWindow()
    qtbot.addWidget(main)
    main.resize(1400, 860)
    main.show()
    yield main
    main.close()


def _texts(window: MainWindow) -> set[str]:
    return {label.text() for label in window.findChildren(QLabel)}


def test_the_overview_shows_before_the_database_and_carries_on_after(
    window: MainWindow, office: Path, db: Database, wait_idle: Callable[[Any], None]
) -> None:
    overview = read_overview(office, TODAY)
    assert overview is not None and overview.follow_ups
    letter = overview.follow_ups[0]
    assert window.show_first_overview(overview)
    section = window.current_section()
    assert window.current_key == "overview" and section is not None
    assert window.context is None  # no database yet: only what was read is shown
    assert any(letter.subject in text for text in _texts(window))

    window.set_database(db)
    wait_idle(window)
    assert window.current_section() is section  # the same section, now with its database
    assert window.context is not None and window.context.has_database
    assert any(letter.subject in text for text in _texts(window))
    window.context.open_record.emit("correspondence", letter.correspondence_id)
    wait_idle(window)
    assert window.current_key == "correspondence"


def test_no_first_screen_when_the_window_starts_elsewhere(window: MainWindow, office: Path) -> None:
    save_settings(Settings(last_section="people"))
    assert not window.show_first_overview(read_overview(office, TODAY))
    assert window.current_section() is None
    assert not window.show_first_overview(None)


def test_a_server_has_no_first_screen_file(tmp_path: Path) -> None:
    assert app_module.first_screen_file(str(tmp_path / "a.sqlite")) == tmp_path / "a.sqlite"
    assert app_module.first_screen_file(f"sqlite:///{tmp_path}/b.sqlite") == tmp_path / "b.sqlite"
    assert app_module.first_screen_file("postgresql+psycopg://anna@db/liaison") is None
    assert app_module.first_screen_file(None) is not None  # the default file


def test_the_app_reads_the_first_screen_before_it_opens_the_database(
    office: Path, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    db.close()
    order: list[str] = []
    real_read, real_open = app_module._read_first_overview, app_module._open_database

    def read_first(path: Path, day: date) -> Any:
        order.append("first screen")
        return real_read(path, day)

    def open_database(target: str | None) -> Any:
        order.append("database")
        return real_open(target)

    def set_database(window: MainWindow, database: Any) -> None:
        original(window, database)
        section = window.current_section()
        order.append(f"attached to the {'same' if section is first_section[0] else 'new'}")
        window.close()

    first_section: list[Any] = []
    original = MainWindow.set_database
    real_show = MainWindow.show_first_overview

    def show_first(window: MainWindow, overview: Any) -> bool:
        shown = real_show(window, overview)
        first_section.append(window.current_section())
        return shown

    monkeypatch.setattr(app_module, "_read_first_overview", read_first)
    monkeypatch.setattr(app_module, "_open_database", open_database)
    monkeypatch.setattr(MainWindow, "show_first_overview", show_first)
    monkeypatch.setattr(MainWindow, "set_database", set_database)
    assert app_module.run_app(str(office), []) == 0
    assert order == ["first screen", "database", "attached to the same"]
    assert first_section[0] is not None
