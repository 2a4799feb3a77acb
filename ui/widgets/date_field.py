"""A date entry that may stay empty: typed in the user's format, or picked from a calendar."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from crm.i18n import _
from ui.formats import date_placeholder, format_date, parse_date
from ui.icons import icon


class DateField(QLineEdit):
    """``date_value()`` raises ValueError with the user's message when the text is no date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(date_placeholder())
        self.setClearButtonEnabled(True)
        self._pick = QAction(icon("calendar"), _("Choose from calendar (Alt+Down)"), self)
        self._pick.triggered.connect(self.show_calendar)
        self.addAction(self._pick, QLineEdit.ActionPosition.TrailingPosition)
        self._calendar: QCalendarWidget | None = None
        fm = self.fontMetrics()
        self.setMinimumWidth(fm.horizontalAdvance("00.00.00000") + 60)

    def date_value(self) -> date | None:
        return parse_date(self.text())

    def set_date(self, value: date | None) -> None:
        self.setText(format_date(value))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def show_calendar(self) -> None:
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setGridVisible(False)
        try:
            current = self.date_value()
        except ValueError:
            current = None
        if current is not None:
            calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        calendar.activated.connect(self._picked)
        calendar.clicked.connect(self._picked)
        calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        calendar.show()
        calendar.setFocus()
        self._calendar = calendar

    def _picked(self, value: QDate) -> None:
        self.set_date(date(value.year(), value.month(), value.day()))
        if self._calendar is not None:
            self._calendar.close()
            self._calendar.deleteLater()
            self._calendar = None
        self.setFocus()
