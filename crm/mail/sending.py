"""The whole flow: check the settings and the message, send it, enter it in the register.

The register entry is made only after the server took the message, in the same call; when the
send fails nothing is stored. A test message (Settings, "Send a test message") goes to the
sender's own address and is not entered in the register. ``save_draft`` writes an .eml file
instead of sending and stores nothing either.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crm.db.database import Database
from crm.i18n import _
from crm.mail.config import MailSettings, check_mail_settings
from crm.mail.drafts import write_draft
from crm.mail.errors import MailError, NotRecorded
from crm.mail.message import Composed, MailDraft, compose, recipients_text
from crm.mail.register import record_sent
from crm.mail.transport import deliver
from crm.services.errors import ServiceError, ValidationError
from crm.services.progress import Progress
from crm.services.unit import ChangeSet


@dataclass(frozen=True)
class SendResult:
    recipients: str  # as shown: "Name <address>, …"
    refused: tuple[str, ...]  # recipients the server did not take (the others got it)
    entry_id: int | None  # the register entry; None for a test message
    reference: str
    changes: ChangeSet


def usable_settings(mail: MailSettings) -> MailSettings:
    """The settings checked; MailError with one sentence when they cannot be used."""
    if not mail.configured:
        raise MailError(
            _(
                "Mail is not set up on this computer: enter the mail server and your address "
                "in Settings under Mail."
            )
        )
    try:
        return check_mail_settings(mail)
    except ValidationError as error:
        raise MailError(
            _("The mail settings need attention: {problems}").format(problems=error)
        ) from None


def send_mail(
    db: Database,
    draft: MailDraft,
    mail: MailSettings,
    password: str | None,
    progress: Progress | None = None,
) -> SendResult:
    """Send the draft and enter it in the register (after the server took it, never before)."""
    mail = usable_settings(mail)
    composed = compose(draft, mail.sender, mail.sender_name)
    return send_composed(db, composed, mail, password, progress, draft.delegation_id)


def send_composed(
    db: Database,
    composed: Composed,
    mail: MailSettings,
    password: str | None,
    progress: Progress | None = None,
    delegation_id: int | None = None,
) -> SendResult:
    """Send a message built with ``usable_settings(mail)``'s sender, then record it."""
    refused = tuple(str(address) for address in deliver(mail, composed, password, progress))
    shown = recipients_text((*composed.to, *composed.cc, *composed.bcc))
    if progress is not None:
        progress.start(0, _("Entering the message in the register…"))
    try:
        recorded = record_sent(db, composed, delegation_id, refused)
    except Exception as error:
        reason = str(error) if isinstance(error, ServiceError) else type(error).__name__
        raise NotRecorded(
            _(
                "The message was sent to {recipients}, but it could not be entered in the "
                "register: {reason}"
            ).format(recipients=shown, reason=reason)
        ) from error
    return SendResult(shown, refused, recorded.entry_id, recorded.reference, recorded.changes)


def send_test_message(
    db: Database,
    mail: MailSettings,
    password: str | None,
    progress: Progress | None = None,
) -> SendResult:
    """A short message to the sender's own address; not entered in the register."""
    mail = usable_settings(mail)
    draft = MailDraft(
        to=(mail.sender,),
        subject=_("Liaison: test message"),
        body=_(
            "This message was sent by Liaison to check the mail settings. "
            "They work: the server {server} took it over an encrypted connection."
        ).format(server=mail.server),
    )
    composed = compose(draft, mail.sender, mail.sender_name)
    refused = tuple(str(address) for address in deliver(mail, composed, password, progress))
    return SendResult(recipients_text(composed.to), refused, None, "", ChangeSet())


def save_draft(draft: MailDraft, mail: MailSettings, path: Path) -> Path:
    """Write the draft as an .eml file (From only when the sender is set up); stores nothing."""
    sender = mail.sender if mail.sender.strip() else ""
    composed = compose(draft, sender, mail.sender_name, require_recipients=False)
    return write_draft(composed, path)
