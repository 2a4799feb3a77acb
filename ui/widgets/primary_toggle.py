"""The star that marks the primary phone, email, address or organisation of a record."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QToolButton, QWidget

from crm.i18n import _
from ui.icons import icon


class PrimaryToggle(QToolButton):
    def __init__(self, tooltip: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("primaryToggle")
        self.setCheckable(True)
        self.setAutoRaise(True)
        self.setIcon(icon("star"))
        self.setIconSize(QSize(18, 18))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        text = tooltip or _("Primary: the one to use first")
        self.setToolTip(text)
        self.setAccessibleName(_("Primary"))
        self.setAccessibleDescription(text)
