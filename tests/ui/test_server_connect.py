"""File › Connect to shared server…: the dialog tries the server on the worker; the password
goes to the keyring only, never into the URL kept in the settings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import make_url

from crm.db.server import Role, keyring_account
from crm.db.server import server_url as make_server_url
from crm.secrets import DATABASE_SERVER
from tests.crm.mail.memory_keyring import MemoryKeyring, use_keyring
from ui.server_connect import ConnectionDialog


@pytest.fixture
def worker() -> Iterator[Any]:
    from ui.worker import DbWorker

    worker = DbWorker()
    yield worker
    worker.shutdown()


def test_the_fields_come_from_a_url_and_are_asked_for(qtbot: QtBot, worker: Any) -> None:
    dialog = ConnectionDialog(worker, url="postgresql+psycopg://anna@db.example:5433/liaison")
    qtbot.addWidget(dialog)
    assert (dialog.host.text(), dialog.port.value()) == ("db.example", 5433)
    assert (dialog.database.text(), dialog.user.text()) == ("liaison", "anna")
    dialog.host.clear()
    dialog.test_button.click()
    assert dialog.status.text() == "Please give the host."
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password


def test_without_a_keyring_nothing_is_remembered(qtbot: QtBot, worker: Any) -> None:
    from keyring.backends import fail

    with use_keyring(fail.Keyring()):
        dialog = ConnectionDialog(worker)
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
    assert "asks for the password each time" in dialog.keyring_note.text()


def test_a_wrong_server_is_named_in_the_dialog(qtbot: QtBot, worker: Any) -> None:
    dialog = ConnectionDialog(worker, url="postgresql+psycopg://anna@127.0.0.1:1/liaison")
    qtbot.addWidget(dialog)
    dialog.password.setText("Geheim-99")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("The connection failed"), timeout=15000)
    assert "Geheim-99" not in dialog.status.text()
    assert dialog.result() == 0


@pytest.mark.postgresql_only
def test_connect_keeps_the_password_in_the_keyring_only(
    qtbot: QtBot, worker: Any, server_url: str
) -> None:
    url = make_url(server_url)
    with use_keyring(MemoryKeyring()) as keyring:
        dialog = ConnectionDialog(worker, url=server_url)
        qtbot.addWidget(dialog)
        assert dialog.remember.isChecked()
        dialog.password.setText(str(url.password))
        dialog.test_button.click()
        qtbot.waitUntil(lambda: dialog.status.text().startswith("Connected to"), timeout=15000)
        assert "(Administrator)" in dialog.status.text()
        with qtbot.waitSignal(dialog.accepted, timeout=15000):
            dialog.connect_button.click()
        bare = make_server_url(str(url.host), url.port, str(url.database), str(url.username))
        assert keyring.secrets == {(DATABASE_SERVER, keyring_account(bare)): url.password}
    assert str(url.password) not in dialog.saved_url
    assert dialog.saved_url == bare.render_as_string(hide_password=False)
    assert dialog.target is not None and make_url(dialog.target).password == url.password


@pytest.mark.postgresql_only
def test_the_status_bar_names_the_role_on_the_server(qtbot: QtBot, server_url: str) -> None:
    from crm.db.database import Database
    from ui.main_window import MainWindow

    db = Database.open(server_url)
    main = MainWindow()
    qtbot.addWidget(main)
    try:
        main.set_database(db)
        qtbot.waitUntil(lambda: "Administrator" in main.database_label.text(), timeout=15000)
        assert "***" in main.database_label.text()
        assert str(make_url(server_url).password) not in main.database_label.text()
        assert main.save_action.isEnabled()
        main._show_role(Role.VIEWER)
        assert "Viewer" in main.database_label.text()
        assert not main.save_action.isEnabled() and not main.new_action.isEnabled()
        qtbot.waitUntil(main.worker.is_idle, timeout=15000)
    finally:
        main.close()
        db.close()
