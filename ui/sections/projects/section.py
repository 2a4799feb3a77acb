"""The Projects and events section: a switch between the two lists (Projects | Events) above
them, each list with its filters and its editor beside it.

Only the list on show may hold unsaved changes: switching asks about them first. Places in the
Back and Forward history keep an event as its negated id, so one number says which list.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QTabBar, QVBoxLayout, QWidget

from crm.i18n import _
from ui.context import AppContext
from ui.sections.projects.panes import EventsPane, ProjectsPane
from ui.sections.record_section import RecordSection
from ui.sections.section import Section

KINDS = ("project", "event")


class ProjectsSection(Section):
    key = "projects"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.projects = ProjectsPane(context)
        self.events = EventsPane(context)
        self.panes: dict[str, RecordSection] = {"project": self.projects, "event": self.events}
        self._kind = "project"
        self._active = False

        self.switch = QTabBar()
        self.switch.setObjectName("sectionSwitch")
        self.switch.setDocumentMode(True)
        self.switch.setDrawBase(False)
        self.switch.setExpanding(False)
        self.switch.addTab(_("Projects"))
        self.switch.addTab(_("Events"))
        self.switch.setTabToolTip(0, _("Projects: partnership, theme, funder, budget, period"))
        self.switch.setTabToolTip(1, _("Events: conferences, anniversaries, network meetings"))
        self.switch.setAccessibleName(_("Projects or events"))
        self.switch.currentChanged.connect(self._switch_requested)
        strip = QWidget()
        strip.setObjectName("filterBar")  # the same calm strip as the filters below it
        row = QHBoxLayout(strip)
        row.setContentsMargins(12, 6, 12, 0)
        row.addWidget(self.switch)
        row.addStretch(1)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.projects)
        self.stack.addWidget(self.events)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(strip)
        layout.addWidget(self.stack, 1)

    # --- which list -------------------------------------------------------------------------

    @property
    def kind(self) -> str:
        """The kind of record on show: "project" or "event"."""
        return self._kind

    def pane(self) -> RecordSection:
        return self.panes[self._kind]

    def _switch_requested(self, index: int) -> None:
        wanted = KINDS[index]
        if wanted == self._kind:
            return
        self._show_switch(self._kind)  # until the user may leave the list on show
        self.pane().leave_then(lambda: self.show_kind(wanted))

    def _show_switch(self, kind: str) -> None:
        self.switch.blockSignals(True)
        self.switch.setCurrentIndex(KINDS.index(kind))
        self.switch.blockSignals(False)

    def show_kind(self, kind: str) -> None:
        """Show the list of ``kind`` (unsaved changes must be dealt with first)."""
        self._kind = kind
        self._show_switch(kind)
        self.stack.setCurrentWidget(self.pane())
        if self._active:
            self.pane().activate()

    # --- what the main window asks ----------------------------------------------------------

    def activate(self) -> None:
        self._active = True
        self.pane().activate()

    def has_unsaved_changes(self) -> bool:
        return any(pane.has_unsaved_changes() for pane in self.panes.values())

    def leave_then(self, action: Callable[[], None]) -> None:
        self.pane().leave_then(action)

    def place_id(self, kind: str, record_id: int) -> int:
        return -record_id if kind == "event" else record_id

    def current_record_id(self) -> int | None:
        record_id = self.pane().current_record_id()
        return None if record_id is None else self.place_id(self._kind, record_id)

    def show_record(self, record_id: int) -> None:
        kind = "event" if record_id < 0 else "project"
        if kind != self._kind:
            self.show_kind(kind)
        self.pane().show_record(abs(record_id))

    def new_record(self) -> None:
        self.pane().new_record()

    def save(self) -> None:
        self.pane().save()

    def delete_current(self) -> None:
        self.pane().delete_current()

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(f"{self.key}/showing", self._kind)
        for pane in self.panes.values():
            pane.save_state(settings)

    def restore_state(self, settings: QSettings) -> None:
        for pane in self.panes.values():
            pane.restore_state(settings)
        showing = settings.value(f"{self.key}/showing")
        if showing in KINDS and showing != self._kind:
            self.show_kind(str(showing))
