"""Recognising, creating and upgrading a Liaison database.

The head revision is a constant so opening an up-to-date database never imports Alembic;
a test checks it against the migration scripts.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, inspect, text

from crm.i18n import _
from crm.paths import resource_path

HEAD_REVISION = "0001"
KNOWN_REVISIONS = ("0001",)
# PRAGMA application_id marks a file as ours ("LIAI"); `file` and other tools can tell it.
APPLICATION_ID = 0x4C494149
SQLITE_MAGIC = b"SQLite format 3\x00"


class DatabaseRefused(Exception):
    """The file is not one this version of Liaison may open; nothing was written to it."""


def migrations_dir() -> Path:
    bundled = resource_path("migrations")
    if bundled.is_dir():
        return bundled
    return Path(__file__).resolve().parent / "migrations"


def check_sqlite_header(path: Path) -> None:
    """Refuse files that are not SQLite databases before SQLite touches them."""
    if not path.exists() or path.stat().st_size == 0:
        return
    if path.is_dir():
        raise DatabaseRefused(_("{path} is a folder, not a database file.").format(path=path))
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_MAGIC))
    if header != SQLITE_MAGIC:
        raise DatabaseRefused(
            _("{path} is not a Liaison database (it is not an SQLite file).").format(path=path)
        )


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
