"""The People section: everyone the office deals with, filtered by text and country."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from crm.i18n import _, ngettext
from crm.services.lists import PeopleFilter
from ui.context import AppContext
from ui.countries import country_choices
from ui.models.people_model import PeopleModel
from ui.sections.people.editor import PersonEditor
from ui.sections.people.retention_dialog import RetentionDialog
from ui.sections.record_section import RecordSection
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.filter_bar import FilterBar


class PeopleSection(RecordSection):
    key = "people"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        bar = FilterBar(_("Filter by name, function…"), _("New person"))
        bar.new_button.setToolTip(_("New person (Ctrl+N)"))
        self.country = bar.add_combo(
            ChoiceCombo(country_choices(), empty=_("All countries")), _("Country"), 12
        )
        # The retention review (GDPR): people with no activity for years, for the office to check.
        self.retention_button = QPushButton(_("Review retention…"))
        self.retention_button.setToolTip(_("People with no activity for years (GDPR)"))
        self.retention_button.clicked.connect(self.show_retention)
        bar.layout().insertWidget(bar.layout().indexOf(bar.count), self.retention_button)
        self.retention_dialog: RetentionDialog | None = None
        super().__init__(context, PeopleModel(context), PersonEditor(context), bar, parent)

    def show_retention(self) -> None:
        """The review list, one per section, beside the main window while people are opened."""
        if self.retention_dialog is None:
            self.retention_dialog = RetentionDialog(self.context, self)
        self.retention_dialog.show()
        self.retention_dialog.raise_()
        self.retention_dialog.activateWindow()

    def make_filters(self) -> PeopleFilter:
        return PeopleFilter(text=self.filter_bar.text_value(), country=self.country.value())

    def empty_text(self) -> str:
        if self.model.is_loading and not self.model.rowCount():
            return ""
        if self.filter_bar.is_active():
            return _("No people match the filter.")
        return _("No people yet — create one with Ctrl+N.")

    def count_text(self, count: int) -> str:
        return ngettext("{count} person", "{count} people", count).format(count=count)
