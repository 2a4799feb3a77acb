"""The Partnerships section: every partner city, filtered by kind, status, rating and country."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from crm.i18n import _, ngettext
from crm.services import lists, partnerships
from crm.services.lists import PartnershipFilter
from ui import labels
from ui.context import AppContext
from ui.countries import country_choices
from ui.models.partnerships_model import PartnershipsModel
from ui.sections.partnerships.editor import PartnershipEditor
from ui.sections.record_section import RecordSection
from ui.widgets.badge_delegate import RATING_COLOURS, STATUS_COLOURS, BadgeDelegate
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.filter_bar import FilterBar


class PartnershipsSection(RecordSection):
    key = "partnerships"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        bar = FilterBar(_("Filter by city or theme…"), _("New partnership"))
        bar.new_button.setToolTip(_("New partnership (Ctrl+N)"))
        self.kind = bar.add_combo(
            ChoiceCombo(labels.partnership_kinds(), empty=_("All kinds")), _("Kind"), 9
        )
        self.status = bar.add_combo(
            ChoiceCombo(labels.partnership_statuses(), empty=_("All statuses")), _("Status"), 7
        )
        self.rating = bar.add_combo(
            ChoiceCombo(labels.activity_ratings(), empty=_("All ratings")), _("Activity rating"), 6
        )
        self.country = bar.add_combo(ChoiceCombo([], empty=_("All countries")), _("Country"), 9)
        editor = PartnershipEditor(context)
        super().__init__(context, PartnershipsModel(context), editor, bar, parent)
        self._editor = editor
        columns = [column.key for column in self.model.columns]
        self._rating_delegate = BadgeDelegate(RATING_COLOURS, self.table)
        self._status_delegate = BadgeDelegate(STATUS_COLOURS, self.table)
        self.table.setItemDelegateForColumn(columns.index("activity_rating"), self._rating_delegate)
        self.table.setItemDelegateForColumn(columns.index("status"), self._status_delegate)
        context.changed.connect(self._maybe_reload_choices)

    def activate(self) -> None:
        first = not self._activated
        super().activate()
        if first:
            self._reload_choices()

    def _maybe_reload_choices(self, changes: Any) -> None:
        if "partnership" in changes.kinds:
            self._reload_choices()

    def _reload_choices(self) -> None:
        self.context.run(lists.partnership_countries, on_done=self._set_countries, busy=False)
        self.context.run(
            partnerships.theme_names, on_done=self._editor.set_theme_suggestions, busy=False
        )

    def _set_countries(self, codes: list[str]) -> None:
        self.country.blockSignals(True)
        self.country.set_choices(country_choices(codes))
        self.country.blockSignals(False)

    def make_filters(self) -> PartnershipFilter:
        return PartnershipFilter(
            text=self.filter_bar.text_value(),
            kind=self.kind.value(),
            status=self.status.value(),
            rating=self.rating.value(),
            country=self.country.value(),
        )

    def empty_text(self) -> str:
        if self.model.is_loading and not self.model.rowCount():
            return ""
        if self.filter_bar.is_active():
            return _("No partnerships match the filter.")
        return _("No partnerships yet — create one with Ctrl+N.")

    def count_text(self, count: int) -> str:
        return ngettext("{count} partnership", "{count} partnerships", count).format(count=count)
