"""Sending from the app: the password (keyring, or asked), the job on the worker with a
progress dialog and Cancel, the password kept only after the server took it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from crm.i18n import _
from crm.mail.config import MailSettings
from crm.mail.errors import SendFailed
from crm.mail.passwords import KeyringState
from ui.context import AppContext
from ui.mail import password_dialog
from ui.progress import ProgressRun

# Accounts whose kept password the server refused: asked for again until one works.
_REFUSED: set[str] = set()


def _look_up(_db: Any, mail: MailSettings) -> tuple[str | None, KeyringState]:
    """On the worker: a keyring may take a moment (or ask the system to unlock it)."""
    from crm.mail.passwords import keyring_state, stored_password

    return stored_password(mail), keyring_state()


def _keep(_db: Any, mail: MailSettings, password: str) -> None:
    from crm.mail.passwords import store_password

    store_password(mail, password)


class SendFlow(QObject):
    """One send: ``job(db, *args, mail, password, progress)`` once the password is known.

    ``password``: one typed in a form (the settings' test), used as it is and kept by the
    caller; otherwise the keyring's, or asked for.
    """

    def __init__(
        self,
        context: AppContext,
        parent: QWidget,
        title: str,
        mail: MailSettings,
        job: Callable[..., Any],
        *args: Any,
        on_sent: Callable[[Any], None],
        on_failed: Callable[[Exception], None],
        on_finished: Callable[[], None] | None = None,
        password: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.parent_widget = parent
        self.title = title
        self.mail = mail
        self.job = job
        self.args = args
        self.on_sent = on_sent
        self.on_failed = on_failed
        self.on_finished = on_finished
        self._remember = False
        self._from_keyring = False
        self.run: ProgressRun | None = None
        if not mail.user or password:
            self._send(password or None)
        else:
            context.run(_look_up, mail, on_done=self._looked_up, on_error=self._lookup_failed)

    def _lookup_failed(self, error: Exception) -> None:
        self._finished()
        self.on_failed(error)

    def _looked_up(self, found: tuple[str | None, KeyringState]) -> None:
        stored, keyring = found
        if stored and self.mail.account not in _REFUSED:
            self._from_keyring = True
            self._send(stored)
            return
        answer = password_dialog.ask_password(self.parent_widget, self.mail, keyring)
        if answer is None:
            self.context.say(_("Not sent."))
            self._finished()
            return
        password, self._remember = answer
        self._send(password)

    def _send(self, password: str | None) -> None:
        self.run = ProgressRun(
            self.context,
            self.parent_widget,
            self.title,
            self.job,
            *self.args,
            self.mail,
            password,
            on_done=lambda result: self._sent(result, password),
            on_error=self._failed,
        )
        # Also after Cancel, which ProgressRun reports in the status bar only.
        self.run.dialog.destroyed.connect(lambda *_args: self._finished())

    def _finished(self) -> None:
        if self.on_finished is not None:
            self.on_finished()
            self.on_finished = None

    def _sent(self, result: Any, password: str | None) -> None:
        _REFUSED.discard(self.mail.account)
        if self._remember and password:
            self.context.run(
                _keep,
                self.mail,
                password,
                on_error=lambda error: self.context.say(str(error)),
                busy=False,
            )
        self.on_sent(result)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, SendFailed) and error.password_rejected:
            _REFUSED.add(self.mail.account)  # the next send asks instead of using it
        self.on_failed(error)
