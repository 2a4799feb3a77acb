"""The whole flow: sent, then entered in the register; nothing stored after a failure; the
password nowhere but in the keyring (not in logs, settings or the database file)."""

from __future__ import annotations

import base64
import logging
from datetime import date
from pathlib import Path

import pytest

from crm.db.database import Database
from crm.mail.config import with_mail
from crm.mail.errors import MailError, SendFailed
from crm.mail.message import MailDraft
from crm.mail.passwords import SERVICE, store_password, stored_password
from crm.mail.sending import send_mail, send_test_message
from crm.services.contact_points import ContactPointInput
from crm.services.correspondence import get_correspondence
from crm.services.delegations import DelegationInput, create_delegation
from crm.services.people import PersonInput, create_person
from crm.services.progress import Cancelled, Progress
from crm.settings import load_settings, save_settings, settings_path
from tests.crm.mail.mail_fixtures import SECRET, Certificates, settings_for
from tests.crm.mail.mail_server import MailServer
from tests.crm.mail.memory_keyring import MemoryKeyring


def register_count(db: Database) -> int:
    return int(db.raw_connection_execute("SELECT count(*) FROM correspondence")[0][0])


def test_a_sent_message_is_entered_in_the_register(
    db: Database, tmp_path: Path, certificates: Certificates, starttls_server: MailServer
) -> None:
    inese, _changes = create_person(
        db,
        PersonInput(
            family_name="Bērziņa",
            given_name="Inese",
            contact_points=[ContactPointInput("email", "Inese@Liepaja.example")],
        ),
    )
    delegation, _changes = create_delegation(
        db,
        DelegationInput(
            title="Besuch aus Liepāja", start_date=date(2026, 5, 4), end_date=date(2026, 5, 6)
        ),
    )
    programme = tmp_path / "Programm Liepāja.pdf"
    programme.write_bytes(b"%PDF-1.4 programme " + bytes(range(256)))
    body = "\n".join(f"Zeile {number}" for number in range(1, 31))
    result = send_mail(
        db,
        MailDraft(
            to=["Inese Bērziņa <inese@liepaja.example>"],
            cc=["olena@kyiv.example"],
            bcc=["archiv@leipzig.example"],
            subject="Programm des Besuchs",
            body=body,
            attachments=[programme],
            delegation_id=delegation,
        ),
        settings_for(starttls_server, certificates),
        SECRET,
    )
    assert len(starttls_server.messages) == 1
    assert result.entry_id is not None and result.reference
    assert "correspondence" in result.changes.created
    entry = get_correspondence(db, result.entry_id)
    assert (entry.direction, entry.channel, entry.status) == ("outgoing", "email", "done")
    assert entry.subject == "Programm des Besuchs"
    assert entry.counterpart_text == "Inese Bērziņa <inese@liepaja.example>, olena@kyiv.example"
    assert entry.counterpart_person_id == inese
    assert [person_id for person_id, _name in entry.people] == [inese]
    assert entry.delegation_id == delegation
    assert entry.summary is not None
    assert entry.summary.startswith("Zeile 1\nZeile 2\n")
    assert "Zeile 30" not in entry.summary and "Bcc: archiv@leipzig.example" in entry.summary
    [attached] = entry.attachments
    assert (attached.filename, attached.mime_type) == (programme.name, "application/pdf")
    assert attached.size == programme.stat().st_size


@pytest.mark.parametrize("server_name", ["wrong_name_server", "plain_server"])
def test_nothing_is_entered_after_a_failure(
    server_name: str, db: Database, certificates: Certificates, request: pytest.FixtureRequest
) -> None:
    server: MailServer = request.getfixturevalue(server_name)
    before = register_count(db)
    with pytest.raises(SendFailed):
        send_mail(
            db,
            MailDraft(to=["a@b.example"], subject="x"),
            settings_for(server, certificates),
            SECRET,
        )
    assert register_count(db) == before
    assert int(db.raw_connection_execute("SELECT count(*) FROM attachment_blobs")[0][0]) == 0


def test_cancelled_before_sending_sends_and_stores_nothing(
    db: Database, certificates: Certificates, starttls_server: MailServer
) -> None:
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        send_mail(
            db,
            MailDraft(to=["a@b.example"]),
            settings_for(starttls_server, certificates),
            SECRET,
            progress,
        )
    assert starttls_server.messages == [] and register_count(db) == 0


def test_settings_missing_or_wrong(db: Database, starttls_server: MailServer) -> None:
    from crm.mail.config import MailSettings

    with pytest.raises(MailError, match="not set up"):
        send_mail(db, MailDraft(to=["a@b.example"]), MailSettings(), SECRET)
    with pytest.raises(MailError, match="need attention"):
        send_mail(
            db,
            MailDraft(to=["a@b.example"]),
            MailSettings(server="smtp://x", sender="a@b.example"),
            SECRET,
        )
    assert starttls_server.messages == []


def test_a_test_message_goes_to_the_sender_and_is_not_entered(
    db: Database, certificates: Certificates, tls_server: MailServer
) -> None:
    result = send_test_message(db, settings_for(tls_server, certificates, "tls"), SECRET)
    [received] = tls_server.messages
    assert received.recipients == ["referat@leipzig.example"]
    assert result.entry_id is None and register_count(db) == 0


def test_the_secret_is_nowhere_but_in_the_keyring(
    db: Database,
    db_path: Path,
    tmp_path: Path,
    certificates: Certificates,
    starttls_server: MailServer,
    keyring_memory: MemoryKeyring,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.ERROR, logger="mail.log")  # the server's own log, not Liaison's
    mail = settings_for(starttls_server, certificates)
    save_settings(with_mail(load_settings(), mail))
    store_password(mail, SECRET)
    assert keyring_memory.secrets == {(SERVICE, mail.account): SECRET}
    attachment = tmp_path / "Liste.csv"
    attachment.write_text("a;b\n", encoding="utf-8")
    send_mail(
        db,
        MailDraft(to=["a@b.example"], subject="Liste", body="Anbei.", attachments=[attachment]),
        mail,
        stored_password(mail),
    )
    with pytest.raises(SendFailed):
        send_mail(db, MailDraft(to=["a@b.example"]), mail, SECRET + "-wrong")
    db.close()
    assert register_count(Database.open(db_path)) == 1
    captured = capsys.readouterr()
    markers = [SECRET.encode(), base64.b64encode(f"\0liaison-user\0{SECRET}".encode())]
    assert SECRET not in caplog.text and SECRET not in captured.out + captured.err
    assert settings_path().exists()
    for path in [*tmp_path.rglob("*"), settings_path()]:
        if path.is_file():
            data = path.read_bytes()
            for marker in markers:
                assert marker not in data, path
