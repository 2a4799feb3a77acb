"""The person editor: names (also in their own script), role, languages, ways to reach them,
organisations, addresses and notes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from crm.i18n import _
from crm.services import duplicates, people
from crm.services.people import PersonDetail, PersonInput
from crm.vocabulary import legal_bases
from ui.context import AppContext
from ui.countries import country_choices, country_name
from ui.sections.people.affiliations_editor import AffiliationsEditor
from ui.sections.people.gdpr_actions import GdprActions
from ui.sections.record_editor import FormErrors, RecordEditor
from ui.widgets.addresses_editor import AddressesEditor
from ui.widgets.choice_combo import ChoiceCombo, SearchableChoiceCombo
from ui.widgets.contact_points_editor import ContactPointsEditor
from ui.widgets.date_field import DateField
from ui.widgets.duplicate_dialog import DuplicateCheck
from ui.widgets.form import Field, FieldErrors, FormSection
from ui.widgets.merge_dialog import MergeButton

TEXT_FIELDS = (
    "title",
    "given_name",
    "family_name",
    "name_original",
    "name_latin",
    "function",
    "form_of_address",
    "salutation",
    "languages",
    "preferred_language",
)


class PersonEditor(RecordEditor):
    kind = "person"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.lines: dict[str, QLineEdit] = {}
        super().__init__(context, parent)
        self.duplicate_check = DuplicateCheck(self, duplicates.person_duplicates)
        self.merge_button = MergeButton(self)
        self.gdpr = GdprActions(self)

    def save(self, after: Callable[[], None] | None = None) -> bool:
        """A new record is saved once the user has seen its likely duplicates, if any."""
        return self.duplicate_check.save(after, super().save)

    def placeholder_text(self) -> str:
        return _("Select a person to see and edit their details,\nor create one with Ctrl+N.")

    def load_function(self) -> Callable[..., Any]:
        return people.get_person

    def create_function(self) -> Callable[..., Any]:
        return people.create_person

    def update_function(self) -> Callable[..., Any]:
        return people.update_person

    # --- form -------------------------------------------------------------------------------

    def _line(self, key: str, caption: str, errors: FieldErrors, placeholder: str = "") -> Field:
        line = QLineEdit()
        line.setPlaceholderText(placeholder)
        line.textChanged.connect(self.form_changed)
        self.lines[key] = line
        field = Field(caption, line)
        errors.add(key, field)
        return field

    def build_form(self, layout: QVBoxLayout, errors: FieldErrors) -> None:
        name = FormSection(_("Name"))
        name.add_row(
            self._line("title", _("&Title"), errors, _("e.g. Dr.")),
            self._line(
                "form_of_address", _("Form of address"), errors, _("e.g. Ms, His Excellency")
            ),
        )
        name.add_row(
            self._line("given_name", _("&Given name"), errors),
            self._line("family_name", _("&Family name (required)"), errors),
        )
        name.add_row(
            self._line("name_original", _("Name in own script"), errors, _("e.g. Олена Коваль")),
            self._line("name_latin", _("Latin transliteration"), errors, _("e.g. Olena Koval")),
        )
        name.add_row(
            self._line("salutation", _("Salutation in letters"), errors, _("e.g. Dear Dr. Goldfuß"))
        )
        layout.addWidget(name)

        work = FormSection(_("Role and languages"))
        self.country = SearchableChoiceCombo(country_choices(), empty=_("—"))
        self.country.currentTextChanged.connect(self.form_changed)
        country = Field(_("C&ountry"), self.country)
        errors.add("country", country)
        work.add_row(self._line("function", _("F&unction"), errors, _("e.g. Mayor")), country)
        work.add_row(
            self._line("languages", _("Languages"), errors, _("e.g. Latvian, English, German")),
            self._line("preferred_language", _("Preferred language"), errors, _("e.g. English")),
        )
        layout.addWidget(work)

        contact = FormSection(_("Phone, fax, email and web"))
        self.contacts = ContactPointsEditor()
        self.contacts.changed.connect(self.form_changed)
        contact.add_row(self.contacts)
        errors.add("contact_points", self.contacts)
        layout.addWidget(contact)

        organisations = FormSection(_("Organisations"))
        self.affiliations = AffiliationsEditor(self.context)
        self.affiliations.changed.connect(self.form_changed)
        organisations.add_row(self.affiliations)
        errors.add("affiliations", self.affiliations)
        layout.addWidget(organisations)

        addresses = FormSection(_("Postal addresses"))
        self.addresses = AddressesEditor()
        self.addresses.changed.connect(self.form_changed)
        addresses.add_row(self.addresses)
        errors.add("addresses", self.addresses)
        layout.addWidget(addresses)

        self._build_legal_basis(layout, errors)

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

    def _build_legal_basis(self, layout: QVBoxLayout, errors: FieldErrors) -> None:
        """Why the office may keep the person's data (GDPR Art. 6(1))."""
        section = FormSection(_("Personal data (GDPR)"))
        self.legal_basis = ChoiceCombo(legal_bases(), empty=_("Not recorded"))
        self.legal_basis.value_changed.connect(lambda _value: self.form_changed())
        self.consent_date = DateField()
        self.consent_date.textChanged.connect(self.form_changed)
        section.add_row(
            self._field("legal_basis", _("Legal &basis"), self.legal_basis, errors),
            self._field("consent_date", _("Consent given on"), self.consent_date, errors),
        )
        section.add_row(
            self._line(
                "legal_basis_note",
                _("About the legal basis"),
                errors,
                _("e.g. consent form of 12 May 2026, filed in the visit's folder"),
            )
        )
        layout.addWidget(section)

    def related_function(self) -> Callable[..., Any]:
        from crm.services.related import person_related

        return person_related

    def first_input(self) -> QWidget:
        return self.lines["given_name"] if self.is_new else self.lines["title"]

    # --- data -------------------------------------------------------------------------------

    def populate(self, detail: PersonDetail | None) -> None:
        for key, line in self.lines.items():
            line.blockSignals(True)
            line.setText((getattr(detail, key) or "") if detail is not None else "")
            line.setCursorPosition(0)  # show the start of long texts
            line.blockSignals(False)
        self.country.blockSignals(True)
        self.country.set_value(detail.country if detail is not None else None)
        self.country.blockSignals(False)
        self.legal_basis.blockSignals(True)
        self.legal_basis.set_value(detail.legal_basis if detail is not None else None)
        self.legal_basis.blockSignals(False)
        self.consent_date.blockSignals(True)
        self.consent_date.set_date(detail.consent_date if detail is not None else None)
        self.consent_date.blockSignals(False)
        self.notes.blockSignals(True)
        self.notes.setPlainText((detail.notes or "") if detail is not None else "")
        self.notes.blockSignals(False)
        self.contacts.set_views(detail.contact_points if detail is not None else ())
        self.addresses.set_views(detail.addresses if detail is not None else ())
        self.affiliations.set_views(detail.affiliations if detail is not None else ())

    def collect(self) -> PersonInput:
        values = {key: line.text().strip() or None for key, line in self.lines.items()}
        problems: dict[str, str] = {}
        try:
            consent_date = self.consent_date.date_value()
        except ValueError as error:
            problems["consent_date"] = str(error)
            consent_date = None
        data = PersonInput(
            family_name=values.pop("family_name") or "",
            country=self.country.value(),
            legal_basis=self.legal_basis.value(),
            consent_date=consent_date,
            notes=self.notes.toPlainText().strip() or None,
            contact_points=self.contacts.items(),
            addresses=self.addresses.items(),
            affiliations=self.affiliations.items(),
            **values,
        )
        problems.update(self.affiliations.unchosen_errors())
        if problems:
            raise FormErrors(problems)
        return data

    def title_of(self, detail: PersonDetail | None) -> tuple[str, str]:
        if detail is None:
            return _("New person"), _("Enter at least the family name, then save with Ctrl+S.")
        organisation = next(
            (a.organisation_name for a in detail.affiliations if a.is_primary),
            detail.affiliations[0].organisation_name if detail.affiliations else None,
        )
        parts = [detail.name_original, detail.function, organisation, country_name(detail.country)]
        return detail.display_name, " · ".join(part for part in parts if part)
