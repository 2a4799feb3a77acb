"""After an export, "Send … by email" in the status bar for a minute: the file just written
attached to a new message, one click away (sections announce exports with ``exported``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton, QWidget

from crm.i18n import _
from ui.context import AppContext

OFFER_MS = 60_000


class MailExportOffer(QPushButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mailExportOffer")
        self.setFlat(True)
        self._context: AppContext | None = None
        self._path: Path | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(OFFER_MS)
        self._timer.timeout.connect(self.withdraw)
        self.clicked.connect(self.compose)
        self.hide()

    def offer(self, context: AppContext, path: str) -> None:
        self._context = context
        self._path = Path(path)
        self.setText(_("Send {name} by email…").format(name=self._path.name))
        self.setToolTip(_("A new message with the exported file attached"))
        self.show()
        self._timer.start()

    def withdraw(self) -> None:
        self._timer.stop()
        self._path = None
        self.hide()

    def compose(self) -> None:
        if self._context is None or self._path is None:
            return
        from ui.mail.compose_dialog import open_compose

        path = self._path
        self.withdraw()
        open_compose(self._context, self.window(), attachments=[path], subject=path.stem)
