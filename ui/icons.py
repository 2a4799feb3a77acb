"""Line icons drawn with QPainter: crisp at any screen scale and in the palette's own colours
(so they follow light and dark mode). Each icon is a few strokes on a 24 x 24 grid."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)


def _lines(*segments: tuple[float, ...]) -> QPainterPath:
    """Polylines: each tuple is x0, y0, x1, y1, ..."""
    path = QPainterPath()
    for points in segments:
        path.moveTo(points[0], points[1])
        for i in range(2, len(points), 2):
            path.lineTo(points[i], points[i + 1])
    return path


def _circle(path: QPainterPath, x: float, y: float, r: float) -> QPainterPath:
    path.addEllipse(QPointF(x, y), r, r)
    return path


def _rect(path: QPainterPath, x: float, y: float, w: float, h: float, r: float = 2) -> QPainterPath:
    path.addRoundedRect(QRectF(x, y, w, h), r, r)
    return path


def _person() -> QPainterPath:
    path = _circle(QPainterPath(), 12, 8, 4)
    path.moveTo(4.5, 20)
    path.cubicTo(4.5, 15.5, 8, 13.5, 12, 13.5)
    path.cubicTo(16, 13.5, 19.5, 15.5, 19.5, 20)
    return path


def _star() -> QPainterPath:
    path = QPainterPath()
    for point in range(10):
        radius = 8.8 if point % 2 == 0 else 3.8
        angle = math.radians(-90 + point * 36)
        x, y = 12 + radius * math.cos(angle), 12.8 + radius * math.sin(angle)
        if point == 0:
            path.moveTo(x, y)
        else:
            path.lineTo(x, y)
    path.closeSubpath()
    return path


def _undo() -> QPainterPath:
    path = _lines((9, 4, 4, 9, 9, 14))
    path.moveTo(4, 9)
    path.lineTo(14.5, 9)
    path.cubicTo(22, 9, 22, 20, 14.5, 20)
    path.lineTo(10, 20)
    return path


def _clock() -> QPainterPath:
    return _circle(_lines((12, 7.5, 12, 12, 15.5, 14)), 12, 12, 8.5)


def _sliders() -> QPainterPath:
    path = _lines((4, 7, 7, 7), (11, 7, 20, 7), (4, 17, 13, 17), (17, 17, 20, 17))
    return _circle(_circle(path, 9, 7, 2), 15, 17, 2)


_PATHS: dict[str, Callable[[], QPainterPath]] = {
    "plus": lambda: _lines((12, 5, 12, 19), (5, 12, 19, 12)),
    "back": lambda: _lines((19, 12, 5, 12), (11, 6, 5, 12, 11, 18)),
    "forward": lambda: _lines((5, 12, 19, 12), (13, 6, 19, 12, 13, 18)),
    "close": lambda: _lines((7, 7, 17, 17), (17, 7, 7, 17)),
    "check": lambda: _lines((5, 12.5, 10, 17.5, 19, 7)),
    "search": lambda: _circle(_lines((15.5, 15.5, 20, 20)), 10.5, 10.5, 6),
    "trash": lambda: _lines(
        (4, 7, 20, 7),
        (9, 7, 9, 4.5, 15, 4.5, 15, 7),
        (6, 7, 7, 20, 17, 20, 18, 7),
        (10, 11, 10, 16),
        (14, 11, 14, 16),
    ),
    "undo": _undo,
    "star": _star,
    "calendar": lambda: _rect(_lines((4, 10, 20, 10), (8, 3, 8, 7), (16, 3, 16, 7)), 4, 5, 16, 15),
    "overview": lambda: _rect(
        _rect(_rect(_rect(QPainterPath(), 4, 4, 7, 7), 13, 4, 7, 7), 4, 13, 7, 7), 13, 13, 7, 7
    ),
    "partnerships": lambda: _circle(_circle(QPainterPath(), 9, 12, 5.5), 15, 12, 5.5),
    "organisations": lambda: _rect(
        _lines(
            (9, 8, 10.5, 8),
            (13.5, 8, 15, 8),
            (9, 12, 10.5, 12),
            (13.5, 12, 15, 12),
            (10.5, 21, 10.5, 17, 13.5, 17, 13.5, 21),
        ),
        5,
        3.5,
        14,
        17.5,
        1.5,
    ),
    "people": _person,
    "delegations": lambda: _rect(
        _lines((9, 7, 9, 4.5, 15, 4.5, 15, 7), (3.5, 12.5, 20.5, 12.5)), 3.5, 7, 17, 13
    ),
    "correspondence": lambda: _rect(_lines((3.5, 6.5, 12, 13, 20.5, 6.5)), 3.5, 5, 17, 14),
    "projects": lambda: _lines(
        (5.5, 21, 5.5, 4), (5.5, 4.5, 18, 4.5, 15.5, 8.5, 18, 12.5, 5.5, 12.5)
    ),
    "reports": lambda: _lines(
        (6, 3, 14, 3, 19, 8, 19, 21, 6, 21, 6, 3),
        (14, 3, 14, 8, 19, 8),
        (9, 13, 16, 13),
        (9, 17, 16, 17),
    ),
    "history": _clock,
    "settings": _sliders,
}


STAR_GOLD = "#e3a008"


class LineIconEngine(QIconEngine):
    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def clone(self) -> QIconEngine:
        return LineIconEngine(self._name)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        palette = QGuiApplication.palette()
        if mode == QIcon.Mode.Disabled:
            color = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        elif mode == QIcon.Mode.Selected:
            color = palette.color(QPalette.ColorRole.HighlightedText)
        else:
            color = QColor(palette.color(QPalette.ColorRole.WindowText))
            color.setAlphaF(0.85)
        side = min(rect.width(), rect.height())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(
            rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2
        )
        painter.scale(side / 24, side / 24)
        filled = state == QIcon.State.On
        if filled:  # a chosen toggle (the primary star) is drawn filled in gold
            color = QColor(STAR_GOLD)
        pen = QPen(color, 1.7)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(color if filled else Qt.BrushStyle.NoBrush)
        painter.drawPath(_PATHS[self._name]())
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        """Drawn at the screen's pixel density: sharp on high-DPI screens."""
        if size.isEmpty():
            return QPixmap()
        pixmap = QPixmap(size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap


def icon(name: str) -> QIcon:
    """The named line icon (see ``_PATHS``)."""
    return QIcon(LineIconEngine(name))
