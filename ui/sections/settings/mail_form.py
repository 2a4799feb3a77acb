"""This computer's mail settings as a form: the office's SMTP server, the security (STARTTLS or
TLS, the certificate always checked), the officer's login and address, an optional certificate
authority file; the password goes to the keyring (when there is a safe one) and nowhere else.
"Send a test message" sends to the sender's own address with what the form says."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm.i18n import _
from crm.mail.config import (
    DEFAULT_PORTS,
    STARTTLS,
    TLS,
    MailSettings,
    check_mail_settings,
    mail_settings,
    with_mail,
)
from crm.mail.errors import SendFailed
from crm.mail.passwords import KeyringState
from crm.services.errors import ServiceError, ValidationError
from crm.settings import load_settings, save_settings
from ui.context import AppContext
from ui.icons import icon
from ui.mail.sending import SendFlow
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.form import Field, FieldErrors, FormSection


def choose_ca_file(parent: QWidget) -> str | None:
    """Ask for the office's certificate authority file (tests replace this function)."""
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Certificate authority of your office"),
        "",
        _("Certificates (*.pem *.crt *.cer);;All files (*)"),
    )
    return path or None


def _keyring(_db: Any, mail: MailSettings) -> tuple[KeyringState, bool]:
    from crm.mail.passwords import keyring_state, stored_password

    return keyring_state(), stored_password(mail) is not None


def _keep(_db: Any, mail: MailSettings, password: str) -> None:
    from crm.mail.passwords import store_password

    store_password(mail, password)


def _forget(_db: Any, mail: MailSettings) -> bool:
    from crm.mail.passwords import forget_password

    return forget_password(mail)


def _test(db: Any, mail: MailSettings, password: str | None, progress: Any) -> Any:
    from crm.mail.sending import send_test_message

    return send_test_message(db, mail, password, progress)


class MailForm(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.errors = FieldErrors()
        self.fields: dict[str, Field] = {}
        self.keyring: KeyringState | None = None
        self.flow: SendFlow | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        section = FormSection(_("Mail"))
        intro = QLabel(
            _(
                "How this computer sends messages: through your office's mail server, "
                "always encrypted and with the server's certificate checked."
            )
        )
        intro.setObjectName("fieldCaption")
        intro.setWordWrap(True)
        section.add_row(intro)

        self.server = QLineEdit()
        self.server.setPlaceholderText(_("e.g. mail.leipzig.de"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORTS[STARTTLS])
        self.port.setMaximumWidth(self.port.fontMetrics().horizontalAdvance("0") * 8 + 40)
        self.security = ChoiceCombo(
            [
                (STARTTLS, _("STARTTLS (usually port 587)")),
                (TLS, _("TLS (usually port 465)")),
            ]
        )
        self.security.value_changed.connect(self._security_chosen)
        connection = QWidget()
        line = QHBoxLayout(connection)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(12)
        line.addWidget(self._field("security", _("Securit&y"), self.security), 1)
        line.addWidget(self._field("port", _("&Port"), self.port), 0, Qt.AlignmentFlag.AlignTop)
        section.add_row(self._field("server", _("Mail &server"), self.server), connection)

        self.user = QLineEdit()
        self.user.setPlaceholderText(_("empty: no login"))

        self.sender = QLineEdit()
        self.sender.setPlaceholderText(_("e.g. international@leipzig.de"))
        self.sender_name = QLineEdit()
        self.sender_name.setPlaceholderText(_("e.g. Referat Internationale Zusammenarbeit"))
        section.add_row(
            self._field("sender", _("Sender &address"), self.sender),
            self._field("sender_name", _("Sender na&me"), self.sender_name),
        )
        section.add_row(self._field("user", _("Us&er name"), self.user), self._password_row())
        section.add_row(self._ca_row())
        column.addWidget(section)

        self.note = QLabel()
        self.note.setObjectName("fieldCaption")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note.hide()
        column.addWidget(self.note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.test_button = QPushButton(_("Send a &test message"))
        self.test_button.setToolTip(_("Send a short message to the sender address"))
        self.test_button.clicked.connect(self.send_test)
        self.save_button = QPushButton(icon("check"), _("Save mail settings"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.save_button)
        column.addLayout(buttons)

    def _field(self, key: str, caption: str, widget: QWidget) -> Field:
        field = Field(caption, widget)
        self.errors.add(key, field)
        self.fields[key] = field
        return field

    def _password_row(self) -> QWidget:
        box = QWidget()
        lines = QVBoxLayout(box)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(2)
        row = QHBoxLayout()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.forget_button = QPushButton(_("F&orget password"))
        self.forget_button.clicked.connect(self.forget)
        row.addWidget(self.password, 1)
        row.addWidget(self.forget_button)
        lines.addLayout(row)
        self.keyring_note = QLabel()
        self.keyring_note.setObjectName("fieldCaption")
        self.keyring_note.setWordWrap(True)
        lines.addWidget(self.keyring_note)
        self.password_field = self._field("password", _("Pass&word"), box)
        return self.password_field

    def _ca_row(self) -> QWidget:
        box = QWidget()
        lines = QVBoxLayout(box)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(2)
        row = QHBoxLayout()
        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText(_("none: the authorities this computer trusts"))
        choose = QPushButton(_("C&hoose…"))
        choose.clicked.connect(self._choose_ca_file)
        row.addWidget(self.ca_file, 1)
        row.addWidget(choose)
        lines.addLayout(row)
        caption = QLabel(
            _("Only if your office's server has a certificate from the office's own authority.")
        )
        caption.setObjectName("fieldCaption")
        caption.setWordWrap(True)
        lines.addWidget(caption)
        return self._field("ca_file", _("&Certificate authority file"), box)

    # --- loading ----------------------------------------------------------------------------

    def load(self) -> None:
        mail = mail_settings(load_settings())
        self.server.setText(mail.server)
        self.security.set_value(mail.security)
        self.port.setValue(mail.effective_port)
        self.user.setText(mail.user)
        self.sender.setText(mail.sender)
        self.sender_name.setText(mail.sender_name)
        self.ca_file.setText(mail.ca_file)
        self.password.clear()
        self.errors.clear()
        self._load_keyring(mail)

    def _load_keyring(self, mail: MailSettings) -> None:
        self.context.run(_keyring, mail, on_done=self._keyring_loaded, busy=False)

    def _keyring_loaded(self, found: tuple[KeyringState, bool]) -> None:
        self.keyring, stored = found
        usable = self.keyring.usable
        self.password.setEnabled(usable)
        self.forget_button.setVisible(usable)
        self.forget_button.setEnabled(stored)
        if usable:
            self.password.setPlaceholderText(
                _("kept in the keyring; type to replace it")
                if stored
                else _("type it to keep it in the keyring")
            )
        else:
            self.password.setPlaceholderText(_("asked for when sending"))
        self.keyring_note.setText(self.keyring.explanation())

    def _security_chosen(self, security: str | None) -> None:
        other = TLS if security == STARTTLS else STARTTLS
        if self.port.value() == DEFAULT_PORTS[other]:
            self.port.setValue(DEFAULT_PORTS.get(security or STARTTLS, 587))

    def _choose_ca_file(self) -> None:
        path = choose_ca_file(self)
        if path is not None:
            self.ca_file.setText(path)

    # --- saving -----------------------------------------------------------------------------

    def current(self) -> MailSettings:
        return MailSettings(
            server=self.server.text(),
            port=self.port.value(),
            security=self.security.value() or STARTTLS,
            user=self.user.text(),
            sender=self.sender.text(),
            sender_name=self.sender_name.text(),
            ca_file=self.ca_file.text(),
        )

    def _checked(self) -> MailSettings | None:
        try:
            mail = check_mail_settings(self.current())
        except ValidationError as error:
            self.errors.show(error.errors)
            return None
        self.errors.clear()
        return mail

    def save(self) -> None:
        mail = self._checked()
        if mail is None:
            return
        save_settings(with_mail(load_settings(), mail))
        password = self.password.text()
        self.password.clear()
        if password and mail.user:
            self.context.run(
                _keep,
                mail,
                password,
                on_done=lambda _none: self._saved(mail, _("Mail settings and password saved.")),
                on_error=self._keep_failed,
            )
        else:
            self._saved(mail, _("Mail settings saved."))

    def _saved(self, mail: MailSettings, message: str) -> None:
        self.context.say(message)
        self._show_note(message)
        self._load_keyring(mail)

    def _keep_failed(self, error: Exception) -> None:
        if isinstance(error, ServiceError):
            self.password_field.set_error(str(error))
            self.context.say(_("Mail settings saved; the password was not kept."))
        else:
            self.context.worker.unhandled_error.emit(error)

    def forget(self) -> None:
        mail = self._checked() or mail_settings(load_settings())
        self.context.run(_forget, mail, on_done=lambda _found: self._forgotten(mail))

    def _forgotten(self, mail: MailSettings) -> None:
        self._show_note(_("The password is no longer kept; Liaison asks for it when sending."))
        self._load_keyring(mail)

    def _show_note(self, text: str, error: bool = False) -> None:
        self.note.setObjectName("fieldError" if error else "fieldCaption")
        self.note.style().unpolish(self.note)
        self.note.style().polish(self.note)
        self.note.setText(text)
        self.note.setVisible(bool(text))

    # --- the test message -------------------------------------------------------------------

    def send_test(self) -> None:
        if self.flow is not None:
            return
        mail = self._checked()
        if mail is None:
            return
        self._show_note("")
        self.test_button.setEnabled(False)
        self.flow = SendFlow(
            self.context,
            self,
            _("Sending a test message"),
            mail,
            _test,
            on_sent=self._test_sent,
            on_failed=self._test_failed,
            on_finished=self._test_finished,
            password=self.password.text() or None,
        )

    def _test_finished(self) -> None:
        self.flow = None
        self.test_button.setEnabled(True)

    def _test_sent(self, result: Any) -> None:
        message = _("The test message was sent to {address}; the settings work.").format(
            address=result.recipients
        )
        self.context.say(message)
        self._show_note(message)

    def _test_failed(self, error: Exception) -> None:
        if isinstance(error, SendFailed | ServiceError):
            self._show_note(str(error), error=True)
            self.context.say(_("The test message was not sent."))
        else:
            self.context.worker.unhandled_error.emit(error)
