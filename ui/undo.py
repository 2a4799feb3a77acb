"""Undo and redo of the last change, from anywhere in the app: the Edit menu's entries name
what they will undo or redo (“Undo Edit person: Olena Koval”), and the ChangeSet each returns
refreshes what it names."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from crm.i18n import _
from ui import dialogs
from ui.context import AppContext

# Beside the platform's own Redo key: the two that people bring from other applications.
REDO_KEYS = (QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y")


def _shortcuts(*keys: QKeySequence.StandardKey | str) -> list[QKeySequence]:
    """Every sequence the keys stand for, each once (the platform's may be one of the others)."""
    sequences: list[QKeySequence] = []
    for key in keys:
        found = (
            QKeySequence.keyBindings(key)
            if isinstance(key, QKeySequence.StandardKey)
            else [QKeySequence(key)]
        )
        for sequence in found:
            if not sequence.isEmpty() and sequence not in sequences:
                sequences.append(sequence)
    return sequences


def _native(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def _menu_text(label: str) -> str:
    # A name such as "Müller & Söhne" must not turn into a keyboard accelerator.
    return label.replace("&", "&&")


class UndoController(QObject):
    undone = Signal(object)  # the ChangeSet of the undo
    redone = Signal(object, str)  # the ChangeSet of the redo, and what was redone

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.context: AppContext | None = None
        self._redo_label: str | None = None
        self.action = QAction(_("&Undo"), parent)
        self.action.setShortcuts(_shortcuts(QKeySequence.StandardKey.Undo))
        self.action.triggered.connect(self.undo)
        self.action.setEnabled(False)
        parent.addAction(self.action)
        self.redo_action = QAction(_("&Redo"), parent)
        self.redo_action.setShortcuts(_shortcuts(*REDO_KEYS))
        self.redo_action.triggered.connect(self.redo)
        self.redo_action.setEnabled(False)
        parent.addAction(self.redo_action)
        self._show(None)
        self._show_redo(None)

    def attach(self, context: AppContext) -> None:
        self.context = context
        context.changed.connect(lambda _changes: self.refresh())
        self.refresh()

    # --- doing ----------------------------------------------------------------------------------

    def undo(self) -> None:
        from crm.services import trash

        if self.context is not None:
            self.context.run(trash.undo_last, on_done=self._undone, on_error=self._failed)

    def redo(self) -> None:
        from crm.services import trash

        if self.context is not None:
            label = self._redo_label or ""  # what the menu named when the user chose it
            self.context.run(
                trash.redo_last,
                on_done=lambda changes: self._redone(changes, label),
                on_error=self._failed,
            )

    def _undone(self, changes: Any) -> None:
        assert self.context is not None
        self.context.announce(changes)  # also refreshes the labels
        self.undone.emit(changes)

    def _redone(self, changes: Any, label: str) -> None:
        assert self.context is not None
        self.context.announce(changes)
        self.redone.emit(changes, label)

    def _failed(self, error: Exception) -> None:
        from crm.services.errors import ServiceError

        if isinstance(error, ServiceError):
            dialogs.show_error(self._parent, str(error))
        else:
            dialogs.show_unexpected(self._parent, error)
        self.refresh()

    # --- the menu entries -------------------------------------------------------------------

    def refresh(self) -> None:
        from crm.services.trash import last_redoable_label, last_undoable_label

        if self.context is not None:
            self.context.run(last_undoable_label, on_done=self._show, busy=False)
            self.context.run(last_redoable_label, on_done=self._show_redo, busy=False)

    def _show(self, label: str | None) -> None:
        self.action.setEnabled(label is not None)
        key = _native(self.action.shortcut())
        if label is None:
            self.action.setText(_("&Undo"))
            self.action.setToolTip(_("Nothing to undo"))
        else:
            self.action.setText(_("&Undo {label}").format(label=_menu_text(label)))
            self.action.setToolTip(_("Undo {label} ({key})").format(label=label, key=key))

    def _show_redo(self, label: str | None) -> None:
        self._redo_label = label
        self.redo_action.setEnabled(label is not None)
        key = _native(self.redo_action.shortcut())
        if label is None:
            self.redo_action.setText(_("&Redo"))
            self.redo_action.setToolTip(_("Nothing to redo"))
        else:
            self.redo_action.setText(_("&Redo {label}").format(label=_menu_text(label)))
            self.redo_action.setToolTip(_("Redo {label} ({key})").format(label=label, key=key))
