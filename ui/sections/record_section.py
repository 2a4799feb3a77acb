"""A working section: the filter bar, the list and the editor beside it, and the actions
that tie them together (select, new, save, move to trash, export, jump to a record)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu, QSplitter, QVBoxLayout, QWidget

from crm.i18n import _
from crm.services import trash
from crm.services.errors import ServiceError
from ui import dialogs
from ui.context import AppContext
from ui.dialogs import Unsaved
from ui.models.id_list_model import IdListModel
from ui.sections.record_editor import RecordEditor
from ui.sections.section import Section
from ui.widgets.filter_bar import FilterBar
from ui.widgets.record_table import RecordTable


class RecordSection(Section):
    """A section of records: a list beside an editor."""

    # A file was exported from the list (its path): where "Send by email" will hook in.
    exported = Signal(str)

    def __init__(
        self,
        context: AppContext,
        model: IdListModel,  # type: ignore[type-arg]
        editor: RecordEditor,
        filter_bar: FilterBar,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        self.model = model
        self.editor = editor
        self.filter_bar = filter_bar
        self._pending_select: int | None = None
        self._pending_row: int | None = None
        self._activated = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(filter_bar)
        self.table = RecordTable()
        # Several rows can be chosen (Shift, Ctrl) to export them; the editor shows the
        # current one.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.set_record_model(model)
        self.table.set_placeholder(self.empty_text)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("sectionSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([700, 500])
        layout.addWidget(self.splitter, 1)

        self.delete_action = QAction(_("Move to trash"), self.table)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_current)
        self.export_action = QAction(_("Export…"), self.table)
        self.export_action.setObjectName("exportAction")
        self.export_action.triggered.connect(self.export_list)
        self.export_action.setVisible(self.export_kind() is not None)
        self.table.addAction(self.delete_action)
        self._export_dialog: Any = None
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_context_menu)

        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.open_requested.connect(lambda: self.editor.first_input().setFocus())
        filter_bar.changed.connect(self._filters_changed)
        filter_bar.text.returnPressed.connect(filter_bar.flush)
        filter_bar.new_button.clicked.connect(self.new_record)
        model.loaded.connect(self._after_load)
        model.modelReset.connect(self._update_count)
        editor.created.connect(self._select_when_listed)
        editor.delete_requested.connect(self.delete_current)
        context.changed.connect(editor.refresh)

    # --- for subclasses ---------------------------------------------------------------------

    def empty_text(self) -> str:
        raise NotImplementedError

    def count_text(self, count: int) -> str:
        raise NotImplementedError

    def make_filters(self) -> Any:
        raise NotImplementedError

    def activate(self) -> None:
        """Called when the section is shown; the first time it loads the list."""
        if not self._activated:
            self._activated = True
            self.model.reload()

    # --- the list's context menu -------------------------------------------------------------

    def context_menu_actions(self) -> list[QAction | None]:
        """The entries of the list's context menu, None for a separator. Sections and later
        features add theirs here (import and export of the list, for instance)."""
        actions: list[QAction | None] = [self.delete_action]
        if self.model.kind in ("person", "organisation"):
            import_action = QAction(_("Import…"), self.table)
            import_action.triggered.connect(self.import_records)
            actions += [None, import_action]
        if self.export_action.isVisible():
            actions += [self.export_action] if len(actions) > 1 else [None, self.export_action]
        return actions

    def _show_context_menu(self, position: QPoint) -> None:
        menu = QMenu(self.table)
        for action in self.context_menu_actions():
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.exec(self.table.viewport().mapToGlobal(position))
        menu.deleteLater()

    def import_records(self) -> None:
        """People or organisations from a file, with the import wizard."""
        from ui.import_wizard.wizard import open_import_wizard

        kind = "organisations" if self.model.kind == "organisation" else "people"
        open_import_wizard(self, self.context, kind)

    # --- list -------------------------------------------------------------------------------

    def _filters_changed(self) -> None:
        self.model.set_filters(self.make_filters())

    def _update_count(self) -> None:
        self.filter_bar.count.setText(self.count_text(self.model.rowCount()))

    def _after_load(self) -> None:
        self._update_count()
        wanted = self._pending_select or self.editor.target_id
        self._pending_select = None
        pending_row, self._pending_row = self._pending_row, None
        if wanted is not None:
            row = self.model.row_of(wanted)
            if row is not None:
                self._select_row(row)
        elif pending_row is not None and self.model.rowCount() > 0:
            # After a move to the trash the next record takes the removed one's place.
            self._select_row(min(pending_row, self.model.rowCount() - 1))
        self.table.viewport().update()

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        selection = self.table.selectionModel()
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _select_when_listed(self, record_id: int) -> None:
        self._pending_select = record_id

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        record_id = self.model.id_at(current.row()) if current.isValid() else None
        if record_id is None or record_id == self.editor.target_id:
            return
        if self.editor.is_dirty():
            answer = dialogs.ask_unsaved(self, self.editor.display_name())
            if answer == Unsaved.CANCEL:
                self._restore_selection(previous)
                return
            if answer == Unsaved.SAVE:
                self._restore_selection(previous)
                self.editor.save(after=lambda: self.show_record(record_id))
                return
        self.editor.load(record_id)

    def _restore_selection(self, previous: QModelIndex) -> None:
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        if previous.isValid():
            selection.setCurrentIndex(
                previous,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            selection.clear()
        selection.blockSignals(False)
        self.table.viewport().update()

    # --- actions ----------------------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self.editor.is_dirty()

    def current_record_id(self) -> int | None:
        return None if self.editor.is_new else self.editor.target_id

    def leave_then(self, action: Callable[[], None]) -> None:
        """Run ``action`` once the editor's changes are saved or discarded (the user decides);
        nothing happens if the user cancels or the save fails."""
        if not self.editor.is_dirty():
            action()
            return
        answer = dialogs.ask_unsaved(self, self.editor.display_name())
        if answer == Unsaved.SAVE:
            self.editor.save(after=action)
        elif answer == Unsaved.DISCARD:
            self.editor.show_placeholder()
            action()

    def new_record(self) -> None:
        self.leave_then(self._start_new)

    def _start_new(self) -> None:
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        selection.clear()
        selection.blockSignals(False)
        self.table.viewport().update()
        self.editor.start_new()

    def save(self) -> None:
        self.editor.save()

    def show_record(self, record_id: int) -> None:
        """Select ``record_id`` and open it; clears the filters if they hide it."""
        self.editor.load(record_id)
        row = self.model.row_of(record_id)
        if row is not None:
            self._select_row(row)
            return
        self._pending_select = record_id
        if self.filter_bar.is_active():
            self.filter_bar.reset()
        else:
            self.model.reload()

    def delete_current(self) -> None:
        record_id = self.editor.record_id if not self.editor.is_new else None
        name = self.editor.display_name()
        if record_id is None:
            record_id = self.current_id()
            row = self.model.row_data(self.table.currentIndex().row()) if record_id else None
            name = getattr(row, "name", "") if row is not None else ""
        if record_id is None:
            return
        if not dialogs.confirm_delete(self, name):
            return
        row = self.model.row_of(record_id)
        self.context.run(
            trash.delete_to_trash,
            self.model.kind,
            record_id,
            on_done=lambda changes: self._deleted(name, row, changes),
            on_error=self._delete_failed,
        )

    def _deleted(self, name: str, row: int | None, changes: Any) -> None:
        self.editor.show_placeholder()
        self.context.announce(changes)
        self.context.say(_("Moved “{name}” to the trash. Undo with Ctrl+Z.").format(name=name))
        self.table.setFocus()
        self._pending_row = row

    def _delete_failed(self, error: Exception) -> None:
        if isinstance(error, ServiceError):
            dialogs.show_error(self, str(error))
        else:
            self.context.worker.unhandled_error.emit(error)

    # --- export -----------------------------------------------------------------------------

    def export_kind(self) -> str | None:
        """What the list exports as (crm.io's kinds), or None when it has no export."""
        from ui.widgets.export_dialog import export_kind_of

        return export_kind_of(self.model.kind)

    def selected_ids(self) -> list[int]:
        """The ids of the selected rows, in the list's order."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [record_id for row in rows if (record_id := self.model.id_at(row)) is not None]

    def export_list(self) -> None:
        """File ▸ Export… and the list's context menu: the list as filtered, or the rows
        chosen when there are several."""
        kind = self.export_kind()
        if kind is None:
            return
        from ui.widgets.export_dialog import ExportDialog, ListToExport

        previous = self._export_dialog
        if previous is not None:
            previous.close()
            if previous.run is None or previous.run.finished:
                previous.deleteLater()
        current = self.current_record_id()
        listed = ListToExport(
            kind=kind,
            filters=self.model.filters,
            sort=self.model.sort_key,
            descending=self.model.descending,
            count=self.model.rowCount(),
            selected=tuple(self.selected_ids()),
            current=(current, self.editor.display_name()) if current is not None else None,
        )
        dialog = ExportDialog(self.context, listed, self)
        dialog.exported.connect(self.exported)
        # Kept until the next export: the export it started runs on after it closes.
        self._export_dialog = dialog
        dialog.open()

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
