"""Settings, Backups: the database file's backups (when, what kind, how big), "Back up now",
"Restore…" and "Open backups folder". Backups and the listing run on a worker of their own (a
backup reads through its own connection, so it never waits for, nor holds up, the app's work);
a restore runs on the app's worker and then starts the window afresh (ui.storage)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm.i18n import _
from ui import dialogs, storage
from ui.context import AppContext
from ui.widgets.form import FormSection
from ui.worker import DbWorker

if TYPE_CHECKING:
    from crm.db.backups import Backup

VISIBLE_ROWS = 6
STATUS_TIMEOUT_MS = 8000

Index = QModelIndex | QPersistentModelIndex


def open_folder(path: Path) -> None:
    """Show a folder in the system's file manager (tests replace this function)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class BackupListModel(QAbstractTableModel):
    """The backups of one database, newest first: date, kind, size."""

    DATE, KIND, SIZE = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backups: list[Backup] = []

    def set_backups(self, backups: list[Backup]) -> None:
        self.beginResetModel()
        self._backups = list(backups)
        self.endResetModel()

    def backup(self, row: int) -> Backup | None:
        return self._backups[row] if 0 <= row < len(self._backups) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._backups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {self.DATE: _("Taken"), self.KIND: _("Kind"), self.SIZE: _("Size")}.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        backup = self.backup(index.row())
        if backup is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.DATE:
                return storage.backup_date(backup)
            if column == self.KIND:
                return backup.kind.label
            if column == self.SIZE:
                return QLocale().formattedDataSize(backup.size, 1)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(backup.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _list(path: Path) -> list[Backup]:
    from crm.db.backups import list_backups

    return list_backups(path)


def _take(path: Path) -> Backup:
    from crm.db.backups import BackupKind, take_backup

    return take_backup(path, BackupKind.MANUAL)


class BackupsForm(FormSection):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(_("Backups"), parent)
        self.context = context
        self.worker = DbWorker(self)
        db = context.db
        self.db_path = db.path
        self.caption = QLabel()
        self.caption.setObjectName("fieldCaption")
        self.caption.setWordWrap(True)
        self.model = BackupListModel(self)
        self.table = QTableView()
        self.table.setObjectName("backupTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.restore_chosen())
        self.empty = QLabel(_("There are no backups of this database yet."))
        self.empty.setObjectName("fieldCaption")
        self.back_up = QPushButton(_("&Back up now"))
        self.back_up.clicked.connect(self.back_up_now)
        self.restore = QPushButton(_("&Restore…"))
        self.restore.clicked.connect(self.restore_chosen)
        self.open_folder = QPushButton(_("Open backups &folder"))
        self.open_folder.clicked.connect(self.show_folder)
        buttons = QHBoxLayout()
        for button in (self.back_up, self.restore, self.open_folder):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("fieldCaption")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body = QWidget()
        stack = QVBoxLayout(body)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(self.caption)
        stack.addWidget(self.table)
        stack.addWidget(self.empty)
        stack.addLayout(buttons)
        stack.addWidget(self.status)
        self.add_row(body)
        self._busy = False
        if self.db_path is None:
            self.caption.setText(
                _(
                    "This database is on a server: it is backed up there, by whoever runs the "
                    "server. Liaison backs up database files only."
                )
            )
            for widget in (self.table, self.empty, self.back_up, self.restore, self.open_folder):
                widget.hide()
        else:
            self.caption.setText(
                _(
                    "Liaison backs up this database when it starts (at most once a day) and "
                    "before every upgrade, checks every backup, and keeps the last 7 daily, "
                    "4 weekly and 12 monthly ones."
                )
            )
        self._fit_table()
        self._update_buttons()

    # --- listing ----------------------------------------------------------------------------

    def load(self) -> None:
        if self.db_path is not None:
            self.worker.submit(_list, self.db_path, on_done=self._show, busy=False)

    def _show(self, backups: list[Backup]) -> None:
        self.model.set_backups(backups)
        self.empty.setVisible(not backups)
        self.table.setVisible(bool(backups))
        self._fit_table()
        self._update_buttons()

    def _fit_table(self) -> None:
        rows = max(1, min(VISIBLE_ROWS, self.model.rowCount()))
        row_height = self.table.verticalHeader().defaultSectionSize()
        height = self.table.horizontalHeader().sizeHint().height() + rows * row_height
        self.table.setFixedHeight(height + 2 * self.table.frameWidth())

    def chosen(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup(rows[0].row()) if rows else None

    def _update_buttons(self, *_args: Any) -> None:
        writable = not self.context.db.read_only
        self.back_up.setEnabled(not self._busy and writable)
        choice = self.chosen()
        self.restore.setEnabled(not self._busy and choice is not None and choice.good)

    # --- actions ----------------------------------------------------------------------------

    def back_up_now(self) -> None:
        if self.db_path is None or self._busy:
            return
        self._busy = True
        self._update_buttons()
        self.status.setText(_("Backing up…"))
        self.worker.submit(
            _take, self.db_path, on_done=self._backed_up, on_error=self._failed, busy=False
        )

    def _backed_up(self, backup: Backup) -> None:
        self._busy = False
        self.status.setText(_("Backed up to {file}.").format(file=backup.path.name))
        self.context.say(_("The database was backed up."))
        self.load()

    def _failed(self, error: Exception) -> None:
        self._busy = False
        self._update_buttons()
        self.status.setText("")
        dialogs.show_error(self, str(error))

    def restore_chosen(self) -> None:
        backup = self.chosen()
        if backup is None or not backup.good or self.db_path is None or self._busy:
            return
        if not storage.confirm_restore(self, backup):
            return
        self._busy = True
        self._update_buttons()
        self.status.setText(_("Restoring…"))
        storage.restore_and_reopen(
            self.window(), self.context.db, backup.path, self.db_path, on_failed=self._not_restored
        )

    def _not_restored(self) -> None:
        self._busy = False
        self.status.setText("")
        self._update_buttons()

    def show_folder(self) -> None:
        if self.db_path is None:
            return
        from crm.db.backups import backup_dir

        open_folder(backup_dir(self.db_path, create=True))

    def shutdown(self) -> None:
        self.worker.shutdown()
