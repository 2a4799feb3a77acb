"""Several people chosen by name (our participants in an appointment): chips and a picker."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QWidget

from crm.i18n import _
from crm.services import lists
from ui.context import AppContext
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.record_picker import RecordPicker
from ui.widgets.tag_editor import TagChip


class PersonChip(TagChip):
    def __init__(self, person_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self.person_id = person_id


class PeopleChips(QFrame):
    changed = Signal()

    def __init__(
        self, context: AppContext, placeholder: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tagEditor")
        self._people: list[tuple[int, str]] = []
        self._chips: list[PersonChip] = []
        self._layout = FlowLayout(self, spacing=6)
        self._layout.setContentsMargins(6, 3, 6, 3)
        self.picker = RecordPicker(context, lists.person_choices, placeholder)
        self.picker.setObjectName("tagLine")
        self.picker.setFrame(False)
        self.picker.setAccessibleName(placeholder)
        self.picker.setMinimumWidth(self.fontMetrics().horizontalAdvance(placeholder) + 30)
        self.picker.value_changed.connect(self._picked)
        self._layout.addWidget(self.picker)

    def people(self) -> list[tuple[int, str]]:
        return list(self._people)

    def ids(self) -> list[int]:
        return [person_id for person_id, _name in self._people]

    def set_people(self, people: list[tuple[int, str]] | tuple[tuple[int, str], ...]) -> None:
        for chip in self._chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self._chips = []
        self._people = []
        for person_id, name in people:
            self._add(person_id, name)

    def add_person(self, person_id: int, name: str) -> None:
        if person_id not in self.ids():
            self._add(person_id, name)
            self.changed.emit()

    def _add(self, person_id: int, name: str) -> None:
        chip = PersonChip(person_id, name)
        chip.setToolTip(_("Remove “{tag}”").format(tag=name))
        chip.clicked.connect(lambda: self._remove(chip))
        self._layout.insertWidget(len(self._chips), chip)
        self._chips.append(chip)
        self._people.append((person_id, name))

    def _remove(self, chip: PersonChip) -> None:
        if chip in self._chips:
            index = self._chips.index(chip)
            self._chips.pop(index)
            self._people.pop(index)
            self._layout.removeWidget(chip)
            chip.deleteLater()
            self.picker.setFocus()
            self.changed.emit()

    def _picked(self) -> None:
        person_id = self.picker.value()
        if person_id is not None:
            self.add_person(person_id, self.picker.name())
            # After the completer has written its choice into the field.
            QTimer.singleShot(0, lambda: self.picker.set_value(None, None))
