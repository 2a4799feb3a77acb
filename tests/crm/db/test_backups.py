"""Backups on real SQLite files: taken while in use, checked, named, rotated (7 daily, 4 weekly,
12 monthly), restored after backing up what they replace; the automatic one once a day and
before every upgrade."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from crm.db import backups, schema
from crm.db.backups import Backup, BackupFailed, BackupKind
from crm.db.database import Database
from crm.db.models import Person
from crm.services.people import PersonInput, create_person


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def people(db_path: Path) -> list[str]:
    db = Database.open(db_path, create=False)
    try:
        with db.read() as session:
            return sorted(session.scalars(select(Person.family_name)))
    finally:
        db.close()


def test_a_backup_is_a_checked_copy_in_the_databases_folder(db: Database, tmp_path: Path) -> None:
    create_person(db, PersonInput(family_name="Bērziņa"))
    assert db.path is not None
    now = datetime(2026, 12, 5, 9, 30, 0, 123000, tzinfo=UTC)
    backup = backups.take_backup(db.path, BackupKind.MANUAL, now=now)
    folder = backups.backup_dir(db.path)
    assert backup.path.parent == folder
    assert folder.parent == tmp_path / "data" / "backups"
    assert folder.name.startswith("office-") and len(folder.name) == len("office-") + 10
    assert backup.path.name == "office-20261205T093000.123Z-manual.sqlite"
    assert backup.taken == now and backup.kind is BackupKind.MANUAL and backup.good
    assert backups.integrity_problems(backup.path) == []
    # One self-contained file: not in WAL mode, no -wal beside it, no temp file left.
    assert backup.path.read_bytes()[18:20] == b"\x01\x01"
    assert sorted(p.name for p in folder.iterdir()) == ["database.txt", backup.path.name]
    assert (folder / "database.txt").read_text(encoding="utf-8").strip() == str(db.path)
    assert people(backup.path) == ["Bērziņa"]
    assert backups.list_backups(db.path) == [backup]


def test_a_backup_is_consistent_while_the_app_writes(db: Database) -> None:
    """Taken with the online backup API: the open write transaction is not in it, the
    committed one (still in the -wal) is."""
    assert db.path is not None
    create_person(db, PersonInput(family_name="Committed"))
    session = db.write_session()
    try:
        session.add(Person(family_name="Uncommitted"))
        session.flush()
        backup = backups.take_backup(db.path)
    finally:
        session.rollback()
        session.close()
    assert people(backup.path) == ["Committed"]


def test_different_databases_get_different_folders(tmp_path: Path) -> None:
    first = backups.backup_dir(tmp_path / "a" / "office.sqlite")
    second = backups.backup_dir(tmp_path / "b" / "office.sqlite")
    assert first != second and first.name.startswith("office-")
    assert first == backups.backup_dir(tmp_path / "a" / ".." / "a" / "office.sqlite")


def test_a_backup_that_fails_its_check_keeps_nothing_and_rotates_nothing(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert db.path is not None
    old = backups.take_backup(db.path, now=datetime(2020, 1, 1, tzinfo=UTC))
    monkeypatch.setattr(backups, "integrity_problems", lambda _path, **_kw: ["page 7: bad"])
    monkeypatch.setattr(backups, "KEEP_DAILY", 0)
    with pytest.raises(BackupFailed, match="integrity check"):
        backups.take_backup(db.path)
    assert backups.list_backups(db.path) == [old]
    assert [p.name for p in old.path.parent.iterdir() if p.name.startswith(".")] == []


def test_backup_to_a_file_refuses_to_overwrite(db: Database, tmp_path: Path) -> None:
    assert db.path is not None
    target = tmp_path / "copy.sqlite"
    backups.backup_to_file(db.path, target)
    before = digest(target)
    with pytest.raises(BackupFailed, match="exists already"):
        backups.backup_to_file(db.path, target)
    assert digest(target) == before
    with pytest.raises(BackupFailed, match="onto itself"):
        backups.backup_to_file(db.path, db.path)
    assert backups.list_backups(db.path) == []  # -o is not the backups folder


def damage_table(path: Path, table: str = "people") -> None:
    """Overwrite the header of ``table``'s first B-tree page: quick_check must see it."""
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
    page = int(root.fetchone()[0])
    page_size = int(connection.execute("PRAGMA page_size").fetchone()[0])
    connection.close()
    data = bytearray(path.read_bytes())
    start = (page - 1) * page_size
    data[start : start + 12] = b"\x55" * 12
    path.write_bytes(bytes(data))


def fake(folder: Path, taken: datetime, kind: BackupKind = BackupKind.AUTOMATIC) -> Backup:
    return Backup(folder / taken.isoformat(), taken, kind, 1)


def test_a_daily_backup_that_fails_on_a_damaged_file_says_the_file_is_damaged(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert db.path is not None
    monkeypatch.setattr(backups, "integrity_problems", lambda _path, **_kw: ["page 7: bad"])
    sound = backups.daily_backup(db.path)
    assert sound.backup is None and sound.failure and sound.damage is None
    db.close()
    damage_table(db.path)
    damaged = backups.daily_backup(db.path)
    assert damaged.backup is None and damaged.damage is not None and damaged.damage.damaged


def test_rotation_keeps_7_daily_4_weekly_12_monthly() -> None:
    folder = Path("/nowhere")
    start = datetime(2025, 1, 1, 8, tzinfo=UTC)
    # Two backups a day for two years.
    made = [fake(folder, start + timedelta(hours=12 * n)) for n in range(2 * 730)]
    kept = sorted((b for b in made if b.path in backups.to_keep(made)), key=lambda b: b.taken)
    newest = max(made, key=lambda b: b.taken)
    assert newest in kept
    days = {b.taken.date() for b in kept}
    last_day = newest.taken.date()
    # The last 7 days: the newest of each.
    assert {last_day - timedelta(days=n) for n in range(7)} <= days
    assert all(b.taken.hour == 20 for b in kept)  # always the day's newest
    weeks = {b.taken.isocalendar()[:2] for b in kept}
    months = {(b.taken.year, b.taken.month) for b in kept}
    assert len(months) == 12 and len(weeks) >= 4
    # Nothing beyond: 7 days + (at most) 4 weeks + 12 months, minus the overlaps.
    assert len(kept) <= 7 + 4 + 12
    assert min(b.taken for b in kept) > newest.taken - timedelta(days=366)


def test_rotation_deletes_old_backups_from_the_folder(db: Database) -> None:
    assert db.path is not None
    start = datetime(2026, 1, 1, 3, tzinfo=UTC)
    for day in range(40):
        backups.take_backup(db.path, BackupKind.AUTOMATIC, now=start + timedelta(days=day))
    kept = backups.list_backups(db.path)
    stamps = [b.taken.date().isoformat() for b in kept]
    # 7 daily (Feb 3 - Feb 9), the newest of the 4 last ISO weeks, and of 2 months.
    assert stamps[:7] == [f"2026-02-{d:02d}" for d in range(9, 2, -1)]
    assert "2026-01-31" in stamps  # the newest of January
    assert len(kept) < 40
    assert {p.name for p in backups.backup_dir(db.path).iterdir()} == {
        "database.txt",
        *(b.path.name for b in kept),
    }


def test_the_automatic_backup_runs_once_a_day(db: Database) -> None:
    assert db.path is not None
    morning = datetime(2026, 12, 5, 8, tzinfo=UTC)
    first = backups.automatic_backup(db.path, now=morning)
    assert first is not None and first.kind is BackupKind.AUTOMATIC
    assert backups.automatic_backup(db.path, now=morning + timedelta(hours=23)) is None
    assert backups.automatic_backup(db.path, now=morning + timedelta(hours=25)) is not None
    assert len(backups.list_backups(db.path)) == 2


def test_an_upgrade_is_preceded_by_a_backup(db_path: Path) -> None:
    db = Database.open(db_path)
    create_person(db, PersonInput(family_name="Koval"))
    db.close()
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE alembic_version SET version_num = '0000'")
    connection.commit()
    connection.close()
    original = schema.KNOWN_REVISIONS
    try:
        schema.KNOWN_REVISIONS = (*original, "0000")  # type: ignore[misc]
        with pytest.raises(Exception):  # noqa: B017 - no migration from the fake revision
            Database.open(db_path)
    finally:
        schema.KNOWN_REVISIONS = original  # type: ignore[misc]
    [backup] = backups.list_backups(db_path)
    assert backup.kind is BackupKind.BEFORE_UPGRADE
    assert backups.integrity_problems(backup.path) == []
    assert not list(db_path.parent.glob("*.before-upgrade-*"))  # no more copies next to it


def test_restore_backs_up_what_it_replaces_and_replaces_atomically(db_path: Path) -> None:
    db = Database.open(db_path)
    create_person(db, PersonInput(family_name="Before"))
    backup = backups.take_backup(db_path, now=datetime(2026, 12, 1, tzinfo=UTC))
    create_person(db, PersonInput(family_name="After"))
    db.close()
    replaced_digest = digest(db_path)
    result = backups.restore(backup.path, db_path)
    assert people(db_path) == ["Before"]
    assert result.replaced is not None and result.replaced.kind is BackupKind.BEFORE_RESTORE
    assert people(result.replaced.path) == ["After", "Before"]
    assert digest(backup.path) == digest(backup.path)  # the backup itself is untouched
    assert replaced_digest != digest(db_path)
    leftovers = [p.name for p in db_path.parent.iterdir() if p.name.startswith(".partial")]
    assert leftovers == []
    # Undo the restore with the copy it made.
    backups.restore(result.replaced.path, db_path)
    assert people(db_path) == ["After", "Before"]


def test_restore_handles_the_log_of_the_database_it_replaces(db_path: Path) -> None:
    db = Database.open(db_path)
    backup = backups.take_backup(db_path)
    create_person(db, PersonInput(family_name="OnlyInTheLog"))
    # The files as a crash leaves them: the last change only in the -wal.
    wal = db_path.with_name(db_path.name + "-wal")
    crashed = db_path.read_bytes(), wal.read_bytes()
    db.close()
    db_path.write_bytes(crashed[0])
    wal.write_bytes(crashed[1])
    backups.restore(backup.path, db_path)
    assert not db_path.with_name(db_path.name + "-wal").exists()
    assert people(db_path) == []
    [copy] = [b for b in backups.list_backups(db_path) if b.kind is BackupKind.BEFORE_RESTORE]
    assert people(copy.path) == ["OnlyInTheLog"]


def test_restore_of_a_damaged_database_keeps_its_bytes(db_path: Path) -> None:
    db = Database.open(db_path)
    create_person(db, PersonInput(family_name="Ozola"))
    db.close()
    backup = backups.take_backup(db_path)
    damage_table(db_path)
    damaged_digest = digest(db_path)
    result = backups.restore(backup.path, db_path)
    assert result.replaced is not None and result.replaced.kind is BackupKind.DAMAGED
    assert not result.replaced.good
    assert digest(result.replaced.path) == damaged_digest
    assert people(db_path) == ["Ozola"]
    assert backups.latest_good(db_path) == backup  # a damaged copy is never "the latest good"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no backup file"),
        (b"", "not a Liaison database"),
        (b"shopping list", "not an SQLite file"),
    ],
)
def test_restore_refuses_what_is_no_good_backup(
    db: Database, tmp_path: Path, content: bytes | None, message: str
) -> None:
    assert db.path is not None
    create_person(db, PersonInput(family_name="Stays"))
    candidate = tmp_path / "candidate.sqlite"
    if content is not None:
        candidate.write_bytes(content)
    with pytest.raises(BackupFailed, match=message):
        backups.restore(candidate, db.path)
    assert [b for b in backups.list_backups(db.path)] == []  # refused before anything was done


def test_restore_refuses_another_programs_database_and_a_damaged_backup(
    db: Database, tmp_path: Path
) -> None:
    assert db.path is not None
    other = tmp_path / "other.sqlite"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE notes (text)")
    connection.commit()
    connection.close()
    with pytest.raises(BackupFailed, match="another program"):
        backups.restore(other, db.path)
    good = backups.take_backup(db.path)
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(good.path.read_bytes())
    damage_table(broken)
    with pytest.raises(BackupFailed, match=r"integrity check|malformed"):
        backups.restore(broken, db.path)
    with pytest.raises(BackupFailed, match="from itself"):
        backups.restore(db.path, db.path)
