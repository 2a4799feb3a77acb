"""The programme, day by day: each appointment with its day, start and end, kind, title,
venue, our participants, dress code and notes; clashes are pointed out under it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from crm.db.enums import ProgrammeKind
from crm.i18n import _, current_language
from crm.services.delegations import ProgrammeItemInput, ProgrammeItemView
from crm.services.programme import Slot, describe, find_clashes
from ui.context import AppContext
from ui.sections.delegations import vocabulary
from ui.sections.delegations.card import make_card, show_start
from ui.sections.delegations.moments import TimeField, combine, format_time, local_date
from ui.sections.delegations.people_chips import PeopleChips
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.date_field import DateField
from ui.widgets.row_list import ListRow, RowListEditor


def day_heading(day: date) -> str:
    locale = QLocale(current_language() or "en")
    return locale.toString(QDate(day.year, day.month, day.day), "dddd, d MMMM yyyy")


def _line(placeholder: str) -> QLineEdit:
    line = QLineEdit()
    line.setPlaceholderText(placeholder)
    line.setAccessibleName(placeholder)
    line.setToolTip(placeholder)
    return line


class ProgrammeRow(ListRow):
    def __init__(
        self,
        context: AppContext,
        view: ProgrammeItemView | None,
        day: date | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        make_card(self, "programmeRow")
        self.heading = QLabel()
        self.heading.setObjectName("programmeDay")
        self.heading.hide()
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.insertWidget(0, self.heading)
        self.day = DateField()
        self.day.setAccessibleName(_("Day"))
        self.day.setToolTip(_("Day"))
        self.day.setMinimumWidth(self.day.fontMetrics().horizontalAdvance("00.00.00000") + 76)
        self.start = TimeField(_("Start"))
        self.end = TimeField(_("End"))
        self.kind = ChoiceCombo(vocabulary.programme_kinds())
        self.kind.setAccessibleName(_("Kind of appointment"))
        self.kind.setToolTip(_("Kind of appointment"))
        self.title = _line(_("Appointment, e.g. Entry in the Golden Book"))
        self.venue = _line(_("Venue"))
        self.participants = PeopleChips(context, _("Our participants (type to add)"))
        self.dress_code = _line(_("Dress code"))
        self.notes = _line(_("Notes"))
        self.hint = QLabel()
        self.hint.setObjectName("clashHint")
        self.hint.setWordWrap(True)
        self.hint.hide()
        host = QWidget()
        grid = QGridLayout(host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.day, 0, 0)
        grid.addWidget(self.start, 0, 1)
        grid.addWidget(self.end, 0, 2)
        grid.addWidget(self.kind, 0, 3)
        grid.addWidget(self.title, 1, 0, 1, 4)
        grid.addWidget(self.venue, 2, 0, 1, 3)
        grid.addWidget(self.dress_code, 2, 3)
        grid.addWidget(self.participants, 3, 0, 1, 4)
        grid.addWidget(self.notes, 4, 0, 1, 4)
        grid.addWidget(self.hint, 5, 0, 1, 4)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(3, 2)
        self.fields.addWidget(host, 1)
        if view is not None:
            self.day.set_date(local_date(view.starts_at))
            self.start.setText(format_time(view.starts_at))
            self.end.setText(format_time(view.ends_at))
            self.kind.set_value(view.kind)
            self.title.setText(view.title)
            self.venue.setText(view.venue or "")
            self.participants.set_people(view.participants)
            self.dress_code.setText(view.dress_code or "")
            self.notes.setText(view.notes or "")
            show_start(self.day, self.title, self.venue, self.dress_code, self.notes)
        else:
            self.day.set_date(day)
            self.kind.set_value(ProgrammeKind.MEETING.value)
        for line in (self.day, self.start, self.end, self.title, self.venue, self.dress_code):
            line.textChanged.connect(self.changed)
        self.notes.textChanged.connect(self.changed)
        self.kind.value_changed.connect(lambda _value: self.changed.emit())
        self.participants.changed.connect(self.changed)

    def first_input(self) -> QWidget:
        return self.title if self.day.text() else self.day

    def error_input(self) -> QWidget:
        return self.title

    def is_empty(self) -> bool:
        return not (self.title.text().strip() or self.start.text().strip())

    def day_value(self) -> date | None:
        try:
            return self.day.date_value()
        except ValueError:
            return None

    def times(self) -> tuple[datetime, datetime | None]:
        """Start and end; ValueError with the user's message when they cannot be read."""
        day = self.day.date_value()
        start = self.start.time_value()
        end = self.end.time_value()
        if day is None:
            raise ValueError(_("Enter the day of the appointment."))
        if start is None:
            raise ValueError(_("Enter when the appointment starts."))
        return combine(day, start), combine(day, end) if end is not None else None

    def slot(self) -> Slot | None:
        try:
            starts, ends = self.times()
        except ValueError:
            return None
        return Slot(starts, ends, frozenset(self.participants.ids()), self.title.text().strip())

    def to_input(self) -> ProgrammeItemInput | None:
        if self.is_empty():
            return None
        starts, ends = self.times()
        return ProgrammeItemInput(
            starts_at=starts,
            title=self.title.text().strip(),
            ends_at=ends,
            kind=self.kind.value() or ProgrammeKind.MEETING.value,
            venue=self.venue.text().strip() or None,
            dress_code=self.dress_code.text().strip() or None,
            notes=self.notes.text().strip() or None,
            participant_ids=self.participants.ids(),
        )

    def set_hints(self, messages: list[str]) -> None:
        self.hint.setText("\n".join(f"⚠ {message}" for message in messages))
        self.hint.setVisible(bool(messages))


class ProgrammeEditor(RowListEditor[ProgrammeItemInput, ProgrammeRow]):
    def __init__(
        self,
        context: AppContext,
        first_day: Callable[[], date | None],
        parent: QWidget | None = None,
    ) -> None:
        self._context = context
        self._first_day = first_day
        super().__init__(_("Add appointment"), parent)
        self.changed.connect(self.refresh_headings)

    def set_views(self, views: tuple[ProgrammeItemView, ...]) -> None:
        self.set_items(list(views))  # type: ignore[arg-type]
        self.refresh_headings()

    def make_row(self, item: object | None) -> ProgrammeRow:
        day = None
        if item is None:
            days = [d for row in self.rows if (d := row.day_value()) is not None]
            day = days[-1] if days else self._first_day()
        return ProgrammeRow(
            self._context, item if isinstance(item, ProgrammeItemView) else None, day
        )

    def _after_rows_changed(self) -> None:
        self.refresh_headings()

    def row_value(self, row: ProgrammeRow) -> ProgrammeItemInput | None:
        try:
            return row.to_input()
        except ValueError:
            return ProgrammeItemInput(starts_at=combine(date.today(), time(0)), title="")

    def refresh_headings(self) -> None:
        """A heading above the first appointment of each day: the programme day by day."""
        previous: date | None = None
        for row in self.rows:
            day = row.day_value()
            show = day is not None and day != previous
            if show and day is not None:
                row.heading.setText(day_heading(day))
            row.heading.setVisible(show)
            previous = day if day is not None else previous

    def form_errors(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        position = 0
        for row in self.rows:
            if row.is_empty():
                continue
            try:
                row.times()
            except ValueError as error:
                problems[f"programme.{position}"] = str(error)
            position += 1
        return problems

    def participant_ids(self) -> set[int]:
        return {p for row in self.rows for p in row.participants.ids()}

    def names(self) -> dict[int, str]:
        return {p: name for row in self.rows for p, name in row.participants.people()}

    def show_clashes(
        self, first_day: date | None, last_day: date | None, elsewhere: Iterable[Slot] = ()
    ) -> int:
        """Point out each appointment's clashes under it; returns how many have one."""
        live = [(row, slot) for row in self.rows if (slot := row.slot()) is not None]
        found = find_clashes([slot for _row, slot in live], first_day, last_day, elsewhere)
        names = self.names()
        for row in self.rows:
            row.set_hints([])
        for position, (row, _slot) in enumerate(live):
            row.set_hints([describe(clash, names) for clash in found.get(position, [])])
        return len(found)
