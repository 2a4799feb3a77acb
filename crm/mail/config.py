"""This computer's mail settings: the office's SMTP server and the officer's own login.

They live with the other settings of this computer (crm.settings), not in the shared database:
each officer sends with their own user name, and the password sits in this computer's keyring
under that name (crm.mail.passwords). The password is never part of these settings.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from crm.i18n import _
from crm.services.errors import ValidationError
from crm.settings import Settings

STARTTLS = "starttls"
TLS = "tls"
SECURITIES = (STARTTLS, TLS)
DEFAULT_PORTS = {STARTTLS: 587, TLS: 465}


@dataclass(frozen=True)
class MailSettings:
    server: str = ""
    port: int = 0  # 0: the usual port of ``security``
    security: str = STARTTLS
    user: str = ""  # "": the server takes mail without logging in
    sender: str = ""  # the From address
    sender_name: str = ""
    ca_file: str = ""  # "": the certificate authorities this computer trusts

    @property
    def effective_port(self) -> int:
        return self.port or DEFAULT_PORTS.get(self.security, 587)

    @property
    def configured(self) -> bool:
        return bool(self.server.strip() and self.sender.strip())

    @property
    def account(self) -> str:
        """The name the password is kept under in the keyring: user and server."""
        return f"{self.user}@{self.server.strip().lower()}"


def mail_settings(settings: Settings) -> MailSettings:
    security = settings.mail_security if settings.mail_security in SECURITIES else STARTTLS
    return MailSettings(
        server=settings.mail_server.strip(),
        port=settings.mail_port if 0 < settings.mail_port < 65536 else 0,
        security=security,
        user=settings.mail_user.strip(),
        sender=settings.mail_sender.strip(),
        sender_name=settings.mail_sender_name.strip(),
        ca_file=settings.mail_ca_file.strip(),
    )


def with_mail(settings: Settings, mail: MailSettings) -> Settings:
    """``settings`` with the mail part replaced (for save_settings)."""
    return replace(
        settings,
        mail_server=mail.server,
        mail_port=mail.port,
        mail_security=mail.security,
        mail_user=mail.user,
        mail_sender=mail.sender,
        mail_sender_name=mail.sender_name,
        mail_ca_file=mail.ca_file,
    )


def check_mail_settings(mail: MailSettings) -> MailSettings:
    """The settings cleaned, or ValidationError naming the fields (server, port, sender, …)."""
    from crm.validation import InvalidValue, normalise_email

    errors: dict[str, str] = {}
    server = mail.server.strip()
    if not server:
        errors["server"] = _("Enter the mail server's name, e.g. mail.leipzig.de.")
    elif "://" in server or any(char.isspace() for char in server) or "/" in server:
        errors["server"] = _("Enter only the server's name, e.g. mail.leipzig.de.")
    if not 0 <= mail.port < 65536:
        errors["port"] = _("A port is a number from 1 to 65535.")
    if mail.security not in SECURITIES:
        errors["security"] = _("Choose STARTTLS or TLS.")
    sender = mail.sender.strip()
    if not sender:
        errors["sender"] = _("Enter the address your messages come from.")
    else:
        try:
            sender = normalise_email(sender)
        except InvalidValue as error:
            errors["sender"] = str(error)
    ca_file = mail.ca_file.strip()
    if ca_file and not Path(ca_file).is_file():
        errors["ca_file"] = _("There is no file at {path}.").format(path=ca_file)
    if errors:
        raise ValidationError(errors)
    return replace(
        mail,
        server=server,
        user=mail.user.strip(),
        sender=sender,
        sender_name=" ".join(mail.sender_name.split()),
        ca_file=ca_file,
    )
