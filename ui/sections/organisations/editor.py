"""The organisation editor: its name (as written, and in Latin letters), kind and place, ways to
reach it, postal addresses, the people who work there, and notes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from crm.db.enums import OrganisationKind
from crm.i18n import _
from crm.services import duplicates, organisations
from crm.services.organisations import OrganisationDetail, OrganisationInput
from ui import labels
from ui.context import AppContext
from ui.countries import country_choices, country_name
from ui.sections.organisations.people_panel import OrganisationPeople
from ui.sections.record_editor import RecordEditor
from ui.widgets.addresses_editor import AddressesEditor
from ui.widgets.choice_combo import ChoiceCombo, SearchableChoiceCombo
from ui.widgets.contact_points_editor import ContactPointsEditor
from ui.widgets.duplicate_dialog import DuplicateCheck
from ui.widgets.form import Field, FieldErrors, FormSection
from ui.widgets.merge_dialog import MergeButton

LINE_FIELDS = ("name", "name_latin", "short_name", "city")


class OrganisationEditor(RecordEditor):
    kind = "organisation"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.lines: dict[str, QLineEdit] = {}
        super().__init__(context, parent)
        self.duplicate_check = DuplicateCheck(self, duplicates.organisation_duplicates)
        self.merge_button = MergeButton(self)

    def save(self, after: Callable[[], None] | None = None) -> bool:
        """A new record is saved once the user has seen its likely duplicates, if any."""
        return self.duplicate_check.save(after, super().save)

    def placeholder_text(self) -> str:
        return _("Select an organisation to see and edit it,\nor create one with Ctrl+N.")

    def load_function(self) -> Callable[..., Any]:
        return organisations.get_organisation

    def create_function(self) -> Callable[..., Any]:
        return organisations.create_organisation

    def update_function(self) -> Callable[..., Any]:
        return organisations.update_organisation

    # --- form -------------------------------------------------------------------------------

    def _line(self, key: str, caption: str, errors: FieldErrors, placeholder: str = "") -> Field:
        line = QLineEdit()
        line.setPlaceholderText(placeholder)
        line.textChanged.connect(self.form_changed)
        self.lines[key] = line
        return self._field(key, caption, line, errors)

    def build_form(self, layout: QVBoxLayout, errors: FieldErrors) -> None:
        name = FormSection(_("Organisation"))
        name.add_row(
            self._line("name", _("&Name (required)"), errors, _("e.g. Liepājas pilsētas dome"))
        )
        name.add_row(
            self._line(
                "name_latin", _("Latin transliteration"), errors, _("e.g. Liepaja City Council")
            )
        )
        self.kind_choice = ChoiceCombo(labels.organisation_kinds())
        self.kind_choice.value_changed.connect(lambda _value: self.form_changed())
        name.add_row(
            self._field("kind", _("&Kind"), self.kind_choice, errors),
            self._line("short_name", _("&Short name"), errors, _("e.g. Referat IZ")),
        )
        self.country = SearchableChoiceCombo(country_choices(), empty=_("—"))
        self.country.currentTextChanged.connect(self.form_changed)
        name.add_row(
            self._line("city", _("C&ity"), errors, _("e.g. Leipzig")),
            self._field("country", _("C&ountry"), self.country, errors),
        )
        layout.addWidget(name)

        contact = FormSection(_("Phone, fax, email and web"))
        self.contacts = ContactPointsEditor()
        self.contacts.changed.connect(self.form_changed)
        contact.add_row(self.contacts)
        errors.add("contact_points", self.contacts)
        layout.addWidget(contact)

        # Who works there, before the addresses: in a protocol office the people matter most.
        self.people_section = FormSection(_("People"))
        people = self.people_section
        self.people = OrganisationPeople(self.context)
        people.add_row(self.people)
        self.people.counted.connect(self._show_people_count)
        layout.addWidget(people)

        addresses = FormSection(_("Postal addresses"))
        self.addresses = AddressesEditor()
        self.addresses.changed.connect(self.form_changed)
        addresses.add_row(self.addresses)
        errors.add("addresses", self.addresses)
        layout.addWidget(addresses)

        notes = FormSection(_("Notes"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(90)
        self.notes.setPlaceholderText(_("Background, protocol remarks, what to remember"))
        self.notes.textChanged.connect(self.form_changed)
        notes_field = Field(_("&Notes"), self.notes)
        notes_field.caption.hide()
        errors.add("notes", notes_field)
        notes.add_row(notes_field)
        layout.addWidget(notes)

    def _show_people_count(self, count: int) -> None:
        title = _("People")
        self.people_section.title.setText(f"{title} · {count}" if count else title)

    def first_input(self) -> QWidget:
        return self.lines["name"]

    # --- data -------------------------------------------------------------------------------

    def populate(self, detail: OrganisationDetail | None) -> None:
        for key, line in self.lines.items():
            line.blockSignals(True)
            line.setText((getattr(detail, key) or "") if detail is not None else "")
            line.setCursorPosition(0)  # show the start of long names
            line.blockSignals(False)
        for combo, value in (
            (self.kind_choice, detail.kind if detail is not None else OrganisationKind.OTHER.value),
            (self.country, detail.country if detail is not None else None),
        ):
            combo.blockSignals(True)
            combo.set_value(value)
            combo.blockSignals(False)
        self.notes.blockSignals(True)
        self.notes.setPlainText((detail.notes or "") if detail is not None else "")
        self.notes.blockSignals(False)
        self.contacts.set_views(detail.contact_points if detail is not None else ())
        self.addresses.set_views(detail.addresses if detail is not None else ())
        self.people.show_for(detail.id if detail is not None else None)

    def collect(self) -> OrganisationInput:
        values = {key: line.text().strip() or None for key, line in self.lines.items()}
        return OrganisationInput(
            name=values.pop("name") or "",
            kind=self.kind_choice.value() or OrganisationKind.OTHER.value,
            country=self.country.value(),
            notes=self.notes.toPlainText().strip() or None,
            contact_points=self.contacts.items(),
            addresses=self.addresses.items(),
            **values,
        )

    def title_of(self, detail: OrganisationDetail | None) -> tuple[str, str]:
        if detail is None:
            return _("New organisation"), _("Enter at least the name, then save with Ctrl+S.")
        kinds = labels.organisation_kinds()
        place = ", ".join(part for part in (detail.city, country_name(detail.country)) if part)
        parts = [detail.name_latin, labels.label(kinds, detail.kind), place]
        return detail.name, " · ".join(part for part in parts if part)
