"""An SMTP server on 127.0.0.1 for the mail tests (aiosmtpd): STARTTLS, implicit TLS or plain,
with a login, recording every message and every AUTH it was sent."""

from __future__ import annotations

import socket
import ssl
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, Session

HOST = "127.0.0.1"
USER = "liaison-user"


@dataclass
class Received:
    sender: str
    recipients: list[str]
    data: bytes  # the DATA as it arrived, dot-stuffing undone
    smtputf8: bool


@dataclass
class Recorder:
    password: str
    messages: list[Received] = field(default_factory=list)
    auth_commands: list[str] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)

    async def handle_DATA(self, _server: SMTP, _session: Session, envelope: Envelope) -> str:
        data = envelope.original_content
        assert isinstance(data, bytes)
        self.messages.append(
            Received(
                str(envelope.mail_from),
                list(envelope.rcpt_tos),
                data,
                "SMTPUTF8" in envelope.mail_options,
            )
        )
        return "250 Message accepted for delivery"

    def authenticate(
        self, _server: SMTP, _session: Session, _envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        login = data.login.decode() if isinstance(data.login, bytes) else str(data.login)
        secret = data.password.decode() if isinstance(data.password, bytes) else str(data.password)
        self.logins.append((mechanism, login))
        accepted = login == USER and secret == self.password
        return AuthResult(success=accepted, handled=False)


class _RecordingSMTP(SMTP):
    async def smtp_AUTH(self, arg: str) -> None:
        recorder = self.event_handler
        assert isinstance(recorder, Recorder)
        recorder.auth_commands.append(arg)
        await super().smtp_AUTH(arg)


class _Controller(Controller):
    def factory(self) -> SMTP:
        return _RecordingSMTP(self.handler, **self.SMTP_kwargs)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def server_context(cert: Path, key: Path) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


@dataclass
class MailServer:
    controller: Controller
    recorder: Recorder
    port: int

    @property
    def messages(self) -> list[Received]:
        return self.recorder.messages

    @property
    def auth_commands(self) -> list[str]:
        return self.recorder.auth_commands

    def stop(self) -> None:
        self.controller.stop()


def start_server(
    password: str,
    *,
    mode: str,  # "starttls", "tls" or "plain" (no STARTTLS offered)
    context: ssl.SSLContext | None = None,
) -> MailServer:
    recorder = Recorder(password)
    port = free_port()
    options: dict[str, Any] = {
        "authenticator": recorder.authenticate,
        # Implicit TLS is TLS from the first byte; aiosmtpd counts only STARTTLS as TLS.
        "auth_require_tls": mode == "starttls",
    }
    if mode == "starttls":
        options.update(tls_context=context, require_starttls=True)
    elif mode == "tls":
        options.update(ssl_context=context)
    controller = _Controller(recorder, hostname=HOST, port=port, **options)
    controller.start()
    return MailServer(controller, recorder, port)
