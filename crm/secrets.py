"""Secrets (the mail password, the database server's password) in the OS keyring, and only there.

The keyring must keep secrets safe: a backend that writes them as plain text (keyrings.alt's
PlaintextKeyring and its kind, anything below keyring's own "recommended" priority of 1) is
refused, and so is the absence of any backend (keyring's fail and null backends, as on a
headless machine). In both cases nothing is kept: the caller asks for the secret each time it is
needed. A secret is never logged, printed or written to the settings or the database; errors
name the backend's exception type only, never its message (which might quote the secret).

Each kind of secret has its own service name (``MAIL``, ``DATABASE_SERVER``); the account is
whatever identifies the login (for mail "user@server", for a server "user@host:port/database").
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from crm.i18n import _

MAIL = "Liaison mail"
DATABASE_SERVER = "Liaison database server"

_NO_BACKEND_MODULES = ("keyring.backends.fail", "keyring.backends.null")
_PLAIN_TEXT_MODULES = ("keyrings.alt",)


class KeyringKind(Enum):
    SECURE = "secure"
    NONE = "none"  # no keyring on this computer
    PLAIN_TEXT = "plain_text"  # a keyring that would keep the secret readable: refused


@dataclass(frozen=True)
class KeyringState:
    kind: KeyringKind
    name: str  # the backend, for a settings page ("SecretService Keyring")

    @property
    def usable(self) -> bool:
        return self.kind is KeyringKind.SECURE

    def explanation(self) -> str:
        if self.kind is KeyringKind.SECURE:
            return _("The password is kept in this computer's keyring ({name}).").format(
                name=self.name
            )
        if self.kind is KeyringKind.PLAIN_TEXT:
            return self._plain_text_refused().format(name=self.name)
        return self._no_keyring()

    # Where a password is asked for, a subclass says when ("each time it sends").
    def _plain_text_refused(self) -> str:
        return _(
            "This computer's keyring ({name}) keeps passwords as plain text, so Liaison "
            "does not use it: it asks for the password each time it is needed."
        )

    def _no_keyring(self) -> str:
        return _(
            "This computer has no keyring, so Liaison asks for the password each time it is "
            "needed and keeps it nowhere."
        )


class SecretNotKept(Exception):
    """The keyring could not keep a secret. The message never contains the secret."""

    def __init__(self, message: str, state: KeyringState) -> None:
        super().__init__(message)
        self.state = state


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
    """The backend that would keep the secret, and what kind it is.

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
    """What this computer's keyring is: safe to use, plain text (refused), or none."""
    try:
        backend, kind = _backend()
    except Exception:  # keyring failed to load a backend: as if there were none
        return KeyringState(KeyringKind.NONE, "")
    return KeyringState(kind, _label(backend))


def load_secret(service: str, account: str) -> str | None:
    """The secret kept for the account, or None (none kept, or no safe keyring)."""
    try:
        backend, kind = _backend()
        if kind is not KeyringKind.SECURE:
            return None
        secret = backend.get_password(service, account)
    except Exception:  # a locked or broken keyring: the caller asks instead
        return None
    return secret if isinstance(secret, str) and secret else None


def keep_secret(service: str, account: str, secret: str) -> None:
    """Keep the secret in a safe keyring; SecretNotKept (with a message to show) otherwise."""
    try:
        backend, kind = _backend()
    except Exception as error:
        state = KeyringState(KeyringKind.NONE, "")
        raise SecretNotKept(state.explanation(), state) from error
    state = KeyringState(kind, _label(backend))
    if kind is not KeyringKind.SECURE:
        raise SecretNotKept(state.explanation(), state)
    try:
        backend.set_password(service, account, secret)
    except Exception as error:
        # The exception's type only: its message might quote what it was given.
        reason = type(error).__name__
        raise SecretNotKept(
            _("The keyring did not keep the password ({reason}).").format(reason=reason), state
        ) from None


def store_secret(service: str, account: str, secret: str) -> bool:
    """Keep the secret in a safe keyring; False when it was not kept (refused or failed)."""
    try:
        keep_secret(service, account, secret)
    except SecretNotKept:
        return False
    return True


def forget_secret(service: str, account: str) -> None:
    """Remove the kept secret, if there is one (quietly: nothing kept is nothing to forget)."""
    forget_secret_if_kept(service, account)


def forget_secret_if_kept(service: str, account: str) -> bool:
    """Remove the kept secret; True when there was one."""
    try:
        backend, kind = _backend()
        if kind is not KeyringKind.SECURE:
            return False
        if backend.get_password(service, account) is None:
            return False
        backend.delete_password(service, account)
    except Exception:
        return False
    return True
