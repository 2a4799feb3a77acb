"""The list view of a section: a table over an IdListModel with sorting done by the model
(in SQL), remembered column widths and sort order, and a friendly line when it is empty."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.models.id_list_model import IdListModel


class RecordTable(QTableView):
    open_requested = Signal()  # Enter on a row: go to its editor

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.sectionClicked.connect(self._header_clicked)
        self._placeholder: Callable[[], str] = lambda: ""

    def record_model(self) -> IdListModel:  # type: ignore[type-arg]
        model = self.model()
        assert isinstance(model, IdListModel)
        return model

    def set_record_model(self, model: IdListModel) -> None:  # type: ignore[type-arg]
        self.setModel(model)
        metrics = self.fontMetrics()
        character = metrics.averageCharWidth()
        header = self.horizontalHeader().fontMetrics()
        for position, column in enumerate(model.columns):
            # Room for the header's title and its sort arrow, too.
            title = header.horizontalAdvance(column.title) + 28
            width = max(column.width * character, metrics.horizontalAdvance(column.sample), title)
            # The cell's padding (6 px each side) and the style's text margins.
            self.setColumnWidth(position, width + 24)
        self._show_sort_indicator()
        model.loaded.connect(self.viewport().update)
        model.modelReset.connect(self.viewport().update)

    def set_placeholder(self, text: Callable[[], str]) -> None:
        """The line shown when the list is empty (it may depend on the filter)."""
        self._placeholder = text

    def _show_sort_indicator(self) -> None:
        model = self.record_model()
        order = Qt.SortOrder.DescendingOrder if model.descending else Qt.SortOrder.AscendingOrder
        self.horizontalHeader().setSortIndicator(model.sort_column(), order)

    def _header_clicked(self, column: int) -> None:
        model = self.record_model()
        if model.columns[column].sort is None:
            self._show_sort_indicator()  # this column cannot be sorted: keep the old arrow
            return
        same = model.columns[column].sort == model.sort_key
        descending = not model.descending if same else False
        model.sort(
            column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        )
        self._show_sort_indicator()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is None or model.rowCount() > 0:
            return
        text = self._placeholder()
        if not text:
            return
        painter = QPainter(self.viewport())
        colour = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        painter.setPen(colour)
        rect = self.viewport().rect().adjusted(24, 48, -24, 0)
        painter.drawText(
            rect,
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            text,
        )
        painter.end()

    # --- remembered layout ------------------------------------------------------------------

    def save_state(self, settings: QSettings, prefix: str) -> None:
        model = self.record_model()
        settings.setValue(f"{prefix}/header", self.horizontalHeader().saveState())
        settings.setValue(f"{prefix}/sort", model.sort_key)
        settings.setValue(f"{prefix}/descending", model.descending)

    def restore_state(self, settings: QSettings, prefix: str) -> tuple[str | None, bool]:
        """Restore widths and order of columns; returns the remembered sort (key, descending)
        for the model to load with."""
        state = settings.value(f"{prefix}/header")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.horizontalHeader().restoreState(state)
        sort = settings.value(f"{prefix}/sort")
        descending = str(settings.value(f"{prefix}/descending", "false")).lower() == "true"
        return (str(sort) if sort else None), descending

    def show_sort(self) -> None:
        self._show_sort_indicator()
