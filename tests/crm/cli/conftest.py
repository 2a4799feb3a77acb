"""Fixtures: the command line with the test's environment, and a Leipzig demo built once."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from cli_helpers import BuiltDemo, Liaison, Result, run_liaison
from pg_server import POSTGRESQL, PostgresServer
from sqlalchemy import make_url


@pytest.fixture
def liaison() -> Liaison:
    """Run the command line with this test's environment (its own data and config folders)."""

    def run(*args: str, env: Mapping[str, str] | None = None, cwd: Path | None = None) -> Result:
        return run_liaison(*args, env=os.environ.copy() if env is None else env, cwd=cwd)

    return run


@pytest.fixture(scope="session")
def leipzig_demo(
    tmp_path_factory: pytest.TempPathFactory, backend: str, request: pytest.FixtureRequest
) -> Iterator[BuiltDemo]:
    """The Leipzig demo office, built once through ``liaison demo --json``; never modified.

    On PostgreSQL (``[postgresql]`` tests) ``path`` is the URL of a server database: the tests
    hand ``str(path)`` to ``--db`` either way.
    """
    folder = tmp_path_factory.mktemp("leipzig-demo")
    env = os.environ.copy()
    env["LIAISON_DATA_DIR"] = str(folder / "data")
    env["LIAISON_CONFIG_DIR"] = str(folder / "config")
    env["LANGUAGE"] = "en"
    server: PostgresServer | None = None
    if backend == POSTGRESQL:
        server = request.getfixturevalue("postgres")
        target: Any = server.create(server.new_name("leipzig"))
    else:
        target = folder / "leipzig.sqlite"
    result = run_liaison("demo", "--office", "leipzig", "--db", str(target), "--json", env=env)
    assert result.returncode == 0, result.stderr
    yield BuiltDemo(target, result)
    if server is not None:
        server.drop_later(target)


@pytest.fixture
def demo_db(
    leipzig_demo: BuiltDemo, tmp_path: Path, backend: str, request: pytest.FixtureRequest
) -> Iterator[Any]:
    """A private, writable copy of the Leipzig demo office for one test (a path or a URL)."""
    if backend == POSTGRESQL:
        server: PostgresServer = request.getfixturevalue("postgres")
        url = server.fresh_copy(str(make_url(str(leipzig_demo.path)).database), "demo")
        yield url
        server.drop_later(url)
        return
    copy = tmp_path / "leipzig.sqlite"
    shutil.copyfile(leipzig_demo.path, copy)
    yield copy
