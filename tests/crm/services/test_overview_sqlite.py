"""The start-up reader of the Overview: the same screen as the ORM's, without SQLAlchemy.

It is compared with crm.services.overview on the three demo offices, on days with visits,
events, follow-ups and anniversaries, after trash and undo; and it steps aside (None) for
whatever it cannot read, without writing a byte.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from crm.db.database import Database
from crm.demo import build_demo
from crm.services.overview import get_overview
from crm.services.overview_sqlite import read_overview
from crm.services.trash import delete_to_trash, undo_last

pytestmark = pytest.mark.sqlite_only

BERLIN = ZoneInfo("Europe/Berlin")
# Days the demo offices are busy around: visits, programme, events, follow-ups, anniversaries.
DAYS = (date(2026, 12, 5), date(2026, 5, 8), date(2025, 10, 30), date(2027, 1, 12))
OFFICES = ("leipzig", "liepaja", "goteborg")


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("overview-demos")
    files = {}
    for office in OFFICES:
        path = folder / f"{office}.sqlite"
        db = Database.open(path)
        try:
            build_demo(db, office)
        finally:
            db.close()
        files[office] = path
    return files


@pytest.fixture
def office(demo_files: dict[str, Path], tmp_path: Path) -> Iterator[tuple[Path, Database]]:
    path = tmp_path / "leipzig.sqlite"
    shutil.copyfile(demo_files["leipzig"], path)
    db = Database.open(path)
    yield path, db
    db.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("office_name", OFFICES)
def test_the_same_overview_as_the_orm_on_every_demo_office(
    demo_files: dict[str, Path], office_name: str
) -> None:
    path = demo_files[office_name]
    db = Database.open(path)
    try:
        seen_something = False
        for day in DAYS:
            for zone in (BERLIN, UTC):
                expected = get_overview(db, day, zone=zone)
                assert read_overview(path, day, zone=zone) == expected, (office_name, day, zone)
                seen_something |= bool(expected.upcoming and expected.follow_ups)
        assert seen_something  # the comparison covered a busy screen
    finally:
        db.close()


def test_the_same_after_trash_and_undo_while_the_orm_has_it_open(
    office: tuple[Path, Database],
) -> None:
    path, db = office
    today = DAYS[0]
    first = get_overview(db, today, zone=BERLIN)
    visit = next(item for item in first.upcoming if item.delegation_id is not None)
    assert visit.delegation_id is not None
    delete_to_trash(db, "delegation", visit.delegation_id)
    letter = first.follow_ups[0]
    delete_to_trash(db, "correspondence", letter.correspondence_id)
    undo_last(db)  # the letter comes back, the visit stays in the trash
    # Read while the ORM's connection is open and the changes are in the -wal.
    assert path.with_name(path.name + "-wal").exists()
    expected = get_overview(db, today, zone=BERLIN)
    assert all(item.delegation_id != visit.delegation_id for item in expected.upcoming)
    assert expected.recent[0].undone is False and expected.recent[1].undone is True
    assert read_overview(path, today, zone=BERLIN) == expected


def test_nothing_is_written_and_sqlalchemy_is_not_loaded(
    demo_files: dict[str, Path], tmp_path: Path
) -> None:
    path = tmp_path / "office.sqlite"
    shutil.copyfile(demo_files["goteborg"], path)
    before = _digest(path)
    script = (
        "import sys; from datetime import date; from pathlib import Path\n"
        "from crm.services.overview_sqlite import read_overview\n"
        f"overview = read_overview(Path({str(path)!r}), date(2026, 12, 5))\n"
        "assert overview is not None and overview.recent\n"
        "assert 'sqlalchemy' not in sys.modules, 'SQLAlchemy was imported'\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["office.sqlite"]


def test_what_it_cannot_read_is_left_to_the_orm(
    demo_files: dict[str, Path], tmp_path: Path
) -> None:
    today = DAYS[0]
    assert read_overview(tmp_path / "missing.sqlite", today) is None
    text = tmp_path / "notes.sqlite"
    text.write_text("not a database")
    assert read_overview(text, today) is None
    foreign = tmp_path / "foreign.sqlite"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE t (x)")
    connection.close()
    assert read_overview(foreign, today) is None
    older = tmp_path / "older.sqlite"
    shutil.copyfile(demo_files["liepaja"], older)
    connection = sqlite3.connect(older)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
    connection.close()
    assert read_overview(older, today) is None  # the ORM upgrades it first
    cut = tmp_path / "cut.sqlite"
    cut.write_bytes(demo_files["leipzig"].read_bytes()[: 4096 * 3])
    assert read_overview(cut, today) is None
