"""``liaison mail --to ADDR …``: send a message with attachments, or save it as a draft.

Sent through the SMTP server of this computer's mail settings (the app's Settings, Mail) over
verified TLS, and entered in the register as an outgoing email. The password: the environment
variable LIAISON_SMTP_PASSWORD when set (for scripts), else the keyring, else asked for when
the command runs in a terminal. With ``--draft FILE.eml`` nothing is sent and nothing stored:
the file opens in Outlook or Thunderbird ready to send. Bad input (an address, a missing
attachment, no mail settings) is one line on stderr and exit status 2; a failure to send is
one line and exit status 1.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crm.cli.errors import EXIT_FAILURE, EXIT_OK, BadInput
from crm.cli.output import print_error
from crm.cli.target import add_db_option, open_database, resolve_target
from crm.i18n import _
from crm.settings import Settings

if TYPE_CHECKING:
    from crm.mail.config import MailSettings

PASSWORD_VARIABLE = "LIAISON_SMTP_PASSWORD"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "mail",
        help=_("send a message with attachments by email, or save it as a draft"),
        description=_(
            "Send a message through the mail server set up in the app (Settings, Mail) and "
            "enter it in the register, or save it as a draft .eml file for Outlook or "
            "Thunderbird. The password comes from {variable} when set, else from the "
            "keyring, else it is asked for."
        ).format(variable=PASSWORD_VARIABLE),
    )
    recipients = (
        ("--to", "to", _("a recipient (repeat for more)")),
        ("--cc", "cc", _("a recipient of a copy (repeat for more)")),
        ("--bcc", "bcc", _("a hidden recipient of a copy (repeat for more)")),
    )
    for flag, dest, help_text in recipients:
        parser.add_argument(
            flag, dest=dest, action="append", default=[], metavar=_("ADDRESS"), help=help_text
        )
    parser.add_argument("--subject", default="", metavar=_("TEXT"), help=_("the subject"))
    body = parser.add_mutually_exclusive_group()
    body.add_argument("--body", default=None, metavar=_("TEXT"), help=_("the message text"))
    body.add_argument(
        "--body-file",
        type=Path,
        default=None,
        metavar=_("FILE"),
        help=_("a UTF-8 text file with the message text"),
    )
    parser.add_argument(
        "--attach",
        dest="attachments",
        type=Path,
        action="append",
        default=[],
        metavar=_("FILE"),
        help=_("a file to attach (repeat for more)"),
    )
    parser.add_argument(
        "--delegation",
        metavar="DELEGATION",
        help=_("link the register entry to this delegation (its number or words of its title)"),
    )
    parser.add_argument(
        "--draft",
        type=Path,
        default=None,
        metavar="FILE.eml",
        help=_("save the message as a draft here instead of sending it"),
    )
    add_db_option(parser)
    parser.set_defaults(run=run)


def _body(args: argparse.Namespace) -> str:
    if args.body_file is None:
        return str(args.body or "")
    path: Path = args.body_file
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BadInput(_("There is no message text file at {path}.").format(path=path)) from None
    except UnicodeDecodeError:
        raise BadInput(_("{path} is not UTF-8 text.").format(path=path)) from None
    except OSError as error:
        raise BadInput(
            _("{path} cannot be read: {reason}").format(path=path, reason=error.strerror or error)
        ) from None


def password_for(mail: MailSettings) -> str | None:
    """From the environment, the keyring, or the terminal; BadInput when there is none."""
    if not mail.user:
        return None
    from_environment = os.environ.get(PASSWORD_VARIABLE)
    if from_environment:
        return from_environment
    from crm.mail.passwords import stored_password

    stored = stored_password(mail)
    if stored:
        return stored
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        typed = getpass.getpass(
            _("Password for {user} at {server}: ").format(user=mail.user, server=mail.server)
        )
        if typed:
            return typed
    raise BadInput(
        _(
            "No password for {user}: set {variable}, keep it in the keyring through the app, "
            "or run the command in a terminal to type it."
        ).format(user=mail.user, variable=PASSWORD_VARIABLE)
    )


def run(args: argparse.Namespace, settings: Settings) -> int:
    from crm.mail.config import mail_settings
    from crm.mail.drafts import write_draft
    from crm.mail.errors import NotRecorded, SendFailed
    from crm.mail.message import MailDraft, compose
    from crm.mail.sending import send_composed, usable_settings

    mail = mail_settings(settings)
    draft = MailDraft(
        to=tuple(args.to),
        cc=tuple(args.cc),
        bcc=tuple(args.bcc),
        subject=args.subject,
        body=_body(args),
        attachments=tuple(args.attachments),
    )
    if args.draft is not None:
        if args.delegation is not None:
            raise BadInput(_("--delegation is for messages sent, not drafts."))
        composed = compose(draft, mail.sender, mail.sender_name, require_recipients=False)
        path = write_draft(composed, args.draft)
        print(
            _("The draft is in {path}; open it in Outlook or Thunderbird to send it.").format(
                path=path
            )
        )
        return EXIT_OK
    mail = usable_settings(mail)
    composed = compose(draft, mail.sender, mail.sender_name)
    db = open_database(resolve_target(args, settings), create=False)
    try:
        delegation_id = _delegation(db, args.delegation)
        password = password_for(mail)
        try:
            result = send_composed(db, composed, mail, password, None, delegation_id)
        except (SendFailed, NotRecorded) as error:
            print_error(_("{prog}: error: {message}").format(prog="liaison", message=error))
            return EXIT_FAILURE
    finally:
        db.close()
    print(
        _("Sent to {recipients}; entered in the register as {reference}.").format(
            recipients=result.recipients, reference=result.reference
        )
    )
    if result.refused:
        print(_("The server did not accept: {names}").format(names=", ".join(result.refused)))
    return EXIT_OK


def _delegation(db: Any, term: str | None) -> int | None:
    if term is None:
        return None
    from crm.cli.commands.briefing import find_delegation

    return find_delegation(db, term)
