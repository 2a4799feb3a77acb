"""Asking for the mail password: typed each time, or kept in the keyring when there is a safe
one (the box is not offered otherwise, and says why)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crm.i18n import _
from crm.mail.config import MailSettings
from crm.mail.passwords import KeyringState


class PasswordDialog(QDialog):
    def __init__(self, mail: MailSettings, keyring: KeyringState, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Mail password"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        question = QLabel(
            _("The password for {user} at {server}:").format(user=mail.user, server=mail.server)
        )
        question.setWordWrap(True)
        layout.addWidget(question)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(_("Password"))
        layout.addWidget(self.password)
        self.remember = QCheckBox(_("&Keep it in this computer's keyring"))
        self.remember.setChecked(keyring.usable)
        self.remember.setVisible(keyring.usable)
        layout.addWidget(self.remember)
        if not keyring.usable:
            note = QLabel(keyring.explanation())
            note.setObjectName("fieldCaption")
            note.setWordWrap(True)
            layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.password.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text)))


def ask_password(
    parent: QWidget | None, mail: MailSettings, keyring: KeyringState
) -> tuple[str, bool] | None:
    """The password typed and whether to keep it, or None when cancelled (tests replace it)."""
    dialog = PasswordDialog(mail, keyring, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.password.text():
            return None
        return dialog.password.text(), dialog.remember.isChecked() and keyring.usable
    finally:
        dialog.password.clear()
        dialog.deleteLater()
