"""Which database a command works on, and opening it without touching a file that is refused.

``--db`` takes a path or a URL; without it the database setting, else the default file in the
user's data directory. Database.open refuses files Liaison may not open without writing to them;
for commands that must not create a database, a missing or empty file is refused here first.
"""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from crm.cli.errors import BadInput
from crm.db.target import database_url
from crm.i18n import _
from crm.settings import Settings

if TYPE_CHECKING:
    from crm.db.database import Database
    from crm.search.query import SearchHit

_SQLITE_MAGIC = b"SQLite format 3\x00"


def add_db_option(parser: argparse.ArgumentParser, dest: str = "db") -> None:
    parser.add_argument(
        "--db",
        dest=dest,
        metavar=_("PATH-OR-URL"),
        default=None,
        help=_("the database file or URL (default: the database setting, else the usual file)"),
    )


def resolve_target(args: argparse.Namespace, settings: Settings) -> str | None:
    """The database the user named: the command's --db, the global --db, then the setting."""
    for candidate in (getattr(args, "db", None), getattr(args, "global_db", None)):
        if candidate:
            return str(candidate)
    return settings.database or None


def sqlite_path(target: str | None) -> Path | None:
    """The file behind ``target`` when it is SQLite, None for a server URL."""
    return database_url(target)[1]


CHECK_SECONDS = 1.0  # the damage check's budget for a command (crm.db.damage)


def open_database(
    target: str | None, *, create: bool, upgrade: bool = True, backup_if_due: bool = False
) -> Database:
    """Open ``target`` as the app does; without ``create`` there must be a Liaison database.

    A damaged file is opened read-only and a file on a network share is used, each with one
    warning line on stderr. ``backup_if_due``: take the daily automatic backup first when it is
    due (for commands that write much, like an import; not for every search).
    """
    from crm.db.database import Database

    path = sqlite_path(target)
    if path is not None and not create:
        _require_database(path)
    db = Database.open(target, create=create, upgrade=upgrade, check_seconds=CHECK_SECONDS)
    warn_about(db)
    if backup_if_due and db.path is not None and not db.read_only:
        from crm.db.backups import automatic_backup

        try:
            automatic_backup(db.path)
        except BaseException:
            db.close()
            raise
    return db


def warn_about(db: Database) -> None:
    """One line on stderr for a damaged (read-only) database and one for a network share."""
    from crm.cli.output import print_error

    if db.damage is not None and db.path is not None:
        from crm.db.damage import damage_message

        print_error(
            _("liaison: warning: {message} It is open read-only.").format(
                message=damage_message(db.path, db.damage.problems)
            )
        )
    if db.network_filesystem is not None and db.path is not None:
        from crm.db.network_fs import network_warning

        print_error(
            _("liaison: warning: {message}").format(
                message=network_warning(db.path, db.network_filesystem)
            )
        )


def _require_database(path: Path) -> None:
    """Refuse a missing file, an empty one or an SQLite file without tables.

    Database.open treats an empty file as a new database; a command that does not create one
    must not turn it into one. Everything else (a folder, another program's file, a newer
    Liaison) is left for Database.open to refuse.
    """
    if not path.exists():
        raise BadInput(_("There is no database at {path}.").format(path=path))
    if not path.is_file():
        return
    try:
        size = path.stat().st_size
    except OSError:
        return
    if size == 0:
        raise BadInput(_("{path} is empty, not a Liaison database.").format(path=path))
    if _table_count(path) == 0:
        raise BadInput(_("There is no Liaison database in {path}.").format(path=path))


def _table_count(path: Path) -> int | None:
    """How many tables the SQLite file holds, read without writing; None if it cannot tell."""
    try:
        with path.open("rb") as handle:
            if handle.read(len(_SQLITE_MAGIC)) != _SQLITE_MAGIC:
                return None
    except OSError:
        return None
    # A read-only reader of a WAL file creates -wal and -shm files and leaves them behind;
    # an immutable one does not, and is exact as long as there is no -wal file.
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?{mode}", uri=True)
        try:
            row = connection.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return int(row[0])


SHOWN_CANDIDATES = 5  # of a search term that names several records


def one_hit(hits: list[SearchHit], exact: list[SearchHit], term: str, ambiguous: str) -> SearchHit:
    """The one record ``term`` names: the only hit, or the only exact one. Otherwise
    BadInput with ``ambiguous`` (translated; {term}, {count} and {names} filled in here)."""
    if len(hits) == 1 or len(exact) == 1:
        return (exact or hits)[0]
    names = "; ".join(f"{hit.id} {hit.name}" for hit in hits[:SHOWN_CANDIDATES])
    if len(hits) > SHOWN_CANDIDATES:
        names += "; …"
    raise BadInput(ambiguous.format(term=term, count=len(hits), names=names))
