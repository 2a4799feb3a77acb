"""Gifts given and received on the visit: what, when, from whom to whom, and its value.

Giver and receiver are picked from the people, or typed as they are (“City of Liepāja”)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import QGridLayout, QLineEdit, QWidget

from crm.db.enums import GiftDirection
from crm.i18n import _
from crm.services import lists
from crm.services.delegations import GiftInput, GiftView
from ui.context import AppContext
from ui.sections.delegations import vocabulary
from ui.sections.delegations.card import make_card, show_start
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.date_field import DateField
from ui.widgets.record_picker import RecordPicker
from ui.widgets.row_list import ListRow, RowListEditor


def _tip(widget: QWidget, text: str) -> None:
    widget.setAccessibleName(text)
    widget.setToolTip(text)


def parse_value(text: str) -> Decimal | None:
    cleaned = text.strip().replace(" ", "")
    if not cleaned:
        return None
    if "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(".", "")  # 1.200,50 as written in German
    try:
        return Decimal(cleaned.replace(",", "."))
    except InvalidOperation:
        raise ValueError(_("Enter the value as a number, like 120.50.")) from None


class GiftRow(ListRow):
    def __init__(
        self, context: AppContext, view: GiftView | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        make_card(self, "giftRow")
        self.direction = ChoiceCombo(vocabulary.gift_directions())
        _tip(self.direction, _("Given or received"))
        self.description = QLineEdit()
        self.description.setPlaceholderText(_("Gift, e.g. Meissen porcelain plate"))
        _tip(self.description, _("Gift"))
        self.day = DateField()
        _tip(self.day, _("Date"))
        self.giver = RecordPicker(context, lists.person_choices, _("From (person or text)"))
        _tip(self.giver, _("From"))
        self.receiver = RecordPicker(context, lists.person_choices, _("To (person or text)"))
        _tip(self.receiver, _("To"))
        self.value = QLineEdit()
        self.value.setPlaceholderText(_("Value"))
        _tip(self.value, _("Value"))
        self.currency = QLineEdit()
        self.currency.setPlaceholderText("EUR")
        self.currency.setMaxLength(3)
        _tip(self.currency, _("Currency"))
        self.currency.setFixedWidth(self.fontMetrics().horizontalAdvance("MMMM") + 16)
        host = QWidget()
        grid = QGridLayout(host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.direction, 0, 0)
        grid.addWidget(self.description, 0, 1, 1, 2)
        grid.addWidget(self.day, 0, 3, 1, 2)
        grid.addWidget(self.giver, 1, 0, 1, 2)
        grid.addWidget(self.receiver, 1, 2)
        grid.addWidget(self.value, 1, 3)
        grid.addWidget(self.currency, 1, 4)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 2)
        self.fields.addWidget(host, 1)
        self._id: int | None = None
        self._notes: str | None = None
        if view is not None:
            self._id, self._notes = view.id, view.notes
            self.direction.set_value(view.direction)
            self.description.setText(view.description)
            self.day.set_date(view.given_on)
            self.giver.set_value(view.from_person_id, view.from_name)
            self.receiver.set_value(view.to_person_id, view.to_name)
            self.value.setText(str(view.value) if view.value is not None else "")
            self.currency.setText(view.currency or "")
            show_start(self.description, self.giver, self.receiver)
        else:
            self.direction.set_value(GiftDirection.GIVEN.value)
        self.direction.value_changed.connect(lambda _value: self.changed.emit())
        for line in (self.description, self.day, self.value, self.currency):
            line.textChanged.connect(self.changed)
        self.giver.value_changed.connect(self.changed)
        self.receiver.value_changed.connect(self.changed)

    def first_input(self) -> QWidget:
        return self.description

    def to_input(self) -> GiftInput | None:
        """Raises ValueError for a date or value that cannot be read."""
        if not self.description.text().strip():
            return None
        return GiftInput(
            direction=self.direction.value() or GiftDirection.GIVEN.value,
            description=self.description.text().strip(),
            given_on=self.day.date_value(),
            value=parse_value(self.value.text()),
            currency=self.currency.text().strip().upper() or None,
            from_person_id=self.giver.value(),
            to_person_id=self.receiver.value(),
            from_text=None if self.giver.value() else self.giver.text().strip() or None,
            to_text=None if self.receiver.value() else self.receiver.text().strip() or None,
            notes=self._notes,
            id=self._id,
        )


class GiftsEditor(RowListEditor[GiftInput, GiftRow]):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self._context = context
        super().__init__(_("Add gift"), parent)

    def set_views(self, views: tuple[GiftView, ...]) -> None:
        self.set_items(list(views))  # type: ignore[arg-type]

    def make_row(self, item: object | None) -> GiftRow:
        return GiftRow(self._context, item if isinstance(item, GiftView) else None)

    def row_value(self, row: GiftRow) -> GiftInput | None:
        try:
            return row.to_input()
        except ValueError:
            return GiftInput(direction="", description="?")

    def form_errors(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        position = 0
        for row in self.rows:
            if not row.description.text().strip():
                continue
            try:
                row.to_input()
            except ValueError as error:
                problems[f"gifts.{position}"] = str(error)
            position += 1
        return problems
