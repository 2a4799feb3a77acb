"""One record's history: every change to it, newest first, with who, when, the field and its
old and new value. Editors embed it (``set_record`` when they load a record)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm.i18n import _
from crm.services import history
from crm.services.history import RecordEvent
from ui.context import AppContext
from ui.models.history_model import ChangeLine, ChangesModel, lines_of


def changes_table(model: ChangesModel) -> QTableView:
    """A read-only table over a ChangesModel: values get the room, long ones a tooltip."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    character = table.fontMetrics().averageCharWidth()
    widths = {"at": 17, "actor": 12, "record": 30, "field": 24}
    for position, key in enumerate(model.keys):
        if key in widths:
            header.setSectionResizeMode(position, QHeaderView.ResizeMode.Interactive)
            table.setColumnWidth(position, widths[key] * character + 16)
        else:
            header.setSectionResizeMode(position, QHeaderView.ResizeMode.Stretch)
    return table


class RecordHistory(QWidget):
    """The history of the record given to ``set_record``, kept up to date as it changes."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.record: tuple[str, int] | None = None
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.model = ChangesModel(per_record=True, parent=self)
        self.table = changes_table(self.model)
        self.table.setAccessibleName(_("History of this record"))
        self.empty = QLabel(_("No changes recorded yet."))
        self.empty.setObjectName("fieldCaption")
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self.table.hide()
        context.changed.connect(self._changed)

    def set_record(self, kind: str, record_id: int) -> None:
        self.record = (kind, record_id)
        self.reload()

    def clear(self) -> None:
        self.record = None
        self._generation += 1
        self._show([])

    def reload(self) -> None:
        if self.record is None:
            return
        self._generation += 1
        generation = self._generation
        self.context.run(
            history.record_history,
            *self.record,
            on_done=lambda events: self._loaded(generation, events),
            busy=False,
        )

    def _loaded(self, generation: int, events: list[RecordEvent]) -> None:
        if generation != self._generation:
            return  # another record was chosen meanwhile
        lines: list[ChangeLine] = []
        for event in events:
            lines.extend(
                lines_of(
                    event.change,
                    at=event.at,
                    actor=event.actor,
                    operation_label=event.operation_label,
                )
            )
        self._show(lines)

    def _show(self, lines: list[ChangeLine]) -> None:
        self.model.set_lines(lines)
        self.table.setVisible(bool(lines))
        self.empty.setVisible(not lines)

    def _changed(self, changes: Any) -> None:
        if self.record is None:
            return
        kind, record_id = self.record
        for bucket in (changes.created, changes.updated, changes.deleted):
            if record_id in bucket.get(kind, ()):
                self.reload()
                return
