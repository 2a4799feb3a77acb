"""Undo of the last change, from anywhere in the app: the Edit menu's entry names what it will
undo (“Undo Edit person: Olena Koval”), and the ChangeSet it returns refreshes what it names."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from crm.i18n import _
from ui import dialogs
from ui.context import AppContext


class UndoController(QObject):
    undone = Signal(object)  # the ChangeSet of the undo

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.context: AppContext | None = None
        self.action = QAction(_("&Undo"), parent)
        self.action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.action.triggered.connect(self.undo)
        self.action.setEnabled(False)
        parent.addAction(self.action)

    def attach(self, context: AppContext) -> None:
        self.context = context
        context.changed.connect(lambda _changes: self.refresh())
        self.refresh()

    def undo(self) -> None:
        from crm.services import trash

        if self.context is not None:
            self.context.run(trash.undo_last, on_done=self._undone, on_error=self._failed)

    def _undone(self, changes: Any) -> None:
        assert self.context is not None
        self.context.announce(changes)  # also refreshes the label
        self.undone.emit(changes)

    def _failed(self, error: Exception) -> None:
        from crm.services.errors import ServiceError

        if isinstance(error, ServiceError):
            dialogs.show_error(self._parent, str(error))
        else:
            dialogs.show_unexpected(self._parent, error)
        self.refresh()

    def refresh(self) -> None:
        from crm.services.trash import last_undoable_label

        if self.context is not None:
            self.context.run(last_undoable_label, on_done=self._show, busy=False)

    def _show(self, label: str | None) -> None:
        self.action.setEnabled(label is not None)
        if label is None:
            self.action.setText(_("&Undo"))
            self.action.setToolTip(_("Nothing to undo"))
        else:
            # A name such as "Müller & Söhne" must not turn into a keyboard accelerator.
            self.action.setText(_("&Undo {label}").format(label=label.replace("&", "&&")))
            self.action.setToolTip(_("Undo {label} (Ctrl+Z)").format(label=label))
