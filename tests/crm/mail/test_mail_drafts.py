"""Drafts: an .eml file with X-Unsent: 1, Bcc kept, that the email parser reads back."""

from __future__ import annotations

from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest

from crm.mail.config import MailSettings
from crm.mail.errors import MailError
from crm.mail.message import MailDraft
from crm.mail.sending import save_draft


def test_draft_opens_as_an_unsent_message(tmp_path: Path) -> None:
    attachment = tmp_path / "Programm Київ.pdf"
    attachment.write_bytes(b"%PDF-1.4 programme")
    path = save_draft(
        MailDraft(
            to=["inese@liepaja.example"],
            bcc=["archiv@leipzig.example"],
            subject="Programm",
            body="Anbei.",
            attachments=[attachment],
        ),
        MailSettings(sender="referat@leipzig.example", sender_name="Referat IZ"),
        tmp_path / "Programm.eml",
    )
    data = path.read_bytes()
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert message["X-Unsent"] == "1"
    assert message["Bcc"].addresses[0].addr_spec == "archiv@leipzig.example"
    assert message["From"].addresses[0].addr_spec == "referat@leipzig.example"
    assert message["Subject"] == "Programm"
    assert [part.get_filename() for part in message.iter_attachments()] == [attachment.name]
    assert not list(tmp_path.glob(".*.part"))  # no temporary file left behind


def test_a_draft_needs_no_mail_settings_and_no_recipient(tmp_path: Path) -> None:
    path = save_draft(MailDraft(subject="Später"), MailSettings(), tmp_path / "d.eml")
    message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert message["From"] is None and message["To"] is None
    assert message["X-Unsent"] == "1"


def test_a_folder_is_not_a_draft_file(tmp_path: Path) -> None:
    with pytest.raises(MailError, match="is a folder"):
        save_draft(MailDraft(subject="x"), MailSettings(), tmp_path)
