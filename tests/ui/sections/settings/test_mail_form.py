"""Settings, Mail: the server and login saved for this computer, the password in the keyring
only (refused where the keyring is plain text, asked for where there is none), and "Send a
test message" against the test server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm.mail.passwords import SERVICE
from crm.settings import load_settings, settings_path
from tests.crm.mail.mail_fixtures import (
    SECRET,
    Certificates,
    certificates,
    keyring_memory,
    quiet_server_log,
    starttls_server,
)
from tests.crm.mail.mail_server import HOST, USER, MailServer
from tests.crm.mail.memory_keyring import MemoryKeyring, PlaintextKeyring, use_keyring
from ui.mail import password_dialog

__all__ = ["certificates", "keyring_memory", "quiet_server_log", "starttls_server"]
WAIT_MS = 10000


@pytest.fixture(autouse=True)
def no_keyring() -> Iterator[None]:
    with use_keyring(fail.Keyring()):
        yield


@pytest.fixture
def form(window: Any, wait_idle: Callable[[Any], None]) -> Any:
    window.go_to("settings")
    wait_idle(window)
    return window.section("settings").mail


def fill(qtbot: QtBot, form: Any, server: MailServer, certificates: Certificates) -> None:
    form.server.setText(HOST)
    form.security.set_value("tls")
    assert form.port.value() == 465  # the usual port follows the security
    form.security.set_value("starttls")
    assert form.port.value() == 587
    form.port.setValue(server.port)
    form.user.setText(USER)
    form.sender.setText("referat@leipzig.example")
    form.sender_name.setText("Referat Internationale Zusammenarbeit")
    form.ca_file.setText(str(certificates.ca_file))


def test_settings_saved_and_the_password_kept_in_the_keyring(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    certificates: Certificates,
    starttls_server: MailServer,
    keyring_memory: MemoryKeyring,
) -> None:
    window.go_to("settings")
    wait_idle(window)
    form = window.section("settings").mail
    assert form.password.isEnabled()
    assert "keyring" in form.keyring_note.text()
    fill(qtbot, form, starttls_server, certificates)
    form.password.setText(SECRET)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    settings = load_settings()
    assert (settings.mail_server, settings.mail_port, settings.mail_user) == (
        HOST,
        starttls_server.port,
        USER,
    )
    assert SECRET.encode() not in settings_path().read_bytes()
    assert form.password.text() == ""
    account = f"{USER}@{HOST}"
    assert keyring_memory.secrets == {(SERVICE, account): SECRET}
    assert form.password.placeholderText() == "kept in the keyring; type to replace it"

    qtbot.mouseClick(form.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.flow is None and bool(starttls_server.messages), timeout=WAIT_MS)
    wait_idle(window)
    assert starttls_server.messages[0].recipients == ["referat@leipzig.example"]
    assert "the settings work" in form.note.text()

    qtbot.mouseClick(form.forget_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert keyring_memory.secrets == {}
    assert not form.forget_button.isEnabled()


def test_mistakes_are_shown_by_their_fields(
    qtbot: QtBot, window: Any, form: Any, wait_idle: Callable[[Any], None]
) -> None:
    form.server.setText("smtp://mail.leipzig.de")
    form.sender.setText("referat(at)leipzig")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    messages = {key: field.error.text() for key, field in form.fields.items()}
    assert messages["server"] == "Enter only the server's name, e.g. mail.leipzig.de."
    assert "is not an email address" in messages["sender"]
    assert load_settings().mail_server == ""


def test_without_a_keyring_the_password_is_asked_each_time(
    qtbot: QtBot,
    window: Any,
    form: Any,
    wait_idle: Callable[[Any], None],
    certificates: Certificates,
    starttls_server: MailServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert not form.password.isEnabled()
    assert "no keyring" in form.keyring_note.text()
    asked: list[bool] = []

    def ask(_parent: Any, _mail: Any, keyring: Any) -> tuple[str, bool]:
        asked.append(keyring.usable)
        return SECRET, False

    monkeypatch.setattr(password_dialog, "ask_password", ask)
    fill(qtbot, form, starttls_server, certificates)
    for _round in range(2):
        qtbot.mouseClick(form.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: form.flow is None, timeout=WAIT_MS)
        wait_idle(window)
    assert asked == [False, False]
    assert len(starttls_server.messages) == 2


def test_a_plain_text_keyring_is_refused(window: Any, wait_idle: Callable[[Any], None]) -> None:
    with use_keyring(PlaintextKeyring()):
        window.go_to("settings")
        wait_idle(window)
        form = window.section("settings").mail
        assert not form.password.isEnabled()
        assert "plain text" in form.keyring_note.text()


def test_the_test_message_explains_a_failure(
    qtbot: QtBot,
    window: Any,
    form: Any,
    wait_idle: Callable[[Any], None],
    certificates: Certificates,
    starttls_server: MailServer,
) -> None:
    fill(qtbot, form, starttls_server, certificates)
    form.ca_file.clear()  # the system's authorities do not know the test's
    form.password.setText(SECRET)
    qtbot.mouseClick(form.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.flow is None and form.note.isVisible(), timeout=WAIT_MS)
    wait_idle(window)
    assert "does not trust" in form.note.text()
    assert form.note.objectName() == "fieldError"
    assert starttls_server.auth_commands == []
