"""The Correspondence section: the register, newest first, filtered by follow-up state,
direction, partnership and year; overdue follow-ups stand out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from crm.i18n import _, ngettext
from crm.services import correspondence_lists as cl
from crm.services.correspondence_lists import CorrespondenceFilter
from ui.context import AppContext
from ui.models.correspondence_model import STATUS_COLOURS, CorrespondenceModel
from ui.sections.correspondence import vocabulary
from ui.sections.correspondence.editor import CorrespondenceEditor
from ui.sections.record_section import RecordSection
from ui.widgets.badge_delegate import BadgeDelegate
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.filter_bar import FilterBar
from ui.widgets.filter_choices import FilterChoices, partnership_choice, year_choice


class CorrespondenceSection(RecordSection):
    key = "correspondence"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.today: Callable[[], date] = date.today  # what "due" and "overdue" count from
        bar = FilterBar(_("Filter by reference, subject…"), _("New entry"))
        bar.new_button.setToolTip(_("Register a letter, email, fax or call (Ctrl+N)"))
        self.state = bar.add_combo(
            ChoiceCombo(vocabulary.states(), empty=_("All entries")), _("Follow-up"), 10
        )
        self.direction = bar.add_combo(
            ChoiceCombo(vocabulary.directions(), empty=_("In and out")), _("Direction"), 8
        )
        self.partnership = bar.add_combo(
            ChoiceCombo([], empty=_("All partnerships")), _("Partnership"), 10
        )
        self.year = bar.add_combo(ChoiceCombo([], empty=_("All years")), _("Year"), 6)
        # Partner cities with a district's name are long: the text filter keeps its room.
        character = self.partnership.fontMetrics().averageCharWidth()
        self.partnership.setMaximumWidth(max(self.partnership.minimumWidth(), 22 * character))
        super().__init__(
            context, CorrespondenceModel(context), CorrespondenceEditor(context), bar, parent
        )
        columns = [column.key for column in self.model.columns]
        self._status_delegate = BadgeDelegate(STATUS_COLOURS, self.table)
        self.table.setItemDelegateForColumn(columns.index("status"), self._status_delegate)
        self.choices = FilterChoices(context, {"partnership", "correspondence"}, self)
        self.choices.add(self.partnership, cl.partnership_choices, partnership_choice)
        self.choices.add(self.year, cl.years, year_choice)

    def activate(self) -> None:
        super().activate()
        self.choices.start()

    def make_filters(self) -> CorrespondenceFilter:
        partnership = self.partnership.value()
        year = self.year.value()
        return CorrespondenceFilter(
            text=self.filter_bar.text_value(),
            state=self.state.value(),
            direction=self.direction.value(),
            partnership_id=int(partnership) if partnership else None,
            year=int(year) if year else None,
            today=self.today(),
        )

    def empty_text(self) -> str:
        if self.model.is_loading and not self.model.rowCount():
            return ""
        if self.filter_bar.is_active():
            return _("No entries match the filter.")
        return _("The register is empty — register a letter with Ctrl+N.")

    def count_text(self, count: int) -> str:
        return ngettext("{count} entry", "{count} entries", count).format(count=count)
