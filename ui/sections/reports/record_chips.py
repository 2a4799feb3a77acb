"""Several records chosen by name (the people or organisations of a contact sheet): a chip for
each, with a remove button, and a picker that searches as one types."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QWidget

from ui.context import AppContext
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.record_picker import ChoicesFunction, RecordPicker
from ui.widgets.tag_editor import TagChip


class RecordChip(TagChip):
    def __init__(self, record_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self.record_id = record_id


class RecordChips(QFrame):
    changed = Signal()

    def __init__(
        self,
        context: AppContext,
        choices: ChoicesFunction,
        placeholder: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tagEditor")
        self._records: list[tuple[int, str]] = []
        self._chips: list[RecordChip] = []
        self._layout = FlowLayout(self, spacing=6)
        self._layout.setContentsMargins(6, 3, 6, 3)
        self.picker = RecordPicker(context, choices, placeholder)
        self.picker.setObjectName("tagLine")
        self.picker.setFrame(False)
        self.picker.setAccessibleName(placeholder)
        self.picker.setMinimumWidth(self.fontMetrics().horizontalAdvance(placeholder) + 30)
        self.picker.value_changed.connect(self._picked)
        self._layout.addWidget(self.picker)

    def records(self) -> list[tuple[int, str]]:
        return list(self._records)

    def ids(self) -> tuple[int, ...]:
        return tuple(record_id for record_id, _name in self._records)

    def add_record(self, record_id: int, name: str) -> None:
        if record_id not in self.ids():
            chip = RecordChip(record_id, name)
            chip.clicked.connect(lambda: self._remove(chip))
            self._layout.insertWidget(len(self._chips), chip)
            self._chips.append(chip)
            self._records.append((record_id, name))
            self.changed.emit()

    def clear(self) -> None:
        for chip in self._chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        had = bool(self._chips)
        self._chips = []
        self._records = []
        if had:
            self.changed.emit()

    def _remove(self, chip: RecordChip) -> None:
        if chip in self._chips:
            index = self._chips.index(chip)
            self._chips.pop(index)
            self._records.pop(index)
            self._layout.removeWidget(chip)
            chip.deleteLater()
            self.picker.setFocus()
            self.changed.emit()

    def _picked(self) -> None:
        record_id = self.picker.value()
        if record_id is not None:
            self.add_record(record_id, self.picker.name())
            # After the completer has written its choice into the field.
            QTimer.singleShot(0, lambda: self.picker.set_value(None, None))
