"""Running ``liaison`` as a real process (imported by the tests and their conftest)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

TIMEOUT = 300
# The checkout: processes run there, so ``python -m crm`` finds this package whatever the cwd.
ROOT = Path(__file__).resolve().parents[3]


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


Liaison = Callable[..., Result]


def run_liaison(
    *args: str, env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> Result:
    """``python -m crm ARGS``; output decoded as UTF-8 (strictly: it must be UTF-8)."""
    completed = subprocess.run(
        [sys.executable, "-m", "crm", *args],
        env=dict(os.environ if env is None else env),
        cwd=ROOT if cwd is None else cwd,
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    return Result(
        completed.returncode, completed.stdout.decode("utf-8"), completed.stderr.decode("utf-8")
    )


@dataclass(frozen=True)
class BuiltDemo:
    path: Path
    result: Result
