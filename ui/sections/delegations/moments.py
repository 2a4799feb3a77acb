"""Dates with a time of day, typed as the office reads them: local time, "9:30" or "0930".

Times are stored in UTC and shown in the computer's time zone.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from crm.i18n import _, pgettext
from ui.widgets.date_field import DateField

_TIME = re.compile(r"^\s*(\d{1,2})(?:[:.h]?(\d{2}))?\s*(?:h|uhr)?\s*$", re.IGNORECASE)


def parse_time(text: str) -> time | None:
    """ "9", "9:30", "09.30", "0930" -> a time; None when empty; ValueError otherwise."""
    if not text.strip():
        return None
    match = _TIME.match(text)
    if match is None:
        raise ValueError(_("Enter a time like 09:30."))
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        raise ValueError(_("Enter a time like 09:30."))
    return time(hour, minute)


def format_time(value: datetime | None) -> str:
    return value.astimezone().strftime("%H:%M") if value is not None else ""


def local_date(value: datetime | None) -> date | None:
    return value.astimezone().date() if value is not None else None


def combine(day: date, clock: time) -> datetime:
    """A local wall-clock time on ``day``, as an aware datetime."""
    return datetime.combine(day, clock).astimezone()


class TimeField(QLineEdit):
    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setAccessibleName(placeholder)
        self.setToolTip(placeholder)
        self.setMaxLength(5)
        widest = max(self.fontMetrics().horizontalAdvance(text) for text in ("00:00", placeholder))
        self.setFixedWidth(widest + 26)

    def time_value(self) -> time | None:
        return parse_time(self.text())


class MomentField(QWidget):
    """A day and a time of day, both optional together: an arrival, a departure."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        # A filled-in date hides its placeholder, so the field says what it is beside it.
        caption = QLabel(name)
        caption.setObjectName("fieldCaption")
        layout.addWidget(caption)
        self.day = DateField()
        self.day.setAccessibleName(name)
        self.day.setToolTip(name)
        self.day.setMinimumWidth(self.day.fontMetrics().horizontalAdvance("00.00.00000") + 76)
        # The format as placeholder, like the date field beside it; what it is, as a tooltip.
        self.clock = TimeField(pgettext("time format", "hh:mm"))
        self.clock.setAccessibleName(_("Time"))
        self.clock.setToolTip(_("Time"))
        layout.addWidget(self.day, 1)
        layout.addWidget(self.clock)
        self.day.textChanged.connect(self.changed)
        self.clock.textChanged.connect(self.changed)

    def set_moment(self, value: datetime | None) -> None:
        self.day.set_date(local_date(value))
        self.day.setCursorPosition(0)
        self.clock.setText(format_time(value) if value is not None else "")

    def moment(self) -> datetime | None:
        """The moment typed; a day without a time is taken at midnight."""
        day = self.day.date_value()
        clock = self.clock.time_value()
        if day is None:
            if clock is not None:
                raise ValueError(_("Enter the day as well as the time."))
            return None
        return combine(day, clock or time(0))
