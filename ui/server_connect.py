"""File › Connect to shared server…: host, port, database, user and password.

The password goes to the OS keyring only (when "Remember in keyring" is ticked and a safe
keyring exists) and is otherwise used for this connection alone; the URL kept in the settings
never carries it. Test connection and Connect both try the server on the worker.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm.i18n import _

# The window property that names the database the next window opens (ui.app reads it).
TARGET_PROPERTY = "liaisonNextTarget"
DEFAULT_PORT = 5432


def next_target(window: QWidget, current: str | None) -> str | None:
    """The database the window asked to open next (after a connect), else ``current``."""
    wanted = window.property(TARGET_PROPERTY)
    return str(wanted) if wanted else current


class ConnectionDialog(QDialog):
    """Asks where the shared server is and who connects; tries it before it is accepted."""

    def __init__(
        self, worker: Any, parent: QWidget | None = None, *, url: str | None = None,
        message: str = "",
    ) -> None:  # fmt: skip
        super().__init__(parent)
        from crm.secrets import keyring_state

        self.worker = worker
        self.setWindowTitle(_("Connect to shared server"))
        self.setMinimumWidth(440)
        self.host = QLineEdit()
        self.host.setPlaceholderText(_("e.g. db.city.example"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port.setGroupSeparatorShown(False)
        self.port.setMaximumWidth(self.port.fontMetrics().horizontalAdvance("000000") * 2)
        self.database = QLineEdit()
        self.database.setPlaceholderText(_("e.g. liaison"))
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(_("Remember in keyring"))
        state = keyring_state()
        self.remember.setEnabled(state.usable)
        self.remember.setChecked(state.usable)
        self.remember.setToolTip(state.explanation())
        self.keyring_note = QLabel(state.explanation())
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setVisible(not state.usable)

        form = QFormLayout()
        form.addRow(_("&Host:"), self.host)
        form.addRow(_("&Port:"), self.port)
        form.addRow(_("&Database:"), self.database)
        form.addRow(_("&User:"), self.user)
        form.addRow(_("Pass&word:"), self.password)
        form.addRow("", self.remember)

        self.status = QLabel(message)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.test_button = QPushButton(_("&Test connection"))
        self.connect_button = QPushButton(_("&Connect"))
        self.connect_button.setDefault(True)
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.connect_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.test_button.clicked.connect(lambda: self._try(accept=False))
        self.connect_button.clicked.connect(lambda: self._try(accept=True))
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.target: str | None = None  # the URL to open (with the password, in memory only)
        self.saved_url = ""  # the URL for the settings (never with the password)
        if url:
            self._fill(url)

    def _fill(self, target: str) -> None:
        from crm.db.server import parse_server_url

        try:
            url = parse_server_url(target)
        except Exception:
            return
        self.host.setText(url.host or "")
        self.port.setValue(url.port or DEFAULT_PORT)
        self.database.setText(url.database or "")
        self.user.setText(url.username or "")
        (self.password if url.host and url.username else self.host).setFocus()

    def _url(self) -> Any:
        from crm.db.server import server_url

        return server_url(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
        )

    def _missing(self) -> str | None:
        for field, name in (
            (self.host, _("the host")),
            (self.database, _("the database")),
            (self.user, _("the user")),
        ):
            if not field.text().strip():
                field.setFocus()
                return _("Please give {what}.").format(what=name)
        return None

    def _try(self, *, accept: bool) -> None:
        missing = self._missing()
        if missing is not None:
            self.status.setText(missing)
            return
        from crm.db.server import without_password

        url = self._url()
        password = self.password.text()
        target = (url.set(password=password) if password else url).render_as_string(
            hide_password=False
        )
        self.status.setText(_("Connecting…"))
        self._busy(True)
        self.worker.submit(
            _check,
            target,
            on_done=lambda message: self._tried(message, accept, url, target),
            on_error=self._failed,
        )
        self.saved_url = without_password(url)

    def _busy(self, busy: bool) -> None:
        for button in (self.test_button, self.connect_button):
            button.setEnabled(not busy)

    def _tried(self, message: str, accept: bool, url: Any, target: str) -> None:
        self._busy(False)
        self.status.setText(message)
        if not accept:
            return
        password = self.password.text()
        if password and self.remember.isChecked():
            from crm.db.server import keyring_account
            from crm.secrets import DATABASE_SERVER, store_secret

            if not store_secret(DATABASE_SERVER, keyring_account(url), password):
                self.status.setText(
                    _("The keyring did not keep the password; it is used for this connection.")
                )
        self.target = target
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._busy(False)
        self.status.setText(
            _("The connection failed: {reason}").format(reason=_one_line(str(error)))
        )


def _check(target: str) -> str:
    from crm.db.server import check_connection

    return check_connection(target)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def connect_to_server(window: Any, url: str | None = None, message: str = "") -> bool:
    """Ask for a server; when connected, keep its URL in the settings (without the password)
    and have a new window opened on it. True when the user connected."""
    from crm.settings import load_settings, save_settings
    from ui.storage import request_restart

    dialog = ConnectionDialog(window.worker, window, url=url, message=message)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.target is None:
        return False
    settings = load_settings()
    settings.database = dialog.saved_url
    save_settings(settings)
    window.setProperty(TARGET_PROPERTY, dialog.target)
    request_restart(window)
    return True


def ask_for_server_login(window: Any, target: str | None, error: Exception) -> bool:
    """After a server refused the login at start (no password kept, or a wrong one): ask.

    True when the user connected (a new window opens); False to refuse as usual.
    """
    from crm.db.schema import DatabaseRefused
    from crm.db.server import is_server_url

    if not isinstance(error, DatabaseRefused) or not is_server_url(target):
        return False
    return connect_to_server(window, target, _one_line(str(error)))
