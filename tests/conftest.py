"""Shared fixtures: every test gets its own data and config folders and a real SQLite file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["pg_server", "secret_marker"]


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests away from the real user's data, settings and language."""
    monkeypatch.setenv("LIAISON_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LIAISON_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("LANGUAGE", "en")
    from crm import i18n

    i18n.set_language("en")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "office.sqlite"


# ``db`` (an open database: SQLite, and PostgreSQL too when a server is given) is in pg_server.
