"""The Delegations section: incoming and outgoing visits, upcoming first, filtered by
direction, status, partnership and year."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from crm.i18n import _, ngettext
from crm.services import delegation_lists as dl
from crm.services.delegation_lists import DelegationFilter
from ui.context import AppContext
from ui.models.delegations_model import DelegationsModel
from ui.sections.delegations import vocabulary
from ui.sections.delegations.editor import DelegationEditor
from ui.sections.record_section import RecordSection
from ui.widgets.badge_delegate import BadgeDelegate
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.filter_bar import FilterBar
from ui.widgets.filter_choices import FilterChoices, partnership_choice, year_choice

STATUS_COLOURS = {
    "planned": "#1f6fb2",
    "confirmed": "#2e7d32",
    "completed": "#6b6b6b",
    "cancelled": "#b3541e",
}


class DelegationsSection(RecordSection):
    key = "delegations"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        bar = FilterBar(_("Filter by title, city or purpose…"), _("New delegation"))
        bar.new_button.setToolTip(_("New delegation (Ctrl+N)"))
        self.direction = bar.add_combo(
            ChoiceCombo(vocabulary.directions(), empty=_("Incoming and outgoing")),
            _("Direction"),
            9,
        )
        self.status = bar.add_combo(
            ChoiceCombo(vocabulary.statuses(), empty=_("All statuses")), _("Status"), 7
        )
        self.partnership = bar.add_combo(
            ChoiceCombo([], empty=_("All partnerships")), _("Partnership"), 9
        )
        self.year = bar.add_combo(ChoiceCombo([], empty=_("All years")), _("Year"), 5)
        editor = DelegationEditor(context)
        super().__init__(context, DelegationsModel(context), editor, bar, parent)
        columns = [column.key for column in self.model.columns]
        self._status_delegate = BadgeDelegate(STATUS_COLOURS, self.table)
        self.table.setItemDelegateForColumn(columns.index("status"), self._status_delegate)
        self.choices = FilterChoices(context, {"delegation", "partnership"}, self)
        self.choices.add(self.partnership, dl.delegation_partnerships, partnership_choice)
        self.choices.add(self.year, dl.delegation_years, year_choice)

    def activate(self) -> None:
        super().activate()
        self.choices.start()

    def make_filters(self) -> DelegationFilter:
        partnership = self.partnership.value()
        year = self.year.value()
        return DelegationFilter(
            text=self.filter_bar.text_value(),
            direction=self.direction.value(),
            status=self.status.value(),
            partnership_id=int(partnership) if partnership else None,
            year=int(year) if year else None,
        )

    def empty_text(self) -> str:
        if self.model.is_loading and not self.model.rowCount():
            return ""
        if self.filter_bar.is_active():
            return _("No delegations match the filter.")
        return _("No delegations yet — plan one with Ctrl+N.")

    def count_text(self, count: int) -> str:
        return ngettext("{count} delegation", "{count} delegations", count).format(count=count)
