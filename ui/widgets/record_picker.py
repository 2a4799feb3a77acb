"""Choose a record (an organisation, a person) by typing part of its name.

The choices come from the service (search in SQL) on the worker, a moment after the user stops
typing; picking one sets the id. Text typed without picking leaves no id (``is_unresolved``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from ui.context import AppContext

if TYPE_CHECKING:
    from crm.db.database import Database

ChoicesFunction = Callable[["Database", str], list[tuple[int, str]]]
ID_ROLE = Qt.ItemDataRole.UserRole + 1
DEBOUNCE_MS = 150


class RecordPicker(QLineEdit):
    value_changed = Signal()

    def __init__(
        self,
        context: AppContext,
        choices: ChoicesFunction,
        placeholder: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._choices = choices
        self._id: int | None = None
        self._name = ""
        self._generation = 0
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self._model = QStandardItemModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setMaxVisibleItems(10)
        self.setCompleter(self._completer)
        self._completer.activated[QModelIndex].connect(self._chosen)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._look_up)
        self.textEdited.connect(self._edited)

    def value(self) -> int | None:
        return self._id

    def name(self) -> str:
        return self._name

    def set_value(self, record_id: int | None, name: str | None) -> None:
        self._id = record_id
        self._name = name or ""
        self.setText(self._name)
        self.setCursorPosition(0)
        self.setToolTip(self._name)

    def is_unresolved(self) -> bool:
        """Text typed but no record chosen for it."""
        return bool(self.text().strip()) and self._id is None

    def _edited(self, text: str) -> None:
        if self._id is not None and text != self._name:
            self._id = None
            self._name = ""
        if not text.strip():
            self._id = None
        self.value_changed.emit()
        self._timer.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self._completer.popup()
        if event.key() == Qt.Key.Key_Down and not popup.isVisible():
            self._look_up()
            return
        super().keyPressEvent(event)

    def _look_up(self) -> None:
        self._generation += 1
        generation = self._generation
        self._context.run(
            self._choices,
            self.text().strip(),
            on_done=lambda found: self._show_choices(generation, found),
            busy=False,
        )

    def _show_choices(self, generation: int, found: list[tuple[int, str]]) -> None:
        if generation != self._generation or not self.hasFocus():
            return
        self._model.clear()
        for record_id, name in found:
            item = QStandardItem(name)
            item.setData(record_id, ID_ROLE)
            self._model.appendRow(item)
        if found:
            self._completer.complete()

    def _chosen(self, index: QModelIndex) -> None:
        record_id = index.data(ID_ROLE)
        if record_id is None:
            return
        self._id = int(record_id)
        self._name = str(index.data(Qt.ItemDataRole.DisplayRole))
        self.setText(self._name)
        self.value_changed.emit()
