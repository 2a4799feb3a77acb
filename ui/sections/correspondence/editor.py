"""The register entry editor: what came in or went out, from or to whom, about what, what it
links to, its files, and when to follow it up. The reference number is drawn on the first save."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from crm.db.enums import Channel, CorrespondenceStatus, Direction
from crm.i18n import _, ngettext
from crm.services import correspondence, lists
from crm.services import correspondence_lists as cl
from crm.services.correspondence import CorrespondenceDetail, CorrespondenceInput
from ui.context import AppContext
from ui.formats import format_date
from ui.models.correspondence_model import OVERDUE_COLOUR
from ui.sections.correspondence import vocabulary
from ui.sections.correspondence.attachments_list import AttachmentsList
from ui.sections.correspondence.people_links import PeopleLinks
from ui.sections.record_editor import FormErrors, RecordEditor
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.date_field import DateField
from ui.widgets.form import Field, FieldErrors, FormSection
from ui.widgets.record_picker import RecordPicker


def unpicked_messages() -> dict[str, str]:
    """What to say when a name was typed into a picker but not chosen from its list."""
    return {
        "counterpart_person_id": _("Choose the person from the list."),
        "counterpart_organisation_id": _("Choose the organisation from the list."),
        "partnership_id": _("Choose the partnership from the list."),
        "delegation_id": _("Choose the delegation from the list."),
    }


class CorrespondenceEditor(RecordEditor):
    kind = "correspondence"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.pickers: dict[str, RecordPicker] = {}
        self.dates: dict[str, DateField] = {}
        super().__init__(context, parent)

    def placeholder_text(self) -> str:
        return _("Select an entry to see and edit it,\nor register one with Ctrl+N.")

    def load_function(self) -> Callable[..., Any]:
        return correspondence.get_correspondence

    def create_function(self) -> Callable[..., Any]:
        return correspondence.create_correspondence

    def update_function(self) -> Callable[..., Any]:
        return correspondence.update_correspondence

    # --- form -------------------------------------------------------------------------------

    def _combo(self, key: str, caption: str, choices: dict[str, str], errors: FieldErrors) -> Field:
        combo = ChoiceCombo(choices)
        combo.value_changed.connect(lambda _value: self.form_changed())
        setattr(self, key, combo)
        return self._field(key, caption, combo, errors)

    def _date(self, key: str, caption: str, errors: FieldErrors) -> Field:
        field = DateField()
        field.textChanged.connect(self.form_changed)
        self.dates[key] = field
        return self._field(key, caption, field, errors)

    def _picker(
        self, key: str, caption: str, choices: Any, placeholder: str, errors: FieldErrors
    ) -> Field:
        picker = RecordPicker(self.context, choices, placeholder)
        picker.value_changed.connect(self.form_changed)
        self.pickers[key] = picker
        return self._field(key, caption, picker, errors)

    def build_form(self, layout: QVBoxLayout, errors: FieldErrors) -> None:
        entry = FormSection(_("Register entry"))
        self.direction: ChoiceCombo
        self.channel: ChoiceCombo
        self.status: ChoiceCombo
        entry.add_row(
            self._combo("direction", _("&Direction"), vocabulary.directions(), errors),
            self._combo("channel", _("&Channel"), vocabulary.channels(), errors),
        )
        entry.add_row(
            self._date("date", _("D&ate (required)"), errors),
            self._combo("status", _("S&tatus"), vocabulary.statuses(), errors),
        )
        layout.addWidget(entry)

        content = FormSection(_("Content"))
        self.subject = QLineEdit()
        self.subject.setPlaceholderText(_("e.g. Invitation to the partnership anniversary"))
        self.subject.textChanged.connect(self.form_changed)
        content.add_row(self._field("subject", _("Su&bject (required)"), self.subject, errors))
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setMinimumHeight(80)
        self.summary.setPlaceholderText(_("What it says, what was agreed, what is to be done"))
        self.summary.textChanged.connect(self.form_changed)
        content.add_row(self._field("summary", _("Su&mmary"), self.summary, errors))
        layout.addWidget(content)

        counterpart = FormSection(_("Counterpart"))
        counterpart.add_row(
            self._picker(
                "counterpart_person_id",
                _("&Person"),
                lists.person_choices,
                _("Type to search people"),
                errors,
            ),
            self._picker(
                "counterpart_organisation_id",
                _("Organisation"),
                lists.organisation_choices,
                _("Type to search organisations"),
                errors,
            ),
        )
        self.counterpart_text = QLineEdit()
        self.counterpart_text.setPlaceholderText(_("Someone not in the address book"))
        self.counterpart_text.textChanged.connect(self.form_changed)
        counterpart.add_row(
            self._field("counterpart_text", _("Or as text"), self.counterpart_text, errors)
        )
        layout.addWidget(counterpart)

        follow_up = FormSection(_("Follow-up"))
        self.overdue_note = QLabel()
        self.overdue_note.setObjectName("overdueNote")
        self.overdue_note.setStyleSheet(f"color: {OVERDUE_COLOUR}; font-weight: 600;")
        self.overdue_note.setWordWrap(True)
        follow_up.add_row(
            self._date("follow_up_date", _("Follo&w-up on"), errors), self.overdue_note
        )
        layout.addWidget(follow_up)

        links = FormSection(_("Links"))
        links.add_row(
            self._picker(
                "partnership_id",
                _("Partnership"),
                cl.partnership_choices,
                _("Type to search partnerships"),
                errors,
            ),
            self._picker(
                "delegation_id",
                _("Delegation"),
                cl.delegation_choices,
                _("Type to search delegations"),
                errors,
            ),
        )
        self.people = PeopleLinks(self.context)
        self.people.changed.connect(self.form_changed)
        errors.add("person_ids", self.people)
        links.add_row(Field(_("Also concerns"), self.people))
        layout.addWidget(links)

        files = FormSection(_("Attachments"))
        self.attachments = AttachmentsList(self.context)
        self.attachments.changed.connect(self.form_changed)
        files_field = self._field("attachments", _("Attachments"), self.attachments, errors)
        files_field.caption.hide()  # the section says it already
        files.add_row(files_field)
        layout.addWidget(files)

    def first_input(self) -> QWidget:
        return self.subject if self.is_new else self.direction

    # --- data -------------------------------------------------------------------------------

    def _inputs(self) -> list[QWidget]:
        return [
            self.direction,
            self.channel,
            self.status,
            self.subject,
            self.summary,
            self.counterpart_text,
            *self.dates.values(),
            *self.pickers.values(),
            self.people,
            self.attachments,
        ]

    def populate(self, detail: CorrespondenceDetail | None) -> None:
        for widget in self._inputs():
            widget.blockSignals(True)
        if detail is None:
            self.direction.set_value(Direction.INCOMING.value)
            self.channel.set_value(Channel.LETTER.value)
            self.status.set_value(CorrespondenceStatus.OPEN.value)
            self.dates["date"].set_date(date.today())
            self.dates["follow_up_date"].set_date(None)
            self.subject.clear()
            self.summary.clear()
            self.counterpart_text.clear()
            for picker in self.pickers.values():
                picker.set_value(None, None)
            self.people.set_items([])
            self.attachments.set_refs([])
        else:
            self.direction.set_value(detail.direction)
            self.channel.set_value(detail.channel)
            self.status.set_value(detail.status)
            self.dates["date"].set_date(detail.date)
            self.dates["follow_up_date"].set_date(detail.follow_up_date)
            self.subject.setText(detail.subject)
            self.subject.setCursorPosition(0)
            self.summary.setPlainText(detail.summary or "")
            self.counterpart_text.setText(detail.counterpart_text or "")
            names = {
                "counterpart_person_id": detail.counterpart_person_name,
                "counterpart_organisation_id": detail.counterpart_organisation_name,
                "partnership_id": detail.partnership_name,
                "delegation_id": detail.delegation_title,
            }
            for key, picker in self.pickers.items():
                picker.set_value(getattr(detail, key), names[key])
            self.people.set_items(list(detail.people))
            self.attachments.set_refs([view.ref() for view in detail.attachments])
        for widget in self._inputs():
            widget.blockSignals(False)
        self._show_overdue(detail)

    def _show_overdue(self, detail: CorrespondenceDetail | None) -> None:
        """Said in words beside the date, not by colour alone."""
        overdue = detail is not None and detail.is_overdue()
        text = ""
        if overdue and detail is not None and detail.follow_up_date is not None:
            days = (date.today() - detail.follow_up_date).days
            text = ngettext("Overdue by {count} day", "Overdue by {count} days", days).format(
                count=days
            )
        self.overdue_note.setText(text)
        self.overdue_note.setVisible(overdue)

    def collect(self) -> CorrespondenceInput:
        problems: dict[str, str] = {}
        dates: dict[str, date | None] = {}
        for key, field in self.dates.items():
            try:
                dates[key] = field.date_value()
            except ValueError as error:
                problems[key] = str(error)
        for key, message in unpicked_messages().items():
            if self.pickers[key].is_unresolved():
                problems[key] = message
        problems.update(self.people.unchosen_errors())
        if problems:
            raise FormErrors(problems)
        day = dates["date"]
        if day is None:
            raise FormErrors({"date": _("Enter the date of the letter, email or call.")})
        return CorrespondenceInput(
            subject=self.subject.text().strip(),
            direction=self.direction.value() or Direction.INCOMING.value,
            channel=self.channel.value() or Channel.LETTER.value,
            date=day,
            summary=self.summary.toPlainText().strip() or None,
            counterpart_person_id=self.pickers["counterpart_person_id"].value(),
            counterpart_organisation_id=self.pickers["counterpart_organisation_id"].value(),
            counterpart_text=self.counterpart_text.text().strip() or None,
            partnership_id=self.pickers["partnership_id"].value(),
            delegation_id=self.pickers["delegation_id"].value(),
            follow_up_date=dates["follow_up_date"],
            status=self.status.value() or CorrespondenceStatus.OPEN.value,
            person_ids=self.people.person_ids(),
            attachments=self.attachments.refs(),
        )

    def title_of(self, detail: CorrespondenceDetail | None) -> tuple[str, str]:
        if detail is None:
            return (
                _("New register entry"),
                _("The reference number is drawn when you save."),
            )
        kind = vocabulary.kind_of_entry(detail.direction, detail.channel)
        parts = [detail.reference, kind, format_date(detail.date), detail.counterpart]
        if detail.is_overdue():
            parts.append(_("follow-up overdue"))
        return detail.subject, " · ".join(part for part in parts if part)

    def display_name(self) -> str:
        if self.detail is not None and not self.is_new:
            return f"{self.detail.reference} {self.detail.subject}"
        return self.title.text()
