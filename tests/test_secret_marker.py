"""A marker secret through every path a secret takes; it must end up in the keyring only.

The password goes into a (fake, in-memory, secure) keyring from the mail settings, is read
from there to send, a wrong one fails a login, the mail settings are saved, the register is
exported and backed up, everything is logged at DEBUG to a file (a failure with its whole
traceback too, as a crash report would hold it), the command line sends with it, and a
plain-text keyring (a file) is refused. This test looks at its own files; the session-level
check (tests/secret_marker.py) searches every file the whole test run wrote.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from secret_marker import MARKER, MARKER_CORE, files_with_marker, holds_marker

from crm.db.database import Database
from crm.io.export_model import ExportRequest
from crm.io.export_run import export_to_file
from crm.mail.config import with_mail
from crm.mail.errors import MailError, SendFailed
from crm.mail.message import MailDraft
from crm.mail.passwords import SERVICE, store_password, stored_password
from crm.mail.sending import send_mail
from crm.secrets import DATABASE_SERVER, SecretNotKept, keep_secret, load_secret
from crm.settings import load_settings, save_settings
from tests.crm.mail.mail_fixtures import Certificates, certificates, settings_for
from tests.crm.mail.mail_server import server_context, start_server
from tests.crm.mail.memory_keyring import MemoryKeyring, use_keyring

__all__ = ["certificates"]

ROOT = Path(__file__).resolve().parent.parent


class FileKeyring(KeyringBackend):
    """A plain-text keyring (as keyrings.alt's): every secret readable in a file."""

    priority = 0.5  # type: ignore[assignment]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(f"{service}\t{username}\t{password}\n")

    def delete_password(self, service: str, username: str) -> None:
        pass


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """Everything logged, at DEBUG, to a file (as a log an officer might send in)."""
    path = tmp_path / "logs" / "liaison.log"
    path.parent.mkdir()
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield path
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)
        handler.close()


def test_the_marker_secret_stays_in_the_keyring(
    tmp_path: Path, certificates: Certificates, log_file: Path
) -> None:
    log = logging.getLogger("liaison.secret-marker-test")
    server = start_server(MARKER, mode="starttls", context=server_context(*certificates.good))
    keyring = MemoryKeyring()
    db = Database.open(tmp_path / "office.sqlite")
    try:
        with use_keyring(keyring):
            mail = settings_for(server, certificates)
            save_settings(with_mail(load_settings(), mail))
            store_password(mail, MARKER)  # typed on the settings page
            assert keyring.secrets == {(SERVICE, mail.account): MARKER}
            assert keep_secret(DATABASE_SERVER, "officer@db.example:5432/office", MARKER) is None
            assert load_secret(DATABASE_SERVER, "officer@db.example:5432/office") == MARKER

            draft = MailDraft(
                to=("olena@kyiv.example",), subject="Einladung", body="Sehr geehrte Frau Koval"
            )
            sent = send_mail(db, draft, mail, stored_password(mail))
            log.info("sent %s as %s", sent.recipients, sent.reference)
            assert len(server.messages) == 1

            with pytest.raises(SendFailed) as failed:
                send_mail(db, draft, mail, MARKER + "-falsch")
            log.error("sending failed: %s", failed.value)
            log.error("".join(traceback.format_exception(failed.value)))  # a crash report
            assert MARKER_CORE not in str(failed.value)

        plain = tmp_path / "plain-keyring.txt"
        with use_keyring(FileKeyring(plain)):
            with pytest.raises(MailError, match="plain text"):
                store_password(mail, MARKER)
            with pytest.raises(SecretNotKept):
                keep_secret(DATABASE_SERVER, "officer", MARKER)
            assert stored_password(mail) is None
        assert not plain.exists()

        for kind, format_ in (("correspondence", "csv"), ("people", "vcf")):
            export_to_file(db, ExportRequest(kind, format_), tmp_path / f"export.{format_}")
        db.backup_to(tmp_path / "backup.sqlite")
    finally:
        db.close()
        server.stop()

    # The command line, with the password in its environment (for scripts) and its output
    # kept in files.
    env = os.environ.copy()
    env["LIAISON_SMTP_PASSWORD"] = MARKER
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    server = start_server(MARKER, mode="starttls", context=server_context(*certificates.good))
    try:
        save_settings(with_mail(load_settings(), settings_for(server, certificates)))
        with (
            (tmp_path / "cli-out.txt").open("wb") as out,
            (tmp_path / "cli-err.txt").open("wb") as err,
        ):
            completed = subprocess.run(
                [sys.executable, "-m", "crm", "mail", "--db", str(tmp_path / "office.sqlite"),
                 "--to", "inese@liepaja.example", "--subject", "Programm", "--body", "Anbei."],
                env=env, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                timeout=60, check=False,
            )  # fmt: skip
    finally:
        server.stop()
    assert completed.returncode == 0, (tmp_path / "cli-err.txt").read_text(encoding="utf-8")
    assert "entered in the register" in (tmp_path / "cli-out.txt").read_text(encoding="utf-8")

    written = {path.name for path in tmp_path.rglob("*") if path.is_file()}
    assert {"liaison.log", "export.csv", "export.vcf", "backup.sqlite", "office.sqlite"} <= written
    assert any(path.parent.name == "config" for path in tmp_path.rglob("*.json")) or any(
        "config" in path.parts for path in tmp_path.rglob("*") if path.is_file()
    ), "the settings were saved under the test's config folder"
    assert "sending failed" in log_file.read_text(encoding="utf-8")
    assert files_with_marker(tmp_path) == []


def test_the_search_finds_a_marker_wherever_it_was_written(tmp_path: Path) -> None:
    """The check can fail: a marker written deliberately is found, in UTF-8, in UTF-16, in
    JSON's escapes, and across the boundary of two chunks."""
    import json

    import secret_marker

    (tmp_path / "clean.txt").write_text("nothing here", encoding="utf-8")
    (tmp_path / "settings.json").write_text(json.dumps({"password": MARKER}), encoding="utf-8")
    (tmp_path / "utf16.log").write_text(f"password={MARKER}", encoding="utf-16")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    straddle = deep / "office.sqlite-wal"
    straddle.write_bytes(b"\0" * (secret_marker.CHUNK - 10) + MARKER.encode() + b"\0" * 100)
    found = files_with_marker(tmp_path)
    assert found == sorted([tmp_path / "settings.json", tmp_path / "utf16.log", straddle])
    assert not holds_marker(tmp_path / "clean.txt")
    for path in found:  # this session's own check must not find them
        path.unlink()


def test_a_session_that_wrote_the_marker_fails(tmp_path: Path) -> None:
    """The session-level check itself, in a pytest run of its own: green tests, but one wrote
    the marker to a file, so the run fails and names the file."""
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "test_leak.py").write_text(
        "from secret_marker import MARKER\n\n"
        "def test_leaks(tmp_path):\n"
        "    (tmp_path / 'settings.toml').write_text(f'password = {MARKER!r}\\n')\n\n"
        "def test_clean(tmp_path):\n"
        "    (tmp_path / 'settings.toml').write_text('password = none\\n')\n",
        encoding="utf-8",
    )
    basetemp = tmp_path / "inner-basetemp"
    env = os.environ.copy()
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "tests"), env.get("PYTHONPATH", "")])
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
               "-p", "secret_marker", f"--basetemp={basetemp}",
               "--rootdir", str(inner), str(inner)]  # fmt: skip
    try:
        completed = subprocess.run(
            command, cwd=inner, env=env, capture_output=True, text=True, timeout=120, check=False
        )
        assert "2 passed" in completed.stdout, completed.stdout + completed.stderr
        assert completed.returncode == pytest.ExitCode.TESTS_FAILED, completed.stdout
        assert "secret marker found" in completed.stdout
        assert "test_leaks0/settings.toml" in completed.stdout
        assert "test_clean0" not in completed.stdout
    finally:
        for path in files_with_marker(basetemp):  # this session's own check must not find it
            path.unlink()
