"""One record's history: every change to it, newest first, with who, when, the field and its
old and new value. Editors embed it in a HistoryGroup under the form: collapsed at first, and
loaded only while it is open, so opening a record stays fast."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm.i18n import _
from crm.services import history
from crm.services.history import RecordEvent
from ui.context import AppContext
from ui.models.history_model import ChangeLine, ChangesModel, lines_of


def changes_table(model: ChangesModel, widths: dict[str, int] | None = None) -> QTableView:
    """A read-only table over a ChangesModel: values get the room, long ones a tooltip.

    ``widths``: the columns of fixed width, in average characters (the others stretch).
    """
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
    if widths is None:
        widths = {"at": 17, "actor": 12, "record": 30, "field": 24}
    for position, key in enumerate(model.keys):
        if key in widths:
            header.setSectionResizeMode(position, QHeaderView.ResizeMode.Interactive)
            table.setColumnWidth(position, widths[key] * character + 16)
        else:
            header.setSectionResizeMode(position, QHeaderView.ResizeMode.Stretch)
    return table


# Under an editor's form the table is narrow: when and by whom as wide as they need, the
# field a little less than in the History section, and the values wrap instead of being cut off.
EMBEDDED_WIDTHS = {"at": 0, "actor": 0, "field": 13}


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text: Qt measures wrapped text without the style sheet's
    cell padding, so its rows come out a line short and the last line is cut off."""

    PADDING = 12  # QTableView::item's left and right padding in ui/style.py, and a margin

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        text = index.data()
        if not text:
            return hint
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        width = self._table.columnWidth(index.column()) - self.PADDING - 8
        if width <= 0:
            return hint
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
        bounds = QFontMetrics(view.font).boundingRect(QRect(0, 0, width, 1 << 20), flags, str(text))
        return QSize(hint.width(), max(hint.height(), bounds.height() + 12))


class RecordHistory(QWidget):
    """The history of the record given to ``set_record``, kept up to date as it changes.

    With ``fit_height`` (pixels) the table is embedded in a scrolling form: long values wrap,
    and the table is as tall as its rows up to that height, then it scrolls. Without, it takes
    the room its layout gives it.
    """

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, fit_height: int | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.record: tuple[str, int] | None = None
        self.fit_height = fit_height
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.model = ChangesModel(per_record=True, parent=self)
        if fit_height is None:
            self.table = changes_table(self.model)
        else:
            self.table = changes_table(self.model, EMBEDDED_WIDTHS)
            self.table.setWordWrap(True)
            self.table.setItemDelegate(WrappingDelegate(self.table))
            self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            columns = self.table.horizontalHeader()
            for position, key in enumerate(self.model.keys):
                if EMBEDDED_WIDTHS.get(key) == 0:
                    columns.setSectionResizeMode(position, QHeaderView.ResizeMode.ResizeToContents)
            rows = self.table.verticalHeader()
            rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            rows.sectionResized.connect(lambda *_args: self._fit())
            # A column grown or shrunk (the form resized): the values wrap anew.
            columns.sectionResized.connect(lambda *_args: self.table.resizeRowsToContents())
        self.table.setAccessibleName(_("History of this record"))
        self.empty = QLabel(_("No changes recorded yet."))
        self.empty.setObjectName("fieldCaption")
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self.table.hide()
        context.changed.connect(self._changed)

    def set_record(self, kind: str, record_id: int) -> None:
        if self.record != (kind, record_id):
            # Not the previous record's changes under this one's form while it loads.
            self.table.hide()
            self.empty.setText(_("Loading history…"))
            self.empty.show()
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
        self.empty.setText(_("No changes recorded yet."))
        self.table.setVisible(bool(lines))
        self.empty.setVisible(not lines)
        self._fit()

    def _fit(self) -> None:
        """Embedded: as tall as the rows (they wrap, so this follows the width) up to the cap."""
        if self.fit_height is None or not self.model.lines:
            return
        table = self.table
        height = (
            table.horizontalHeader().sizeHint().height()
            + table.verticalHeader().length()
            + 2 * table.frameWidth()
        )
        table.setFixedHeight(min(height, self.fit_height))

    def _changed(self, changes: Any) -> None:
        if self.record is None:
            return
        kind, record_id = self.record
        for bucket in (changes.created, changes.updated, changes.deleted):
            if record_id in bucket.get(kind, ()):
                self.reload()
                return


FIT_HEIGHT = 420  # pixels: a long history scrolls inside the form rather than lengthen it


class HistoryGroup(QFrame):
    """A record's history under its editor's form: a heading that opens and closes it.

    Closed, it loads nothing; opened, it shows the record given to ``show_for`` and follows
    its changes. ``expanded_changed`` lets the editor remember the choice.
    """

    expanded_changed = Signal(bool)

    def __init__(
        self, context: AppContext, expanded: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("formSection")
        self._target: tuple[str, int] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.toggle = QToolButton()
        self.toggle.setObjectName("sectionTitle")  # styled like the form's other headings
        # ... and not like a pressed button while it is open.
        self.toggle.setStyleSheet(
            "QToolButton { background: transparent; border: none; padding-left: 0; }"
        )
        self.toggle.setText(_("History"))
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.toggle.setToolTip(_("Show or hide who changed this record, when, and what"))
        self.toggle.toggled.connect(self._toggled)
        layout.addWidget(self.toggle)
        self.history = RecordHistory(context, fit_height=FIT_HEIGHT)
        layout.addWidget(self.history)
        self.toggle.setChecked(expanded)
        self._toggled(expanded, announce=False)

    def is_expanded(self) -> bool:
        return self.toggle.isChecked()

    def set_expanded(self, expanded: bool) -> None:
        self.toggle.setChecked(expanded)

    def show_for(self, kind: str, record_id: int | None) -> None:
        """The record whose history to show (None: a record not saved yet has none)."""
        self._target = None if record_id is None else (kind, record_id)
        self.setVisible(self._target is not None)
        self._load()

    def _toggled(self, expanded: bool, announce: bool = True) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.history.setVisible(expanded)
        self._load()
        if announce:
            self.expanded_changed.emit(expanded)

    def _load(self) -> None:
        if self._target is not None and self.is_expanded():
            self.history.set_record(*self._target)
        elif self.history.record is not None:
            self.history.clear()  # closed: nothing to load while the record changes
