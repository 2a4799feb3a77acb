"""The project page: name, partnership, theme, funder, status, period, budget with its currency,
what it is about, and the related partnership, funder and events one click away."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from crm.db.enums import ProjectStatus
from crm.i18n import _
from crm.services import delegation_lists as dl
from crm.services import lists, projects
from crm.services.projects import ProjectDetail, ProjectInput
from ui.context import AppContext
from ui.models.projects_model import period_text
from ui.sections.projects import vocabulary
from ui.sections.projects.money import (
    currency_choices,
    format_amount,
    format_budget,
    parse_amount,
)
from ui.sections.record_editor import FormErrors, RecordEditor
from ui.widgets.choice_combo import ChoiceCombo, SearchableChoiceCombo
from ui.widgets.date_field import DateField
from ui.widgets.form import Field, FieldErrors, FormSection
from ui.widgets.record_picker import RecordPicker

DATE_FIELDS = ("start_date", "end_date")


class ProjectEditor(RecordEditor):
    kind = "project"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.dates: dict[str, DateField] = {}
        self.default_currency = "EUR"  # the office's, once the section has looked it up
        super().__init__(context, parent)

    def placeholder_text(self) -> str:
        return _("Select a project to see and edit it,\nor create one with Ctrl+N.")

    def load_function(self) -> Callable[..., Any]:
        return projects.get_project

    def create_function(self) -> Callable[..., Any]:
        return projects.create_project

    def update_function(self) -> Callable[..., Any]:
        return projects.update_project

    def related_function(self) -> Callable[..., Any]:
        from crm.services.related import project_related

        return project_related

    # --- form -------------------------------------------------------------------------------

    def _date(self, key: str, caption: str, errors: FieldErrors) -> Field:
        field = DateField()
        field.textChanged.connect(self.form_changed)
        self.dates[key] = field
        return self._field(key, caption, field, errors)

    def build_form(self, layout: QVBoxLayout, errors: FieldErrors) -> None:
        project = FormSection(_("Project"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(_("e.g. Sustainable mobility Lviv–Leipzig (Nakopa)"))
        self.name.textChanged.connect(self.form_changed)
        project.add_row(self._field("name", _("&Name (required)"), self.name, errors))
        self.partnership = RecordPicker(
            self.context, dl.partnership_choices, _("Type to search partnerships")
        )
        self.partnership.value_changed.connect(self.form_changed)
        self.status = ChoiceCombo(vocabulary.project_statuses())
        self.status.value_changed.connect(lambda _value: self.form_changed())
        project.add_row(
            self._field("partnership_id", _("&Partnership"), self.partnership, errors),
            self._field("status", _("&Status"), self.status, errors),
        )
        self.theme = SearchableChoiceCombo([], empty=_("—"))
        self.theme.currentTextChanged.connect(self.form_changed)
        self.funder = RecordPicker(
            self.context, lists.organisation_choices, _("Type to search organisations")
        )
        self.funder.value_changed.connect(self.form_changed)
        project.add_row(
            self._field("theme", _("&Theme"), self.theme, errors),
            self._field("funder_id", _("F&under"), self.funder, errors),
        )
        layout.addWidget(project)

        money = FormSection(_("Period and budget"))
        money.add_row(
            self._date("start_date", _("Start"), errors),
            self._date("end_date", _("End"), errors),
        )
        self.budget = QLineEdit()
        self.budget.setPlaceholderText(
            _("e.g. {amount}").format(amount=format_amount(Decimal(25000)))
        )
        self.budget.textChanged.connect(self.form_changed)
        self.budget.editingFinished.connect(self._tidy_budget)
        self.currency = SearchableChoiceCombo(currency_choices(), empty=_("—"))
        self.currency.currentTextChanged.connect(self.form_changed)
        money.add_row(
            self._field("budget", _("&Budget"), self.budget, errors),
            self._field("currency", _("&Currency"), self.currency, errors),
        )
        layout.addWidget(money)

        about = FormSection(_("Description"))
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(90)
        self.description.setPlaceholderText(_("Aims, partners on both sides, what to remember"))
        self.description.textChanged.connect(self.form_changed)
        description = self._field("description", _("&Description"), self.description, errors)
        description.caption.hide()  # the section says it already
        about.add_row(description)
        layout.addWidget(about)

    def first_input(self) -> QWidget:
        return self.name

    def set_theme_suggestions(self, names: list[str]) -> None:
        """The office's themes to choose from; a new theme can still be typed."""
        self.theme.blockSignals(True)
        self.theme.set_choices([(name, name) for name in names])
        self.theme.blockSignals(False)

    def _tidy_budget(self) -> None:
        """Show a typed amount as the language writes it (25000 -> 25.000,00)."""
        try:
            amount = parse_amount(self.budget.text())
        except ValueError:
            return
        if amount is not None:
            self.budget.setText(format_amount(amount))

    # --- data -------------------------------------------------------------------------------

    def populate(self, detail: ProjectDetail | None) -> None:
        blocked: list[QWidget] = [
            self.name,
            self.status,
            self.theme,
            self.budget,
            self.currency,
            self.description,
            *self.dates.values(),
        ]
        for widget in blocked:
            widget.blockSignals(True)
        self.name.setText(detail.name if detail else "")
        self.name.setCursorPosition(0)
        self.status.set_value(detail.status if detail else ProjectStatus.PLANNED.value)
        self.theme.set_value(detail.theme if detail else None)
        for key, field in self.dates.items():
            field.set_date(getattr(detail, key) if detail else None)
        self.budget.setText(format_amount(detail.budget) if detail else "")
        currency = (detail.currency if detail else None) or self.default_currency
        self.currency.set_value(currency)
        self.description.setPlainText((detail.description or "") if detail else "")
        self.partnership.set_value(
            detail.partnership_id if detail else None, detail.partnership_name if detail else None
        )
        self.funder.set_value(
            detail.funder_id if detail else None, detail.funder_name if detail else None
        )
        for widget in blocked:
            widget.blockSignals(False)

    def collect(self) -> ProjectInput:
        problems: dict[str, str] = {}
        dates: dict[str, date | None] = {}
        for key, field in self.dates.items():
            try:
                dates[key] = field.date_value()
            except ValueError as error:
                problems[key] = str(error)
        budget: Decimal | None = None
        try:
            budget = parse_amount(self.budget.text())
        except ValueError as error:
            problems["budget"] = str(error)
        if self.partnership.is_unresolved():
            problems["partnership_id"] = _("Choose the partnership from the list.")
        if self.funder.is_unresolved():
            problems["funder_id"] = _("Choose the funder from the list.")
        if problems:
            raise FormErrors(problems)
        return ProjectInput(
            name=self.name.text().strip(),
            partnership_id=self.partnership.value(),
            theme=self.theme.value(),
            funder_id=self.funder.value(),
            budget=budget,
            # The currency belongs to an amount: without one it is not kept.
            currency=self.currency.value() if budget is not None else None,
            start_date=dates["start_date"],
            end_date=dates["end_date"],
            status=self.status.value() or ProjectStatus.PLANNED.value,
            description=self.description.toPlainText().strip() or None,
        )

    def title_of(self, detail: ProjectDetail | None) -> tuple[str, str]:
        if detail is None:
            return _("New project"), _("Enter at least the name, then save with Ctrl+S.")
        parts = [
            vocabulary.project_statuses().get(detail.status, detail.status),
            detail.partnership_name,
            period_text(detail.start_date, detail.end_date),
            format_budget(detail.budget, detail.currency),
        ]
        return detail.name, " · ".join(part for part in parts if part)
