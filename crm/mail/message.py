"""A message as the user wrote it (MailDraft) into a MIME message ready for the wire.

UTF-8 throughout: subjects and names become RFC 2047 encoded words, attachment names RFC 2231
parameters (``filename*=utf-8''…``) that Outlook, Thunderbird and webmail read; the body is
quoted-printable when it is not plain ASCII, so no server needs 8BITMIME. Domains in other
scripts are written in their ASCII (IDNA) form; an address with such letters before the @
needs a server that offers SMTPUTF8, and the message is then written in UTF-8 whole.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, make_msgid
from pathlib import Path

from crm.i18n import _
from crm.mail.errors import MailError

MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024  # all files together; servers take far less


@dataclass(frozen=True)
class MailDraft:
    """What the user wrote. Each recipient entry may hold several addresses (a, b; c)."""

    to: Sequence[str] = ()
    cc: Sequence[str] = ()
    bcc: Sequence[str] = ()
    subject: str = ""
    body: str = ""
    attachments: Sequence[Path] = ()
    delegation_id: int | None = None  # the register entry's delegation, when sent about one


@dataclass(frozen=True)
class Recipient:
    name: str
    address: str  # as written, domain in its own script
    wire: str  # the domain in ASCII (IDNA)
    smtputf8: bool  # letters beyond ASCII before the @

    def shown(self) -> str:
        return format_address(self.name, self.address)

    def header(self) -> Address:
        local, _at, domain = self.wire.rpartition("@")
        return Address(self.name, local, domain)


@dataclass(frozen=True)
class Attached:
    name: str
    data: bytes
    mime_type: str


@dataclass(frozen=True)
class Composed:
    """A message built and checked: the MIME message and what the register keeps of it."""

    message: EmailMessage  # without Bcc: the Bcc recipients are in ``envelope_to`` only
    sender: str  # the envelope sender
    to: tuple[Recipient, ...]
    cc: tuple[Recipient, ...]
    bcc: tuple[Recipient, ...]
    subject: str
    body: str
    attachments: tuple[Attached, ...] = field(default=())

    @property
    def smtputf8(self) -> bool:
        return any(r.smtputf8 for r in (*self.to, *self.cc, *self.bcc)) or not self.sender.isascii()

    @property
    def envelope_to(self) -> list[str]:
        return list(dict.fromkeys(r.wire for r in (*self.to, *self.cc, *self.bcc)))

    def wire_bytes(self) -> bytes:
        """The message as it goes to the server: CRLF line ends, no Bcc header."""
        return self.message.as_bytes(policy=policy.SMTPUTF8 if self.smtputf8 else policy.SMTP)


def parse_recipients(entries: Sequence[str]) -> tuple[Recipient, ...]:
    """Every address in ``entries`` (separated by commas or semicolons), checked."""
    from email_validator import EmailNotValidError, validate_email

    found: list[Recipient] = []
    for entry in entries:
        text = entry.replace(";", ",").strip()
        if not text:
            continue
        for name, address in _join_split_names(getaddresses([text])):
            address = address.strip()
            if not address:
                raise MailError(_("“{value}” is not an email address.").format(value=name or text))
            try:
                result = validate_email(address, check_deliverability=False)
            except EmailNotValidError as error:
                message = _("“{value}” is not an email address: {reason}")
                raise MailError(message.format(value=address, reason=error)) from None
            local = result.local_part
            wire = f"{local}@{result.ascii_domain}"
            name = " ".join(name.split())
            found.append(Recipient(name, result.normalized, wire, not local.isascii()))
    return tuple(dict.fromkeys(found))


def _join_split_names(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``Müller, Hans <hans@…>`` typed without quotes reads as "Müller" and "Hans <…>": a
    piece without an @ followed by a named address is the start of that name."""
    joined: list[tuple[str, str]] = []
    pending: list[str] = []
    for name, address in pairs:
        if not name and address and "@" not in address:
            pending.append(address)
            continue
        if pending and name:
            name = ", ".join([*pending, name])
        elif pending:
            joined.extend(("", piece) for piece in pending)
        pending = []
        joined.append((name, address))
    joined.extend(("", piece) for piece in pending)
    return joined


def read_attachments(paths: Sequence[Path]) -> tuple[Attached, ...]:
    attached: list[Attached] = []
    total = 0
    for path in paths:
        source = Path(path)
        if not source.is_file():
            message = _("There is no file to attach at {path}.")
            raise MailError(message.format(path=source))
        try:
            data = source.read_bytes()
        except OSError as error:
            message = _("“{name}” cannot be read: {reason}")
            raise MailError(
                message.format(name=source.name, reason=error.strerror or error)
            ) from None
        total += len(data)
        if total > MAX_ATTACHMENT_BYTES:
            raise MailError(
                _("The attachments are larger than 100 MB together; no mail server takes that.")
            )
        mime_type, encoding = mimetypes.guess_type(source.name)
        if mime_type is None or encoding is not None or "/" not in mime_type:
            mime_type = "application/octet-stream"
        attached.append(Attached(source.name, data, mime_type))
    return tuple(attached)


def compose(
    draft: MailDraft,
    sender: str,
    sender_name: str = "",
    *,
    require_recipients: bool = True,
    now: datetime | None = None,
) -> Composed:
    """Check the draft and build its message; MailError says what is wrong."""
    to = parse_recipients(draft.to)
    cc = parse_recipients(draft.cc)
    bcc = parse_recipients(draft.bcc)
    if require_recipients and not (to or cc or bcc):
        raise MailError(_("Enter at least one recipient."))
    from_ = parse_recipients([sender]) if sender.strip() else ()
    attachments = read_attachments(draft.attachments)
    subject = " ".join(draft.subject.split())
    body = draft.body.replace("\r\n", "\n").replace("\r", "\n")
    if body and not body.endswith("\n"):
        body += "\n"
    message = EmailMessage(policy=policy.default)
    if from_:
        message["From"] = Address(sender_name.strip(), *_split(from_[0].wire))
    if to:
        message["To"] = [r.header() for r in to]
    if cc:
        message["Cc"] = [r.header() for r in cc]
    message["Subject"] = subject
    message["Date"] = format_datetime((now or datetime.now()).astimezone())
    domain = from_[0].wire.rpartition("@")[2] if from_ else "liaison.invalid"
    message["Message-ID"] = make_msgid(domain=domain)
    message.set_content(body, cte="7bit" if body.isascii() else "quoted-printable")
    for item in attachments:
        maintype, subtype = item.mime_type.split("/", 1)
        message.add_attachment(item.data, maintype, subtype, filename=item.name)
    if attachments:
        for part in message.iter_parts():
            del part["MIME-Version"]  # only the message itself carries it
            if part.get_filename():
                part.set_param("name", part.get_filename() or "")
    return Composed(
        message=message,
        sender=from_[0].wire if from_ else "",
        to=to,
        cc=cc,
        bcc=bcc,
        subject=subject,
        body=body,
        attachments=attachments,
    )


def format_address(name: str, address: str) -> str:
    """``Name <address>`` as people write it (names stay in their script); a name with a comma
    or the like is quoted, so the line reads back as one address."""
    name = " ".join(name.split())
    if not name:
        return address
    if any(char in name for char in ',;:<>@"()[]\\'):
        name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{name} <{address}>"


def _split(address: str) -> tuple[str, str]:
    local, _at, domain = address.rpartition("@")
    return local, domain


def recipients_text(recipients: Sequence[Recipient]) -> str:
    return ", ".join(r.shown() for r in recipients)
