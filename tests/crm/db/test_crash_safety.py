"""Crash safety: a worker process is killed (SIGKILL) at random moments during large imports
and during a stream of edits, fifty times; after every kill the database opens, passes
integrity_check and foreign_key_check, and every interrupted unit of work is wholly there or
wholly absent (the checks are in crash_checks.py; tests/bench/bench_crash.py kills more).

The random delays are seeded: the seed is printed (``pytest -s``) and can be given back
through LIAISON_CRASH_SEED to repeat a run.
"""

from __future__ import annotations

import os
import random
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.crm.db.crash_checks import (
    CrashCheckFailed,
    ForkServer,
    Tally,
    check_edits,
    check_imports,
    fresh_database,
    kill_edits,
    kill_imports,
    open_and_check,
    worker_env,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and fork are POSIX")

IMPORT_KILLS = 25
EDIT_KILLS = 25
ROWS = 2000


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ForkServer]:
    fork_server = ForkServer(tmp_path, worker_env())
    yield fork_server
    fork_server.close()


def _seed() -> int:
    return int(os.environ.get("LIAISON_CRASH_SEED") or random.randrange(2**31))


def test_fifty_kills_leave_every_unit_whole_or_absent(tmp_path: Path, server: ForkServer) -> None:
    seed = _seed()
    print(f"\ncrash safety: seed {seed} (LIAISON_CRASH_SEED={seed} repeats the delays)")
    rng = random.Random(seed)

    imports_db = tmp_path / "imports.sqlite"
    fresh_database(imports_db)
    imports = kill_imports(server, imports_db, tmp_path, IMPORT_KILLS, rng, ROWS)
    print(imports.summary(f"imports of {ROWS:,} people"))

    edits_db = tmp_path / "edits.sqlite"
    fresh_database(edits_db)
    edits = kill_edits(server, edits_db, tmp_path, EDIT_KILLS, rng)
    print(edits.summary("edits"))

    total = Tally()
    total.add(imports)
    total.add(edits)
    print(total.summary("together"))
    assert total.kills == IMPORT_KILLS + EDIT_KILLS >= 50
    # The delays cover whole import cycles, most of which is the transaction: a run where no
    # kill hit a transaction would show nothing.
    assert imports.mid_transaction >= 3, imports.summary("imports")
    assert edits.mid_transaction >= 3, edits.summary("edits")
    assert imports.units_committed >= 1 and edits.units_committed >= 20


def test_the_checks_see_a_half_written_import(tmp_path: Path) -> None:
    """What the kills test relies on: a batch with rows missing, or rows without their
    operation, is caught (written around the services, as a broken transaction would)."""
    path = tmp_path / "imports.sqlite"
    fresh_database(path)
    rows = 10
    from crm.io.import_check import plan_import
    from crm.io.import_source import open_source, source_records
    from crm.io.import_write import run_import
    from tests.crm.db.crash_worker import batch_name, csv_text

    source_path = tmp_path / batch_name(1)
    source_path.write_text(csv_text(1, rows), encoding="utf-8")
    db = open_and_check(path)
    try:
        source = open_source(source_path)
        run_import(db, plan_import(db, source_records(source, "people"), "people", source.name))
        assert check_imports(db, rows) == {1}
    finally:
        db.close()
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute(
            "DELETE FROM people WHERE id = (SELECT max(id) FROM people WHERE family_name "
            "LIKE 'Imp%')"
        )
    connection.close()
    db = open_and_check(path)
    try:
        with pytest.raises(CrashCheckFailed, match="incomplete batches"):
            check_imports(db, rows)
    finally:
        db.close()


def test_the_checks_see_data_the_history_does_not_know(tmp_path: Path) -> None:
    from crm.services.people import PersonInput, create_person

    path = tmp_path / "edits.sqlite"
    fresh_database(path)
    db = open_and_check(path)
    try:
        create_person(db, PersonInput(family_name="Edit00001", notes="first"))
        assert check_edits(db) == 1
    finally:
        db.close()
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE people SET notes = 'changed behind the history'")
    connection.close()
    db = open_and_check(path)
    try:
        with pytest.raises(CrashCheckFailed, match="but history"):
            check_edits(db)
    finally:
        db.close()
