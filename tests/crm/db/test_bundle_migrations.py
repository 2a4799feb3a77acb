"""In a PyInstaller bundle the migrations travel as files in resources/migrations (build.spec):
Alembic runs them from there, and the user's database stays in the user's data folder."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from crm import paths
from crm.db import schema
from crm.db.database import Database

SOURCE = Path(schema.__file__).resolve().parent / "migrations"


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A bundle's _internal folder with what build.spec puts there, and sys._MEIPASS set."""
    root = tmp_path / "bundle" / "_internal"
    shutil.copytree(
        SOURCE, root / "resources" / "migrations", ignore=shutil.ignore_patterns("__pycache__")
    )
    monkeypatch.setattr(sys, "_MEIPASS", str(root), raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    return root


def test_the_migrations_are_found_in_the_bundle(bundle: Path) -> None:
    assert schema.migrations_dir() == bundle / "resources" / "migrations"


def test_without_them_in_the_bundle_the_package_folder_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "empty"), raising=False)
    assert schema.migrations_dir() == SOURCE


def test_a_new_database_is_made_from_the_bundled_migrations(
    bundle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The package's own folder is hidden: only the bundle's copy can be run.
    monkeypatch.setattr(schema, "__file__", str(bundle / "nowhere" / "schema.py"))
    target = paths.default_database_path()
    database = Database.open(None)
    try:
        with database.engine.connect() as connection:
            assert schema.current_revision(connection) == schema.HEAD_REVISION
    finally:
        database.close()
    # The user's data folder (tests/conftest.py points it at the test's own), not the bundle.
    assert target.is_file()
    assert bundle not in target.parents
    written = [p for p in bundle.rglob("*") if p.is_file() and p.suffix not in (".py", ".mako")]
    assert [p for p in written if "__pycache__" not in p.parts] == []
