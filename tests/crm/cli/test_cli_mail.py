"""``liaison mail``: drafts, sending through the test server, and bad input refused with one
line and exit status 2 (a failure to send: exit status 1), nothing sent and nothing stored."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from cli_helpers import ROOT, TIMEOUT, Result

from crm.mail.config import with_mail
from crm.settings import load_settings, save_settings
from tests.crm.mail.mail_fixtures import (
    SECRET,
    Certificates,
    certificates,
    quiet_server_log,
    settings_for,
    starttls_server,
    wrong_name_server,
)
from tests.crm.mail.mail_server import MailServer

__all__ = ["certificates", "quiet_server_log", "starttls_server", "wrong_name_server"]


def mail(*args: str, password: str | None = SECRET) -> Result:
    """``liaison mail ARGS`` with no terminal (so no password prompt)."""
    env = os.environ.copy()
    env.pop("LIAISON_SMTP_PASSWORD", None)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # never the user's own
    if password is not None:
        env["LIAISON_SMTP_PASSWORD"] = password
    completed = subprocess.run(
        [sys.executable, "-m", "crm", "mail", *args],
        env=env,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    return Result(
        completed.returncode, completed.stdout.decode("utf-8"), completed.stderr.decode("utf-8")
    )


@pytest.fixture
def office(tmp_path: Path) -> Path:
    from crm.db.database import Database

    path = tmp_path / "office.sqlite"
    Database.open(path).close()
    return path


def entries(path: Path) -> list[tuple[str, str, str, str]]:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT direction, channel, subject, counterpart_text FROM correspondence"
        ).fetchall()
    finally:
        connection.close()
    return [tuple(row) for row in rows]


def assert_refused(result: Result, words: str) -> None:
    assert result.returncode == 2, result
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("liaison: error: "), result.stderr
    assert words in result.stderr, result.stderr


def test_a_draft_is_written_without_settings_or_sending(tmp_path: Path, office: Path) -> None:
    attachment = tmp_path / "Kontakte Київ.csv"
    attachment.write_text("Name;Telefon\n", encoding="utf-8")
    body = tmp_path / "body.txt"
    body.write_text("Sehr geehrte Damen und Herren,\n\nanbei die Liste.\n", encoding="utf-8")
    draft = tmp_path / "Entwurf.eml"
    result = mail(
        "--db", str(office), "--to", "olena@kyiv.example", "--bcc", "archiv@leipzig.example",
        "--subject", "Kontakte", "--body-file", str(body), "--attach", str(attachment),
        "--draft", str(draft),
    )  # fmt: skip
    assert result.returncode == 0, result
    assert str(draft) in result.stdout
    message = BytesParser(policy=policy.default).parsebytes(draft.read_bytes())
    assert message["X-Unsent"] == "1" and message["Subject"] == "Kontakte"
    assert message["Bcc"] is not None
    assert [part.get_filename() for part in message.iter_attachments()] == [attachment.name]
    assert entries(office) == []


def test_sending_through_the_server_enters_the_message(
    tmp_path: Path, office: Path, certificates: Certificates, starttls_server: MailServer
) -> None:
    save_settings(with_mail(load_settings(), settings_for(starttls_server, certificates)))
    attachment = tmp_path / "Übersicht.pdf"
    attachment.write_bytes(b"%PDF-1.4 overview")
    result = mail(
        "--db", str(office), "--to", "inese@liepaja.example", "--to", "olena@kyiv.example",
        "--subject", "Übersicht", "--body", "Anbei die Übersicht.", "--attach", str(attachment),
    )  # fmt: skip
    assert result.returncode == 0, result
    assert "entered in the register as IZ-" in result.stdout
    [received] = starttls_server.messages
    assert received.recipients == ["inese@liepaja.example", "olena@kyiv.example"]
    assert entries(office) == [
        ("outgoing", "email", "Übersicht", "inese@liepaja.example, olena@kyiv.example")
    ]
    assert SECRET not in result.stdout + result.stderr


def test_an_untrusted_server_fails_with_status_1(
    office: Path, certificates: Certificates, wrong_name_server: MailServer
) -> None:
    save_settings(with_mail(load_settings(), settings_for(wrong_name_server, certificates)))
    result = mail("--db", str(office), "--to", "a@b.example", "--subject", "x")
    assert result.returncode == 1, result
    assert len(result.stderr.splitlines()) == 1 and "another name" in result.stderr
    assert wrong_name_server.auth_commands == [] and wrong_name_server.messages == []
    assert entries(office) == []


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--to", "not-an-address"], "is not an email address"),
        (["--to", "a@b.example", "--attach", "{tmp}/missing.pdf"], "no file to attach"),
        (["--to", "a@b.example", "--body-file", "{tmp}/missing.txt"], "no message text file"),
        (["--to", "a@b.example", "--delegation", "1", "--draft", "{tmp}/d.eml"], "--delegation"),
        (["--to", "a@b.example", "--draft", "{tmp}"], "is a folder"),
        (["--to", "a@b.example", "--delegation", "99"], "no delegation with the number 99"),
        (["--subject", "nobody"], "at least one recipient"),
    ],
)
def test_bad_input_is_refused(
    args: list[str],
    words: str,
    tmp_path: Path,
    office: Path,
    certificates: Certificates,
    starttls_server: MailServer,
) -> None:
    save_settings(with_mail(load_settings(), settings_for(starttls_server, certificates)))
    before = office.read_bytes()
    result = mail("--db", str(office), *[arg.format(tmp=tmp_path) for arg in args])
    assert_refused(result, words)
    assert starttls_server.messages == [] and starttls_server.auth_commands == []
    assert office.read_bytes() == before
    assert not (tmp_path / "d.eml").exists()


def test_no_mail_settings_no_password_no_database(
    tmp_path: Path, office: Path, certificates: Certificates, starttls_server: MailServer
) -> None:
    assert_refused(mail("--db", str(office), "--to", "a@b.example"), "not set up")
    save_settings(with_mail(load_settings(), settings_for(starttls_server, certificates)))
    result = mail("--db", str(office), "--to", "a@b.example", password=None)
    assert_refused(result, "LIAISON_SMTP_PASSWORD")
    result = mail("--db", str(tmp_path / "none.sqlite"), "--to", "a@b.example")
    assert_refused(result, "no database")
    assert not (tmp_path / "none.sqlite").exists()
    assert starttls_server.messages == [] and starttls_server.auth_commands == []
    assert entries(office) == []
