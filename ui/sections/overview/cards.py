"""The Overview's building blocks: a card with a heading and lines, and the clickable line.

A line opens its record with a click, Enter or Space; lines are in the tab order so the whole
Overview works from the keyboard. A card shows its first few lines and a "Show all" link.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from crm.i18n import _
from ui.icons import icon
from ui.widgets.elided_label import ElidedLabel

ICON_SIZE = 18


@dataclass(frozen=True)
class Line:
    """What one line shows and opens."""

    lead: str  # the left column: a time, a date, a count of years
    text: str
    detail: str = ""  # muted, under the text
    tag: str = ""  # a small pill on the right: "Arrival", "5 days overdue"
    tag_tone: str = "accent"  # accent, warn, quiet
    lead_tone: str = ""  # "warn" paints the lead in the warning colour
    kind: str | None = None  # the record to open: "delegation", "partnership", ...
    record_id: int | None = None


class LineWidget(QFrame):
    """One line of a card; a button in all but looks (so it can hold two rows of text)."""

    activated = Signal(str, int)

    def __init__(self, line: Line, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = line
        self.setObjectName("overviewLine")
        self.openable = line.kind is not None and line.record_id is not None
        self.setProperty("openable", self.openable)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.setSpacing(12)
        self.lead = QLabel(line.lead)
        self.lead.setObjectName("overviewLead")
        self.lead.setProperty("tone", line.lead_tone)
        self.lead.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.lead, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(1)
        row.addLayout(texts, 1)
        self.text = ElidedLabel()
        self.text.setObjectName("overviewText")
        self.text.setText(line.text)
        texts.addWidget(self.text)
        # The tag sits on the second row, so the main text keeps the whole width of the first.
        second = QHBoxLayout()
        second.setSpacing(8)
        self.detail = ElidedLabel()
        self.detail.setObjectName("overviewDetail")
        self.detail.setText(line.detail)
        second.addWidget(self.detail, 1)
        self.tag = QLabel(line.tag)
        self.tag.setObjectName("overviewTag")
        self.tag.setProperty("tone", line.tag_tone)
        second.addWidget(self.tag, 0, Qt.AlignmentFlag.AlignRight)
        # Into the widget first: a label shown while it has no parent opens its own window.
        texts.addLayout(second)
        self.detail.setVisible(bool(line.detail))
        self.tag.setVisible(bool(line.tag))
        self.setToolTip("\n".join(part for part in (line.text, line.detail) if part))
        self.setAccessibleName(" – ".join(p for p in (line.lead, line.text, line.tag) if p))
        if self.openable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_lead_width(self, width: int) -> None:
        self.lead.setFixedWidth(width)

    def open(self) -> None:
        if self.openable:
            assert self.line.kind is not None and self.line.record_id is not None
            self.activated.emit(self.line.kind, self.line.record_id)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        inside = self.rect().contains(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and inside:
            self.open()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.openable and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.open()
            event.accept()
            return
        super().keyPressEvent(event)


class Card(QFrame):
    """A titled panel of lines, with a friendly sentence when there is nothing to show."""

    activated = Signal(str, int)

    def __init__(
        self, title: str, icon_name: str, empty_text: str, limit: int | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("overviewCard")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.limit = limit
        self.expanded = False
        self._lines: list[Line | str] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(14, 12, 14, 10)
        outer.setSpacing(6)
        heading = QHBoxLayout()
        heading.setSpacing(8)
        picture = QLabel()
        picture.setPixmap(icon(icon_name).pixmap(QSize(ICON_SIZE, ICON_SIZE)))
        picture.setObjectName("overviewCardIcon")
        self.title = QLabel(title)
        self.title.setObjectName("overviewCardTitle")
        self.count = QLabel()
        self.count.setObjectName("overviewCount")
        heading.addWidget(picture)
        heading.addWidget(self.title)
        heading.addWidget(self.count)
        heading.addStretch(1)
        outer.addLayout(heading)
        self.body = QVBoxLayout()
        self.body.setSpacing(0)
        outer.addLayout(self.body)
        self.empty = QLabel(empty_text)
        self.empty.setObjectName("overviewEmpty")
        self.empty.setWordWrap(True)
        outer.addWidget(self.empty)
        self.more = QPushButton()
        self.more.setObjectName("addRowButton")
        self.more.setCursor(Qt.CursorShape.PointingHandCursor)
        self.more.clicked.connect(self._toggle)
        outer.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)
        self.line_widgets: list[LineWidget] = []

    def set_lines(self, lines: list[Line | str], count: int | None = None) -> None:
        """Show ``lines`` (a str is a small heading between lines, such as a day)."""
        self._lines = lines
        shown = [line for line in lines if isinstance(line, Line)]
        total = len(shown) if count is None else count
        self.count.setText(str(total) if total else "")
        self.count.setVisible(bool(total))
        self.empty.setVisible(not shown)
        self._fill()

    def _fill(self) -> None:
        while self.body.count():
            item = self.body.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.line_widgets = []
        hidden = 0
        for entry in self._lines:
            if isinstance(entry, str):
                if self._over_limit():
                    continue
                heading = QLabel(entry)
                heading.setObjectName("overviewGroup")
                self.body.addWidget(heading)
                continue
            if self._over_limit():
                hidden += 1
                continue
            widget = LineWidget(entry)
            widget.activated.connect(self.activated)
            self.body.addWidget(widget)
            self.line_widgets.append(widget)
        if self.line_widgets:
            width = max(w.lead.sizeHint().width() for w in self.line_widgets)
            for widget in self.line_widgets:
                widget.set_lead_width(width)
        if hidden:
            self.more.setText(_("Show all ({count})").format(count=len(self.line_widgets) + hidden))
        else:
            self.more.setText(_("Show fewer"))
        self.more.setVisible(bool(hidden) or self.expanded)

    def _over_limit(self) -> bool:
        return not self.expanded and self.limit is not None and len(self.line_widgets) >= self.limit

    def _toggle(self) -> None:
        self.expanded = not self.expanded
        self._fill()
