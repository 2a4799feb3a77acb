"""The Organisations section: city administrations, embassies, NGOs, associations, universities
and networks, filtered by text, kind and country; each with the people who work there."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from crm.i18n import _, ngettext
from crm.services import organisation_lists
from crm.services.organisation_lists import OrganisationFilter
from ui import labels
from ui.context import AppContext
from ui.countries import country_choices
from ui.models.organisations_model import OrganisationsModel
from ui.sections.organisations.editor import OrganisationEditor
from ui.sections.record_section import RecordSection
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.filter_bar import FilterBar


class OrganisationsSection(RecordSection):
    key = "organisations"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        bar = FilterBar(_("Filter by name, city…"), _("New organisation"))
        bar.new_button.setToolTip(_("New organisation (Ctrl+N)"))
        self.kind = bar.add_combo(
            ChoiceCombo(labels.organisation_kinds(), empty=_("All kinds")), _("Kind"), 10
        )
        # Only the countries the office's organisations are in (filled when first shown).
        self.country = bar.add_combo(ChoiceCombo([], empty=_("All countries")), _("Country"), 10)
        model = OrganisationsModel(context)
        super().__init__(context, model, OrganisationEditor(context), bar, parent)
        context.changed.connect(self._maybe_reload_countries)

    def activate(self) -> None:
        first = not self._activated
        super().activate()
        if first:
            self._reload_countries()

    def _maybe_reload_countries(self, changes: Any) -> None:
        if "organisation" in changes.kinds:
            self._reload_countries()

    def _reload_countries(self) -> None:
        self.context.run(
            organisation_lists.organisation_countries, on_done=self._set_countries, busy=False
        )

    def _set_countries(self, codes: list[str]) -> None:
        self.country.blockSignals(True)
        self.country.set_choices(country_choices(codes))
        self.country.blockSignals(False)

    def make_filters(self) -> OrganisationFilter:
        return OrganisationFilter(
            text=self.filter_bar.text_value(),
            kind=self.kind.value(),
            country=self.country.value(),
        )

    def empty_text(self) -> str:
        if self.model.is_loading and not self.model.rowCount():
            return ""
        if self.filter_bar.is_active():
            return _("No organisations match the filter.")
        return _("No organisations yet — create one with Ctrl+N.")

    def count_text(self, count: int) -> str:
        return ngettext("{count} organisation", "{count} organisations", count).format(count=count)
