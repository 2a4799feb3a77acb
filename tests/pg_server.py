"""Running the service, search, CLI and database tests a second time on a real PostgreSQL.

When LIAISON_TEST_POSTGRES_URL names a server (scripts/postgres.sh starts a throwaway one and
scripts/test.sh sets it), every test in those folders that uses a database (``db``,
``db_target``, ``demo_db``, ``leipzig_demo``, ``server_url``) runs twice, ``[sqlite]`` and
``[postgresql]``, unless it is marked ``sqlite_only`` (it works on the file itself: bytes,
PRAGMAs, copies). Without the variable nothing changes: the tests run once, on SQLite, under
their usual names.

Each PostgreSQL test gets a database of its own: a migrated template is made once per session
and copied by the server (CREATE DATABASE ... TEMPLATE), which takes a few dozen milliseconds;
it is dropped after the test.
"""

from __future__ import annotations

import itertools
import os
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

POSTGRES_URL_ENV = "LIAISON_TEST_POSTGRES_URL"
# The suites that run on both: relative to the tests folder. Of the database tests, most are
# about the SQLite file itself (pragmas, backups, damage, crashes); these make sense on both.
BOTH_BACKENDS = (
    "crm/services/",
    "crm/search/",
    "crm/cli/",
    "crm/db/test_migrations.py",
    "crm/db/test_migration_0002.py",
    "crm/db/test_server.py",
)
# Other modules that work on SQLite files only (backups of the file, its bytes).
SQLITE_ONLY_MODULES = ("crm/cli/test_cli_backup.py",)
DATABASE_FIXTURES = {"db", "db_target", "demo_db", "leipzig_demo", "server_url"}
SQLITE = "sqlite"
POSTGRESQL = "postgresql"
TESTS = Path(__file__).resolve().parent


def postgres_admin_url() -> str | None:
    return os.environ.get(POSTGRES_URL_ENV) or None


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "sqlite_only: the test works on the SQLite file itself; it is not run on PostgreSQL",
    )
    config.addinivalue_line(
        "markers", "postgresql_only: the test needs the PostgreSQL server (skipped without one)"
    )


def _runs_on_both(metafunc: pytest.Metafunc) -> bool:
    path = Path(str(metafunc.definition.path))
    try:
        relative = path.relative_to(TESTS).as_posix()
    except ValueError:
        return False
    if not relative.startswith(BOTH_BACKENDS) or relative in SQLITE_ONLY_MODULES:
        return False
    if metafunc.definition.get_closest_marker("sqlite_only") is not None:
        return False
    return bool(DATABASE_FIXTURES & set(metafunc.fixturenames))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames:
        return
    only_server = metafunc.definition.get_closest_marker("postgresql_only") is not None
    if only_server:
        metafunc.parametrize("backend", [POSTGRESQL], indirect=True, scope="session")
    elif postgres_admin_url() is not None and _runs_on_both(metafunc):
        metafunc.parametrize("backend", [SQLITE, POSTGRESQL], indirect=True, scope="session")


@pytest.fixture(scope="session")
def backend(request: pytest.FixtureRequest) -> str:
    """Which database the test runs on: "sqlite" (the default) or "postgresql"."""
    name = str(getattr(request, "param", SQLITE))
    if name == POSTGRESQL and postgres_admin_url() is None:
        pytest.skip(f"no PostgreSQL server ({POSTGRES_URL_ENV} is not set)")
    return name


class PostgresServer:
    """The test server, through its superuser: makes and drops databases."""

    def __init__(self, admin_url: str) -> None:
        from sqlalchemy import make_url

        self.url = make_url(admin_url)
        self._names = itertools.count(1)
        self._lock = threading.Lock()
        self.prefix = f"liaison_test_{os.getpid()}"
        self.version = int(self.execute("SHOW server_version_num")[0][0])  # type: ignore[call-overload]
        self._background = ThreadPoolExecutor(max_workers=1)
        self._ready: dict[str, Future[str]] = {}

    def url_of(self, name: str, user: str | None = None, password: str | None = None) -> str:
        url = self.url.set(database=name)
        if user is not None:
            url = url.set(username=user, password=password)
        return url.render_as_string(hide_password=False)

    def connect(self, database: str | None = None) -> object:
        import psycopg

        return psycopg.connect(
            host=self.url.host,
            port=self.url.port,
            user=self.url.username,
            password=self.url.password,
            dbname=database or self.url.database or "postgres",
            autocommit=True,
        )

    def execute(self, sql: str, database: str | None = None) -> list[tuple[object, ...]]:
        connection = self.connect(database)
        try:
            cursor = connection.execute(sql)  # type: ignore[attr-defined]
            return list(cursor.fetchall()) if cursor.description else []
        finally:
            connection.close()  # type: ignore[attr-defined]

    def new_name(self, what: str) -> str:
        with self._lock:
            return f"{self.prefix}_{what}_{next(self._names)}"

    def create(self, name: str, template: str | None = None) -> str:
        sql = f'CREATE DATABASE "{name}"'
        if template is not None:
            sql += f' TEMPLATE "{template}"'
            if self.version >= 150000:
                # Copying the files is five times faster than WAL-logging a small database.
                sql += " STRATEGY FILE_COPY"
        for attempt in range(300):
            try:
                self.execute(sql)
                break
            except Exception as error:
                # A process that used the template may still be leaving the server.
                if "being accessed by other users" not in str(error) or attempt == 299:
                    raise
                time.sleep(0.1)
        return self.url_of(name)

    def drop(self, name: str) -> None:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    # The next test's copy is made, and the last test's dropped, on a thread while the test
    # runs: the server works on the second core while the tests keep the first busy.

    def fresh_copy(self, template: str, what: str = "db") -> str:
        """A new database copied from ``template`` (made ahead of time); returns its URL."""
        future = self._ready.pop(template, None)
        try:
            name = future.result() if future is not None else self._copy(template, what)
        except Exception:  # made ahead while the template was busy: make it now
            name = self._copy(template, what)
        self._ready[template] = self._background.submit(self._copy, template, what)
        return self.url_of(name)

    def drop_later(self, url: str) -> None:
        from sqlalchemy import make_url

        self._background.submit(self.drop, str(make_url(url).database))

    def _copy(self, template: str, what: str) -> str:
        name = self.new_name(what)
        self.create(name, template=template)
        return name

    def close(self) -> None:
        for future in self._ready.values():
            future.cancel()
        self._background.shutdown(wait=True)
        for (name,) in self.execute(
            f"SELECT datname FROM pg_database WHERE datname LIKE '{self.prefix}%'"
        ):
            self.drop(str(name))


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    url = postgres_admin_url()
    if url is None:
        pytest.skip(f"no PostgreSQL server ({POSTGRES_URL_ENV} is not set)")
    server = PostgresServer(url)
    yield server
    server.close()


@pytest.fixture(scope="session")
def postgres_template(postgres: PostgresServer) -> str:
    """A database migrated to the head revision, copied for each test."""
    from crm.db.database import Database

    name = postgres.new_name("template")
    Database.open(postgres.create(name)).close()
    return name


@pytest.fixture
def server_url(postgres: PostgresServer, postgres_template: str) -> Iterator[str]:
    """The URL (with the test superuser's password) of a fresh, migrated database."""
    url = postgres.fresh_copy(postgres_template)
    yield url
    postgres.drop_later(url)


@pytest.fixture
def db(request: pytest.FixtureRequest, backend: str) -> Iterator[object]:
    """An open Liaison database: a fresh SQLite file, or a fresh PostgreSQL database."""
    from crm.db.database import Database

    if backend == POSTGRESQL:
        database = Database.open(request.getfixturevalue("server_url"))
    else:
        database = Database.open(request.getfixturevalue("db_path"))
    yield database
    database.close()


@pytest.fixture
def db_target(request: pytest.FixtureRequest, backend: str) -> str:
    """What ``Database.open`` or ``--db`` is given: a fresh file's path, or a fresh server URL.

    For tests that open the database more than once (two workstations, a process).
    """
    if backend == POSTGRESQL:
        return str(request.getfixturevalue("server_url"))
    return str(request.getfixturevalue("db_path"))
