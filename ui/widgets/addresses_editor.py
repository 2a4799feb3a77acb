"""Postal addresses: street, postcode and city, region, country, a label, primary."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLineEdit, QWidget

from crm.i18n import _
from crm.services.contact_points import AddressInput, AddressView
from ui.countries import country_choices
from ui.widgets.choice_combo import SearchableChoiceCombo
from ui.widgets.primary_toggle import PrimaryToggle
from ui.widgets.row_list import ListRow, RowListEditor


class AddressRow(ListRow):
    def __init__(self, view: AddressView | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(6)
        self.street = self._line(_("Street and number"))
        self.postcode = self._line(_("Postcode"))
        self.city = self._line(_("City"))
        self.region = self._line(_("Region"))
        self.country = SearchableChoiceCombo(country_choices(), empty=_("Country"))
        self.country.setAccessibleName(_("Country"))
        self.label = self._line(_("Label, e.g. office"))
        self.primary = PrimaryToggle(_("Primary: the address to write to first"))
        grid.addWidget(self.street, 0, 0, 1, 3)
        grid.addWidget(self.postcode, 1, 0)
        grid.addWidget(self.city, 1, 1, 1, 2)
        grid.addWidget(self.region, 2, 0)
        grid.addWidget(self.country, 2, 1, 1, 2)
        grid.addWidget(self.label, 3, 0, 1, 2)
        grid.addWidget(self.primary, 3, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 1)
        holder = QWidget()
        holder.setObjectName("addressCard")
        holder.setLayout(grid)
        self.fields.addWidget(holder)
        if view is not None:
            self.street.setText(view.street or "")
            self.postcode.setText(view.postcode or "")
            self.city.setText(view.city or "")
            self.region.setText(view.region or "")
            self.country.set_value(view.country)
            self.label.setText(view.label or "")
            self.primary.setChecked(view.is_primary)
        else:
            self.country.set_value(None)
        self.country.currentTextChanged.connect(self.changed)
        self.primary.toggled.connect(self.changed)

    def _line(self, placeholder: str) -> QLineEdit:
        line = QLineEdit()
        line.setPlaceholderText(placeholder)
        line.setAccessibleName(placeholder)
        line.textChanged.connect(self.changed)
        return line

    def first_input(self) -> QWidget:
        return self.street

    def error_input(self) -> QWidget:
        return self.country

    def to_input(self) -> AddressInput | None:
        values = [w.text().strip() for w in (self.street, self.postcode, self.city, self.region)]
        country = self.country.value()
        if not any(values) and not country:
            return None
        street, postcode, city, region = (value or None for value in values)
        return AddressInput(
            street=street,
            postcode=postcode,
            city=city,
            region=region,
            country=country,
            label=self.label.text().strip() or None,
            is_primary=self.primary.isChecked(),
        )


class AddressesEditor(RowListEditor[AddressInput, AddressRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Add postal address"), parent)

    def set_views(self, views: tuple[AddressView, ...] | list[AddressView]) -> None:
        self.set_items(list(views))  # type: ignore[arg-type]

    def make_row(self, item: object | None) -> AddressRow:
        return AddressRow(item if isinstance(item, AddressView) else None)

    def row_value(self, row: AddressRow) -> AddressInput | None:
        return row.to_input()
