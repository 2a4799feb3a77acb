"""Two processes on one SQLite file: busy waits instead of "database is locked", and every
save of a record someone else saved meanwhile is refused (Conflict) and retried, so counters
kept by read-modify-write lose no update. tests/bench/bench_two_writers.py runs it longer."""

from __future__ import annotations

import os
import random
from pathlib import Path

from tests.crm.db.two_writers import run_two

SECONDS = 12.0


def test_two_writers_lose_no_update(tmp_path: Path) -> None:
    seed = int(os.environ.get("LIAISON_TWO_WRITERS_SEED") or random.randrange(2**31))
    outcome = run_two(tmp_path / "shared.sqlite", SECONDS, seed)
    print(f"\nseed {seed}; {outcome.summary()}")
    assert outcome.locked_errors == 0
    assert outcome.lost == 0, outcome.counters
    for record, value in outcome.counters.items():
        assert value == sum(w["per_record"][record] for w in outcome.writers), record
    assert outcome.operations == outcome.increments  # each increment one history entry
    assert all(w["increments"] > 50 for w in outcome.writers)  # both really worked
    assert outcome.conflicts > 0  # and got in each other's way


def test_without_the_version_check_updates_are_lost(tmp_path: Path) -> None:
    """The counters can show a lost update: blind writes (no expected_version) lose some."""
    outcome = run_two(tmp_path / "shared.sqlite", 3.0, 7, blind=True)
    print(f"\nblind: {outcome.summary()}")
    assert outcome.conflicts == 0
    assert outcome.lost > 0
