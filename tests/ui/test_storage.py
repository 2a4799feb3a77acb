"""The app and the database file: the automatic backup after start, a damaged file opened
read-only with the offer to restore the latest good backup (and the window started afresh on
it), a file SQLite cannot read at all, and the warning for a network share."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from crm.db import backups, network_fs
from crm.db.backups import BackupKind
from crm.db.database import Database
from crm.db.models import Person
from crm.services.people import PersonInput, create_person
from crm.settings import Settings, save_settings
from ui import app as app_module
from ui import storage
from ui.main_window import MainWindow


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names(path: Path) -> list[str]:
    db = Database.open(path, create=False)
    try:
        with db.read() as session:
            return sorted(session.scalars(select(Person.family_name)))
    finally:
        db.close()


def damage_table(path: Path, table: str) -> None:
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    page = int(
        connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()[0]
    )
    connection.close()
    data = bytearray(path.read_bytes())
    data[(page - 1) * 4096 : (page - 1) * 4096 + 8] = b"\x55" * 8
    path.write_bytes(bytes(data))


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """An office file with one person in its backup and a second one added after it."""
    path = tmp_path / "office.sqlite"
    db = Database.open(path)
    create_person(db, PersonInput(family_name="Goldfuß"))
    db.close()
    backups.take_backup(path, BackupKind.AUTOMATIC, now=datetime(2026, 12, 4, 8, tzinfo=UTC))
    db = Database.open(path)
    create_person(db, PersonInput(family_name="Koval"))
    db.close()
    return path


class Opened:
    """Records each database the app opens and closes the window ``close_ms`` after."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, close_ms: int = 50) -> None:
        self.databases: list[tuple[Path | None, bool]] = []
        original = MainWindow.set_database
        opened = self

        def set_database(window: MainWindow, db: Any) -> None:
            original(window, db)
            opened.databases.append((db.path, db.read_only))
            QTimer.singleShot(close_ms, window.close)

        monkeypatch.setattr(MainWindow, "set_database", set_database)


def test_the_app_takes_the_daily_backup_after_start(
    qapp: QApplication, office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The backup starts once the first section has its data; the window closes when it is
    # done (or after ten seconds, when it never came).
    monkeypatch.setattr(storage, "BACKUP_AFTER_MS", 0)
    opened = Opened(monkeypatch, close_ms=10_000)
    original = storage.StartupStorage._backed_up

    def backed_up(self: storage.StartupStorage, db: Any, result: Any) -> None:
        original(self, db, result)
        self.window.close()

    monkeypatch.setattr(storage.StartupStorage, "_backed_up", backed_up)
    save_settings(Settings(last_section="people"))
    assert app_module.run_app(str(office), []) == 0
    assert opened.databases == [(office, False)]
    kinds = [b.kind for b in backups.list_backups(office)]
    assert kinds == [BackupKind.AUTOMATIC, BackupKind.AUTOMATIC]  # the old one was a day old
    assert names(backups.list_backups(office)[0].path) == ["Goldfuß", "Koval"]


def test_a_damaged_file_is_opened_read_only_and_restored_on_request(
    qapp: QApplication, office: Path, monkeypatch: pytest.MonkeyPatch, answers: Any
) -> None:
    damage_table(office, "organisations")
    damaged = digest(office)
    offered: list[tuple[str, Any]] = []

    def offer(_parent: Any, message: str, latest: Any) -> bool:
        offered.append((message, latest))
        return True

    monkeypatch.setattr(storage, "offer_restore_damaged", offer)
    opened: list[tuple[Path | None, bool]] = []
    original = MainWindow.set_database

    def set_database(window: MainWindow, db: Any) -> None:
        original(window, db)
        opened.append((db.path, db.read_only))
        if not db.read_only:  # the second window, on the restored file
            QTimer.singleShot(50, window.close)

    monkeypatch.setattr(MainWindow, "set_database", set_database)
    assert app_module.run_app(str(office), []) == 0
    assert opened == [(office, True), (office, False)]
    [(message, latest)] = offered
    assert "damaged" in message and str(office) in message
    assert latest.kind is BackupKind.AUTOMATIC
    assert names(office) == ["Goldfuß"]
    [kept] = [b for b in backups.list_backups(office) if b.kind is BackupKind.DAMAGED]
    assert digest(kept.path) == damaged
    assert answers.asked == []


def test_a_damaged_file_kept_read_only_is_never_written(
    qapp: QApplication, office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damage_table(office, "organisations")
    before = digest(office)
    monkeypatch.setattr(storage, "offer_restore_damaged", lambda *_args: False)
    opened = Opened(monkeypatch)
    assert app_module.run_app(str(office), []) == 0
    assert opened.databases == [(office, True)]
    assert digest(office) == before
    assert sorted(p.name for p in office.parent.iterdir() if p.name.startswith("office")) == [
        "office.sqlite"
    ]
    assert [b.kind for b in backups.list_backups(office)] == [BackupKind.AUTOMATIC]


def test_a_file_sqlite_cannot_read_is_restored_or_refused(
    qapp: QApplication, office: Path, monkeypatch: pytest.MonkeyPatch, answers: Any
) -> None:
    data = bytearray(office.read_bytes())
    data[100:108] = b"\x55" * 8  # the schema's own page: nothing can be read
    office.write_bytes(bytes(data))
    unreadable = bytes(data)
    monkeypatch.setattr(storage, "offer_restore_damaged", lambda *_args: False)
    assert app_module.run_app(str(office), []) == 2
    [(kind, message)] = answers.asked
    assert kind == "refused" and "damaged" in message
    assert office.read_bytes() == unreadable

    monkeypatch.setattr(storage, "offer_restore_damaged", lambda *_args: True)
    opened = Opened(monkeypatch)
    assert app_module.run_app(str(office), []) == 0
    assert opened.databases == [(office, False)]
    assert names(office) == ["Goldfuß"]


def test_a_network_share_is_warned_about_once_without_blocking(
    qapp: QApplication, office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(network_fs, "network_filesystem", lambda _path: "nfs4")
    warned: list[str] = []
    monkeypatch.setattr(storage, "warn_network_share", lambda _parent, text: warned.append(text))
    opened = Opened(monkeypatch)
    assert app_module.run_app(str(office), []) == 0
    assert opened.databases == [(office, False)]
    [text] = warned
    assert "network drive (nfs4)" in text and "PostgreSQL" in text


def test_the_network_warning_does_not_wait(qapp: QApplication) -> None:
    box = storage.warn_network_share(None, "on a share")  # returns at once, the box open
    assert box.isVisible() and not box.isModal() and box.text() == "on a share"
    box.close()


def test_damage_dialog_screenshot(qapp: QApplication, office: Path, tmp_path: Path) -> None:
    from crm.db.damage import damage_message

    latest = backups.latest_good(office)
    box = storage.damaged_dialog(
        None,
        damage_message(office, ["Tree 7 page 7: btree header invalid"]),
        latest,
    )
    buttons = [button.text() for button in box.buttons()]
    assert buttons == ["&Restore the backup", "&Keep it read-only"] or sorted(buttons) == sorted(
        ["&Restore the backup", "&Keep it read-only"]
    )
    box.show()
    image = box.grab()
    assert image.save(str(tmp_path / "damaged.png"))
    box.close()
    shutil.copyfile(tmp_path / "damaged.png", tmp_path / "damaged-copy.png")
