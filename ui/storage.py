"""The database file's safety in the app: the automatic backup after start, the damaged-file
message with its offer to restore, the network-share warning, and restoring a backup.

A restore closes the database on the worker, replaces the file (crm.db.backups.restore) and then
asks the app to start the window afresh on the restored file (``request_restart``; ui.app runs
its loop again), so no section keeps rows of the database it replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from crm.i18n import _
from ui import dialogs
from ui.worker import DbWorker

if TYPE_CHECKING:
    from crm.db.backups import Backup, DailyBackup
    from crm.db.database import Database

RESTART_PROPERTY = "liaisonRestart"
BACKUP_AFTER_MS = 1000  # after the first screen, before it matters to anyone


# --- the questions (tests replace these functions) ----------------------------------------------


def damaged_dialog(parent: QWidget | None, message: str, latest: Backup | None) -> QMessageBox:
    """The box that says the database is damaged and offers the latest good backup."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_("The database is damaged"))
    box.setText(message)
    if latest is not None:
        box.setInformativeText(
            _(
                "Liaison has opened it read-only: you can look things up, but not change "
                "anything. Restore the latest good backup, of {date}? The damaged file is kept "
                "in the backups folder as it is; changes made after the backup are not in it."
            ).format(date=backup_date(latest))
        )
        box.addButton(_("&Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("&Keep it read-only"), QMessageBox.ButtonRole.RejectRole)
    else:
        box.setInformativeText(
            _(
                "Liaison has opened it read-only: you can look things up, but not change "
                "anything. There is no backup of it to restore; copy the file somewhere safe "
                "and ask your IT department for help."
            )
        )
        box.addButton(QMessageBox.StandardButton.Ok)
    return box


def offer_restore_damaged(parent: QWidget | None, message: str, latest: Backup | None) -> bool:
    """True when the user wants the latest good backup restored."""
    box = damaged_dialog(parent, message, latest)
    box.exec()
    clicked = box.clickedButton()
    return latest is not None and box.buttonRole(clicked) == QMessageBox.ButtonRole.AcceptRole


def confirm_restore(parent: QWidget | None, backup: Backup) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Restore a backup"))
    box.setText(_("Restore the backup of {date}?").format(date=backup_date(backup)))
    box.setInformativeText(
        _(
            "The database is replaced by this backup: what was entered after {date} is no "
            "longer in it. Liaison first backs up the database as it is now, so you can go "
            "back to it by restoring that backup. Then Liaison opens the restored database."
        ).format(date=backup_date(backup))
    )
    restore = box.addButton(_("&Restore"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is restore


def warn_network_share(parent: QWidget | None, message: str) -> QMessageBox:
    """A warning that does not wait for an answer (the app goes on working)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Database on a network drive"))
    box.setText(message)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


def backup_date(backup: Backup) -> str:
    """When a backup was taken, in this computer's time: 05.12.2026 09:30 (or 2026-12-05)."""
    from ui.formats import format_date

    local = backup.taken.astimezone()
    return f"{format_date(local.date())} {local:%H:%M}"


# --- after start ------------------------------------------------------------------------------


class StartupStorage(QObject):
    """What the window does about the file once the database is open."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.backups = DbWorker(self)  # backups read through their own connection
        self.result: DailyBackup | None = None

    def database_opened(self, db: Database) -> None:
        if db.network_filesystem is not None and db.path is not None:
            from crm.db.network_fs import network_warning

            warn_network_share(self.window, network_warning(db.path, db.network_filesystem))
        if db.path is None:
            return
        if db.damage is not None:
            self.offer_restore(db)
            return
        # Once the first section has its data: begun at once, the check and the copy would
        # compete with its read for the interpreter and the disk (100 ms later on screen).
        self.window.worker.idle.connect(
            lambda: QTimer.singleShot(BACKUP_AFTER_MS, self.window, lambda: self._start_backup(db)),
            Qt.ConnectionType.SingleShotConnection,
        )

    def _start_backup(self, db: Database) -> None:
        from crm.db.backups import daily_backup

        assert db.path is not None
        self.backups.submit(
            daily_backup,
            db.path,
            on_done=lambda result: self._backed_up(db, result),
            busy=False,
        )

    def shutdown(self) -> None:
        self.backups.shutdown()

    def _backed_up(self, db: Database, result: DailyBackup) -> None:
        self.result = result
        if result.backup is not None:
            self.window.statusBar().showMessage(_("The database was backed up."), 8000)
        if result.damage is not None:
            db.read_only = True
            db.damage = result.damage
            self.offer_restore(db)
        elif result.failure is not None:
            dialogs.show_error(self.window, result.failure)

    def offer_restore(self, db: Database) -> None:
        from crm.db.backups import latest_good
        from crm.db.damage import damage_summary

        assert db.path is not None and db.damage is not None
        latest = latest_good(db.path)
        if offer_restore_damaged(self.window, damage_summary(db.path, db.damage.problems), latest):
            assert latest is not None
            restore_and_reopen(self.window, db, latest.path, db.path)


# --- restoring --------------------------------------------------------------------------------


def request_restart(window: QWidget) -> None:
    """Close the window; ui.app opens a new one on the same database."""
    window.setProperty(RESTART_PROPERTY, True)
    window.close()


def restore_job(db: Database | None, backup_file: Path, db_path: Path) -> Any:
    from crm.db.backups import restore

    if db is not None:
        db.close()
    return restore(backup_file, db_path)


def restore_and_reopen(
    window: Any,
    db: Database | None,
    backup_file: Path,
    db_path: Path,
    on_failed: Callable[[], None] | None = None,
) -> None:
    """Restore on the window's worker (after every job queued before), then start afresh.
    When the restore is refused nothing was replaced: the window goes on as it was."""
    window.setEnabled(False)

    def done(_result: Any) -> None:
        request_restart(window)

    def failed(error: Exception) -> None:
        window.setEnabled(True)
        if on_failed is not None:
            on_failed()
        dialogs.show_error(window, str(error))

    window.worker.submit(restore_job, db, backup_file, db_path, on_done=done, on_error=failed)


def offer_restore_unopenable(window: Any, error: Exception) -> bool:
    """A damaged file SQLite cannot even read: offer its latest good backup. True when the
    restore was started (the window then starts afresh)."""
    from crm.db.backups import latest_good
    from crm.db.damage import DatabaseDamaged, damage_summary

    if not isinstance(error, DatabaseDamaged):
        return False
    latest = latest_good(error.path)
    if latest is None:
        return False
    if not offer_restore_damaged(window, damage_summary(error.path, error.problems), latest):
        return False
    restore_and_reopen(window, None, latest.path, error.path)
    return True
