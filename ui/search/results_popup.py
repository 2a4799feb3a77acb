"""The list under the search box: name, detail and kind of each hit, drawn compactly."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ui.search.results_model import DETAIL_ROLE, KIND_LABEL_ROLE, OPENS_ROLE, SearchResultsModel

MAX_VISIBLE_ROWS = 12


class HitDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget else QApplication.style()
        name, option.text = option.text, ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        opens = bool(index.data(OPENS_ROLE))
        main = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if selected:
            muted = main
        rect = option.rect.adjusted(10, 0, -10, 0)
        metrics = option.fontMetrics
        kind = str(index.data(KIND_LABEL_ROLE) or "")
        kind_width = metrics.horizontalAdvance(kind) + 12
        painter.save()
        painter.setFont(option.font)
        painter.setPen(muted)
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, kind)
        text_rect = QRect(rect.left(), rect.top(), rect.width() - kind_width, rect.height())
        name_width = min(metrics.horizontalAdvance(name), int(text_rect.width() * 0.65))
        painter.setPen(main if opens else muted)
        painter.drawText(
            QRect(text_rect.left(), text_rect.top(), name_width, text_rect.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(name, Qt.TextElideMode.ElideRight, name_width),
        )
        detail = str(index.data(DETAIL_ROLE) or "")
        if detail:
            left = text_rect.left() + name_width + 12
            detail_rect = QRect(left, text_rect.top(), text_rect.right() - left, text_rect.height())
            painter.setPen(muted)
            painter.drawText(
                detail_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(detail, Qt.TextElideMode.ElideRight, detail_rect.width()),
            )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(400, option.fontMetrics.height() + 14)


class ResultsPopup(QFrame):
    """A panel inside the main window (not a separate window, so typing stays in the box)."""

    def __init__(self, model: SearchResultsModel, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("searchPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(0)
        self.list = QListView()
        self.list.setObjectName("searchResults")
        self.list.setModel(model)
        self.list.setItemDelegate(HitDelegate(self.list))
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setUniformItemSizes(True)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setMouseTracking(True)
        layout.addWidget(self.list)
        self.message = QLabel()
        self.message.setObjectName("searchMessage")
        self.message.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.message)
        self.hide()

    def set_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def place_below(self, anchor: QWidget) -> None:
        parent = self.parentWidget()
        assert parent is not None
        top_left = anchor.mapTo(parent, anchor.rect().bottomLeft())
        width = max(anchor.width(), 520)
        left = min(top_left.x(), parent.width() - width - 8)
        rows = min(self.list.model().rowCount(), MAX_VISIBLE_ROWS)
        row_height = self.list.sizeHintForRow(0) if rows else 0
        height = rows * row_height + 2
        if self.message.isVisible():
            height += self.message.sizeHint().height()
        self.list.setVisible(rows > 0)
        self.setGeometry(max(left, 8), top_left.y() + 4, width, height + 2)
        self.raise_()
