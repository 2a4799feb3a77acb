"""The marker secret: never in a file. A pytest plugin (tests/conftest.py registers it).

tests/test_secret_marker.py puts MARKER through the paths a secret takes (the keyring, the
mail settings, sending, a failed login, an export, a backup, the log, the command line). At
the end of the session every file under the session's temporary folders (each test's data and
settings folders, databases with their -wal and -journal, exports, backups, logs) is searched
for it, as UTF-8 and UTF-16, and the session fails when it is found anywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

# The ASCII part is what is searched for: it survives JSON's \\u escapes of the rest.
MARKER_CORE = "LIAISON-MARKER-SECRET-7f3a9c2e"
MARKER = f"{MARKER_CORE}-Passwört"
NEEDLES = tuple(MARKER_CORE.encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be"))
CHUNK = 4 << 20

_roots: list[Path] = []


def _files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path


def holds_marker(path: Path, needles: Iterable[bytes] = NEEDLES) -> bool:
    """True when the file's bytes contain a needle (read in chunks that overlap)."""
    needles = tuple(needles)
    overlap = max(len(needle) for needle in needles) - 1
    tail = b""
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                window = tail + chunk
                if any(needle in window for needle in needles):
                    return True
                tail = window[-overlap:]
    except OSError:  # gone meanwhile (a socket, a file a test removed): nothing to read
        return False
    return False


def files_with_marker(root: Path, needles: Iterable[bytes] = NEEDLES) -> list[Path]:
    needles = tuple(needles)
    return [path for path in _files(root) if holds_marker(path, needles)]


@pytest.fixture(scope="session", autouse=True)
def _secret_marker_root(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Remember the session's temporary folder (every tmp_path is inside it)."""
    _roots.append(tmp_path_factory.getbasetemp())


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    found = [path for root in dict.fromkeys(_roots) for path in files_with_marker(root)]
    _roots.clear()
    if not found:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    lines = [f"The marker secret {MARKER_CORE} was written to files:"]
    lines += [f"  {path}" for path in found]
    if reporter is not None:
        reporter.write_sep("=", "secret marker found", red=True)
        for line in lines:
            reporter.write_line(line)
    else:  # pragma: no cover
        print("\n".join(lines))
    session.exitstatus = pytest.ExitCode.TESTS_FAILED
