"""What the main window asks of every section, with the answers of a section that has no
records to edit (the overview, the trash, the history, the settings)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from ui.context import AppContext


class Section(QWidget):
    key = ""  # "people": the name in the sidebar, the settings and the Go menu

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def activate(self) -> None:
        """Called each time the section is shown (load on the first call, or refresh)."""

    def has_unsaved_changes(self) -> bool:
        return False

    def leave_then(self, action: Callable[[], None]) -> None:
        """Run ``action`` once the section may be left (an editor may first ask to save)."""
        action()

    def current_record_id(self) -> int | None:
        """The record open in the section, for Back and Forward to return to."""
        return None

    def place_id(self, kind: str, record_id: int) -> int:
        """The number ``show_record`` takes for a record of ``kind`` (a section of two kinds
        tells them apart by it); ``current_record_id`` hands back the same number."""
        return record_id

    def show_record(self, record_id: int) -> None:
        """Open one of the section's records (from the search, a link or an undo)."""

    def new_record(self) -> None:
        """Edit ▸ New: start a new record, where the section has records."""

    def save(self) -> None:
        """Edit ▸ Save."""

    def delete_current(self) -> None:
        """Edit ▸ Move to trash."""

    def save_state(self, settings: QSettings) -> None:
        """Remember the layout (splitters, columns, sort order)."""

    def restore_state(self, settings: QSettings) -> None:
        """Take back what ``save_state`` remembered."""
