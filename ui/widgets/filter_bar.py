"""The bar above a list: a text filter, choice filters, the count and the New button."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ui.icons import icon
from ui.widgets.choice_combo import ChoiceCombo

TEXT_DEBOUNCE_MS = 200


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, placeholder: str, new_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(12, 10, 12, 10)
        self._layout.setSpacing(8)
        self.text = QLineEdit()
        self.text.setObjectName("filterText")
        self.text.setPlaceholderText(placeholder)
        self.text.setAccessibleName(placeholder)
        self.text.setClearButtonEnabled(True)
        self.text.addAction(
            QAction(icon("search"), "", self.text), QLineEdit.ActionPosition.LeadingPosition
        )
        self.text.setMinimumWidth(150)
        self.text.setMaximumWidth(360)
        self._layout.addWidget(self.text, 1)
        self._combos: list[ChoiceCombo] = []
        self._stretch_at = self._layout.count()
        self._layout.addStretch(1)
        self.count = QLabel()
        self.count.setObjectName("countLabel")
        self._layout.addWidget(self.count)
        self.new_button = QPushButton(icon("plus"), new_text)
        self.new_button.setObjectName("primaryButton")
        self._layout.addWidget(self.new_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TEXT_DEBOUNCE_MS)
        self._timer.timeout.connect(self.changed)
        self.text.textChanged.connect(self._timer.start)

    def add_combo(
        self, combo: ChoiceCombo, accessible_name: str, characters: int | None = None
    ) -> ChoiceCombo:
        """Add a choice filter; ``characters``: how narrow it may get when space is short
        (it is as wide as its longest entry when there is room)."""
        if characters is not None:
            character = combo.fontMetrics().averageCharWidth()
            # Never narrower than its "All …" entry, whatever the language makes of it.
            shown = combo.fontMetrics().horizontalAdvance(combo.itemText(0))
            combo.setMinimumWidth(max(characters * character, shown) + 52)
            combo.setMaximumWidth(max(combo.minimumWidth(), 34 * character))
        combo.setAccessibleName(accessible_name)
        combo.setToolTip(accessible_name)
        combo.value_changed.connect(lambda _value: self.changed.emit())
        self._layout.insertWidget(self._stretch_at, combo)
        self._stretch_at += 1
        self._combos.append(combo)
        return combo

    def text_value(self) -> str:
        return self.text.text().strip()

    def is_active(self) -> bool:
        return bool(self.text_value()) or any(c.value() is not None for c in self._combos)

    def reset(self) -> None:
        """Clear every filter (one ``changed`` at the end)."""
        self._timer.stop()
        for widget in (self.text, *self._combos):
            widget.blockSignals(True)
        self.text.clear()
        for combo in self._combos:
            combo.set_value(None)
        for widget in (self.text, *self._combos):
            widget.blockSignals(False)
        self.changed.emit()

    def flush(self) -> None:
        """Apply a text filter still waiting for its pause (Enter in the field)."""
        if self._timer.isActive():
            self._timer.stop()
            self.changed.emit()
