"""The mail password in the OS keyring, and only there (through crm.secrets).

The keyring must keep secrets safe: a backend that writes them as plain text (keyrings.alt's
PlaintextKeyring and its kind, anything below keyring's own "recommended" priority of 1) is
refused, and so is the absence of any backend (keyring's fail and null backends, as on a
headless machine). In both cases Liaison asks for the password each time it sends and keeps
it nowhere. The password is never logged, printed or written to the settings or the database.
"""

from __future__ import annotations

from crm import secrets
from crm.i18n import _
from crm.mail.config import MailSettings
from crm.mail.errors import MailError
from crm.secrets import KeyringKind

SERVICE = secrets.MAIL

__all__ = [
    "SERVICE",
    "KeyringKind",
    "KeyringState",
    "forget_password",
    "keyring_state",
    "store_password",
    "stored_password",
]


class KeyringState(secrets.KeyringState):
    """The keyring as the mail settings explain it: the password is asked for when sending."""

    def _plain_text_refused(self) -> str:
        return _(
            "This computer's keyring ({name}) keeps passwords as plain text, so Liaison "
            "does not use it: it asks for the password each time it sends."
        )

    def _no_keyring(self) -> str:
        return _(
            "This computer has no keyring, so Liaison asks for the password each time it "
            "sends and keeps it nowhere."
        )


def keyring_state() -> KeyringState:
    state = secrets.keyring_state()
    return KeyringState(state.kind, state.name)


def stored_password(mail: MailSettings) -> str | None:
    """The password kept for the mail account, or None (none kept, or no usable keyring)."""
    if not mail.user:
        return None
    return secrets.load_secret(SERVICE, mail.account)


def store_password(mail: MailSettings, password: str) -> None:
    """Keep the password in the keyring; MailError when there is no safe keyring."""
    if not mail.user:
        raise MailError(_("Enter the user name before the password."))
    try:
        secrets.keep_secret(SERVICE, mail.account, password)
    except secrets.SecretNotKept as error:
        if error.state.kind is not KeyringKind.SECURE:
            # The mail wording: the password is asked for each time Liaison sends.
            state = KeyringState(error.state.kind, error.state.name)
            raise MailError(state.explanation()) from None
        raise MailError(str(error)) from None


def forget_password(mail: MailSettings) -> bool:
    """Remove the kept password; True when there was one."""
    if not mail.user:
        return False
    return secrets.forget_secret_if_kept(SERVICE, mail.account)
