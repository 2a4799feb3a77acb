"""The compose window: recipients completed from the people kept, files attached and removed,
Send through the office's server (then entered in the register), Save as draft; errors said in
the window in plain words."""

from __future__ import annotations

from collections.abc import Callable
from email import policy
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.mail.config import with_mail
from crm.mail.passwords import SERVICE
from crm.services.correspondence import get_correspondence
from crm.settings import load_settings, save_settings
from tests.crm.mail.mail_fixtures import SECRET, Certificates, settings_for
from tests.crm.mail.mail_server import MailServer
from tests.crm.mail.memory_keyring import MemoryKeyring
from tests.ui.conftest import Sample
from ui.mail import compose_dialog, password_dialog
from ui.mail.compose_dialog import ComposeDialog

WAIT_MS = 10000


def entry_ids(db: Database) -> list[int]:
    return [int(row[0]) for row in db.raw_connection_execute("SELECT id FROM correspondence")]


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The password question answered with the test's secret, kept in the keyring."""
    questions: list[str] = []

    def ask(_parent: Any, mail: Any, keyring: Any) -> tuple[str, bool]:
        questions.append(mail.account)
        return SECRET, keyring.usable

    monkeypatch.setattr(password_dialog, "ask_password", ask)
    return questions


def open_dialog(qtbot: QtBot, context: Any, **options: Any) -> ComposeDialog:
    dialog = ComposeDialog(context, None, **options)
    dialog.show()
    qtbot.waitUntil(context.worker.is_idle, timeout=WAIT_MS)
    return dialog


def test_sending_enters_the_message_and_keeps_the_password(
    qtbot: QtBot,
    context: Any,
    db: Database,
    sample: Sample,
    tmp_path: Path,
    certificates: Certificates,
    starttls_server: MailServer,
    keyring_memory: MemoryKeyring,
    asked: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mail = settings_for(starttls_server, certificates)
    save_settings(with_mail(load_settings(), mail))
    files = []
    for name in ("Programm Київ.pdf", "Kontakte.csv"):
        files.append(tmp_path / name)
        files[-1].write_bytes(b"content of " + name.encode())
    monkeypatch.setattr(compose_dialog, "choose_attachments", lambda _p: [str(f) for f in files])
    dialog = open_dialog(qtbot, context)
    assert dialog.sender.text() == (
        "Referat Internationale Zusammenarbeit <referat@leipzig.example>"
    )
    assert "Inese Bērziņa <inese@example.org>" in dialog.addresses.stringList()
    qtbot.keyClicks(dialog.to, "olena@example.org")
    dialog.subject.setText("Programm für Київ")
    dialog.body.setPlainText("Sehr geehrte Frau Koval,\n\nanbei das Programm.")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.attachment_paths() == files
    dialog.attachments.item(1).setSelected(True)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.attachment_paths() == files[:1]

    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(context.worker.is_idle, timeout=WAIT_MS)
    [received] = starttls_server.messages
    message = BytesParser(policy=policy.default).parsebytes(received.data)
    assert message["Subject"] == "Programm für Київ"
    assert [p.get_filename() for p in message.iter_attachments()] == ["Programm Київ.pdf"]
    [entry_id] = entry_ids(db)
    entry = get_correspondence(db, entry_id)
    assert (entry.direction, entry.channel) == ("outgoing", "email")
    assert entry.counterpart_person_id == sample.person_ids["Koval"]
    assert [a.filename for a in entry.attachments] == ["Programm Київ.pdf"]
    assert asked == [mail.account]
    assert keyring_memory.secrets == {(SERVICE, mail.account): SECRET}


def test_the_next_message_takes_the_kept_password(
    qtbot: QtBot,
    context: Any,
    certificates: Certificates,
    starttls_server: MailServer,
    keyring_memory: MemoryKeyring,
    asked: list[str],
) -> None:
    mail = settings_for(starttls_server, certificates)
    save_settings(with_mail(load_settings(), mail))
    keyring_memory.set_password(SERVICE, mail.account, SECRET)
    dialog = open_dialog(qtbot, context, to=["a@b.example"], subject="Hallo")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        dialog.send()
    assert asked == [] and len(starttls_server.messages) == 1


def test_a_certificate_problem_is_explained_and_nothing_entered(
    qtbot: QtBot,
    context: Any,
    db: Database,
    certificates: Certificates,
    wrong_name_server: MailServer,
    asked: list[str],
) -> None:
    save_settings(with_mail(load_settings(), settings_for(wrong_name_server, certificates)))
    dialog = open_dialog(qtbot, context, to=["a@b.example"], subject="Hallo")
    dialog.send()
    qtbot.waitUntil(lambda: dialog.banner.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: dialog.flow is None, timeout=WAIT_MS)
    assert "could not prove that it is 127.0.0.1" in dialog.banner.text()
    assert "made out to another name" in dialog.banner.text()
    assert dialog.isVisible() and dialog.send_button.isEnabled()
    assert wrong_name_server.auth_commands == [] and entry_ids(db) == []
    dialog.close()


def test_a_bad_address_is_said_in_the_window(
    qtbot: QtBot,
    context: Any,
    db: Database,
    certificates: Certificates,
    starttls_server: MailServer,
    asked: list[str],
) -> None:
    save_settings(with_mail(load_settings(), settings_for(starttls_server, certificates)))
    dialog = open_dialog(qtbot, context, to=["olena(at)kyiv"], subject="Hallo")
    dialog.send()
    qtbot.waitUntil(lambda: dialog.banner.isVisible(), timeout=WAIT_MS)
    assert "is not an email address" in dialog.banner.text()
    assert starttls_server.messages == [] and entry_ids(db) == []
    dialog.close()


def test_without_mail_settings_a_draft_can_still_be_saved(
    qtbot: QtBot, context: Any, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    attachment = tmp_path / "Liste.pdf"
    attachment.write_bytes(b"%PDF-1.4")
    dialog = open_dialog(
        qtbot, context, to=["olena@kyiv.example"], subject="Liste: Juni", attachments=[attachment]
    )
    assert not dialog.send_button.isEnabled()
    assert "not set up" in dialog.sender.text()
    suggested: list[Path] = []

    def choose(_parent: Any, path: Path) -> str:
        suggested.append(path)
        return str(tmp_path / "Entwurf")

    monkeypatch.setattr(compose_dialog, "choose_draft_path", choose)
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.draft_button, Qt.MouseButton.LeftButton)
    assert suggested[0].name == "Liste- Juni.eml"
    message = BytesParser(policy=policy.default).parsebytes((tmp_path / "Entwurf.eml").read_bytes())
    assert message["X-Unsent"] == "1"
    assert [p.get_filename() for p in message.iter_attachments()] == ["Liste.pdf"]
    assert entry_ids(db) == []


def test_completion_adds_to_the_addresses_typed(qtbot: QtBot, context: Any) -> None:
    dialog = open_dialog(qtbot, context)
    dialog.addresses.setStringList(["Inese Bērziņa <inese@example.org>"])
    completer = dialog.to.completer()
    dialog.to.setText("a@b.example, ine")
    assert completer.splitPath(dialog.to.text()) == ["ine"]
    index = dialog.addresses.index(0)
    assert completer.pathFromIndex(index) == "a@b.example, Inese Bērziņa <inese@example.org>, "
    dialog.close()


def test_a_file_made_for_the_message_goes_when_the_window_closes(
    qtbot: QtBot, context: Any
) -> None:
    dialog = compose_dialog.compose_with_file(
        context, None, "Briefing – Besuch: Liepāja.pdf", b"%PDF-1.4", delegation_id=None
    )
    [path] = dialog.attachment_paths()
    assert path.name == "Briefing – Besuch- Liepāja.pdf" and path.read_bytes() == b"%PDF-1.4"
    assert dialog.subject.text() == "Briefing – Besuch- Liepāja"
    dialog.close()
    assert not path.exists() and not path.parent.exists()


def compose_dialogs() -> list[ComposeDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, ComposeDialog)]


def test_send_by_email_from_a_report(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    fake_reports: Any,
    sample: Sample,
) -> None:
    window.go_to("reports")
    wait_idle(window)
    section = window.section("reports")
    section.kind.set_value("partnerships")
    qtbot.mouseClick(section.pane.mail_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(compose_dialogs()) == 1, timeout=WAIT_MS)
    dialog = compose_dialogs()[0]
    [path] = dialog.attachment_paths()
    assert path.name.startswith("Partnership overview") and path.suffix == ".pdf"
    assert path.read_bytes().startswith(b"%PDF")
    assert dialog.subject.text() == path.stem
    dialog.close()
    wait_idle(window)
    assert not path.exists()
