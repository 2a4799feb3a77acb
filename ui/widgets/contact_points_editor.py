"""Phones, mobiles, faxes, emails and web addresses of a person or organisation."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from crm.db.enums import ContactKind
from crm.i18n import _
from crm.services.contact_points import ContactPointInput, ContactPointView
from ui import labels
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.primary_toggle import PrimaryToggle
from ui.widgets.row_list import ListRow, RowListEditor


class ContactRow(ListRow):
    def __init__(self, view: ContactPointView | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = ChoiceCombo(labels.contact_kinds())
        self.kind.setAccessibleName(_("Kind of contact"))
        self.value = QLineEdit()
        self.value.setAccessibleName(_("Number or address"))
        self.value.setPlaceholderText(_("Number or address"))
        self.label = QLineEdit()
        self.label.setAccessibleName(_("Label"))
        self.label.setPlaceholderText(_("Label"))
        self.label.setToolTip(_("A label, e.g. office or assistant"))
        self.primary = PrimaryToggle(_("Primary: the number or address to use first"))
        self.kind.setSizeAdjustPolicy(ChoiceCombo.SizeAdjustPolicy.AdjustToContents)
        self.label.setMinimumWidth(self.fontMetrics().averageCharWidth() * 10)
        self.fields.addWidget(self.kind)
        self.fields.addWidget(self.value, 4)
        self.fields.addWidget(self.label, 2)
        self.fields.addWidget(self.primary)
        # Phones are shown in international format; what was typed is kept unless edited,
        # so saving other fields does not rewrite the contact history.
        self._entered = ""
        self._shown = ""
        if view is not None:
            self.kind.set_value(view.kind)
            self._entered, self._shown = view.value, view.display
            self.value.setText(view.display)
            self.value.setCursorPosition(0)
            self.label.setText(view.label or "")
            self.primary.setChecked(view.is_primary)
        else:
            self.kind.set_value(ContactKind.PHONE.value)
        for signal in (self.value.textChanged, self.label.textChanged):
            signal.connect(self.changed)
        self.kind.value_changed.connect(self.changed)
        self.primary.toggled.connect(self.changed)

    def first_input(self) -> QWidget:
        return self.kind

    def error_input(self) -> QWidget:
        return self.value

    def to_input(self) -> ContactPointInput | None:
        text = self.value.text().strip()
        if not text:
            return None
        value = self._entered if self._shown and text == self._shown else text
        return ContactPointInput(
            kind=self.kind.value() or ContactKind.PHONE.value,
            value=value,
            label=self.label.text().strip() or None,
            is_primary=self.primary.isChecked(),
        )


class ContactPointsEditor(RowListEditor[ContactPointInput, ContactRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Add phone, email or web address"), parent)

    def set_views(self, views: tuple[ContactPointView, ...] | list[ContactPointView]) -> None:
        self.set_items(list(views))  # type: ignore[arg-type]

    def make_row(self, item: object | None) -> ContactRow:
        return ContactRow(item if isinstance(item, ContactPointView) else None)

    def row_value(self, row: ContactRow) -> ContactPointInput | None:
        return row.to_input()
