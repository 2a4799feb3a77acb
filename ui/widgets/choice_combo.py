"""A combo box over (value, label) pairs that hands back the stored value, not the text."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

SHORT_LIST = 20
ARROW_AND_PADDING = 44


class ChoiceCombo(QComboBox):
    """``empty`` is the label of the "no value" entry ("All" in filters, "—" in forms)."""

    value_changed = Signal(object)

    def __init__(
        self,
        choices: dict[str, str] | list[tuple[str, str]],
        empty: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._empty = empty
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.set_choices(choices)
        self.currentIndexChanged.connect(lambda _index: self.value_changed.emit(self.value()))

    def set_choices(self, choices: dict[str, str] | list[tuple[str, str]]) -> None:
        """Replace the entries, keeping the current value when it is still there."""
        current = self.value() if self.count() else None
        pairs = list(choices.items()) if isinstance(choices, dict) else list(choices)
        # Restore the caller's state: a caller that blocked signals (a quiet refill) keeps
        # them blocked for the set_value below too.
        was_blocked = self.blockSignals(True)
        self.clear()
        if self._empty is not None:
            self.addItem(self._empty, None)
        for value, text in pairs:
            self.addItem(text, value)
        self.blockSignals(was_blocked)
        self.set_value(current)

    def minimumSizeHint(self) -> QSize:
        # A short vocabulary (kinds, statuses, ratings) is never cut off in a form: such a
        # combo may not get narrower than its longest entry. Long lists (countries) may.
        hint = super().minimumSizeHint()
        if self.count() > SHORT_LIST:
            return hint
        metrics = self.fontMetrics()
        widths = (metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count()))
        widest = max(widths, default=0)
        return QSize(max(hint.width(), widest + ARROW_AND_PADDING), hint.height())

    def value(self) -> str | None:
        data = self.currentData()
        return None if data is None else str(data)

    def set_value(self, value: str | None) -> None:
        index = self.findData(value) if value is not None else (0 if self._empty else -1)
        if index < 0 and value is not None:
            # A stored value the list does not know (an older vocabulary): show it as it is.
            self.addItem(value, value)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0) if self.count() else -1)


class SearchableChoiceCombo(ChoiceCombo):
    """A long list (countries): the user can type part of a name to find the entry."""

    def __init__(
        self,
        choices: dict[str, str] | list[tuple[str, str]],
        empty: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(choices, empty, parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        if self.lineEdit() is not None and empty is not None:
            self.lineEdit().setPlaceholderText(empty)

    def typed_text(self) -> str:
        return self.currentText().strip()

    def value(self) -> str | None:
        """The chosen entry's value; text that matches no entry is handed back as typed."""
        if not self.isEditable():
            return super().value()
        text = self.currentText().strip()
        if not text or (self._empty is not None and text == self._empty):
            return None
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            data = self.itemData(index)
            return None if data is None else str(data)
        return text
