"""What can go wrong with mail, said for the person at the desk."""

from __future__ import annotations

from crm.services.errors import ServiceError


class MailError(ServiceError):
    """The message or the mail settings cannot be used as they are; nothing was sent."""


class SendFailed(ServiceError):
    """The server could not be reached, was not trusted or refused the message.

    ``password_rejected``: the server refused the user name or password (a stored password is
    then asked for again). ``certificate``: the server's certificate was not trusted.
    """

    def __init__(
        self, message: str, *, password_rejected: bool = False, certificate: bool = False
    ) -> None:
        super().__init__(message)
        self.password_rejected = password_rejected
        self.certificate = certificate


class NotRecorded(ServiceError):
    """The message went out, but the register entry could not be made."""
