"""Opening a database: connection settings, and refusing files that are not ours, untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from crm.db import schema
from crm.db.database import BUSY_TIMEOUT_MS, Database
from crm.db.schema import APPLICATION_ID, DatabaseRefused
from crm.db.target import database_url

# --- connection settings --------------------------------------------------------------------


def pragmas(connection: sqlite3.Connection) -> dict[str, object]:
    names = ("foreign_keys", "journal_mode", "busy_timeout", "secure_delete", "application_id")
    return {name: connection.execute(f"PRAGMA {name}").fetchone()[0] for name in names}


EXPECTED_PRAGMAS = {
    "foreign_keys": 1,
    "journal_mode": "wal",
    "busy_timeout": BUSY_TIMEOUT_MS,
    "secure_delete": 1,
    "application_id": APPLICATION_ID,
}


def test_every_pooled_connection_has_the_pragmas(db: Database) -> None:
    # Two connections at once: the pool must hand out a second, freshly made connection.
    with db.engine.connect() as first, db.engine.connect() as second:
        for connection in (first, second):
            raw = connection.connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection)
            assert pragmas(raw) == EXPECTED_PRAGMAS
        assert first.connection.dbapi_connection is not second.connection.dbapi_connection


def test_sessions_have_the_pragmas(db: Database) -> None:
    with db.read() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA busy_timeout")).scalar() == BUSY_TIMEOUT_MS
    session = db.write_session()
    try:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    finally:
        session.rollback()
        session.close()


def test_reopened_database_keeps_its_settings(db_path: Path) -> None:
    Database.open(db_path).close()
    db = Database.open(db_path, create=False, upgrade=False)
    try:
        with db.engine.connect() as connection:
            raw = connection.connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection)
            assert pragmas(raw) == EXPECTED_PRAGMAS
    finally:
        db.close()


def test_application_id_is_in_the_file_header(db: Database, db_path: Path) -> None:
    db.close()
    header = db_path.read_bytes()[:100]
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(IntegrityError), db.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO affiliations (person_id, organisation_id, is_primary) VALUES (42, 43, 0)"
        )


def test_write_sessions_begin_immediate(db: Database) -> None:
    """A write unit takes the write lock at BEGIN, so a second writer waits instead of failing."""
    session = db.write_session()
    try:
        session.execute(text("SELECT 1"))
        other = sqlite3.connect(str(db.path), timeout=0)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()
    finally:
        session.rollback()
        session.close()


def test_database_url() -> None:
    assert database_url("postgresql://host/db") == ("postgresql://host/db", None)
    url, path = database_url("sqlite:////tmp/x.sqlite")
    assert (url, path) == ("sqlite:////tmp/x.sqlite", Path("/tmp/x.sqlite"))
    url, path = database_url(Path("relative.sqlite"))
    assert path is not None and path.is_absolute() and url == f"sqlite:///{path}"


def test_default_database_is_in_the_data_dir(tmp_path: Path) -> None:
    db = Database.open()
    try:
        assert db.path == tmp_path / "data" / "liaison.sqlite"
        assert db.revision() == schema.HEAD_REVISION
    finally:
        db.close()


def test_open_without_upgrade_refuses_an_empty_file(db_path: Path) -> None:
    with pytest.raises(DatabaseRefused, match="upgrade"):
        Database.open(db_path, upgrade=False)


def test_backup_is_a_consistent_copy(db: Database, tmp_path: Path) -> None:
    from crm.services.people import PersonInput, create_person, get_person

    person_id, _changes = create_person(db, PersonInput(family_name="Berzina"))
    target = db.backup_to(tmp_path / "backup.sqlite")
    copy = Database.open(target, create=False)
    try:
        assert get_person(copy, person_id).family_name == "Berzina"
    finally:
        copy.close()


def test_closing_removes_wal_files(db_path: Path) -> None:
    from crm.services.people import PersonInput, create_person

    db = Database.open(db_path)
    create_person(db, PersonInput(family_name="Ozola"))
    db.close()
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


# --- refusal ----------------------------------------------------------------------------------


def make_text_file(path: Path) -> None:
    path.write_text("Name;Phone\nGoldfuß;0341 123-2032\n" * 20, encoding="utf-8")


def make_short_file(path: Path) -> None:
    path.write_bytes(b"hello")


def make_other_program(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT)")
    connection.execute("INSERT INTO songs (title) VALUES ('Thomanerchor')")
    connection.commit()
    connection.close()


def make_other_program_in_wal_mode(path: Path) -> None:
    make_other_program(path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.close()


def make_other_program_with_alembic(path: Path) -> None:
    make_other_program(path)
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    connection.execute("INSERT INTO alembic_version VALUES ('ae1027a6acf')")
    connection.commit()
    connection.close()


def make_other_program_with_application_id(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA application_id = 1196444487")  # GPKG, a GeoPackage
    connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    connection.execute("INSERT INTO alembic_version VALUES ('0001')")
    connection.commit()
    connection.close()


def make_newer_liaison(path: Path) -> None:
    Database.open(path).close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def make_damaged_sqlite(path: Path) -> None:
    make_other_program(path)
    data = bytearray(path.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)
    path.write_bytes(bytes(data))


REFUSED: dict[str, tuple[Callable[[Path], None], str]] = {
    "text file": (make_text_file, "not an SQLite file"),
    "short file": (make_short_file, "not an SQLite file"),
    "other program": (make_other_program, "another program"),
    "other program, WAL": (make_other_program_in_wal_mode, "another program"),
    "other program with alembic": (make_other_program_with_alembic, "another program"),
    "other application id": (make_other_program_with_application_id, "another program"),
    "newer Liaison": (make_newer_liaison, "newer version of Liaison"),
    "damaged": (make_damaged_sqlite, "cannot be opened"),
}


def folder_state(folder: Path) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


@pytest.mark.parametrize("case", list(REFUSED))
@pytest.mark.parametrize("create", [True, False])
def test_refused_file_is_left_untouched(tmp_path: Path, case: str, create: bool) -> None:
    make, message = REFUSED[case]
    folder = tmp_path / "files"
    folder.mkdir()
    path = folder / "office.sqlite"
    make(path)
    before = folder_state(folder)
    with pytest.raises(DatabaseRefused, match=message):
        Database.open(path, create=create)
    assert folder_state(folder) == before  # same bytes, and no -wal, -shm or -journal left


def test_newer_liaison_message_names_both_versions(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    make_newer_liaison(path)
    with pytest.raises(DatabaseRefused) as caught:
        Database.open(path)
    assert "9999" in str(caught.value) and schema.HEAD_REVISION in str(caught.value)
    assert "update Liaison" in str(caught.value)


def test_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.sqlite"
    folder.mkdir()
    with pytest.raises(DatabaseRefused, match="is a folder"):
        Database.open(folder)
    assert list(folder.iterdir()) == []


def test_missing_parent_folder_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "office.sqlite"
    with pytest.raises(DatabaseRefused, match="does not exist"):
        Database.open(path)
    assert not path.parent.exists()


def test_missing_file_is_refused_when_not_creating(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite"
    with pytest.raises(DatabaseRefused, match="no database"):
        Database.open(path, create=False)
    assert list(tmp_path.iterdir()) == []


def test_refused_while_another_liaison_has_it_open(tmp_path: Path) -> None:
    """With a -wal file present (the database is in use) the check still writes nothing new."""
    path = tmp_path / "newer.sqlite"
    make_newer_liaison(path)
    holder = sqlite3.connect(path)
    try:
        holder.execute("PRAGMA journal_mode = WAL")
        holder.execute("CREATE TABLE IF NOT EXISTS keep_wal (x)")  # leaves a -wal file
        holder.commit()
        assert path.with_name(path.name + "-wal").exists()
        with pytest.raises(DatabaseRefused, match="newer version"):
            Database.open(path)
    finally:
        holder.close()


def test_check_sqlite_file_accepts_our_database(db: Database, db_path: Path) -> None:
    db.close()
    schema.check_sqlite_file(db_path)
    schema.check_sqlite_file(db_path.with_name("not-there.sqlite"))


def test_empty_file_is_refused_when_not_creating(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite"
    path.touch()
    with pytest.raises(DatabaseRefused, match="no database"):
        Database.open(path, create=False)
    assert path.read_bytes() == b""
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_folder_is_refused_when_not_creating(tmp_path: Path) -> None:
    with pytest.raises(DatabaseRefused, match="is a folder"):
        Database.open(tmp_path, create=False)


@pytest.mark.parametrize("folder_name", ["Büro #1", "50% ?done", "Київ & 南京"])
def test_paths_with_uri_characters(tmp_path: Path, folder_name: str) -> None:
    """The read-only check opens the file by URI: '#', '?', '%' and any script must survive."""
    folder = tmp_path / folder_name
    folder.mkdir()
    ours = folder / "office.sqlite"
    Database.open(ours).close()
    reopened = Database.open(ours, create=False)
    assert reopened.revision() == schema.HEAD_REVISION
    reopened.close()

    theirs = folder / "music.sqlite"
    make_other_program(theirs)
    with pytest.raises(DatabaseRefused, match="another program"):
        Database.open(theirs)
