"""Opening a Liaison database: SQLite file (default) or a server URL.

Every SQLite connection gets foreign keys, a busy timeout and secure_delete; the file runs in
WAL mode. Transactions are begun explicitly (pysqlite's implicit BEGIN is switched off), and a
write unit begins with BEGIN IMMEDIATE so two processes queue for the lock instead of failing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, Select, create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from crm.db import schema
from crm.db.damage import DamageReport, DatabaseDamaged
from crm.db.schema import DatabaseRefused
from crm.db.target import database_url as database_url
from crm.i18n import _

BUSY_TIMEOUT_MS = 10_000
FETCH_BATCH = 10_000  # rows per fetch of an id list


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA secure_delete = ON")
    cursor.execute("PRAGMA synchronous = FULL")
    if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        cursor.execute("PRAGMA journal_mode = WAL")
    cursor.close()


def _on_readonly_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    """A damaged file: read through a read-only connection that never changes the file."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA query_only = ON")
    cursor.close()


def _on_sqlite_begin(connection: Connection) -> None:
    if connection.get_execution_options().get("liaison_write"):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")


def _network_filesystem(path: Path) -> str | None:
    from crm.db.network_fs import network_filesystem

    return network_filesystem(path)


class Database:
    """An open Liaison database. Services take it; the UI never sees its sessions."""

    def __init__(self, engine: Engine, path: Path | None) -> None:
        self.engine = engine
        self.path = path
        # A damaged SQLite file is opened read-only (damage says what is wrong); every write
        # is refused before it starts.
        self.read_only = False
        self.damage: DamageReport | None = None
        self.network_filesystem: str | None = None  # the file is on a network share
        self._read_sessions = sessionmaker(bind=engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            bind=engine.execution_options(liaison_write=True), expire_on_commit=False
        )

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def display_name(self) -> str:
        return str(self.path) if self.path is not None else self.engine.url.render_as_string()

    @classmethod
    def open(
        cls,
        target: str | Path | None = None,
        *,
        create: bool = True,
        upgrade: bool = True,
        check_seconds: float | None = None,
    ) -> Database:
        """Open (and if allowed create or upgrade) a database; refuse foreign or newer files.

        An existing SQLite file is checked for damage first (crm.db.damage; ``check_seconds``
        is quick_check's time budget, None the default); a damaged one is opened read-only, or
        refused with DatabaseDamaged when not even that is possible.
        """
        url, path = database_url(target)
        if path is not None:
            if not create and (not path.is_file() or path.stat().st_size == 0):
                # Missing, or empty: SQLite would make a new database of an empty file.
                if path.is_dir():
                    schema.check_sqlite_header(path)
                raise DatabaseRefused(_("There is no database at {path}.").format(path=path))
            if not path.parent.is_dir():
                raise DatabaseRefused(
                    _("The folder {folder} does not exist.").format(folder=path.parent)
                )
            # Refused files are refused here, read-only, before a connection that could write
            # (the WAL switch below changes a file's header) is ever made.
            schema.check_sqlite_header(path)
            if path.is_file() and path.stat().st_size > 0:
                from crm.db import damage

                report = damage.inspect(
                    path, damage.CHECK_SECONDS if check_seconds is None else check_seconds
                )
                if report.damaged:
                    return cls._open_damaged(path, report)
            schema.check_sqlite_file(path)
            # A URL object, not the text: a "?" or "#" in a folder name is part of the path.
            engine = create_engine(
                URL.create("sqlite", database=str(path)),
                connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
            )
            event.listen(engine, "connect", _on_sqlite_connect)
            event.listen(engine, "begin", _on_sqlite_begin)
        else:
            from crm.db.server import create_server_engine

            engine = create_server_engine(url)
        database = cls(engine, path)
        try:
            database._prepare(upgrade=upgrade)
        except DatabaseRefused:
            engine.dispose()
            raise
        except (OperationalError, SADatabaseError) as error:
            engine.dispose()
            raise DatabaseRefused(
                _("{name} cannot be opened: {reason}").format(
                    name=database.display_name, reason=error.orig
                )
            ) from error
        if path is not None:
            database.network_filesystem = _network_filesystem(path)
        return database

    def _prepare(self, *, upgrade: bool) -> None:
        with self.engine.connect() as connection:
            if self.is_sqlite:
                schema.check_application_id(connection)
            revision = schema.current_revision(connection)
            schema.check_revision(revision)
            connection.rollback()
        if revision == schema.HEAD_REVISION:
            return
        if not upgrade:
            raise DatabaseRefused(_("The database needs an upgrade: run “liaison db upgrade”."))
        if revision is not None and self.path is not None:
            from crm.db.backups import BackupKind, take_backup

            take_backup(self.path, BackupKind.BEFORE_UPGRADE)  # refuses the upgrade if it fails
        with self.engine.execution_options(liaison_write=True).begin() as connection:
            schema.upgrade(connection)

    @classmethod
    def _open_damaged(cls, path: Path, report: DamageReport) -> Database:
        """A damaged file read-only: never a byte written to it (immutable unless it has a log,
        whose committed transactions are then read too); DatabaseDamaged when unreadable."""
        from crm.db.damage import damage_message

        message = damage_message(path, report.problems)
        try:
            schema.check_sqlite_file(path)
        except (DatabaseRefused, UnicodeDecodeError) as error:  # messages may quote bad bytes
            raise DatabaseDamaged(f"{message} {error}", path, report.problems) from error
        wal = path.with_name(path.name + "-wal")
        uri = f"{path.absolute().as_uri()}?mode=ro" + ("" if wal.exists() else "&immutable=1")

        def connect() -> sqlite3.Connection:
            return sqlite3.connect(
                uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
            )

        engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool)
        event.listen(engine, "connect", _on_readonly_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        database = cls(engine, path)
        database.read_only = True
        database.damage = report
        try:
            database._prepare(upgrade=False)
        except (DatabaseRefused, OperationalError, SADatabaseError, UnicodeDecodeError) as error:
            engine.dispose()
            reason = error.orig if isinstance(error, SADatabaseError) else error
            raise DatabaseDamaged(f"{message} {reason}", path, report.problems) from error
        database.network_filesystem = _network_filesystem(path)
        return database

    def read_only_reason(self) -> str | None:
        if not self.read_only:
            return None
        return _(
            "The database is damaged and open read-only: nothing can be changed. "
            "Restore the latest good backup (Settings, Backups)."
        )

    def refuse_writes_reason(self) -> str | None:
        """Why no change may be written here (None: it may); unit.write asks before each."""
        if self.read_only:
            return self.read_only_reason()
        if not self.is_sqlite:
            from crm.db.server import refuse_writes_reason

            return refuse_writes_reason(self)
        return None

    def revision(self) -> str | None:
        with self.engine.connect() as connection:
            return schema.current_revision(connection)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session; it is rolled back at the end."""
        session = self._read_sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def write_session(self) -> Session:
        reason = self.read_only_reason()
        if reason is not None:
            from crm.services.errors import ReadOnlyDatabase

            raise ReadOnlyDatabase(reason)
        return self._write_sessions()

    def raw_connection_execute(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        """Run SQL as written, with ``?`` placeholders on every database."""
        if params and not self.is_sqlite:
            sql = sql.replace("%", "%%").replace("?", "%s")  # psycopg's placeholders
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql(sql, params if params else ()).fetchall()
            connection.rollback()
            return [tuple(row) for row in rows]

    def fetch_ids(self, statement: Select[tuple[int]]) -> list[int]:
        """Run a one-column id query straight on the driver's cursor.

        For the list views' id lists: building 100,000 SQLAlchemy result rows costs about
        three times the query itself. Parameters are passed as given (no type processing), so
        filters here must be plain strings and numbers.
        """
        with self.engine.connect() as connection:
            compiled = statement.compile(dialect=connection.dialect)
            params: Any = compiled.params
            if compiled.positional:
                params = tuple(params[name] for name in compiled.positiontup or ())
            cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
            try:
                cursor.execute(str(compiled), params)
                ids: list[int] = []
                # In batches: fetchall() of a million rows would first build a million tuples.
                while batch := cursor.fetchmany(FETCH_BATCH):
                    ids.extend(row[0] for row in batch)
                return ids
            finally:
                cursor.close()
                connection.rollback()

    def backup_to(self, target: Path) -> Path:
        """A checked copy with the online backup API (consistent while in use; crm.db.backups)."""
        if self.path is None:
            raise DatabaseRefused(_("Only SQLite databases are backed up to a file."))
        from crm.db.backups import backup_to_file

        return backup_to_file(self.path, target)

    def close(self) -> None:
        self.engine.dispose()
