"""The event page: name, kind, organiser, when it starts and ends, where, the partnership and
project it belongs to, what it is about, and the related records one click away."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from crm.db.enums import EventKind
from crm.i18n import _, pgettext
from crm.services import delegation_lists as dl
from crm.services import events, lists
from crm.services import project_lists as pl
from crm.services.events import EventDetail, EventInput
from ui.context import AppContext
from ui.countries import country_choices, country_name
from ui.models.events_model import place_text, when_text
from ui.sections.delegations.moments import TimeField, combine, format_time, local_date
from ui.sections.projects import vocabulary
from ui.sections.record_editor import FormErrors, RecordEditor
from ui.widgets.choice_combo import ChoiceCombo, SearchableChoiceCombo
from ui.widgets.date_field import DateField
from ui.widgets.form import Field, FieldErrors, FormSection
from ui.widgets.record_picker import RecordPicker


class DayAndTime(QWidget):
    """A day and, beside it, an optional time of day (local)."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.day = DateField()
        self.day.setMinimumWidth(self.day.fontMetrics().horizontalAdvance("00.00.00000") + 90)
        self.day.setAccessibleName(name)
        self.clock = TimeField(pgettext("time format", "hh:mm"))
        self.clock.setAccessibleName(_("Time"))
        self.clock.setToolTip(_("Time"))
        layout.addWidget(self.day)
        layout.addWidget(self.clock)
        layout.addStretch(1)
        self.day.textChanged.connect(self.changed)
        self.clock.textChanged.connect(self.changed)
        self.setFocusProxy(self.day)

    def set_moment(self, value: datetime | None) -> None:
        self.day.set_date(local_date(value))
        clock = format_time(value)
        self.clock.setText("" if clock == "00:00" else clock)

    def moment(self, default_day: Any = None) -> datetime | None:
        """The moment typed (a day without a time is taken at midnight); a time alone is on
        ``default_day``. Raises ValueError with the user's message."""
        day = self.day.date_value() or (default_day if self.clock.text().strip() else None)
        clock = self.clock.time_value()
        if day is None:
            if clock is not None:
                raise ValueError(_("Enter the day as well as the time."))
            return None
        return combine(day, clock or time(0))


class EventEditor(RecordEditor):
    kind = "event"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.lines: dict[str, QLineEdit] = {}
        super().__init__(context, parent)

    def placeholder_text(self) -> str:
        return _("Select an event to see and edit it,\nor create one with Ctrl+N.")

    def load_function(self) -> Callable[..., Any]:
        return events.get_event

    def create_function(self) -> Callable[..., Any]:
        return events.create_event

    def update_function(self) -> Callable[..., Any]:
        return events.update_event

    def related_function(self) -> Callable[..., Any]:
        from crm.services.related import event_related

        return event_related

    # --- form -------------------------------------------------------------------------------

    def _line(self, key: str, caption: str, errors: FieldErrors, placeholder: str = "") -> Field:
        line = QLineEdit()
        line.setPlaceholderText(placeholder)
        line.textChanged.connect(self.form_changed)
        self.lines[key] = line
        return self._field(key, caption, line, errors)

    def _picker(self, choices: Any, placeholder: str) -> RecordPicker:
        picker = RecordPicker(self.context, choices, placeholder)
        picker.value_changed.connect(self.form_changed)
        return picker

    def build_form(self, layout: QVBoxLayout, errors: FieldErrors) -> None:
        event = FormSection(_("Event"))
        event.add_row(
            self._line(
                "name", _("&Name (required)"), errors, _("e.g. 65 years of the twinning: reception")
            )
        )
        self.kind_choice = ChoiceCombo(vocabulary.event_kinds())
        self.kind_choice.value_changed.connect(lambda _value: self.form_changed())
        self.organiser = self._picker(lists.organisation_choices, _("Type to search organisations"))
        event.add_row(
            self._field("kind", _("&Kind"), self.kind_choice, errors),
            self._field("organiser_id", _("O&rganiser"), self.organiser, errors),
        )
        self.starts = DayAndTime(_("Starts"))
        self.starts.changed.connect(self.form_changed)
        self.ends = DayAndTime(_("Ends"))
        self.ends.changed.connect(self.form_changed)
        # A row each: a day and a time side by side need more room than half the form.
        event.add_row(self._field("starts_at", _("&Starts (required)"), self.starts, errors))
        event.add_row(self._field("ends_at", _("En&ds"), self.ends, errors))
        layout.addWidget(event)

        place = FormSection(_("Place"))
        place.add_row(self._line("venue", _("&Venue"), errors, _("e.g. Neues Rathaus, Festsaal")))
        self.country = SearchableChoiceCombo(country_choices(), empty=_("—"))
        self.country.currentTextChanged.connect(self.form_changed)
        place.add_row(
            self._line("city", _("C&ity"), errors, _("e.g. Leipzig")),
            self._field("country", _("C&ountry"), self.country, errors),
        )
        layout.addWidget(place)

        links = FormSection(_("Belongs to"))
        self.partnership = self._picker(dl.partnership_choices, _("Type to search partnerships"))
        self.project = self._picker(pl.project_choices, _("Type to search projects"))
        links.add_row(
            self._field("partnership_id", _("&Partnership"), self.partnership, errors),
            self._field("project_id", _("Pro&ject"), self.project, errors),
        )
        layout.addWidget(links)

        about = FormSection(_("Description"))
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(90)
        self.description.setPlaceholderText(_("Programme, guests, what to prepare"))
        self.description.textChanged.connect(self.form_changed)
        description = self._field("description", _("&Description"), self.description, errors)
        description.caption.hide()  # the section says it already
        about.add_row(description)
        layout.addWidget(about)

    def first_input(self) -> QWidget:
        return self.lines["name"]

    # --- data -------------------------------------------------------------------------------

    def populate(self, detail: EventDetail | None) -> None:
        blocked: list[QWidget] = [
            *self.lines.values(),
            self.kind_choice,
            self.country,
            self.description,
            self.starts,
            self.ends,
        ]
        for widget in blocked:
            widget.blockSignals(True)
        for key, line in self.lines.items():
            line.setText((getattr(detail, key) or "") if detail is not None else "")
            line.setCursorPosition(0)
        self.kind_choice.set_value(detail.kind if detail else EventKind.OTHER.value)
        self.country.set_value(detail.country if detail else None)
        self.starts.set_moment(detail.starts_at if detail else None)
        self.ends.set_moment(detail.ends_at if detail else None)
        self.description.setPlainText((detail.description or "") if detail else "")
        for picker, record_id, name in (
            (self.organiser, "organiser_id", "organiser_name"),
            (self.partnership, "partnership_id", "partnership_name"),
            (self.project, "project_id", "project_name"),
        ):
            picker.set_value(
                getattr(detail, record_id) if detail else None,
                getattr(detail, name) if detail else None,
            )
        for widget in blocked:
            widget.blockSignals(False)

    def collect(self) -> EventInput:
        problems: dict[str, str] = {}
        starts_at = ends_at = None
        try:
            starts_at = self.starts.moment()
        except ValueError as error:
            problems["starts_at"] = str(error)
        try:
            # "18:00" alone as the end: on the day it starts.
            ends_at = self.ends.moment(starts_at.date() if starts_at else None)
        except ValueError as error:
            problems["ends_at"] = str(error)
        for picker, key, message in (
            (self.organiser, "organiser_id", _("Choose the organiser from the list.")),
            (self.partnership, "partnership_id", _("Choose the partnership from the list.")),
            (self.project, "project_id", _("Choose the project from the list.")),
        ):
            if picker.is_unresolved():
                problems[key] = message
        if problems:
            raise FormErrors(problems)
        lines = {key: line.text().strip() or None for key, line in self.lines.items()}
        return EventInput(
            name=lines["name"] or "",
            kind=self.kind_choice.value() or EventKind.OTHER.value,
            starts_at=starts_at,
            ends_at=ends_at,
            venue=lines["venue"],
            city=lines["city"],
            country=self.country.value(),
            partnership_id=self.partnership.value(),
            project_id=self.project.value(),
            organiser_id=self.organiser.value(),
            description=self.description.toPlainText().strip() or None,
        )

    def title_of(self, detail: EventDetail | None) -> tuple[str, str]:
        if detail is None:
            return _("New event"), _("Enter the name and when it starts, then save.")
        place = place_text(None, detail.city, detail.country)
        if detail.city and detail.country:
            place = f"{detail.city}, {country_name(detail.country)}"
        parts = [
            vocabulary.event_kinds().get(detail.kind, detail.kind),
            when_text(detail.starts_at, detail.ends_at),
            place,
            detail.partnership_name,
        ]
        return detail.name, " · ".join(part for part in parts if part)
