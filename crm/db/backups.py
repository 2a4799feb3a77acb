"""Backups of an SQLite database: taken, checked, rotated, listed and restored.

A backup is taken with SQLite's online backup API (a consistent copy while the app works),
written to a temporary file, synced to disk and checked with ``PRAGMA integrity_check``; only a
good copy is renamed into place (the folder synced too), and only then are older backups rotated
out: the newest of each of the last 7 days, 4 weeks and 12 months are kept
(grandfather-father-son, by the backups' timestamps).

Each database has its own folder in the user's data directory,
``<data dir>/backups/<db stem>-<hash of its absolute path>/``, and each backup is named after
its UTC time and kind: ``office-20261205T093000.123Z-auto.sqlite``.

Restoring first backs up the file it replaces (a raw copy when that file is damaged), checks
the backup (a Liaison database, ``integrity_check``), and then replaces the file atomically.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import sqlite3
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from crm.db import schema
from crm.db.damage import DamageReport, inspect, quick_check
from crm.db.schema import DatabaseRefused
from crm.i18n import _
from crm.paths import data_dir

BACKUPS_FOLDER = "backups"
AUTOMATIC_EVERY = timedelta(days=1)
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12
KEEP_DAMAGED = 3  # raw copies of damaged files, kept apart from the rotation of good ones
_STAMP = "%Y%m%dT%H%M%S.%fZ"  # UTC, to the millisecond: 20261205T093000.123Z
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}\.\d{3}Z)(?:-(?P<serial>\d+))?-(?P<kind>[a-z-]+)"
    r"\.sqlite$"
)
_PARTIAL_PREFIX = ".partial-"


class BackupKind(StrEnum):
    AUTOMATIC = "auto"  # at start, when the last backup is older than a day
    MANUAL = "manual"  # "Back up now", ``liaison backup``
    BEFORE_UPGRADE = "before-upgrade"
    BEFORE_RESTORE = "before-restore"
    DAMAGED = "damaged"  # a raw copy of a damaged file before a restore replaced it

    @property
    def label(self) -> str:
        return {
            BackupKind.AUTOMATIC: _("automatic"),
            BackupKind.MANUAL: _("manual"),
            BackupKind.BEFORE_UPGRADE: _("before an upgrade"),
            BackupKind.BEFORE_RESTORE: _("before a restore"),
            BackupKind.DAMAGED: _("damaged file (kept as it was)"),
        }[self]


class BackupFailed(DatabaseRefused):
    """A backup or restore could not be done; nothing was replaced or rotated out."""


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime  # UTC
    kind: BackupKind
    size: int

    @property
    def good(self) -> bool:
        """Checked when it was taken; a raw copy of a damaged file is not."""
        return self.kind is not BackupKind.DAMAGED


@dataclass(frozen=True)
class RestoreResult:
    restored: Path
    replaced: Backup | None  # the copy of what the restore replaced


# --- where backups live ------------------------------------------------------------------------


def backup_dir(db_path: Path, *, create: bool = False) -> Path:
    """The folder of ``db_path``'s backups (one per database file)."""
    absolute = Path(os.path.abspath(db_path.expanduser()))
    digest = hashlib.sha256(str(absolute).encode("utf-8", "surrogatepass")).hexdigest()[:10]
    stem = re.sub(r"[^\w.-]+", "_", absolute.stem)[:40] or "database"
    folder = data_dir() / BACKUPS_FOLDER / f"{stem}-{digest}"
    if create:
        folder.mkdir(parents=True, exist_ok=True)
        note = folder / "database.txt"
        if not note.exists():  # which file these backups are of, for a person looking
            note.write_text(f"{absolute}\n", encoding="utf-8")
    return folder


def _parse(path: Path) -> Backup | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        kind = BackupKind(match["kind"])
        taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
        if match["serial"]:
            taken += timedelta(microseconds=int(match["serial"]))  # keeps the order in a second
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return Backup(path=path, taken=taken, kind=kind, size=size)


def list_backups(db_path: Path) -> list[Backup]:
    """The backups of ``db_path``, newest first."""
    folder = backup_dir(db_path)
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    backups = [b for b in (_parse(entry) for entry in entries if entry.is_file()) if b]
    return sorted(backups, key=lambda backup: backup.taken, reverse=True)


def latest_good(db_path: Path) -> Backup | None:
    return next((backup for backup in list_backups(db_path) if backup.good), None)


def backup_due(db_path: Path, now: datetime | None = None) -> bool:
    """Whether the automatic backup is due: no good backup, or the last older than a day."""
    last = latest_good(db_path)
    now = now or datetime.now(UTC)
    return last is None or now - last.taken >= AUTOMATIC_EVERY


# --- taking a backup ---------------------------------------------------------------------------


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles for it)."""
    if sys.platform == "win32":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    except OSError:  # some file systems refuse fsync on a directory
        pass
    finally:
        os.close(descriptor)


def _readonly_uri(path: Path) -> str:
    """A connection that never writes to ``path`` nor leaves -wal/-shm files behind."""
    return f"{path.absolute().as_uri()}?mode=ro&immutable=1"


def integrity_problems(path: Path, *, quick: bool = False) -> list[str]:
    """``integrity_check`` (or ``quick_check``) of a file, read-only; [] when sound."""
    problems, _complete = quick_check(path, None, "quick_check" if quick else "integrity_check")
    return problems


def _unique_name(folder: Path, stem: str, taken: datetime, kind: BackupKind) -> Path:
    stamp = taken.strftime("%Y%m%dT%H%M%S") + f".{taken.microsecond // 1000:03d}Z"
    candidate = folder / f"{stem}-{stamp}-{kind.value}.sqlite"
    serial = 1
    while candidate.exists():
        candidate = folder / f"{stem}-{stamp}-{serial:06d}-{kind.value}.sqlite"
        serial += 1
    return candidate


def _copy_with_backup_api(db_path: Path, partial: Path) -> None:
    source = sqlite3.connect(str(db_path), timeout=10)
    try:
        source.execute("PRAGMA query_only = ON")
        destination = sqlite3.connect(str(partial))
        try:
            source.backup(destination)
            # A backup is one self-contained file: no -wal beside it when it is opened.
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()
    finally:
        source.close()


def copy_checked(db_path: Path, target: Path) -> Path:
    """Copy ``db_path`` to ``target``: backup API, temp file, fsync, integrity_check, rename."""
    if not db_path.is_file():
        raise BackupFailed(_("There is no database at {path}.").format(path=db_path))
    folder = target.parent
    if not folder.is_dir():
        raise BackupFailed(_("The folder {folder} does not exist.").format(folder=folder))
    partial = folder / f"{_PARTIAL_PREFIX}{os.getpid()}-{target.name}"
    try:
        try:
            _copy_with_backup_api(db_path, partial)
            _fsync_file(partial)
        except (sqlite3.Error, OSError) as error:
            raise BackupFailed(
                _("The backup of {path} failed: {reason}").format(path=db_path, reason=error)
            ) from error
        problems = integrity_problems(partial)
        if problems:
            raise BackupFailed(
                _(
                    "The backup of {path} failed its integrity check, so the database itself "
                    "may be damaged: {problem}"
                ).format(path=db_path, problem=problems[0])
            )
        os.replace(partial, target)
        _fsync_dir(folder)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        for suffix in ("-journal", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                partial.with_name(partial.name + suffix).unlink()
    return target


def take_backup(
    db_path: Path,
    kind: BackupKind = BackupKind.MANUAL,
    *,
    now: datetime | None = None,
    rotate_after: bool = True,
) -> Backup:
    """Back up ``db_path`` into its backups folder; rotate older ones once it checked good."""
    db_path = Path(os.path.abspath(db_path))
    folder = backup_dir(db_path, create=True)
    taken = (now or datetime.now(UTC)).astimezone(UTC)
    target = _unique_name(folder, db_path.stem, taken, kind)
    copy_checked(db_path, target)
    backup = _parse(target) or Backup(target, taken, kind, target.stat().st_size)
    if rotate_after:
        rotate(db_path)
    return backup


def automatic_backup(db_path: Path, now: datetime | None = None) -> Backup | None:
    """The backup at start: taken when the last good one is older than a day."""
    if not db_path.is_file() or db_path.stat().st_size == 0 or not backup_due(db_path, now):
        return None
    return take_backup(db_path, BackupKind.AUTOMATIC, now=now)


@dataclass(frozen=True)
class DailyBackup:
    """How the backup at start went."""

    backup: Backup | None  # None: none was due, or it failed
    failure: str | None = None
    damage: DamageReport | None = None  # the failed backup showed the file is damaged


def daily_backup(db_path: Path) -> DailyBackup:
    """The backup at start, as the app takes it. A backup whose check fails means the file
    itself may be damaged: then the whole file is checked, without a time limit."""
    try:
        return DailyBackup(automatic_backup(db_path))
    except BackupFailed as error:
        report = inspect(db_path, seconds=None)
        return DailyBackup(None, str(error), report if report.damaged else None)


def backup_to_file(db_path: Path, target: Path) -> Path:
    """A checked copy at a place the user chose (``liaison backup -o FILE``); no rotation."""
    target = Path(os.path.abspath(target.expanduser()))
    if target == Path(os.path.abspath(db_path)):
        raise BackupFailed(_("A database cannot be backed up onto itself."))
    if target.is_dir():
        raise BackupFailed(_("{path} is a folder, not a file.").format(path=target))
    if target.exists():
        raise BackupFailed(_("{path} exists already; nothing was overwritten.").format(path=target))
    return copy_checked(db_path, target)


# --- rotation ---------------------------------------------------------------------------------


def to_keep(
    backups: Iterable[Backup],
    daily: int = KEEP_DAILY,
    weekly: int = KEEP_WEEKLY,
    monthly: int = KEEP_MONTHLY,
) -> set[Path]:
    """Grandfather-father-son: the newest backup of each of the last ``daily`` days (that have
    one), ``weekly`` ISO weeks and ``monthly`` months are kept."""
    keep: set[Path] = set()
    newest_first = sorted(backups, key=lambda backup: backup.taken, reverse=True)
    for count, bucket in (
        (daily, lambda t: t.date().isoformat()),
        (weekly, lambda t: "{}-W{:02d}".format(*t.isocalendar()[:2])),
        (monthly, lambda t: f"{t.year}-{t.month:02d}"),
    ):
        seen: set[str] = set()
        for backup in newest_first:
            key = bucket(backup.taken)
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.add(key)
            keep.add(backup.path)
    return keep


def rotate(
    db_path: Path,
    daily: int = KEEP_DAILY,
    weekly: int = KEEP_WEEKLY,
    monthly: int = KEEP_MONTHLY,
) -> list[Path]:
    """Delete the backups the rotation no longer keeps; returns what was deleted."""
    backups = list_backups(db_path)
    good = [backup for backup in backups if backup.good]
    keep = to_keep(good, daily, weekly, monthly)
    damaged = [backup for backup in backups if not backup.good][:KEEP_DAMAGED]
    keep.update(backup.path for backup in damaged)
    removed: list[Path] = []
    for backup in backups:
        if backup.path in keep:
            continue
        with contextlib.suppress(FileNotFoundError):
            backup.path.unlink()
            removed.append(backup.path)
        for suffix in ("-wal",):  # a damaged raw copy may carry its log
            with contextlib.suppress(FileNotFoundError):
                backup.path.with_name(backup.path.name + suffix).unlink()
    return removed


# --- restoring --------------------------------------------------------------------------------


def _wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _shm(path: Path) -> Path:
    return path.with_name(path.name + "-shm")


def quick_problems(db_path: Path) -> list[str]:
    """``quick_check`` of a database file, read-only: the log is read when there is one, and no
    byte of the database file is written ([] when sound)."""
    return integrity_problems(db_path, quick=True)


def check_backup_file(path: Path) -> None:
    """Refuse a file that is not a sound Liaison database this version can open."""
    if not path.is_file():
        raise BackupFailed(_("There is no backup file at {path}.").format(path=path))
    try:
        schema.check_sqlite_file(path)
        revision = _revision(path)
    except (DatabaseRefused, UnicodeDecodeError) as error:
        raise BackupFailed(
            _("{path} cannot be restored: {reason}").format(path=path, reason=error)
        ) from error
    if revision is None:
        raise BackupFailed(
            _("{path} cannot be restored: it is not a Liaison database.").format(path=path)
        )
    problems = integrity_problems(path)
    if problems:
        raise BackupFailed(
            _("{path} cannot be restored: it failed its integrity check ({problem}).").format(
                path=path, problem=problems[0]
            )
        )


def _revision(path: Path) -> str | None:
    try:
        connection = sqlite3.connect(_readonly_uri(path), uri=True)
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except (sqlite3.Error, UnicodeDecodeError):
        return None
    return None if row is None else str(row[0])


def _keep_raw_copy(db_path: Path, now: datetime | None) -> Backup:
    """A byte-for-byte copy of a damaged file (and its log) before a restore replaces it."""
    folder = backup_dir(db_path, create=True)
    taken = (now or datetime.now(UTC)).astimezone(UTC)
    target = _unique_name(folder, db_path.stem, taken, BackupKind.DAMAGED)
    try:
        if _wal(db_path).exists():
            shutil.copyfile(_wal(db_path), _wal(target))
            _fsync_file(_wal(target))
        shutil.copyfile(db_path, target)
        _fsync_file(target)
        _fsync_dir(folder)
    except OSError as error:
        raise BackupFailed(
            _("{path} could not be copied before the restore: {reason}").format(
                path=db_path, reason=error
            )
        ) from error
    return _parse(target) or Backup(target, taken, BackupKind.DAMAGED, target.stat().st_size)


def _save_replaced(db_path: Path, now: datetime | None) -> Backup:
    if not quick_problems(db_path):
        try:
            return take_backup(db_path, BackupKind.BEFORE_RESTORE, now=now, rotate_after=False)
        except BackupFailed:
            pass
    return _keep_raw_copy(db_path, now)


def _release(db_path: Path, *, sound: bool) -> None:
    """Fold a sound database's log into it (refused while another program uses it), then remove
    what is left of the -wal and -shm files so they cannot be applied to the restored file."""
    if sound and _wal(db_path).exists():
        try:
            connection = sqlite3.connect(str(db_path), timeout=5)
            try:
                busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            finally:
                connection.close()
        except sqlite3.Error:
            busy = 0  # a file SQLite cannot check: a copy is kept, its log goes
        if busy:
            raise BackupFailed(
                _(
                    "{path} is in use by another program or another Liaison window; "
                    "close it and restore again."
                ).format(path=db_path)
            )
    for leftover in (_wal(db_path), _shm(db_path)):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def restore(backup_file: Path, db_path: Path, now: datetime | None = None) -> RestoreResult:
    """Replace ``db_path`` by ``backup_file``: what it replaces is backed up first, the backup
    is checked, and the file is replaced atomically (a crash leaves the old or the new one)."""
    backup_file = Path(os.path.abspath(backup_file.expanduser()))
    db_path = Path(os.path.abspath(db_path.expanduser()))
    if backup_file == db_path:
        raise BackupFailed(_("A database cannot be restored from itself."))
    if db_path.is_dir():
        raise BackupFailed(_("{path} is a folder, not a database file.").format(path=db_path))
    if not db_path.parent.is_dir():
        raise BackupFailed(_("The folder {folder} does not exist.").format(folder=db_path.parent))
    check_backup_file(backup_file)
    replaced: Backup | None = None
    sound = True
    if db_path.is_file() and db_path.stat().st_size > 0:
        replaced = _save_replaced(db_path, now)
        sound = replaced.good
    partial = db_path.parent / f"{_PARTIAL_PREFIX}{os.getpid()}-{db_path.name}"
    try:
        try:
            shutil.copyfile(backup_file, partial)
            _fsync_file(partial)
        except OSError as error:
            raise BackupFailed(
                _("The backup could not be copied to {folder}: {reason}").format(
                    folder=db_path.parent, reason=error
                )
            ) from error
        problems = integrity_problems(partial)
        if problems:
            raise BackupFailed(
                _("The copy of the backup failed its integrity check: {problem}").format(
                    problem=problems[0]
                )
            )
        _release(db_path, sound=sound)
        os.replace(partial, db_path)
        _fsync_dir(db_path.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
    return RestoreResult(restored=db_path, replaced=replaced)
