"""Recognising, creating and upgrading a Liaison database.

The head revision is a constant so opening an up-to-date database never imports Alembic;
a test checks it against the migration scripts.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Connection, inspect, text

from crm.db.revision import HEAD_REVISION as HEAD_REVISION
from crm.db.revision import KNOWN_REVISIONS as KNOWN_REVISIONS
from crm.i18n import _
from crm.paths import resource_path

# PRAGMA application_id marks a file as ours ("LIAI"); `file` and other tools can tell it.
APPLICATION_ID = 0x4C494149
SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100


class DatabaseRefused(Exception):
    """The file is not one this version of Liaison may open; nothing was written to it."""


def migrations_dir() -> Path:
    bundled = resource_path("migrations")
    if bundled.is_dir():
        return bundled
    return Path(__file__).resolve().parent / "migrations"


def check_sqlite_header(path: Path) -> None:
    """Refuse files that are not SQLite databases before SQLite touches them."""
    if path.is_dir():
        raise DatabaseRefused(_("{path} is a folder, not a database file.").format(path=path))
    if not path.exists() or path.stat().st_size == 0:
        return
    _read_header(path)


def _read_header(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            header = handle.read(_HEADER_SIZE)
    except OSError as error:
        raise DatabaseRefused(
            _("{path} cannot be read: {reason}").format(path=path, reason=error.strerror or error)
        ) from error
    if not header.startswith(SQLITE_MAGIC) or len(header) < _HEADER_SIZE:
        raise DatabaseRefused(
            _("{path} is not a Liaison database (it is not an SQLite file).").format(path=path)
        )
    return header


def check_sqlite_file(path: Path) -> None:
    """Refuse an existing file Liaison may not open, without writing a byte to it.

    The header is read as bytes (magic, application id); then the tables and the schema
    revision are read through a read-only connection. An ``immutable`` connection is used unless
    a ``-wal`` file is there already, because a read-only reader of a WAL database otherwise
    creates ``-wal`` and ``-shm`` files and leaves them behind. A missing or empty file passes:
    it becomes a new database.
    """
    check_sqlite_header(path)
    if not path.exists() or path.stat().st_size == 0:
        return
    header = _read_header(path)
    application_id = int.from_bytes(header[68:72], "big")
    if application_id not in (0, APPLICATION_ID):
        raise DatabaseRefused(_("This file is a database of another program, not of Liaison."))
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?{mode}", uri=True)
        try:
            tables = {
                str(row[0])
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            revision: str | None = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = None if row is None else str(row[0])
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise DatabaseRefused(
            _("{name} cannot be opened: {reason}").format(name=path, reason=error)
        ) from error
    if not tables:
        return
    if "alembic_version" not in tables:
        raise DatabaseRefused(_("This file is a database of another program, not of Liaison."))
    if application_id == 0 and revision not in KNOWN_REVISIONS:
        # Another program that also uses Alembic: not a newer Liaison.
        raise DatabaseRefused(_("This file is a database of another program, not of Liaison."))
    check_revision(revision)


def current_revision(connection: Connection) -> str | None:
    tables = set(inspect(connection).get_table_names())
    if "alembic_version" not in tables:
        if tables:
            raise DatabaseRefused(_("This file is a database of another program, not of Liaison."))
        return None
    row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def check_revision(revision: str | None) -> None:
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DatabaseRefused(
            _(
                "This database was written by a newer version of Liaison (schema {found}); "
                "this version knows schema {known}. Please update Liaison."
            ).format(found=revision, known=HEAD_REVISION)
        )


def check_application_id(connection: Connection) -> None:
    app_id = connection.exec_driver_sql("PRAGMA application_id").scalar()
    if app_id not in (0, APPLICATION_ID):
        raise DatabaseRefused(_("This file is a database of another program, not of Liaison."))


def upgrade(connection: Connection) -> None:
    """Bring the schema to the head revision inside the caller's transaction."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
