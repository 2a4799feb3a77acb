"""Fixtures: the command line with the test's environment, and a Leipzig demo built once."""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from pathlib import Path

import pytest
from cli_helpers import BuiltDemo, Liaison, Result, run_liaison


@pytest.fixture
def liaison() -> Liaison:
    """Run the command line with this test's environment (its own data and config folders)."""

    def run(*args: str, env: Mapping[str, str] | None = None, cwd: Path | None = None) -> Result:
        return run_liaison(*args, env=os.environ.copy() if env is None else env, cwd=cwd)

    return run


@pytest.fixture(scope="session")
def leipzig_demo(tmp_path_factory: pytest.TempPathFactory) -> BuiltDemo:
    """The Leipzig demo office, built once through ``liaison demo --json``; never modified."""
    folder = tmp_path_factory.mktemp("leipzig-demo")
    env = os.environ.copy()
    env["LIAISON_DATA_DIR"] = str(folder / "data")
    env["LIAISON_CONFIG_DIR"] = str(folder / "config")
    env["LANGUAGE"] = "en"
    path = folder / "leipzig.sqlite"
    result = run_liaison("demo", "--office", "leipzig", "--db", str(path), "--json", env=env)
    assert result.returncode == 0, result.stderr
    return BuiltDemo(path, result)


@pytest.fixture
def demo_db(leipzig_demo: BuiltDemo, tmp_path: Path) -> Path:
    """A private, writable copy of the Leipzig demo office for one test."""
    copy = tmp_path / "leipzig.sqlite"
    shutil.copyfile(leipzig_demo.path, copy)
    return copy
