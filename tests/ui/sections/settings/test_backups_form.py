"""Settings, Backups: the list of the database's backups, "Back up now", "Restore…" (confirmed,
then the window starts afresh on the restored file) and "Open backups folder"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from crm.db import backups
from crm.db.backups import BackupKind
from crm.db.database import Database
from crm.services.people import PersonInput, create_person
from ui import storage
from ui.sections.settings import backups_form

WAIT_MS = 10000


@pytest.fixture
def form(window: Any, wait_idle: Callable[[Any], None], qtbot: QtBot) -> Any:
    window.go_to("settings")
    wait_idle(window)
    form = window.section("settings").backups
    qtbot.waitUntil(form.worker.is_idle, timeout=WAIT_MS)
    return form


def choose(form: Any, row: int) -> None:
    index = form.model.index(row, 0)
    form.table.selectionModel().select(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_back_up_now_lists_the_backup(
    qtbot: QtBot, form: Any, db: Database, qtmodeltester: Any
) -> None:
    assert form.model.rowCount() == 0 and form.empty.isVisibleTo(form)
    assert not form.restore.isEnabled()
    qtbot.mouseClick(form.back_up, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.model.rowCount() == 1, timeout=WAIT_MS)
    assert db.path is not None
    [backup] = backups.list_backups(db.path)
    assert backup.kind is BackupKind.MANUAL
    assert form.model.index(0, 1).data() == "manual"
    assert form.model.index(0, 2).data().endswith(("KiB", "KB", "MiB", "MB"))
    assert form.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == str(backup.path)
    assert backup.path.name in form.status.text()
    assert form.table.isVisibleTo(form) and not form.empty.isVisibleTo(form)
    qtmodeltester.check(form.model)


def test_restore_asks_then_reopens_the_restored_database(
    qtbot: QtBot,
    window: Any,
    db: Database,
    wait_idle: Callable[[Any], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert db.path is not None
    create_person(db, PersonInput(family_name="Kept"))
    backups.take_backup(db.path, now=datetime(2026, 12, 1, 9, tzinfo=UTC))
    create_person(db, PersonInput(family_name="Dropped"))
    window.go_to("settings")
    wait_idle(window)
    form = window.section("settings").backups
    qtbot.waitUntil(lambda: form.model.rowCount() == 1, timeout=WAIT_MS)
    asked: list[Any] = []

    def confirm(_parent: Any, backup: Any) -> bool:
        asked.append(backup)
        return len(asked) > 1  # "Cancel" the first time

    monkeypatch.setattr(storage, "confirm_restore", confirm)
    choose(form, 0)
    assert form.restore.isEnabled()
    qtbot.mouseClick(form.restore, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and window.isEnabled() and window.isVisible()
    qtbot.mouseClick(form.restore, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT_MS)
    assert window.property(storage.RESTART_PROPERTY) is True
    restored = Database.open(db.path, create=False)
    try:
        from sqlalchemy import select

        from crm.db.models import Person

        with restored.read() as session:
            assert list(session.scalars(select(Person.family_name))) == ["Kept"]
    finally:
        restored.close()
    kinds = sorted(b.kind.value for b in backups.list_backups(db.path))
    assert kinds == ["before-restore", "manual"]


def test_open_backups_folder(
    qtbot: QtBot, form: Any, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(backups_form, "open_folder", opened.append)
    qtbot.mouseClick(form.open_folder, Qt.MouseButton.LeftButton)
    assert db.path is not None
    assert opened == [backups.backup_dir(db.path)] and opened[0].is_dir()


def test_a_read_only_database_cannot_be_backed_up_from_the_page(form: Any, db: Database) -> None:
    db.read_only = True
    try:
        form._update_buttons()
        assert not form.back_up.isEnabled()
    finally:
        db.read_only = False


def test_screenshot(qtbot: QtBot, window: Any, form: Any, db: Database, tmp_path: Path) -> None:
    assert db.path is not None
    for day, kind in (
        (1, BackupKind.AUTOMATIC),
        (3, BackupKind.BEFORE_UPGRADE),
        (5, BackupKind.MANUAL),
    ):
        backups.take_backup(db.path, kind, now=datetime(2026, 12, day, 8, 30, tzinfo=UTC))
    form.load()
    qtbot.waitUntil(lambda: form.model.rowCount() == 3, timeout=WAIT_MS)
    choose(form, 0)
    image = form.grab()
    assert image.save(str(tmp_path / "settings-backups.png"))
    assert image.width() > 300
