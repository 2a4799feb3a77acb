"""Sending over SMTP: TLS always, the server's certificate and name always checked.

STARTTLS: the connection starts in plain text and must turn into TLS before anything else is
said; a server that does not offer STARTTLS is refused there, before the user name or
password leaves this computer. TLS ("implicit TLS", usually port 465): TLS from the first
byte. Either way ``ssl.create_default_context()`` checks the certificate and the host name
(against the office's own certificate authority when a CA file is set). There is no fallback
to plain text.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from crm.i18n import _
from crm.mail.config import TLS, MailSettings
from crm.mail.errors import MailError, SendFailed
from crm.mail.message import Composed
from crm.services.progress import Progress

if TYPE_CHECKING:
    import ssl

TIMEOUT_SECONDS = 30
log = logging.getLogger(__name__)

# OpenSSL's verification results (X509_V_ERR_*) that have a plain explanation.
_NAME_MISMATCH = {62, 64}
_UNTRUSTED = {2, 18, 19, 20, 21, 27}
_EXPIRED = {9, 10}


def tls_context(mail: MailSettings) -> ssl.SSLContext:
    import ssl

    try:
        return ssl.create_default_context(cafile=mail.ca_file or None)
    except (OSError, ssl.SSLError) as error:
        raise MailError(
            _("The certificate file {path} cannot be used: {reason}").format(
                path=mail.ca_file, reason=getattr(error, "strerror", None) or error
            )
        ) from None


def deliver(
    mail: MailSettings,
    composed: Composed,
    password: str | None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Send ``composed``; returns the recipients the server refused (the rest got it).

    Raises SendFailed when nothing was sent. Cancelling is possible until the message is
    handed over, never after.
    """
    import smtplib

    if mail.user and not password:
        raise MailError(_("Enter the password for {user}.").format(user=mail.user))
    context = tls_context(mail)
    host, port = mail.server, mail.effective_port
    _step(progress, _("Connecting to {server}…").format(server=host))
    try:
        smtp: smtplib.SMTP
        if mail.security == TLS:
            smtp = smtplib.SMTP_SSL(host, port, timeout=TIMEOUT_SECONDS, context=context)
        else:
            smtp = smtplib.SMTP(host, port, timeout=TIMEOUT_SECONDS)
        with smtp:
            smtp.ehlo()
            if mail.security != TLS:
                if not smtp.has_extn("starttls"):
                    raise SendFailed(
                        _(
                            "The server {server} does not offer an encrypted connection "
                            "(STARTTLS), so Liaison sent nothing, not even the password. "
                            "Check the server and port, or choose TLS."
                        ).format(server=host)
                    )
                smtp.starttls(context=context)
                smtp.ehlo()
            if mail.user:
                if not smtp.has_extn("auth"):
                    raise SendFailed(
                        _("The server {server} offers no login; leave the user name empty.").format(
                            server=host
                        )
                    )
                _step(progress, _("Logging in as {user}…").format(user=mail.user))
                _login(smtp, mail.user, password or "")
            wire = composed.wire_bytes()
            _check_size(smtp, len(wire))
            options = ["SMTPUTF8"] if composed.smtputf8 else []
            if composed.smtputf8 and not smtp.has_extn("smtputf8"):
                raise SendFailed(
                    _(
                        "An address has letters beyond A–Z before the @, and the server "
                        "{server} cannot take such addresses."
                    ).format(server=host)
                )
            if progress is not None:
                progress.check()  # the last moment to cancel
                progress.start(0, _("Sending the message…"))
            refused: dict[str, Any] = smtp.sendmail(
                composed.sender, composed.envelope_to, wire, mail_options=options
            )
    except (SendFailed, MailError):
        raise
    except Exception as error:
        failure = explain(error, mail)
        if failure is None:
            raise
        log.info("Sending mail through %s:%s failed: %s", host, port, type(error).__name__)
        raise failure from None
    return refused


def _login(smtp: Any, user: str, password: str) -> None:
    """smtplib's login, except that it can send only ASCII: a user name or password with
    other letters goes out as UTF-8 (RFC 4616 PLAIN, or LOGIN)."""
    import base64
    import smtplib

    if (user + password).isascii():
        smtp.login(user, password)
        return

    def encoded(text: bytes) -> str:
        return base64.b64encode(text).decode("ascii")

    mechanisms = str(smtp.esmtp_features.get("auth", "")).upper().split()
    if "PLAIN" in mechanisms:
        token = b"\0" + user.encode("utf-8") + b"\0" + password.encode("utf-8")
        code, reply = smtp.docmd("AUTH", "PLAIN " + encoded(token))
    elif "LOGIN" in mechanisms:
        code, reply = smtp.docmd("AUTH", "LOGIN " + encoded(user.encode("utf-8")))
        if code == 334:
            code, reply = smtp.docmd(encoded(password.encode("utf-8")))
    else:
        raise SendFailed(
            _(
                "The server offers no way to log in with letters beyond A–Z in the user name "
                "or password."
            )
        )
    if code not in (235, 503):  # 503: already logged in
        raise smtplib.SMTPAuthenticationError(code, reply)


def _step(progress: Progress | None, text: str) -> None:
    if progress is not None:
        progress.check()
        progress.start(0, text)


def _check_size(smtp: Any, size: int) -> None:
    limit_text = smtp.esmtp_features.get("size", "") if smtp.does_esmtp else ""
    if limit_text.isdigit() and int(limit_text) and size > int(limit_text):
        megabytes = f"{size / 1_000_000:.1f}"
        limit = f"{int(limit_text) / 1_000_000:.1f}"
        raise SendFailed(
            _(
                "The message is {size} MB with its attachments; the server takes at most "
                "{limit} MB. Attach fewer or smaller files."
            ).format(size=megabytes, limit=limit)
        )


def explain(error: BaseException, mail: MailSettings) -> SendFailed | None:
    """A plain explanation of what went wrong; None for errors that are not about sending."""
    import smtplib
    import socket
    import ssl

    host, port = mail.server, mail.effective_port
    if isinstance(error, ssl.SSLCertVerificationError):
        return SendFailed(_certificate_message(error, host), certificate=True)
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return SendFailed(
            _("The server {server} did not accept the user name {user} with this password.").format(
                server=host, user=mail.user
            ),
            password_rejected=True,
        )
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        names = ", ".join(str(address) for address in error.recipients)
        return SendFailed(
            _("The server refused every recipient ({names}); nothing was sent.").format(names=names)
        )
    if isinstance(error, smtplib.SMTPSenderRefused):
        return SendFailed(
            _("The server refused the sender address {sender}: {reply}").format(
                sender=mail.sender, reply=_reply(error.smtp_error)
            )
        )
    if isinstance(error, smtplib.SMTPDataError):
        return SendFailed(
            _("The server refused the message: {reply}").format(reply=_reply(error.smtp_error))
        )
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return SendFailed(
            _("The server {server} cannot do what this message needs: {reason}").format(
                server=host, reason=error
            )
        )
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return SendFailed(
            _(
                "The server {server} closed the connection. Check the port and the security "
                "(STARTTLS usually on port 587, TLS on port 465)."
            ).format(server=host)
        )
    if isinstance(error, smtplib.SMTPResponseException):
        return SendFailed(
            _("The server {server} answered with an error: {reply}").format(
                server=host, reply=_reply(error.smtp_error)
            )
        )
    if isinstance(error, smtplib.SMTPException):
        return SendFailed(_("Sending failed: {reason}").format(reason=error))
    if isinstance(error, ssl.SSLError):
        return SendFailed(
            _(
                "No encrypted connection could be made with {server}:{port} ({reason}). "
                "Check the port and the security (STARTTLS usually on port 587, TLS on 465)."
            ).format(server=host, port=port, reason=error.reason or error)
        )
    if isinstance(error, socket.gaierror):
        return SendFailed(
            _(
                "The server name {server} is not known. Check the spelling and the "
                "network connection."
            ).format(server=host)
        )
    if isinstance(error, TimeoutError):
        return SendFailed(
            _(
                "The server {server}:{port} did not answer in time. Check the server, the "
                "port and the security (STARTTLS usually on port 587, TLS on 465)."
            ).format(server=host, port=port)
        )
    if isinstance(error, ConnectionRefusedError):
        return SendFailed(
            _("Nothing answers at {server}:{port}. Check the server name and the port.").format(
                server=host, port=port
            )
        )
    if isinstance(error, OSError):
        return SendFailed(
            _("The server {server}:{port} cannot be reached: {reason}").format(
                server=host, port=port, reason=error.strerror or error
            )
        )
    return None


def _certificate_message(error: ssl.SSLCertVerificationError, host: str) -> str:
    code = error.verify_code
    lead = _(
        "Liaison did not send anything to {server}, not even the password: the server could "
        "not prove that it is {server}."
    ).format(server=host)
    if code in _NAME_MISMATCH:
        reason = _(
            "Its certificate is made out to another name. Use the server name exactly as "
            "the certificate has it (ask your IT department which one)."
        )
    elif code in _UNTRUSTED:
        reason = _(
            "Its certificate comes from an authority this computer does not trust. If your "
            "office uses its own certificate authority, choose its certificate file in "
            "Settings under Mail."
        )
    elif code in _EXPIRED:
        reason = _("Its certificate has expired or is not valid yet; tell your IT department.")
    else:
        reason = _("The certificate check said: {reason}").format(
            reason=error.verify_message or error.reason or error
        )
    return f"{lead} {reason}"


def _reply(reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
    return " ".join(text.split())
