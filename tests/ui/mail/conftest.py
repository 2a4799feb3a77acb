"""The mail fixtures (test certificate authority, SMTP servers on 127.0.0.1, keyrings) for the
app's mail windows; the report builder faked for "Send by email" from a report."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from keyring.backends import fail

from tests.crm.mail.mail_fixtures import (
    certificates,
    keyring_memory,
    quiet_server_log,
    starttls_server,
    wrong_name_server,
)
from tests.crm.mail.memory_keyring import use_keyring
from tests.ui.sections.reports.fake_reports import fake_reports

__all__ = [
    "certificates",
    "fake_reports",
    "keyring_memory",
    "quiet_server_log",
    "starttls_server",
    "wrong_name_server",
]


@pytest.fixture(autouse=True)
def no_keyring() -> Iterator[None]:
    """Never the user's own keyring: none at all, unless a test sets an in-memory one."""
    with use_keyring(fail.Keyring()):
        yield


@pytest.fixture(autouse=True)
def close_compose_windows() -> Iterator[None]:
    """The compose window deletes itself on close: the tests close what is left open."""
    yield
    from PySide6.QtWidgets import QApplication

    from ui.mail.compose_dialog import ComposeDialog

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, ComposeDialog):
            widget.flow = None
            widget.close()
