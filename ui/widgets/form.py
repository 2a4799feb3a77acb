"""Building blocks for the record editors: titled sections of captioned fields, each with its
own line for an error message, and the registry that puts a ValidationError's messages there.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Mark a widget for the style sheet's red border (property ``invalid``)."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class ErrorLine(QLabel):
    """A message under a field, hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.hide()

    def set_message(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(bool(message))


class Field(QWidget):
    """A caption above an input, and the input's error line below it."""

    def __init__(self, caption: str, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.widget = widget
        if isinstance(widget, QComboBox):
            # Not as wide as the longest entry: the two columns of a form stay equal.
            widget.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            widget.setMinimumContentsLength(8)
            widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        self.caption = QLabel(caption)
        self.caption.setObjectName("fieldCaption")
        self.caption.setBuddy(widget)
        layout.addWidget(self.caption)
        layout.addWidget(widget)
        self.error = ErrorLine()
        layout.addWidget(self.error)

    def set_error(self, message: str | None) -> None:
        set_invalid(self.widget, bool(message))
        self.error.set_message(message)


class FormSection(QFrame):
    """A titled group of fields in two columns; a row with one field spans both."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formSection")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)
        self.title = QLabel(title)
        self.title.setObjectName("sectionTitle")
        outer.addWidget(self.title)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(10)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        outer.addLayout(self.grid)

    def add_row(self, *fields: Field | QWidget) -> None:
        row = self.grid.rowCount()
        top = Qt.AlignmentFlag.AlignTop  # an error line under one field must not move the other
        if len(fields) == 1:
            self.grid.addWidget(fields[0], row, 0, 1, 2, top)
            return
        for column, field in enumerate(fields[:2]):
            self.grid.addWidget(field, row, column, top)


class ErrorGroup(Protocol):
    """A list editor (contact points, addresses) that shows messages keyed by row number."""

    def show_errors(self, errors: dict[int, str]) -> QWidget | None: ...

    def clear_errors(self) -> None: ...


class FieldErrors:
    """Field names (as the services name them) -> where their messages go, in form order."""

    def __init__(self, scroll: QScrollArea | None = None) -> None:
        self._scroll = scroll
        self._entries: list[tuple[str, Field | ErrorGroup]] = []

    def add(self, key: str, target: Field | ErrorGroup) -> None:
        self._entries.append((key, target))

    def clear(self) -> None:
        for _key, target in self._entries:
            if isinstance(target, Field):
                target.set_error(None)
            else:
                target.clear_errors()

    def show(self, errors: dict[str, str]) -> list[str]:
        """Show each message by its field and focus the first; returns the messages no
        field claimed (shown by the caller above the form)."""
        self.clear()
        first: QWidget | None = None
        claimed: set[str] = set()
        for key, target in self._entries:
            if isinstance(target, Field):
                if key in errors:
                    target.set_error(errors[key])
                    claimed.add(key)
                    first = first or target.widget
                continue
            rows = {}
            for name, message in errors.items():
                prefix, _dot, number = name.partition(".")
                if prefix == key and number.isdigit():
                    rows[int(number)] = message
                    claimed.add(name)
            if rows:
                widget = target.show_errors(rows)
                first = first or widget
        if first is not None:
            first.setFocus()
            if self._scroll is not None:
                self._scroll.ensureWidgetVisible(first, 40, 80)
        return [message for name, message in errors.items() if name not in claimed]
