"""The files of a register entry: add any file, open one with the system's viewer, remove one.

A file is read into the database as soon as it is added (on the worker); the entry's save then
links it. Opening writes a temporary copy and hands it to the desktop: ``choose_files`` and
``open_file`` are module functions so tests replace them (no dialog, no viewer launched).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm.i18n import _
from crm.services import attachments
from crm.services.attachments import AttachmentRef
from ui import dialogs
from ui.context import AppContext
from ui.icons import icon

REF_ROLE = Qt.ItemDataRole.UserRole + 1


def choose_files(parent: QWidget) -> list[str]:
    """Ask which files to attach (the platform's own dialog)."""
    paths, _filter = QFileDialog.getOpenFileNames(parent, _("Attach files"))
    return paths


def open_file(path: Path) -> bool:
    """Open ``path`` with the viewer the desktop uses for its type."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def size_text(size: int) -> str:
    if size < 1024:
        return _("{count} bytes").format(count=size)
    if size < 1024 * 1024:
        return _("{count} KB").format(count=round(size / 1024))
    return _("{count} MB").format(count=f"{size / 1024 / 1024:.1f}")


class AttachmentsList(QWidget):
    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.list = QListWidget()
        self.list.setObjectName("attachmentList")
        self.list.setAccessibleName(_("Attached files"))
        self.list.setMaximumHeight(self.fontMetrics().height() * 6 + 12)
        self.list.itemActivated.connect(lambda _item: self.open_current())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        layout.addWidget(self.list)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(icon("plus"), _("Add fi&le…"))
        self.add_button.setObjectName("addRowButton")
        self.add_button.setFlat(True)
        self.add_button.clicked.connect(self.add_files)
        self.open_button = QPushButton(_("&Open"))
        self.open_button.clicked.connect(self.open_current)
        self.remove_button = QPushButton(icon("close"), _("Remove"))
        self.remove_button.clicked.connect(self.remove_current)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        layout.addLayout(buttons)
        self._update_buttons()

    def refs(self) -> list[AttachmentRef]:
        return [self.list.item(row).data(REF_ROLE) for row in range(self.list.count())]

    def set_refs(self, refs: list[AttachmentRef]) -> None:
        self.list.clear()
        for ref in refs:
            self._append(ref)
        self._update_buttons()

    def _append(self, ref: AttachmentRef) -> None:
        item = QListWidgetItem(f"{ref.filename}  ({size_text(ref.size)})")
        item.setData(REF_ROLE, ref)
        item.setToolTip(ref.filename)
        self.list.addItem(item)

    def _update_buttons(self) -> None:
        chosen = self.list.currentRow() >= 0
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        any_files = self.list.count() > 0
        for widget in (self.list, self.open_button, self.remove_button):
            widget.setVisible(any_files)

    def add_files(self) -> None:
        for path in choose_files(self):
            self._context.run(
                attachments.store_file, path, on_done=self._stored, on_error=self._failed
            )

    def _stored(self, ref: AttachmentRef) -> None:
        self._append(ref)
        self.list.setCurrentRow(self.list.count() - 1)
        self._update_buttons()
        self.changed.emit()

    def open_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        ref: AttachmentRef = item.data(REF_ROLE)
        self._context.run(attachments.ref_to_temp, ref, on_done=self._open, on_error=self._failed)

    def _open(self, path: Path) -> None:
        if not open_file(path):
            dialogs.show_error(
                self, _("No program on this computer opens “{name}”.").format(name=path.name)
            )

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self.list.takeItem(row)
        self._update_buttons()
        self.changed.emit()

    def _failed(self, error: Exception) -> None:
        from crm.services.errors import ServiceError, ValidationError

        if isinstance(error, ValidationError):
            dialogs.show_error(self, "\n".join(error.errors.values()))
        elif isinstance(error, ServiceError):
            dialogs.show_error(self, str(error))
        else:
            self._context.worker.unhandled_error.emit(error)
