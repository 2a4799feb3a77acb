"""The mail password in the OS keyring, and only there.

The keyring must keep secrets safe: a backend that writes them as plain text (keyrings.alt's
PlaintextKeyring and its kind, anything below keyring's own "recommended" priority of 1) is
refused, and so is the absence of any backend (keyring's fail and null backends, as on a
headless machine). In both cases Liaison asks for the password each time it sends and keeps
it nowhere. The password is never logged, printed or written to the settings or the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from crm.i18n import _
from crm.mail.config import MailSettings
from crm.mail.errors import MailError

SERVICE = "Liaison mail"
_NO_BACKEND_MODULES = ("keyring.backends.fail", "keyring.backends.null")
_PLAIN_TEXT_MODULES = ("keyrings.alt",)


class KeyringKind(Enum):
    SECURE = "secure"
    NONE = "none"  # no keyring on this computer
    PLAIN_TEXT = "plain_text"  # a keyring that would keep the password readable: refused


@dataclass(frozen=True)
class KeyringState:
    kind: KeyringKind
    name: str  # the backend, for the settings page ("SecretService Keyring")

    @property
    def usable(self) -> bool:
        return self.kind is KeyringKind.SECURE

    def explanation(self) -> str:
        if self.kind is KeyringKind.SECURE:
            return _("The password is kept in this computer's keyring ({name}).").format(
                name=self.name
            )
        if self.kind is KeyringKind.PLAIN_TEXT:
            return _(
                "This computer's keyring ({name}) keeps passwords as plain text, so Liaison "
                "does not use it: it asks for the password each time it sends."
            ).format(name=self.name)
        return _(
            "This computer has no keyring, so Liaison asks for the password each time it "
            "sends and keeps it nowhere."
        )


def _classify(backend: Any) -> KeyringKind:
    module = type(backend).__module__
    name = type(backend).__name__
    if module.startswith(_NO_BACKEND_MODULES):
        return KeyringKind.NONE
    if module.startswith(_PLAIN_TEXT_MODULES) or "plaintext" in name.lower():
        return KeyringKind.PLAIN_TEXT
    try:
        priority = float(backend.priority)
    except Exception:  # a backend that cannot say is not trusted
        return KeyringKind.PLAIN_TEXT
    return KeyringKind.SECURE if priority >= 1 else KeyringKind.PLAIN_TEXT


def _backend() -> tuple[Any, KeyringKind]:
    """The backend that would keep the password, and what kind it is.

    keyring's chainer asks its backends in order of priority and writes to the first: that one
    is judged, and used directly, so a plain-text backend further down never sees the secret.
    """
    import keyring
    from keyring.backends.chainer import ChainerBackend

    backend = keyring.get_keyring()
    if isinstance(backend, ChainerBackend):
        chained = list(backend.backends)
        if not chained:
            return backend, KeyringKind.NONE
        backend = chained[0]
    return backend, _classify(backend)


def _label(backend: Any) -> str:
    name = getattr(backend, "name", "") or type(backend).__name__
    return str(name)


def keyring_state() -> KeyringState:
    try:
        backend, kind = _backend()
    except Exception:  # keyring failed to load a backend: as if there were none
        return KeyringState(KeyringKind.NONE, "")
    return KeyringState(kind, _label(backend))


def stored_password(mail: MailSettings) -> str | None:
    """The password kept for the mail account, or None (none kept, or no usable keyring)."""
    if not mail.user:
        return None
    try:
        backend, kind = _backend()
        if kind is not KeyringKind.SECURE:
            return None
        password = backend.get_password(SERVICE, mail.account)
    except Exception:  # a locked or broken keyring: ask instead
        return None
    return password if isinstance(password, str) and password else None


def store_password(mail: MailSettings, password: str) -> None:
    """Keep the password in the keyring; MailError when there is no safe keyring."""
    if not mail.user:
        raise MailError(_("Enter the user name before the password."))
    backend, kind = _backend()
    if kind is not KeyringKind.SECURE:
        raise MailError(KeyringState(kind, _label(backend)).explanation())
    try:
        backend.set_password(SERVICE, mail.account, password)
    except Exception as error:
        # The backend's message only: it never holds the password.
        reason = type(error).__name__
        raise MailError(
            _("The keyring did not keep the password ({reason}).").format(reason=reason)
        ) from None


def forget_password(mail: MailSettings) -> bool:
    """Remove the kept password; True when there was one."""
    if not mail.user:
        return False
    try:
        backend, kind = _backend()
        if kind is not KeyringKind.SECURE:
            return False
        if backend.get_password(SERVICE, mail.account) is None:
            return False
        backend.delete_password(SERVICE, mail.account)
    except Exception:
        return False
    return True
