"""The delegation page: the visit (title, partnership, direction, dates, purpose, status), its
members in protocol order, the programme day by day with clashes pointed out, logistics,
gifts and notes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm.db.enums import DelegationStatus, Direction
from crm.i18n import _, ngettext
from crm.services import delegation_lists as dl
from crm.services import delegations, lists
from crm.services.delegations import DelegationDetail, DelegationInput
from crm.services.programme import Slot
from ui.context import AppContext
from ui.formats import format_date
from ui.icons import icon
from ui.sections.delegations import vocabulary
from ui.sections.delegations.gifts_editor import GiftsEditor
from ui.sections.delegations.members_editor import MembersEditor
from ui.sections.delegations.programme_editor import ProgrammeEditor
from ui.sections.record_editor import FormErrors, RecordEditor
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.date_field import DateField
from ui.widgets.form import Field, FieldErrors, FormSection
from ui.widgets.record_picker import RecordPicker

LINE_FIELDS = ("title", "hotel", "languages")
TEXT_FIELDS = ("purpose", "transport", "interpreters", "notes")
ELSEWHERE_DELAY_MS = 300


class DelegationEditor(RecordEditor):
    kind = "delegation"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.lines: dict[str, QLineEdit] = {}
        self.texts: dict[str, QPlainTextEdit] = {}
        self._elsewhere: list[Slot] = []
        self._elsewhere_generation = 0
        super().__init__(context, parent)
        self._elsewhere_timer = QTimer(self)
        self._elsewhere_timer.setSingleShot(True)
        self._elsewhere_timer.setInterval(ELSEWHERE_DELAY_MS)
        self._elsewhere_timer.timeout.connect(self._look_up_elsewhere)
        self.briefing_button = QPushButton(icon("reports"), _("&Briefing…"))
        self.briefing_button.setToolTip(_("Preview, print or save the briefing (Ctrl+P)"))
        self.briefing_button.clicked.connect(self.open_briefing)
        self.header.add_button(self.briefing_button)
        briefing_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        briefing_key.setContext(Qt.ShortcutContext.WindowShortcut)  # from the list too
        briefing_key.activated.connect(self.open_briefing)

    def open_briefing(self) -> None:
        """The briefing shows what is saved: unsaved changes are saved first."""
        if self.currentIndex() == 0:
            return
        if self.is_new or self.is_dirty():
            self.save(after=self._saved_then_briefing)
        else:
            self._show_briefing()

    def _saved_then_briefing(self) -> None:
        if self.record_id is not None:
            self.load(self.record_id)
        self._show_briefing()

    def _show_briefing(self) -> None:
        from ui.sections.reports.briefing_dialog import open_briefing

        if self.record_id is not None:
            open_briefing(self.context, self.record_id, self.display_name(), self.window())

    def placeholder_text(self) -> str:
        return _("Select a delegation to see and plan it,\nor create one with Ctrl+N.")

    def load_function(self) -> Callable[..., Any]:
        return delegations.get_delegation

    def create_function(self) -> Callable[..., Any]:
        return delegations.create_delegation

    def update_function(self) -> Callable[..., Any]:
        return delegations.update_delegation

    # --- form -------------------------------------------------------------------------------

    def _line(self, key: str, caption: str, errors: FieldErrors, placeholder: str = "") -> Field:
        line = QLineEdit()
        line.setPlaceholderText(placeholder)
        line.textChanged.connect(self.form_changed)
        self.lines[key] = line
        return self._field(key, caption, line, errors)

    def _text(self, key: str, caption: str, errors: FieldErrors, placeholder: str) -> Field:
        text = QPlainTextEdit()
        text.setTabChangesFocus(True)
        text.setMinimumHeight(60)
        text.setMaximumHeight(110)
        text.setPlaceholderText(placeholder)
        text.textChanged.connect(self.form_changed)
        self.texts[key] = text
        return self._field(key, caption, text, errors)

    def _date(self, caption: str, key: str, errors: FieldErrors) -> tuple[DateField, Field]:
        field = DateField()
        field.textChanged.connect(self.form_changed)
        field.textChanged.connect(self._programme_changed)
        return field, self._field(key, caption, field, errors)

    def build_form(self, layout: QVBoxLayout, errors: FieldErrors) -> None:
        visit = FormSection(_("Visit"))
        visit.add_row(
            self._line("title", _("&Title (required)"), errors, _("e.g. Mayor of Liepāja"))
        )
        self.direction = ChoiceCombo(vocabulary.directions())
        self.direction.value_changed.connect(lambda _value: self.form_changed())
        self.status = ChoiceCombo(vocabulary.statuses())
        self.status.value_changed.connect(lambda _value: self.form_changed())
        visit.add_row(
            self._field("direction", _("&Direction"), self.direction, errors),
            self._field("status", _("&Status"), self.status, errors),
        )
        self.start_date, start = self._date(_("First day (required)"), "start_date", errors)
        self.end_date, end = self._date(_("Last day (required)"), "end_date", errors)
        visit.add_row(start, end)
        self.partnership = RecordPicker(
            self.context, dl.partnership_choices, _("Type to search partnerships")
        )
        self.partnership.value_changed.connect(self.form_changed)
        self.host = RecordPicker(self.context, lists.person_choices, _("Type to search people"))
        self.host.value_changed.connect(self.form_changed)
        visit.add_row(
            self._field("partnership_id", _("&Partnership"), self.partnership, errors),
            self._field("host_person_id", _("Host on our side"), self.host, errors),
        )
        visit.add_row(self._text("purpose", _("P&urpose"), errors, _("What the visit is for")))
        layout.addWidget(visit)

        members = FormSection(_("Members in protocol order"))
        self.members = MembersEditor(self.context)
        self.members.changed.connect(self.form_changed)
        members.add_row(self.members)
        errors.add("members", self.members)
        layout.addWidget(members)

        programme = FormSection(_("Programme"))
        self.clash_summary = QLabel()
        self.clash_summary.setObjectName("clashSummary")
        self.clash_summary.hide()
        programme.add_row(self.clash_summary)
        self.programme = ProgrammeEditor(self.context, self._first_day)
        self.programme.changed.connect(self.form_changed)
        self.programme.changed.connect(self._programme_changed)
        programme.add_row(self.programme)
        errors.add("programme", self.programme)
        layout.addWidget(programme)

        logistics = FormSection(_("Logistics"))
        logistics.add_row(
            self._line("hotel", _("&Hotel"), errors, _("Name and address")),
            self._line("languages", _("Languages"), errors, _("e.g. Latvian, English")),
        )
        logistics.add_row(
            self._text("transport", _("Transport"), errors, _("Flights, trains, cars, drivers")),
            self._text("interpreters", _("Interpreters"), errors, _("Who, which languages")),
        )
        layout.addWidget(logistics)

        gifts = FormSection(_("Gifts"))
        self.gifts = GiftsEditor(self.context)
        self.gifts.changed.connect(self.form_changed)
        gifts.add_row(self.gifts)
        errors.add("gifts", self.gifts)
        layout.addWidget(gifts)

        notes = FormSection(_("Notes"))
        notes_field = self._text("notes", _("&Notes"), errors, _("What to remember"))
        notes_field.caption.hide()
        notes.add_row(notes_field)
        layout.addWidget(notes)

    def first_input(self) -> QWidget:
        return self.lines["title"]

    def _first_day(self) -> date | None:
        try:
            return self.start_date.date_value()
        except ValueError:
            return None

    def _last_day(self) -> date | None:
        try:
            return self.end_date.date_value()
        except ValueError:
            return None

    # --- clashes ----------------------------------------------------------------------------

    def _programme_changed(self) -> None:
        self.show_clashes()
        self._elsewhere_timer.start()

    def show_clashes(self) -> None:
        count = self.programme.show_clashes(self._first_day(), self._last_day(), self._elsewhere)
        self.clash_summary.setText(
            ngettext(
                "⚠ {count} appointment needs a look: see the notes below it.",
                "⚠ {count} appointments need a look: see the notes below them.",
                count,
            ).format(count=count)
        )
        self.clash_summary.setVisible(count > 0)

    def _look_up_elsewhere(self) -> None:
        """Ask which of our participants are booked in other visits on these days."""
        first, last = self._first_day(), self._last_day()
        people = sorted(self.programme.participant_ids())
        self._elsewhere_generation += 1
        generation = self._elsewhere_generation
        if first is None or last is None or not people or self.currentIndex() == 0:
            self._elsewhere = []
            self.show_clashes()
            return
        self.context.run(
            dl.bookings_elsewhere,
            self.record_id,
            people,
            first,
            last,
            on_done=lambda slots: self._got_elsewhere(generation, slots),
            busy=False,
        )

    def _got_elsewhere(self, generation: int, slots: list[Slot]) -> None:
        if generation == self._elsewhere_generation:
            self._elsewhere = slots
            self.show_clashes()

    # --- data -------------------------------------------------------------------------------

    def populate(self, detail: DelegationDetail | None) -> None:
        blocked: list[QWidget] = [
            *self.lines.values(),
            *self.texts.values(),
            self.start_date,
            self.end_date,
            self.direction,
            self.status,
        ]
        for widget in blocked:
            widget.blockSignals(True)
        for key, line in self.lines.items():
            line.setText((getattr(detail, key) or "") if detail is not None else "")
            line.setCursorPosition(0)
        for key, text in self.texts.items():
            text.setPlainText((getattr(detail, key) or "") if detail is not None else "")
        self.start_date.set_date(detail.start_date if detail else None)
        self.end_date.set_date(detail.end_date if detail else None)
        self.direction.set_value(detail.direction if detail else Direction.INCOMING.value)
        self.status.set_value(detail.status if detail else DelegationStatus.PLANNED.value)
        self.partnership.set_value(
            detail.partnership_id if detail else None, detail.partnership_name if detail else None
        )
        self.host.set_value(
            detail.host_person_id if detail else None, detail.host_name if detail else None
        )
        for widget in blocked:
            widget.blockSignals(False)
        self.members.set_views(detail.members if detail else ())
        self.programme.set_views(detail.programme if detail else ())
        self.gifts.set_views(detail.gifts if detail else ())
        self._elsewhere = []
        self.show_clashes()
        self._elsewhere_timer.start()

    def collect(self) -> DelegationInput:
        problems: dict[str, str] = {}
        dates: dict[str, date | None] = {}
        for key, field in (("start_date", self.start_date), ("end_date", self.end_date)):
            try:
                dates[key] = field.date_value()
            except ValueError as error:
                problems[key] = str(error)
        if self.partnership.is_unresolved():
            problems["partnership_id"] = _("Choose the partnership from the list.")
        if self.host.is_unresolved():
            problems["host_person_id"] = _("Choose the host from the list.")
        problems.update(self.members.form_errors())
        problems.update(self.programme.form_errors())
        problems.update(self.gifts.form_errors())
        if problems:
            raise FormErrors(problems)
        lines = {key: line.text().strip() or None for key, line in self.lines.items()}
        texts = {key: text.toPlainText().strip() or None for key, text in self.texts.items()}
        return DelegationInput(
            title=lines.pop("title") or "",
            direction=self.direction.value() or Direction.INCOMING.value,
            status=self.status.value() or DelegationStatus.PLANNED.value,
            partnership_id=self.partnership.value(),
            host_person_id=self.host.value(),
            members=self.members.items(),
            programme=self.programme.items(),
            gifts=self.gifts.items(),
            start_date=dates["start_date"],
            end_date=dates["end_date"],
            hotel=lines["hotel"],
            languages=lines["languages"],
            purpose=texts["purpose"],
            transport=texts["transport"],
            interpreters=texts["interpreters"],
            notes=texts["notes"],
        )

    def title_of(self, detail: DelegationDetail | None) -> tuple[str, str]:
        if detail is None:
            return _("New delegation"), _("Enter a title and the dates of the visit, then save.")
        span = f"{format_date(detail.start_date)} – {format_date(detail.end_date)}"
        parts = [
            vocabulary.directions().get(detail.direction, detail.direction),
            detail.partnership_name,
            span,
            vocabulary.statuses().get(detail.status, detail.status),
        ]
        return detail.title, " · ".join(part for part in parts if part)
