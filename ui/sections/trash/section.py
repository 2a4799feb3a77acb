"""The Trash: every record moved to the trash, of every kind; restore it, or delete it for good
after a confirmation (that one cannot be undone)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QVBoxLayout, QWidget

from crm.i18n import _, ngettext
from crm.services import trash
from crm.services.errors import ServiceError
from crm.services.trash import TrashFilter, TrashRow
from ui import dialogs
from ui.context import AppContext
from ui.icons import icon
from ui.models.history_model import kind_label
from ui.models.trash_model import TrashModel
from ui.progress import ProgressRun
from ui.sections.section import Section
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.filter_bar import FilterBar
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
RESTORE_KEY = "Ctrl+R"
PURGE_KEY = "Shift+Del"


class TrashSection(Section):
    key = "trash"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._activated = False
        self._pending_row: int | None = None
        self.model = TrashModel(context)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        self.filter_bar = FilterBar(_("Filter the trash"), "")
        self.filter_bar.new_button.hide()
        self.kind = self.filter_bar.add_combo(
            ChoiceCombo([(k, kind_label(k)) for k in KINDS], empty=_("All kinds")), _("Kind"), 9
        )
        self.restore_button = QPushButton(icon("undo"), _("&Restore"))
        self.restore_button.setToolTip(
            _("Restore the selected records ({key})").format(key=RESTORE_KEY)
        )
        self.purge_button = QPushButton(icon("trash"), _("&Delete for good…"))
        self.purge_button.setToolTip(
            _("Delete the selected records for good ({key})").format(key=PURGE_KEY)
        )
        bar = self.filter_bar.layout()
        assert bar is not None
        bar.addWidget(self.restore_button)
        bar.addWidget(self.purge_button)
        layout.addWidget(self.filter_bar)

        self.table = RecordTable()
        self.table.set_record_model(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.set_placeholder(self._empty_text)
        self.table.setAccessibleName(_("Trash"))
        layout.addWidget(self.table, 1)

        self.restore_action = self._action(_("Restore"), RESTORE_KEY, self.restore_selected)
        self.purge_action = self._action(_("Delete for good"), PURGE_KEY, self.purge_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        self.filter_bar.changed.connect(self._filters_changed)
        self.filter_bar.text.returnPressed.connect(self.filter_bar.flush)
        self.model.loaded.connect(self._after_load)
        self.model.modelReset.connect(self._update_count)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def _action(self, text: str, key: str, slot: Any) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        # Only while the trash is shown: Shift+Del means something else in a text field.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # --- list -------------------------------------------------------------------------------

    def activate(self) -> None:
        if not self._activated:
            self._activated = True
            self.model.reload()
        self.table.setFocus()

    def _filters_changed(self) -> None:
        self.model.set_filters(
            TrashFilter(text=self.filter_bar.text_value(), kind=self.kind.value())
        )

    def _empty_text(self) -> str:
        if self.model.is_loading:
            return ""
        if self.filter_bar.is_active():
            return _("Nothing in the trash matches the filter.")
        return _(
            "The trash is empty.\nRecords you move to the trash wait here until you restore "
            "them or delete them for good."
        )

    def _update_count(self) -> None:
        count = self.model.rowCount()
        self.filter_bar.count.setText(
            ngettext("{count} record", "{count} records", count).format(count=count)
        )

    def _after_load(self) -> None:
        self._update_count()
        pending, self._pending_row = self._pending_row, None
        if pending is not None and self.model.rowCount() > 0:
            # The next record takes the place of the one that left, for the next keystroke.
            self.table.selectRow(min(pending, self.model.rowCount() - 1))
        self._update_buttons()
        self.table.viewport().update()

    def selected(self) -> list[TrashRow]:
        rows = [index.row() for index in self.table.selectionModel().selectedRows()]
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return self.model.items(rows)

    def _update_buttons(self, *_args: Any) -> None:
        has = bool(self.table.selectionModel().selectedRows())
        for widget in (self.restore_button, self.purge_button):
            widget.setEnabled(has)
        for action in (self.restore_action, self.purge_action):
            action.setEnabled(has)

    # --- actions ----------------------------------------------------------------------------

    def restore_selected(self) -> None:
        items = self.selected()
        if not items:
            return
        self._remember_place()
        ProgressRun(
            self.context,
            self,
            _("Restoring from the trash"),
            trash.restore_many,
            [(item.entity, item.entity_id) for item in items],
            on_done=lambda changes: self._restored(items, changes),
            on_error=self._failed,
        )

    def _restored(self, items: list[TrashRow], changes: Any) -> None:
        self.context.announce(changes)
        if len(items) == 1:
            message = _("Restored “{name}”. Undo with Ctrl+Z.").format(name=items[0].label)
        else:
            message = ngettext(
                "Restored {count} record. Undo with Ctrl+Z.",
                "Restored {count} records. Undo with Ctrl+Z.",
                len(items),
            ).format(count=len(items))
        self.context.say(message)

    def purge_selected(self) -> None:
        items = self.selected()
        if not items or not dialogs.confirm_purge(self, [item.label for item in items]):
            return
        self._remember_place()
        ProgressRun(
            self.context,
            self,
            _("Deleting for good"),
            trash.purge_many,
            [(item.entity, item.entity_id) for item in items],
            on_done=lambda changes: self._purged(items, changes),
            on_error=self._failed,
        )

    def _purged(self, items: list[TrashRow], changes: Any) -> None:
        self.context.announce(changes)
        if len(items) == 1:
            message = _("Deleted “{name}” for good.").format(name=items[0].label)
        else:
            message = ngettext(
                "Deleted {count} record for good.", "Deleted {count} records for good.", len(items)
            ).format(count=len(items))
        self.context.say(message)

    def _remember_place(self) -> None:
        rows = [index.row() for index in self.table.selectionModel().selectedRows()]
        self._pending_row = min(rows) if rows else None

    def _failed(self, error: Exception) -> None:
        self._pending_row = None
        if isinstance(error, ServiceError):
            dialogs.show_error(self, str(error))
            self.model.reload()  # someone else may have emptied the trash meanwhile
        else:
            self.context.worker.unhandled_error.emit(error)

    # --- remembered layout ------------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        self.table.save_state(settings, self.key)

    def restore_state(self, settings: QSettings) -> None:
        sort, descending = self.table.restore_state(settings, self.key)
        if sort is not None and any(c.sort == sort for c in self.model.columns):
            self.model.set_sort_quietly(sort, descending)
        self.table.show_sort()
