"""Is a database file damaged? Checked at open, without writing a byte to the file.

Two checks: the 100-byte header (cheap: page size, fixed fields, the size it records against
the file's size, so a file cut short is caught), then SQLite's ``PRAGMA quick_check`` (every
page of every table and index read once; for a file up to 32 MB the full ``integrity_check``,
which also compares the indexes with their tables) within a time budget: a small office database is
checked whole in milliseconds, a huge one whose pages are not in the operating system's cache
yet may not be; then the check stops at the budget, and the whole file is still checked at
least once a day by the automatic backup's ``integrity_check``.

A damaged file is opened read-only (crm.db.database) or, when SQLite cannot read even that
much, refused with ``DatabaseDamaged``; the app then offers to restore the latest good backup.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from crm.db.schema import SQLITE_MAGIC, DatabaseRefused
from crm.i18n import _

CHECK_SECONDS = 3.0  # the check's budget at open; see the module's docstring
# Up to this size the full integrity_check runs instead (it also compares every index with its
# table, which finds about twice as many flipped bytes; ~5x quick_check's time, a few tens of
# milliseconds for an office's file).
INTEGRITY_CHECK_MAX_BYTES = 32 * 1024 * 1024
_HEADER_SIZE = 100
_PROGRESS_EVERY = 10_000  # SQLite virtual machine steps between looks at the clock
_PROBLEMS_SHOWN = 20


class DatabaseDamaged(DatabaseRefused):
    """The file is damaged and cannot be opened even read-only; nothing was written to it."""

    def __init__(self, message: str, path: Path, problems: tuple[str, ...]) -> None:
        super().__init__(message)
        self.path = path
        self.problems = problems


@dataclass(frozen=True)
class DamageReport:
    problems: tuple[str, ...]
    complete: bool  # the check ran to the end (not stopped by its time budget)
    seconds: float
    check: str = "quick_check"  # or "integrity_check", or "header" when that failed already

    @property
    def damaged(self) -> bool:
        return bool(self.problems)


def header_problems(path: Path) -> list[str]:
    """What is wrong with the file's header and size (for a file that starts as SQLite)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(_HEADER_SIZE)
    except OSError as error:
        return [str(error)]
    if len(header) < _HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        return [_("The file is shorter than a database header or not an SQLite file.")]
    problems: list[str] = []
    raw_page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    if page_size < 512 or page_size > 65536 or page_size & (page_size - 1):
        return [_("The header names an impossible page size ({size}).").format(size=raw_page_size)]

    def field(offset: int) -> int:
        return int.from_bytes(header[offset : offset + 4], "big")

    if header[18] not in (1, 2) or header[19] not in (1, 2):
        problems.append(_("The header's file format versions are invalid."))
    if header[20] != 0 or header[21:24] != b"\x40\x20\x20":
        problems.append(_("The header's fixed fields are not as SQLite writes them."))
    if any(header[72:92]):
        problems.append(_("The header's reserved bytes are not zero."))
    wal = path.with_name(path.name + "-wal")
    if wal.is_file() and wal.stat().st_size > 0:
        # The log is part of the database: a writer stopped in the middle of a checkpoint
        # leaves a main file shorter than its header says, which SQLite mends from the log.
        # The size and free-list checks would call that damage; quick_check reads both.
        return problems
    pages_in_file, remainder = divmod(size, page_size)
    if remainder:
        problems.append(_("The file ends in the middle of a page: it was cut short."))
    pages_in_header = field(28)
    header_size_valid = pages_in_header > 0 and field(92) == field(24)
    if header_size_valid and pages_in_header > pages_in_file:
        problems.append(
            _("The file holds {found} pages, its header says {expected}: it was cut short.").format(
                found=pages_in_file, expected=pages_in_header
            )
        )
    page_count = pages_in_header if header_size_valid else pages_in_file
    if field(32) > page_count or field(36) > page_count:
        problems.append(_("The header's list of free pages points outside the file."))
    # A database whose tables are still only in its -wal file (just made, not yet
    # checkpointed) has an empty schema here: schema cookie, format and encoding all zero.
    empty_schema = field(40) == 0 and field(44) == 0 and field(56) == 0
    if not empty_schema and not 1 <= field(44) <= 4:
        problems.append(_("The header's schema format is invalid."))
    if not empty_schema and not 1 <= field(56) <= 3:
        problems.append(_("The header's text encoding is invalid."))
    if not 3_000_000 <= field(96) < 4_000_000:
        problems.append(_("The header's SQLite version number is invalid."))
    return problems


def _lenient_text(value: bytes) -> str:
    """The checks' messages may quote damaged bytes: never fail on decoding them."""
    return value.decode("utf-8", "replace")


def quick_check(
    path: Path, seconds: float | None = CHECK_SECONDS, pragma: str = "quick_check"
) -> tuple[list[str], bool]:
    """``PRAGMA quick_check`` (or ``integrity_check``) through a read-only connection:
    (problems, ran to the end).

    Without a ``-wal`` file the connection is ``immutable`` (it neither writes nor leaves
    files behind); with one it is ``mode=ro`` so the log's committed transactions are checked
    too. ``seconds``: stop after this long (None: no limit).
    """
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    deadline = None if seconds is None else time.monotonic() + seconds
    stopped = False

    def over_budget() -> int:
        nonlocal stopped
        if deadline is not None and time.monotonic() > deadline:
            stopped = True
            return 1
        return 0

    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?{mode}", uri=True)
        try:
            connection.text_factory = _lenient_text
            connection.set_progress_handler(over_budget, _PROGRESS_EVERY)
            rows = connection.execute(f"PRAGMA {pragma}({_PROBLEMS_SHOWN})").fetchall()
        finally:
            connection.close()
    except sqlite3.OperationalError as error:
        if stopped:
            return [], False
        return [str(error)], True
    except (sqlite3.Error, UnicodeDecodeError) as error:
        # SQLite's message may quote damaged bytes that are not UTF-8.
        return [str(error)], True
    return [str(row[0]) for row in rows if str(row[0]) != "ok"], True


def inspect(path: Path, seconds: float | None = CHECK_SECONDS) -> DamageReport:
    """Check an existing SQLite file for damage, reading only."""
    started = time.monotonic()
    problems = header_problems(path)
    complete = True
    check = "header"
    if not problems:
        small = path.stat().st_size <= INTEGRITY_CHECK_MAX_BYTES
        check = "integrity_check" if small else "quick_check"
        problems, complete = quick_check(path, seconds, check)
    return DamageReport(tuple(problems), complete, time.monotonic() - started, check)


def damage_summary(path: Path | str, problems: tuple[str, ...] | list[str]) -> str:
    """What is damaged, in one sentence (the app's message box)."""
    first = problems[0] if problems else ""
    return _("The database {path} is damaged ({problem}).").format(path=path, problem=first)


def damage_message(path: Path | str, problems: tuple[str, ...] | list[str]) -> str:
    """The one-paragraph explanation on the command line and in refusals."""
    return (
        damage_summary(path, problems)
        + " "
        + _("Liaison does not write to it; restore the latest good backup.")
    )
