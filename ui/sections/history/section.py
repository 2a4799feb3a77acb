"""History: every operation of the office, newest first, filtered by kind, person and text;
the operation chosen shows its changes field by field (old and new value) below the list."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from crm.i18n import _, ngettext
from crm.services import history
from crm.services.history import ChangeDetail, HistoryFilter
from ui.context import AppContext
from ui.models.history_model import (
    ChangeLine,
    ChangesModel,
    HistoryModel,
    format_time,
    kind_label,
    lines_of,
)
from ui.sections.section import Section
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.filter_bar import FilterBar
from ui.widgets.record_history import changes_table
from ui.widgets.record_table import RecordTable

KINDS = (
    "partnership",
    "organisation",
    "person",
    "delegation",
    "correspondence",
    "project",
    "event",
)


def periods() -> dict[str, str]:
    return {
        "today": _("Today"),
        "week": _("Last 7 days"),
        "month": _("Last 30 days"),
        "year": _("This year"),
        "last_year": _("Last year"),
    }


def period_range(period: str | None, today: date) -> dict[str, date]:
    """The ``since`` and ``until`` days (both included) of a period of the When filter."""
    if period == "today":
        return {"since": today}
    if period == "week":
        return {"since": today - timedelta(days=6)}
    if period == "month":
        return {"since": today - timedelta(days=29)}
    if period == "year":
        return {"since": date(today.year, 1, 1)}
    if period == "last_year":
        return {"since": date(today.year - 1, 1, 1), "until": date(today.year - 1, 12, 31)}
    return {}


class HistorySection(Section):
    key = "history"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._activated = False
        self._shown_operation: int | None = None
        self._generation = 0
        self.model = HistoryModel(context)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        self.filter_bar = FilterBar(_("Filter the history"), "")
        self.filter_bar.new_button.hide()
        self.kind = self.filter_bar.add_combo(
            ChoiceCombo([(k, kind_label(k)) for k in KINDS], empty=_("All kinds")), _("Kind"), 9
        )
        self.actor = self.filter_bar.add_combo(
            ChoiceCombo([], empty=_("Everyone")), _("Changed by"), 9
        )
        self.period = self.filter_bar.add_combo(
            ChoiceCombo(list(periods().items()), empty=_("Any time")), _("When"), 9
        )
        layout.addWidget(self.filter_bar)

        self.table = RecordTable()
        self.table.set_record_model(self.model)
        self.table.set_placeholder(self._empty_text)
        self.table.setAccessibleName(_("History"))

        details = QWidget()
        details.setObjectName("editorPage")
        column = QVBoxLayout(details)
        column.setContentsMargins(12, 10, 12, 10)
        column.setSpacing(6)
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle = QLabel(_("Select an operation to see what it changed."))
        self.subtitle.setObjectName("fieldCaption")
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.changes_model = ChangesModel(parent=self)
        self.changes = changes_table(self.changes_model)
        self.changes.setAccessibleName(_("Changes"))
        self.changes.setToolTip(_("Double-click a record to open it."))
        column.addWidget(self.title)
        column.addWidget(self.subtitle)
        column.addWidget(self.changes, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("sectionSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([480, 320])
        layout.addWidget(self.splitter, 1)

        self.filter_bar.changed.connect(self._filters_changed)
        self.filter_bar.text.returnPressed.connect(self.filter_bar.flush)
        self.model.loaded.connect(self._after_load)
        self.model.modelReset.connect(self._update_count)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.changes.doubleClicked.connect(self._open_record)
        context.changed.connect(lambda _changes: self._load_actors())
        self._show_changes(None, [])

    # --- list -------------------------------------------------------------------------------

    def activate(self) -> None:
        if not self._activated:
            self._activated = True
            self.model.reload()
            self._load_actors()

    def _load_actors(self) -> None:
        self.context.run(history.actors, on_done=self._show_actors, busy=False)

    def _show_actors(self, names: list[str]) -> None:
        self.actor.blockSignals(True)
        self.actor.set_choices([(name, name) for name in names])
        self.actor.blockSignals(False)

    def _filters_changed(self) -> None:
        self.model.set_filters(
            HistoryFilter(
                text=self.filter_bar.text_value(),
                kind=self.kind.value(),
                actor=self.actor.value(),
                **period_range(self.period.value(), date.today()),
            )
        )

    def _empty_text(self) -> str:
        if self.model.is_loading:
            return ""
        if self.filter_bar.is_active():
            return _("No changes match the filter.")
        return _("Nothing has been changed yet.\nEvery change made in Liaison is listed here.")

    def _update_count(self) -> None:
        count = self.model.rowCount()
        self.filter_bar.count.setText(
            ngettext("{count} entry", "{count} entries", count).format(count=count)
        )

    def _after_load(self) -> None:
        self._update_count()
        if self._shown_operation is not None:
            row = self.model.row_of(self._shown_operation)
            if row is not None:
                self.table.selectionModel().blockSignals(True)
                self.table.selectRow(row)
                self.table.selectionModel().blockSignals(False)
                self._load_changes(self._shown_operation)  # an undo may have marked it
            else:
                self._show_changes(None, [])
        self.table.viewport().update()

    # --- the operation's changes ------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        operation_id = self.model.id_at(current.row()) if current.isValid() else None
        if operation_id is None:
            self._show_changes(None, [])
        elif operation_id != self._shown_operation:
            self._load_changes(operation_id)

    def _load_changes(self, operation_id: int) -> None:
        self._shown_operation = operation_id
        self._generation += 1
        generation = self._generation
        self.context.run(
            history.operation_changes,
            operation_id,
            on_done=lambda changes: self._changes_loaded(generation, operation_id, changes),
            busy=False,
        )

    def _changes_loaded(
        self, generation: int, operation_id: int, changes: list[ChangeDetail]
    ) -> None:
        if generation == self._generation:
            self._show_changes(operation_id, changes)

    def _show_changes(self, operation_id: int | None, changes: list[ChangeDetail]) -> None:
        self._shown_operation = operation_id
        row = self.model.row_of(operation_id) if operation_id is not None else None
        operation = self.model.row_data(row) if row is not None else None
        if operation is None:
            self.title.setText(_("Changes"))
            self.subtitle.setText(_("Select an operation to see what it changed."))
            self.changes_model.set_lines([])
            return
        self.title.setText(operation.label)
        subtitle = _("{when} by {who}").format(when=format_time(operation.at), who=operation.actor)
        if operation.undone:
            subtitle = _("{details} · undone later").format(details=subtitle)
        self.subtitle.setText(subtitle)
        lines: list[ChangeLine] = []
        for change in changes:
            lines.extend(lines_of(change))
        self.changes_model.set_lines(lines)

    def _open_record(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        change = self.changes_model.lines[index.row()].change
        self.context.open_record.emit(change.entity, change.entity_id)

    # --- remembered layout ------------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(f"{self.key}/splitter", self.splitter.saveState())
        self.table.save_state(settings, self.key)

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value(f"{self.key}/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        sort, descending = self.table.restore_state(settings, self.key)
        if sort is not None and any(c.sort == sort for c in self.model.columns):
            self.model.set_sort_quietly(sort, descending)
        self.table.show_sort()
