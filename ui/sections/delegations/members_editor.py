"""The delegation's members in protocol order: who (picked from the people), their function
in the delegation and rank, arrival and departure, hotel, dietary and accessibility needs."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLineEdit, QSpinBox, QWidget

from crm.i18n import _
from crm.services import lists
from crm.services.delegations import MemberInput, MemberView
from ui.context import AppContext
from ui.sections.delegations.card import make_card, show_start
from ui.sections.delegations.moments import MomentField
from ui.widgets.record_picker import RecordPicker
from ui.widgets.row_list import ListRow, RowListEditor

UNCHOSEN = 0  # person_id of a row whose name was typed but not picked


def _line(placeholder: str) -> QLineEdit:
    line = QLineEdit()
    line.setPlaceholderText(placeholder)
    line.setAccessibleName(placeholder)
    line.setToolTip(placeholder)
    return line


class MemberRow(ListRow):
    def __init__(
        self, context: AppContext, view: MemberView | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        make_card(self, "memberRow")
        self.person = RecordPicker(
            context, lists.person_choices, _("Member (type to search people)")
        )
        self.person.setAccessibleName(_("Member"))
        self.function = _line(_("Function in the delegation"))
        self.rank = QSpinBox()
        self.rank.setRange(1, 999)
        self.rank.setValue(100)
        self.rank.setPrefix(_("Rank "))
        self.rank.setToolTip(_("Protocol rank: 1 is the head of the delegation"))
        self.rank.setAccessibleName(_("Protocol rank"))
        self.arrival = MomentField(_("Arrival"))
        self.departure = MomentField(_("Departure"))
        self.hotel = _line(_("Hotel (if not the delegation's)"))
        self.dietary = _line(_("Dietary needs"))
        self.accessibility = _line(_("Accessibility needs"))
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.person, 0, 0)
        grid.addWidget(self.function, 0, 1)
        grid.addWidget(self.rank, 0, 2)
        grid.addWidget(self.arrival, 1, 0)
        grid.addWidget(self.departure, 1, 1, 1, 2)
        grid.addWidget(self.hotel, 2, 0, 1, 3)
        grid.addWidget(self.dietary, 3, 0)
        grid.addWidget(self.accessibility, 3, 1, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.fields.addWidget(grid_host, 1)
        self._notes: str | None = None
        if view is not None:
            self.person.set_value(view.person_id, view.name)
            self.person.setToolTip(view.name_original or view.name)
            self.function.setText(view.function or "")
            self.rank.setValue(view.protocol_rank)
            self.arrival.set_moment(view.arrival)
            self.departure.set_moment(view.departure)
            self.hotel.setText(view.hotel or "")
            self.dietary.setText(view.dietary_needs or "")
            self.accessibility.setText(view.accessibility_needs or "")
            self._notes = view.notes
            show_start(self.person, self.function, self.hotel, self.dietary, self.accessibility)
        self.person.value_changed.connect(self.changed)
        self.rank.valueChanged.connect(self.changed)
        for widget in (self.function, self.hotel, self.dietary, self.accessibility):
            widget.textChanged.connect(self.changed)
        self.arrival.changed.connect(self.changed)
        self.departure.changed.connect(self.changed)

    def first_input(self) -> QWidget:
        return self.person

    def to_input(self) -> MemberInput | None:
        """Raises ValueError for an arrival or departure that is not a date and time."""
        if not self.person.text().strip():
            return None
        return MemberInput(
            person_id=self.person.value() or UNCHOSEN,
            function=self.function.text().strip() or None,
            protocol_rank=self.rank.value(),
            arrival=self.arrival.moment(),
            departure=self.departure.moment(),
            hotel=self.hotel.text().strip() or None,
            dietary_needs=self.dietary.text().strip() or None,
            accessibility_needs=self.accessibility.text().strip() or None,
            notes=self._notes,
        )


class MembersEditor(RowListEditor[MemberInput, MemberRow]):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self._context = context
        super().__init__(_("Add member"), parent)

    def set_views(self, views: tuple[MemberView, ...]) -> None:
        self.set_items(list(views))  # type: ignore[arg-type]

    def make_row(self, item: object | None) -> MemberRow:
        row = MemberRow(self._context, item if isinstance(item, MemberView) else None)
        if item is None:  # the first is the head; the next ranks after the last
            row.rank.setValue(min(999, max((r.rank.value() for r in self.rows), default=0) + 1))
        return row

    def row_value(self, row: MemberRow) -> MemberInput | None:
        try:
            return row.to_input()
        except ValueError:
            return MemberInput(person_id=UNCHOSEN)  # reported by form_errors

    def names(self) -> dict[int, str]:
        return {r.person.value() or 0: r.person.name() for r in self.rows if r.person.value()}

    def form_errors(self) -> dict[str, str]:
        """``members.N`` for rows the service could not take: an unpicked name, a bad time."""
        problems: dict[str, str] = {}
        position = 0
        for row in self.rows:
            if not row.person.text().strip():
                continue
            try:
                item = row.to_input()
            except ValueError as error:
                problems[f"members.{position}"] = str(error)
            else:
                if item is not None and item.person_id == UNCHOSEN:
                    problems[f"members.{position}"] = _("Choose the member from the list.")
            position += 1
        return problems
