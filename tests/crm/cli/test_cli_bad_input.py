"""Bad input: one line on stderr, exit status 2, no traceback, nothing changed on disk."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_helpers import Liaison, Result

Snapshot = dict[str, tuple[bytes, int]]

# Each database command, with "{db}" where the database goes.
DB_COMMANDS = {
    "search": ["search", "goldf", "--db", "{db}"],
    "search-json": ["search", "goldf", "--json", "--db", "{db}"],
    "check": ["check", "--db", "{db}"],
    "db-upgrade": ["db", "upgrade", "--db", "{db}"],
    "demo": ["demo", "--db", "{db}"],
}


def snapshot(folder: Path) -> Snapshot:
    """Every file under ``folder`` with its bytes and modification time."""
    return {
        str(path.relative_to(folder)): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def assert_refused(result: Result) -> None:
    assert result.returncode == 2, result
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.endswith("\n")
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("liaison"), result.stderr


def text_file(folder: Path, _demo: Path) -> Path:
    path = folder / "notes.sqlite"
    path.write_text("Delegation from Kraków arrives on Monday.\n", encoding="utf-8")
    return path


def foreign_sqlite(folder: Path, _demo: Path) -> Path:
    path = folder / "photos.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, file TEXT)")
    connection.execute("INSERT INTO photos (file) VALUES ('rathaus.jpg')")
    connection.commit()
    connection.close()
    return path


def foreign_sqlite_wal(folder: Path, _demo: Path) -> Path:
    path = foreign_sqlite(folder, _demo)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.close()
    return path


def newer_liaison(folder: Path, demo: Path) -> Path:
    path = folder / "newer.sqlite"
    shutil.copyfile(demo, path)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    return path


def newer_liaison_rollback_journal(folder: Path, demo: Path) -> Path:
    path = newer_liaison(folder, demo)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.close()
    return path


def empty_file(folder: Path, _demo: Path) -> Path:
    path = folder / "empty.sqlite"
    path.touch()
    return path


REFUSED_FILES: dict[str, Callable[[Path, Path], Path]] = {
    "text-file": text_file,
    "other-program": foreign_sqlite,
    "other-program-wal": foreign_sqlite_wal,
    "newer-version": newer_liaison,
    "newer-version-rollback-journal": newer_liaison_rollback_journal,
}


@pytest.mark.sqlite_only  # files Liaison refuses
@pytest.mark.parametrize("command", ["search", "check", "db-upgrade", "demo"])
@pytest.mark.parametrize("kind", sorted(REFUSED_FILES))
def test_refused_files_are_left_untouched(
    liaison: Liaison, tmp_path: Path, demo_db: Path, kind: str, command: str
) -> None:
    folder = tmp_path / "work"
    folder.mkdir()
    path = REFUSED_FILES[kind](folder, demo_db)
    before = snapshot(folder)
    args = [arg.replace("{db}", str(path)) for arg in DB_COMMANDS[command]]
    result = liaison(*args)
    assert_refused(result)
    assert snapshot(folder) == before


@pytest.mark.parametrize("command", ["search", "search-json", "check", "db-upgrade"])
def test_missing_database_is_not_created(liaison: Liaison, tmp_path: Path, command: str) -> None:
    path = tmp_path / "work" / "missing.sqlite"
    path.parent.mkdir()
    result = liaison(*[arg.replace("{db}", str(path)) for arg in DB_COMMANDS[command]])
    assert_refused(result)
    assert str(path) in result.stderr
    assert list(path.parent.iterdir()) == []


@pytest.mark.parametrize("command", ["search", "check", "db-upgrade"])
def test_empty_file_is_not_turned_into_a_database(
    liaison: Liaison, tmp_path: Path, command: str
) -> None:
    path = empty_file(tmp_path, tmp_path)
    result = liaison(*[arg.replace("{db}", str(path)) for arg in DB_COMMANDS[command]])
    assert_refused(result)
    assert path.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("empty")) == [
        "empty.sqlite"
    ]


def test_demo_in_a_missing_folder(liaison: Liaison, tmp_path: Path) -> None:
    result = liaison("demo", "--db", str(tmp_path / "nowhere" / "office.sqlite"))
    assert_refused(result)
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["demo", "--office", "nowhere", "--db", "{db}"], id="unknown-office"),
        pytest.param(["frobnicate", "--db", "{db}"], id="unknown-command"),
        pytest.param(["search", "--db", "{db}"], id="missing-query"),
        pytest.param(["search", "--frobnicate", "x", "--db", "{db}"], id="unknown-option"),
        pytest.param(["search", "x", "--limit", "0", "--db", "{db}"], id="limit-zero"),
        pytest.param(["search", "x", "--limit", "many", "--db", "{db}"], id="limit-text"),
        pytest.param(["db", "--db", "{db}"], id="db-without-action"),
        pytest.param(["db", "downgrade", "--db", "{db}"], id="db-unknown-action"),
        pytest.param(["check", "--db"], id="db-without-value"),
    ],
)
def test_usage_errors(liaison: Liaison, tmp_path: Path, args: list[str]) -> None:
    folder = tmp_path / "work"
    folder.mkdir()
    path = folder / "office.sqlite"
    result = liaison(*[arg.replace("{db}", str(path)) for arg in args])
    assert_refused(result)
    assert list(folder.iterdir()) == []
    assert "usage:" not in result.stderr


@pytest.mark.sqlite_only  # compares the file's bytes
def test_usage_errors_leave_an_existing_database_alone(liaison: Liaison, demo_db: Path) -> None:
    before = snapshot(demo_db.parent)
    assert_refused(liaison("demo", "--office", "atlantis", "--db", str(demo_db)))
    assert_refused(liaison("demo", "--db", str(demo_db)))  # it already holds an office
    assert snapshot(demo_db.parent) == before
