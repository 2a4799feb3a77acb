"""An editable list of small forms (contact points, addresses, affiliations): add, remove,
and a message line under each row for the service's ``name.N`` validation errors."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm.i18n import _
from ui.icons import icon
from ui.widgets.form import ErrorLine, set_invalid

Item = TypeVar("Item")


class ListRow(QWidget):
    """One row: the subclass fills ``fields`` (an HBox); the remove button and the error line
    come from here."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        line = QHBoxLayout()
        line.setSpacing(6)
        self.fields = QHBoxLayout()
        self.fields.setSpacing(6)
        line.addLayout(self.fields, 1)
        self.remove_button = QToolButton()
        self.remove_button.setIcon(icon("close"))
        self.remove_button.setAutoRaise(True)
        self.remove_button.setToolTip(_("Remove this entry"))
        self.remove_button.setAccessibleName(_("Remove this entry"))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        line.addWidget(self.remove_button)
        outer.addLayout(line)
        self.error = ErrorLine()
        outer.addWidget(self.error)

    def first_input(self) -> QWidget:
        item = self.fields.itemAt(0)
        widget = item.widget() if item is not None else None
        return widget or self

    def error_input(self) -> QWidget:
        """The input the error is most likely about (marked red, focused)."""
        return self.first_input()

    def set_error(self, message: str | None) -> None:
        self.error.set_message(message)
        set_invalid(self.error_input(), bool(message))


Row = TypeVar("Row", bound=ListRow)


class RowListEditor(QWidget, Generic[Item, Row]):
    """Subclasses create rows (``make_row``) and turn rows into inputs (``row_value``)."""

    changed = Signal()

    def __init__(self, add_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setSpacing(6)
        layout.addLayout(self._rows_layout)
        self.add_button = QPushButton(icon("plus"), add_text)
        self.add_button.setObjectName("addRowButton")
        self.add_button.setFlat(True)
        self.add_button.clicked.connect(self._add_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def make_row(self, item: Item | None) -> Row:
        raise NotImplementedError

    def row_value(self, row: Row) -> Item | None:
        """The input for a row; None for a row left empty (it is dropped)."""
        raise NotImplementedError

    def set_items(self, items: list[Item]) -> None:
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        for item in items:
            self._append(item)

    def items(self) -> list[Item]:
        return [value for row in self.rows if (value := self.row_value(row)) is not None]

    def _append(self, item: Item | None) -> Row:
        row = self.make_row(item)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self._remove)
        self._rows_layout.addWidget(row)
        self.rows.append(row)
        self._after_rows_changed()
        return row

    def _add_clicked(self) -> None:
        row = self._append(None)
        row.first_input().setFocus()
        self.changed.emit()

    def _remove(self, row: Row) -> None:
        if row in self.rows:
            position = self.rows.index(row)
            self.rows.remove(row)
            row.hide()
            row.deleteLater()
            self._after_rows_changed()
            self.changed.emit()
            focus = self.rows[min(position, len(self.rows) - 1)] if self.rows else None
            (focus.first_input() if focus else self.add_button).setFocus()

    def _after_rows_changed(self) -> None:
        """Hook for subclasses (e.g. hide the labels row when there are no rows)."""

    def show_errors(self, errors: dict[int, str]) -> QWidget | None:
        """Messages keyed by the position among the *non-empty* rows (as they were sent)."""
        first: QWidget | None = None
        sent = [row for row in self.rows if self.row_value(row) is not None]
        for position, row in enumerate(sent):
            message = errors.get(position)
            row.set_error(message)
            if message and first is None:
                first = row.error_input()
        return first

    def clear_errors(self) -> None:
        for row in self.rows:
            row.set_error(None)
