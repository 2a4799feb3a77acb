"""The two lists of the Projects and events section, each a list beside its editor: projects
(running first; by status, partnership and year) and events (upcoming first; by kind,
partnership and year)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from crm.i18n import _, ngettext
from crm.services import event_lists as el
from crm.services import partnerships, project_fields
from crm.services import project_lists as pl
from crm.services.event_lists import EventFilter
from crm.services.project_lists import ProjectFilter
from ui.context import AppContext
from ui.models.events_model import EventsModel
from ui.models.projects_model import ProjectsModel
from ui.sections.projects import vocabulary
from ui.sections.projects.event_editor import EventEditor
from ui.sections.projects.project_editor import ProjectEditor
from ui.sections.record_section import RecordSection
from ui.widgets.badge_delegate import BadgeDelegate
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.filter_bar import FilterBar
from ui.widgets.filter_choices import fill_quietly, partnership_choice, year_choice


class _Pane(RecordSection):
    """What both lists share: partnership and year filters filled from the records."""

    partnership: ChoiceCombo
    year: ChoiceCombo
    watched: frozenset[str] = frozenset()  # kinds whose changes may change the filter choices

    def activate(self) -> None:
        first = not self._activated
        super().activate()
        if first:
            self.context.changed.connect(self._maybe_reload_choices)
            self.reload_choices()

    def _maybe_reload_choices(self, changes: Any) -> None:
        if self.watched & changes.kinds:
            self.reload_choices()

    def reload_choices(self) -> None:
        raise NotImplementedError

    def set_partnerships(self, choices: list[tuple[int, str]]) -> None:
        fill_quietly(self.partnership, [partnership_choice(row) for row in choices])

    def set_years(self, years: list[int]) -> None:
        fill_quietly(self.year, [year_choice(year) for year in years])

    def _number(self, combo: ChoiceCombo) -> int | None:
        value = combo.value()
        return int(value) if value else None


class ProjectsPane(_Pane):
    key = "projects"
    watched = frozenset({"project", "partnership", "office"})  # office: its currency

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        bar = FilterBar(_("Filter by name, partnership, theme or funder…"), _("New project"))
        bar.new_button.setToolTip(_("New project (Ctrl+N)"))
        self.status = bar.add_combo(
            ChoiceCombo(vocabulary.project_statuses(), empty=_("All statuses")), _("Status"), 7
        )
        self.partnership = bar.add_combo(
            ChoiceCombo([], empty=_("All partnerships")), _("Partnership"), 9
        )
        self.year = bar.add_combo(ChoiceCombo([], empty=_("All years")), _("Year"), 5)
        self.project_editor = ProjectEditor(context)
        super().__init__(context, ProjectsModel(context), self.project_editor, bar, parent)
        columns = [column.key for column in self.model.columns]
        self._status_delegate = BadgeDelegate(vocabulary.STATUS_COLOURS, self.table)
        self.table.setItemDelegateForColumn(columns.index("status"), self._status_delegate)

    def reload_choices(self) -> None:
        run = self.context.run
        run(pl.project_partnerships, on_done=self.set_partnerships, busy=False)
        run(pl.project_years, on_done=self.set_years, busy=False)
        run(partnerships.theme_names, on_done=self.project_editor.set_theme_suggestions, busy=False)
        run(project_fields.default_currency, on_done=self._set_default_currency, busy=False)

    def _set_default_currency(self, code: str) -> None:
        self.project_editor.default_currency = code

    def make_filters(self) -> ProjectFilter:
        return ProjectFilter(
            text=self.filter_bar.text_value(),
            status=self.status.value(),
            partnership_id=self._number(self.partnership),
            year=self._number(self.year),
        )

    def empty_text(self) -> str:
        if self.model.is_loading and not self.model.rowCount():
            return ""
        if self.filter_bar.is_active():
            return _("No projects match the filter.")
        return _("No projects yet — create one with Ctrl+N.")

    def count_text(self, count: int) -> str:
        return ngettext("{count} project", "{count} projects", count).format(count=count)


class EventsPane(_Pane):
    key = "events"
    watched = frozenset({"event", "partnership"})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        bar = FilterBar(_("Filter by name, place or organiser…"), _("New event"))
        bar.new_button.setToolTip(_("New event (Ctrl+N)"))
        self.kind = bar.add_combo(
            ChoiceCombo(vocabulary.event_kinds(), empty=_("All kinds")), _("Kind"), 9
        )
        self.partnership = bar.add_combo(
            ChoiceCombo([], empty=_("All partnerships")), _("Partnership"), 9
        )
        self.year = bar.add_combo(ChoiceCombo([], empty=_("All years")), _("Year"), 5)
        super().__init__(context, EventsModel(context), EventEditor(context), bar, parent)
        columns = [column.key for column in self.model.columns]
        self._kind_delegate = BadgeDelegate(vocabulary.KIND_COLOURS, self.table)
        self.table.setItemDelegateForColumn(columns.index("kind"), self._kind_delegate)

    def reload_choices(self) -> None:
        self.context.run(el.event_partnerships, on_done=self.set_partnerships, busy=False)
        self.context.run(el.event_years, on_done=self.set_years, busy=False)

    def make_filters(self) -> EventFilter:
        return EventFilter(
            text=self.filter_bar.text_value(),
            kind=self.kind.value(),
            partnership_id=self._number(self.partnership),
            year=self._number(self.year),
        )

    def empty_text(self) -> str:
        if self.model.is_loading and not self.model.rowCount():
            return ""
        if self.filter_bar.is_active():
            return _("No events match the filter.")
        return _("No events yet — add one with Ctrl+N.")

    def count_text(self, count: int) -> str:
        return ngettext("{count} event", "{count} events", count).format(count=count)
