"""Editable tags (a partnership's themes): chips with a remove button, and a field that
completes from the names already in use. Enter or a comma adds; Backspace on an empty field
removes the last chip."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QFrame, QLineEdit, QToolButton, QWidget

from crm.i18n import _
from ui.icons import icon
from ui.widgets.flow_layout import FlowLayout


class TagChip(QToolButton):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tag = text
        self.setObjectName("tagChip")
        self.setText(text)
        self.setIcon(icon("close"))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the × after the text
        self.setToolTip(_("Remove “{tag}”").format(tag=text))
        self.setAccessibleName(_("Remove “{tag}”").format(tag=text))
        self.setCursor(Qt.CursorShape.PointingHandCursor)


class _TagLine(QLineEdit):
    backspace_on_empty = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Backspace and not self.text():
            self.backspace_on_empty.emit()
            return
        super().keyPressEvent(event)


class TagEditor(QFrame):
    changed = Signal()

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagEditor")
        self._tags: list[str] = []
        self._layout = FlowLayout(self, spacing=6)
        self._layout.setContentsMargins(6, 5, 6, 5)
        self.line = _TagLine()
        self.line.setObjectName("tagLine")
        self.line.setFrame(False)
        self.line.setPlaceholderText(placeholder)
        self.line.setMinimumWidth(self.fontMetrics().horizontalAdvance(placeholder) + 24)
        self.line.returnPressed.connect(self._commit)
        self.line.textEdited.connect(self._maybe_comma)
        self.line.backspace_on_empty.connect(self._remove_last)
        self._completer = QCompleter([], self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self._completer.activated[str].connect(self._completed)
        self.line.setCompleter(self._completer)
        self._layout.addWidget(self.line)
        self.setFocusProxy(self.line)

    def set_suggestions(self, names: list[str]) -> None:
        model = self._completer.model()
        model.setStringList(names)  # type: ignore[attr-defined]

    def tags(self) -> list[str]:
        pending = self.line.text().strip().strip(",").strip()
        return self._tags + ([pending] if pending and pending not in self._tags else [])

    def set_tags(self, tags: list[str] | tuple[str, ...]) -> None:
        for position in reversed(range(self._layout.count())):
            item = self._layout.itemAt(position)
            widget = item.widget() if item is not None else None
            if isinstance(widget, TagChip):
                self._layout.takeAt(position)
                widget.hide()
                widget.deleteLater()
        self._tags = []
        self.line.clear()
        for tag in tags:
            self._add(tag, announce=False)

    def _add(self, text: str, *, announce: bool = True) -> None:
        tag = text.strip()
        if not tag or tag.casefold() in (t.casefold() for t in self._tags):
            return
        self._tags.append(tag)
        chip = TagChip(tag)
        chip.clicked.connect(lambda: self._remove(chip))
        self._layout.insertWidget(len(self._tags) - 1, chip)
        chip.show()
        if announce:
            self.changed.emit()

    def _remove(self, chip: TagChip) -> None:
        if chip.tag in self._tags:
            self._tags.remove(chip.tag)
        for position in range(self._layout.count()):
            item = self._layout.itemAt(position)
            if item is not None and item.widget() is chip:
                self._layout.takeAt(position)
                break
        chip.hide()
        chip.deleteLater()
        self.line.setFocus()
        self.changed.emit()

    def _remove_last(self) -> None:
        for position in reversed(range(self._layout.count())):
            item = self._layout.itemAt(position)
            if item is not None and isinstance(item.widget(), TagChip):
                self._remove(item.widget())  # type: ignore[arg-type]
                return

    def _commit(self) -> None:
        if self._completer.popup().isVisible():
            return
        self._add(self.line.text())
        self.line.clear()

    def _completed(self, text: str) -> None:
        self._add(text)
        QTimer.singleShot(0, self.line.clear)  # after the completer has written its text

    def _maybe_comma(self, text: str) -> None:
        if "," in text:
            *done, rest = text.split(",")
            for tag in done:
                self._add(tag)
            self.line.setText(rest.lstrip())
        else:
            self.changed.emit()
