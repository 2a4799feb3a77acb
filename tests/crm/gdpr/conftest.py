"""Fixtures: the Leipzig demo office built once per session, a private copy per test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from crm.db.database import Database
    from crm.demo import build_demo

    path = tmp_path_factory.mktemp("gdpr-demo") / "leipzig.sqlite"
    db = Database.open(path)
    try:
        build_demo(db, "leipzig")
    finally:
        db.close()
    return path


@pytest.fixture
def office_path(tmp_path: Path, demo_template: Path) -> Path:
    path = tmp_path / "leipzig.sqlite"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture
def office(office_path: Path) -> Iterator[object]:
    from crm.db.database import Database

    database = Database.open(office_path)
    yield database
    database.close()
