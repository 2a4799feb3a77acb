"""The partnership editor: the partner city, the kind and standing of the partnership, the
agreement, themes, who looks after it, the evaluation dates and notes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from crm.db.enums import PartnershipKind, PartnershipStatus
from crm.i18n import _
from crm.services import lists, partnerships
from crm.services.partnerships import PartnershipDetail, PartnershipInput
from ui import labels
from ui.context import AppContext
from ui.countries import country_choices, country_name
from ui.formats import parse_year
from ui.sections.record_editor import FormErrors, RecordEditor
from ui.widgets.choice_combo import ChoiceCombo, SearchableChoiceCombo
from ui.widgets.date_field import DateField
from ui.widgets.form import Field, FieldErrors, FormSection
from ui.widgets.record_picker import RecordPicker
from ui.widgets.tag_editor import TagEditor

LINE_FIELDS = (
    "city_name",
    "city_name_native",
    "city_name_latin",
    "region",
    "local_party",
    "agreement_document",
)
DATE_FIELDS = ("since_date", "renewal_date", "last_evaluation", "next_evaluation")


class PartnershipEditor(RecordEditor):
    kind = "partnership"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.lines: dict[str, QLineEdit] = {}
        self.dates: dict[str, DateField] = {}
        self._funder_ids: list[int] = []
        super().__init__(context, parent)

    def placeholder_text(self) -> str:
        return _("Select a partnership to see and edit it,\nor create one with Ctrl+N.")

    def load_function(self) -> Callable[..., Any]:
        return partnerships.get_partnership

    def create_function(self) -> Callable[..., Any]:
        return partnerships.create_partnership

    def update_function(self) -> Callable[..., Any]:
        return partnerships.update_partnership

    # --- form -------------------------------------------------------------------------------

    def _line(self, key: str, caption: str, errors: FieldErrors, placeholder: str = "") -> Field:
        line = QLineEdit()
        line.setPlaceholderText(placeholder)
        line.textChanged.connect(self.form_changed)
        self.lines[key] = line
        return self._field(key, caption, line, errors)

    def _date(self, key: str, caption: str, errors: FieldErrors) -> Field:
        field = DateField()
        field.textChanged.connect(self.form_changed)
        self.dates[key] = field
        return self._field(key, caption, field, errors)

    def _combo(self, combo: ChoiceCombo) -> ChoiceCombo:
        combo.value_changed.connect(lambda _value: self.form_changed())
        return combo

    def build_form(self, layout: QVBoxLayout, errors: FieldErrors) -> None:
        city = FormSection(_("Partner city"))
        self.country = SearchableChoiceCombo(country_choices(), empty=_("—"))
        self.country.currentTextChanged.connect(self.form_changed)
        city.add_row(
            self._line("city_name", _("&City (required)"), errors, _("e.g. Kyiv")),
            self._field("country", _("C&ountry (required)"), self.country, errors),
        )
        city.add_row(
            self._line("city_name_native", _("Name in own script"), errors, _("e.g. Київ")),
            self._line("city_name_latin", _("Latin name"), errors, _("e.g. Kyïv")),
        )
        city.add_row(self._line("region", _("Region"), errors, _("e.g. Kurzeme")))
        layout.addWidget(city)

        partnership = FormSection(_("Partnership"))
        self.kind_combo = self._combo(ChoiceCombo(labels.partnership_kinds()))
        self.status = self._combo(ChoiceCombo(labels.partnership_statuses()))
        self.rating = self._combo(ChoiceCombo(labels.activity_rating_descriptions(), empty=_("—")))
        self.since_year = QLineEdit()
        self.since_year.setPlaceholderText(_("e.g. 1962"))
        self.since_year.setMaxLength(4)
        self.since_year.textChanged.connect(self.form_changed)
        partnership.add_row(
            self._field("kind", _("&Kind"), self.kind_combo, errors),
            self._field("status", _("&Status"), self.status, errors),
        )
        partnership.add_row(
            self._field("since_year", _("Since (year)"), self.since_year, errors),
            self._date("since_date", _("Since (exact date)"), errors),
        )
        partnership.add_row(
            self._field("activity_rating", _("Activity &rating"), self.rating, errors),
            self._line(
                "local_party", _("Our side, if not the whole city"), errors, _("e.g. a district")
            ),
        )
        layout.addWidget(partnership)

        agreement = FormSection(_("Agreement"))
        self.agreement = self._combo(ChoiceCombo(labels.agreement_kinds(), empty=_("—")))
        agreement.add_row(
            self._field("agreement_kind", _("Kind of agreement"), self.agreement, errors),
            self._date("renewal_date", _("Renewal due"), errors),
        )
        agreement.add_row(
            self._line(
                "agreement_document",
                _("Document"),
                errors,
                _("Reference or file of the signed text"),
            )
        )
        layout.addWidget(agreement)

        themes = FormSection(_("Themes"))
        self.themes = TagEditor(_("Add a theme…"))
        self.themes.changed.connect(self.form_changed)
        themes_field = self._field("themes", _("Themes"), self.themes, errors)
        themes_field.caption.hide()  # the section says it already
        themes.add_row(themes_field)
        layout.addWidget(themes)

        people = FormSection(_("Who looks after it"))
        self.association = RecordPicker(
            self.context, lists.organisation_choices, _("Type to search organisations")
        )
        self.association.value_changed.connect(self.form_changed)
        self.officer = RecordPicker(self.context, lists.person_choices, _("Type to search people"))
        self.officer.value_changed.connect(self.form_changed)
        people.add_row(
            self._field("association_id", _("Partnership association"), self.association, errors),
            self._field("responsible_officer_id", _("Responsible officer"), self.officer, errors),
        )
        layout.addWidget(people)

        evaluation = FormSection(_("Evaluation"))
        evaluation.add_row(
            self._date("last_evaluation", _("Last evaluation"), errors),
            self._date("next_evaluation", _("Next evaluation"), errors),
        )
        layout.addWidget(evaluation)

        notes = FormSection(_("Notes"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(90)
        self.notes.setPlaceholderText(_("History, contacts on both sides, what to remember"))
        self.notes.textChanged.connect(self.form_changed)
        notes_field = self._field("notes", _("&Notes"), self.notes, errors)
        notes_field.caption.hide()
        notes.add_row(notes_field)
        layout.addWidget(notes)

    def related_function(self) -> Callable[..., Any]:
        from crm.services.related import partnership_related

        return partnership_related

    def first_input(self) -> QWidget:
        return self.lines["city_name"]

    def set_theme_suggestions(self, names: list[str]) -> None:
        self.themes.set_suggestions(names)

    # --- data -------------------------------------------------------------------------------

    def populate(self, detail: PartnershipDetail | None) -> None:
        blocked: list[QWidget] = [
            *self.lines.values(),
            *self.dates.values(),
            self.since_year,
            self.country,
            self.kind_combo,
            self.status,
            self.rating,
            self.agreement,
            self.notes,
            self.themes,
        ]
        for widget in blocked:
            widget.blockSignals(True)
        for key, line in self.lines.items():
            line.setText((getattr(detail, key) or "") if detail is not None else "")
            line.setCursorPosition(0)  # show the start of long texts
        for key, field in self.dates.items():
            field.set_date(getattr(detail, key) if detail is not None else None)
        if detail is None:
            self.country.set_value(None)
            self.kind_combo.set_value(PartnershipKind.TWIN_CITY.value)
            self.status.set_value(PartnershipStatus.ACTIVE.value)
            self.rating.set_value(None)
            self.agreement.set_value(None)
            self.since_year.clear()
            self.notes.clear()
            self.themes.set_tags([])
            self.association.set_value(None, None)
            self.officer.set_value(None, None)
            self._funder_ids = []
        else:
            self.country.set_value(detail.country)
            self.kind_combo.set_value(detail.kind)
            self.status.set_value(detail.status)
            self.rating.set_value(detail.activity_rating)
            self.agreement.set_value(detail.agreement_kind)
            self.since_year.setText(str(detail.since_year) if detail.since_year else "")
            self.notes.setPlainText(detail.notes or "")
            self.themes.set_tags(detail.themes)
            self.association.set_value(detail.association_id, detail.association_name)
            self.officer.set_value(detail.responsible_officer_id, detail.responsible_officer_name)
            self._funder_ids = [funder_id for funder_id, _name in detail.funders]
        for widget in blocked:
            widget.blockSignals(False)

    def collect(self) -> PartnershipInput:
        problems: dict[str, str] = {}
        dates: dict[str, date | None] = {}
        for key, field in self.dates.items():
            try:
                dates[key] = field.date_value()
            except ValueError as error:
                problems[key] = str(error)
        try:
            since_year = parse_year(self.since_year.text())
        except ValueError as error:
            problems["since_year"] = str(error)
            since_year = None
        if self.association.is_unresolved():
            problems["association_id"] = _("Choose the association from the list.")
        if self.officer.is_unresolved():
            problems["responsible_officer_id"] = _("Choose the officer from the list.")
        if problems:
            raise FormErrors(problems)
        lines = {key: line.text().strip() or None for key, line in self.lines.items()}
        return PartnershipInput(
            city_name=lines.pop("city_name") or "",
            country=self.country.value() or "",
            kind=self.kind_combo.value() or PartnershipKind.TWIN_CITY.value,
            status=self.status.value() or PartnershipStatus.ACTIVE.value,
            activity_rating=self.rating.value(),
            agreement_kind=self.agreement.value(),
            since_year=since_year,
            notes=self.notes.toPlainText().strip() or None,
            themes=self.themes.tags(),
            association_id=self.association.value(),
            responsible_officer_id=self.officer.value(),
            funder_ids=list(self._funder_ids),
            **lines,
            **dates,
        )

    def title_of(self, detail: PartnershipDetail | None) -> tuple[str, str]:
        if detail is None:
            return _("New partnership"), _("Enter the partner city and its country, then save.")
        kind = labels.label(labels.partnership_kinds(), detail.kind)
        since = _("since {year}").format(year=detail.since_year) if detail.since_year else ""
        parts = [detail.city_name_native, country_name(detail.country), kind, since]
        return detail.name, " · ".join(part for part in parts if part)
