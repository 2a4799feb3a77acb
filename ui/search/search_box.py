"""The global search box in the toolbar (Ctrl+K, Ctrl+F): results as you type, a moment
after you pause; the fast kinds first, correspondence after; Enter opens the record."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from crm.i18n import _
from ui.context import AppContext
from ui.icons import icon
from ui.search.results_model import SearchResultsModel, opens
from ui.search.results_popup import ResultsPopup

if TYPE_CHECKING:
    from crm.db.database import Database
    from crm.search.query import SearchHit

DEBOUNCE_MS = 150


def _records(db: Database, query: str) -> list[SearchHit]:
    from crm.search.query import search_records

    return search_records(db, query, limit=30)


def _correspondence(db: Database, query: str) -> list[SearchHit]:
    from crm.search.query import search_correspondence

    return search_correspondence(db, query, limit=20)


class GlobalSearchBox(QLineEdit):
    chosen = Signal(str, int)  # kind, id of a record the app can open
    not_openable = Signal(str)  # kind of a hit the app cannot open yet

    def __init__(self, popup_parent: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("globalSearch")
        self.setPlaceholderText(_("Search people, partnerships, organisations…"))
        self.setToolTip(_("Search everything (Ctrl+K or Ctrl+F)"))
        self.setAccessibleName(_("Search everything"))
        self.setClearButtonEnabled(True)
        self.addAction(QAction(icon("search"), "", self), QLineEdit.ActionPosition.LeadingPosition)
        self.context: AppContext | None = None
        self.model = SearchResultsModel(self)
        self.popup = ResultsPopup(self.model, popup_parent)
        self.popup.list.clicked.connect(self._activate)
        self._generation = 0
        self._waiting = 0  # result sets still to come for the current query
        self._open_first = False  # Enter was pressed before the results came
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._search)
        self.textEdited.connect(self._edited)
        popup_parent.installEventFilter(self)

    def set_context(self, context: AppContext) -> None:
        self.context = context

    # --- querying ---------------------------------------------------------------------------

    def _edited(self, text: str) -> None:
        self._open_first = False
        if not text.strip():
            self._timer.stop()
            self._generation += 1
            self.model.set_hits([])
            self.popup.hide()
            return
        self._timer.start()

    def _search(self) -> None:
        if self.context is None:
            return
        query = self.text().strip()
        self._generation += 1
        generation = self._generation
        self._waiting = 2

        def current() -> bool:  # read on the worker: skip work for a query already replaced
            return generation == self._generation

        def records(db: Database, q: str) -> list[SearchHit] | None:
            return _records(db, q) if current() else None

        def correspondence(db: Database, q: str) -> list[SearchHit] | None:
            return _correspondence(db, q) if current() else None

        self.context.run(
            records, query, on_done=lambda hits: self._arrived(generation, hits, True), busy=False
        )
        self.context.run(
            correspondence,
            query,
            on_done=lambda hits: self._arrived(generation, hits, False),
            busy=False,
        )

    def _arrived(self, generation: int, hits: list[SearchHit] | None, first: bool) -> None:
        if generation != self._generation or hits is None:
            return
        self._waiting -= 1
        if first:
            self.model.set_hits(hits)
            if hits:
                self.popup.list.setCurrentIndex(self.model.index(0, 0))
            if self._open_first:
                self._open_first = False
                if hits:
                    self._activate(self.model.index(0, 0))
                    return
        else:
            self.model.append_hits(hits)
            if hits and not self.popup.list.currentIndex().isValid():
                self.popup.list.setCurrentIndex(self.model.index(0, 0))
        empty = self.model.rowCount() == 0
        if empty and self._waiting == 0:
            self.popup.set_message(_("Nothing found for “{query}”.").format(query=self.text()))
        elif empty:
            self.popup.set_message(_("Searching…"))
        else:
            self.popup.set_message("")
        if self.hasFocus():
            self.popup.place_below(self)
            self.popup.show()

    def is_settled(self) -> bool:
        """No search is waiting or running (for tests and the status bar)."""
        return not self._timer.isActive() and self._waiting == 0

    # --- keys and choosing ------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        rows = self.model.rowCount()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and rows:
            current = self.popup.list.currentIndex().row()
            step = 1 if key == Qt.Key.Key_Down else -1
            row = max(0, min(rows - 1, current + step if current >= 0 else 0))
            self.popup.list.setCurrentIndex(self.model.index(row, 0))
            if not self.popup.isVisible():
                self.popup.place_below(self)
                self.popup.show()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive() or self._waiting == 2:
                # Enter before the results: open the best hit as soon as it arrives.
                self._open_first = True
                if self._timer.isActive():
                    self._timer.stop()
                    self._search()
                return
            index = self.popup.list.currentIndex()
            if not index.isValid() and rows:
                index = self.model.index(0, 0)
            if index.isValid():
                self._activate(index)
            return
        if key == Qt.Key.Key_Escape:
            if self.popup.isVisible():
                self.popup.hide()
            else:
                self.clear()
                self.model.set_hits([])
            return
        super().keyPressEvent(event)

    def _activate(self, index: QModelIndex) -> None:
        hit = self.model.hit(index.row())
        if hit is None:
            return
        if not opens(hit.kind):
            self.not_openable.emit(hit.kind)
            return
        self.popup.hide()
        self.chosen.emit(hit.kind, hit.id)

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self.popup.hide()

    def focusInEvent(self, event: Any) -> None:
        super().focusInEvent(event)
        if self.text().strip() and self.model.rowCount():
            self.popup.place_below(self)
            self.popup.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.popup.isVisible():
            self.popup.place_below(self)
        return False
