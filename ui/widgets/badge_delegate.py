"""Small rounded badges inside table cells: the activity rating (A, AA, AAA) and the status.

Colours are chosen for both light and dark palettes: a tinted fill with text in the tint.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.models.id_list_model import VALUE_ROLE

RATING_COLOURS = {"A": "#8a6d1e", "AA": "#1f6fb2", "AAA": "#2e7d32"}
STATUS_COLOURS = {
    "active": "#2e7d32",
    "planned": "#1f6fb2",
    "dormant": "#8a6d1e",
    "suspended": "#b3541e",
    "ended": "#6b6b6b",
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def tint(colour: str, palette: QPalette) -> QColor:
    """The badge's text colour: lighter on a dark background."""
    base = QColor(colour)
    return base.lighter(170) if is_dark(palette) else base


class BadgeDelegate(QStyledItemDelegate):
    """Draws the cell's text in a pill coloured by the cell's stored value."""

    def __init__(self, colours: dict[str, str], parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._colours = colours

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        value = index.data(VALUE_ROLE)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        option_text = option.text
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        option.text = option_text
        colour = tint(self._colours.get(str(value), "#6b6b6b"), option.palette)
        metrics = option.fontMetrics
        width = metrics.horizontalAdvance(text) + 16
        height = metrics.height() + 4
        rect = QRectF(option.rect)
        if option.displayAlignment & Qt.AlignmentFlag.AlignHCenter:
            left = rect.center().x() - width / 2
        else:
            left = rect.left() + 6
        pill = QRectF(left, rect.center().y() - height / 2, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(colour)
        fill.setAlphaF(0.16)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        selected = option.state & QStyle.StateFlag.State_Selected
        painter.setPen(
            option.palette.color(QPalette.ColorRole.HighlightedText) if selected else colour
        )
        font = option.font
        font.setWeight(font.Weight.DemiBold)
        painter.setFont(font)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 16, max(hint.height(), option.fontMetrics.height() + 10))
