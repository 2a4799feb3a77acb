"""Killing crash_worker.py at random moments and checking the database after every kill.

Used by test_crash_safety.py and tests/bench/bench_crash.py. After each SIGKILL the file must
open with Database.open, pass ``integrity_check`` and ``foreign_key_check``, and hold every
unit of work wholly or not at all:

* imports: each import operation in the history has all its people (with their email and
  phone, their affiliation and their row in the search index) and its organisations, and no
  person or organisation of a batch exists without its operation;
* edits: the worker's units are counted (one history operation each: the count is what the
  worker finished, or one more when it was killed after the commit but before saying so);
  replaying the history's change rows gives exactly every person's and register entry's
  current content, trash state and search-index row; reference numbers stay gapless.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from crm.db.database import Database
from crm.db.models import Affiliation, Change, Correspondence, Person, TrashEntry
from crm.search.index import record_rowid
from crm.services import correspondence, people
from crm.services.unit import json_value

WORKER = Path(__file__).resolve().parent / "crash_worker.py"
ORGS_PER_BATCH = 7
BATCH = re.compile(r"batch-(\d{5})\.csv")
READY_TIMEOUT_S = 60.0


class CrashCheckFailed(AssertionError):
    pass


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise CrashCheckFailed(message)


@dataclass
class Tally:
    """What the kills hit."""

    kills: int = 0
    mid_transaction: int = 0  # killed inside a unit of work: it had to vanish wholly
    after_commit: int = 0  # killed after a commit, before the worker said so: wholly there
    between: int = 0  # killed between units (reading, planning, choosing)
    units_committed: int = 0  # units of work found complete after the kills
    seconds: float = 0.0
    kinds_interrupted: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        self.kills += other.kills
        self.mid_transaction += other.mid_transaction
        self.after_commit += other.after_commit
        self.between += other.between
        self.units_committed += other.units_committed
        self.seconds += other.seconds
        self.kinds_interrupted.update(other.kinds_interrupted)

    def summary(self, what: str) -> str:
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.kinds_interrupted.items()))
        return (
            f"{what}: {self.kills} kills survived in {self.seconds:.1f} s; "
            f"{self.mid_transaction} mid-transaction (rolled back wholly), "
            f"{self.after_commit} just after a commit (there wholly), "
            f"{self.between} between transactions; "
            f"{self.units_committed} committed units checked"
            + (f"; interrupted: {kinds}" if kinds else "")
        )


class ForkServer:
    """crash_worker.py serve: one Python start, a fork per worker."""

    def __init__(self, workdir: Path, env: dict[str, str]) -> None:
        self.stderr_path = workdir / "worker-stderr.txt"
        self._stderr: IO[bytes] = self.stderr_path.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, str(WORKER), "serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            env=env,
        )

    def _line(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise CrashCheckFailed(f"the fork server died:\n{self.worker_errors()}")
        return line.strip()

    def worker_errors(self) -> str:
        self._stderr.flush()
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")[-4000:]

    def kill_after(
        self, args: list[str], delay: float, ready: Callable[[], bool] | None = None
    ) -> None:
        """Start a worker, SIGKILL it ``delay`` seconds later (after ``ready()`` is true, when
        given); fail if it died on its own."""
        assert self.process.stdin is not None
        self.process.stdin.write(" ".join(args) + "\n")
        self.process.stdin.flush()
        answer = self._line()
        expect(answer.startswith("pid "), f"unexpected answer {answer!r}")
        pid = int(answer.split()[1])
        deadline = time.monotonic() + READY_TIMEOUT_S
        while ready is not None and not ready() and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(delay)
        with contextlib.suppress(ProcessLookupError):  # died already: the status says how
            os.kill(pid, signal.SIGKILL)
        answer = self._line()
        _exit, _pid, status = answer.split()
        code = int(status)
        expect(
            os.WIFSIGNALED(code) and os.WTERMSIG(code) == signal.SIGKILL,
            f"the worker ended by itself (status {code}) instead of being killed:\n"
            f"{self.worker_errors()}",
        )

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=30)
        if self.process.stdout is not None:
            self.process.stdout.close()
        self._stderr.close()


def read_progress(path: Path) -> list[list[str]]:
    """The worker's lines as words, without their time (see ``progress_times``)."""
    if not path.exists():
        return []
    return [
        [word for word in line.split() if not word.startswith("@")]
        for line in path.read_text(encoding="utf-8").splitlines()
        if line
    ]


def _said(path: Path, word: str) -> bool:
    return any(line and line[0] == word for line in read_progress(path))


def progress_times(path: Path, first: str, second: str) -> tuple[float, float] | None:
    """When the worker said its first ``first`` and first ``second`` line, if it did."""
    seen: dict[str, float] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            words = line.split()
            if words and words[0] in (first, second) and words[0] not in seen:
                seen[words[0]] = float(words[-1].removeprefix("@"))
    if first in seen and second in seen:
        return seen[first], seen[second]
    return None


def open_and_check(path: Path) -> Database:
    """Open as the app does; the file must be whole and its references intact."""
    db = Database.open(path, create=False)
    try:
        integrity = db.raw_connection_execute("PRAGMA integrity_check")
        expect(integrity == [("ok",)], f"integrity_check: {integrity[:5]}")
        foreign = db.raw_connection_execute("PRAGMA foreign_key_check")
        expect(foreign == [], f"foreign_key_check: {foreign[:5]}")
        empty = db.raw_connection_execute(
            "SELECT count(*) FROM operations o "
            "WHERE NOT EXISTS (SELECT 1 FROM changes c WHERE c.operation_id = o.id)"
        )
        expect(empty == [(0,)], "a history operation without its changes")
    except BaseException:
        db.close()
        raise
    return db


def count(db: Database, sql: str, *params: Any) -> int:
    return int(db.raw_connection_execute(sql, *params)[0][0])


# --- imports ------------------------------------------------------------------------------------


def check_imports(db: Database, rows: int) -> set[int]:
    """Every import wholly there or wholly absent; returns the committed batches."""
    committed: dict[int, int] = {}
    for operation_id, label in db.raw_connection_execute(
        "SELECT id, label FROM operations WHERE label LIKE 'Import %'"
    ):
        match = BATCH.search(label)
        expect(match is not None, f"an import operation of an unknown file: {label}")
        assert match is not None
        committed[int(match.group(1))] = operation_id
    tag = "substr(p.family_name, 4, 5)"
    by_batch: dict[str, dict[int, int]] = {}
    for name, sql in {
        "people": f"SELECT {tag}, count(*) FROM people p "
        "WHERE p.family_name LIKE 'Imp%' GROUP BY 1",
        "contact points": f"SELECT {tag}, count(*) FROM contact_points c "
        "JOIN people p ON c.person_id = p.id WHERE p.family_name LIKE 'Imp%' GROUP BY 1",
        "affiliations": f"SELECT {tag}, count(*) FROM affiliations a "
        "JOIN people p ON a.person_id = p.id WHERE p.family_name LIKE 'Imp%' GROUP BY 1",
        "organisations": "SELECT substr(name, 7, 5), count(*) FROM organisations "
        "WHERE name LIKE 'Batch %' GROUP BY 1",
    }.items():
        by_batch[name] = {int(seq): n for seq, n in db.raw_connection_execute(sql)}
    expected = {
        "people": rows,
        "contact points": 2 * rows,
        "affiliations": rows,
        "organisations": ORGS_PER_BATCH,
    }
    for name, found in by_batch.items():
        expect(
            set(found) == set(committed),
            f"{name} of batches {sorted(set(found) ^ set(committed))} without their operation "
            "(or an operation without them)",
        )
        wrong = {seq: n for seq, n in found.items() if n != expected[name]}
        expect(not wrong, f"incomplete batches ({name}): {wrong}")
    changes = dict(
        db.raw_connection_execute(
            "SELECT operation_id, count(*) FROM changes GROUP BY operation_id"
        )
    )
    for seq, operation_id in committed.items():
        expect(
            changes.get(operation_id) == rows + ORGS_PER_BATCH,
            f"batch {seq}: {changes.get(operation_id)} history rows",
        )
    indexed = count(db, "SELECT count(*) FROM search_records")
    live = count(db, "SELECT count(*) FROM people WHERE deleted_at IS NULL") + count(
        db, "SELECT count(*) FROM organisations WHERE deleted_at IS NULL"
    )
    expect(indexed == live, f"{indexed} search rows for {live} records")
    return set(committed)


def kill_imports(
    server: ForkServer, path: Path, workdir: Path, kills: int, rng: random.Random, rows: int
) -> Tally:
    tally = Tally()
    started = time.perf_counter()
    committed: set[int] = set()
    window: tuple[float, float] | None = None  # when the first import's transaction ran
    for kill in range(kills):
        progress = workdir / f"import-progress-{kill}.txt"
        first = max(committed, default=0) + 1
        ready: Callable[[], bool] | None = None
        if kill % 5 == 0:
            # Every fifth kill comes after a commit (while the next file is read), and tells
            # when the transaction runs in a worker's life.
            delay = rng.uniform(0.0, 0.3)
            ready = partial(_said, progress, "done")
        elif window is not None and kill % 2:
            # Every other kill aims at the transaction (reading and checking the file come
            # first and take about as long), anywhere from its BEGIN to just after its commit.
            delay = rng.uniform(window[0], window[1] + 0.05)
        else:
            delay = rng.uniform(0.05, 1.2)
        server.kill_after(
            ["import", str(path), str(workdir), str(progress), str(first), str(rows)],
            delay,
            ready,
        )
        window = progress_times(progress, "begin", "done") or window
        lines = read_progress(progress)
        db = open_and_check(path)
        try:
            now = check_imports(db, rows)
        finally:
            db.close()
        done = {int(line[1]) for line in lines if line[0] == "done"}
        expect(done <= now, f"batches {sorted(done - now)} reported done but not there")
        expect(now - committed - done <= {first + len(done)}, "unexpected batches")
        tally.kills += 1
        if lines and lines[-1][0] == "begin":
            seq = int(lines[-1][1])
            if seq in now:
                tally.after_commit += 1
            else:
                tally.mid_transaction += 1
                tally.kinds_interrupted["import"] += 1
        else:
            tally.between += 1
        committed = now
    tally.units_committed = len(committed)
    tally.seconds = time.perf_counter() - started
    return tally


# --- edits --------------------------------------------------------------------------------------


def _replayed(session: Session) -> tuple[dict[tuple[str, int], dict[str, Any]], set[Any]]:
    """Every person's and register entry's content and trash state, from the history alone."""
    state: dict[tuple[str, int], dict[str, Any]] = {}
    trashed: set[tuple[str, int]] = set()
    for change in session.scalars(
        select(Change)
        .where(Change.entity.in_(("person", "correspondence")))
        .order_by(Change.operation_id, Change.id)
    ):
        key = (change.entity, change.entity_id)
        if change.action == "create":
            expect(key not in state, f"{key} created twice")
            state[key] = json.loads(change.new_values or "{}")
        else:
            expect(key in state, f"{key} changed before it was created")
            if change.action == "update":
                state[key].update(json.loads(change.new_values or "{}"))
            elif change.action == "delete":
                trashed.add(key)
            elif change.action == "restore":
                trashed.discard(key)
    return state, trashed


def check_edits(db: Database) -> int:
    """The data is what the history says, to the last field; returns the operation count."""
    with db.read() as session:
        state, trashed = _replayed(session)
        found: set[tuple[str, int]] = set()
        in_trash = {
            (entity, entity_id)
            for entity, entity_id in session.execute(
                select(TrashEntry.entity, TrashEntry.entity_id)
            )
        }
        indexed = {
            rowid for (rowid,) in db.raw_connection_execute("SELECT rowid FROM search_records")
        }
        indexed_letters = {
            rowid
            for (rowid,) in db.raw_connection_execute("SELECT rowid FROM search_correspondence")
        }
        for person in session.scalars(
            select(Person).options(
                selectinload(Person.contact_points),
                selectinload(Person.addresses),
                selectinload(Person.affiliations).selectinload(Affiliation.organisation),
            )
        ):
            key = ("person", person.id)
            found.add(key)
            expect(key in state, f"person {person.id} without a history")
            now = json.loads(json.dumps(json_value(people.snapshot(person))))
            expect(now == state[key], f"person {person.id}: {now} but history {state[key]}")
            gone = person.deleted_at is not None
            expect(gone == (key in trashed) == (key in in_trash), f"person {person.id} trash")
            expect(
                (record_rowid("person", person.id) in indexed) != gone,
                f"person {person.id} search index",
            )
        for entry in session.scalars(select(Correspondence)):
            key = ("correspondence", entry.id)
            found.add(key)
            expect(key in state, f"register entry {entry.id} without a history")
            now = json.loads(json.dumps(json_value(correspondence.snapshot(entry))))
            expect(now == state[key], f"entry {entry.id}: {now} but history {state[key]}")
            expect((entry.id in indexed_letters) == (entry.deleted_at is None), "entry index")
        expect(found == set(state), f"history of missing records {set(state) - found}")
    letters = count(db, "SELECT count(*) FROM correspondence")
    numbers = count(db, "SELECT coalesce(sum(last_number), 0) FROM reference_counters")
    expect(letters == numbers, f"{letters} register entries but {numbers} reference numbers")
    return count(db, "SELECT count(*) FROM operations")


def kill_edits(
    server: ForkServer, path: Path, workdir: Path, kills: int, rng: random.Random
) -> Tally:
    tally = Tally()
    started = time.perf_counter()
    db = open_and_check(path)
    try:
        operations = check_edits(db)
    finally:
        db.close()
    for kill in range(kills):
        progress = workdir / f"edit-progress-{kill}.txt"
        server.kill_after(
            ["edit", str(path), str(progress), str(rng.randrange(2**32)), str(operations + 1)],
            rng.uniform(0.05, 0.6),
        )
        lines = read_progress(progress)
        expect(not any(line[0] == "error" for line in lines), f"worker error: {lines[-3:]}")
        done = sum(1 for line in lines if line[0] == "done")
        db = open_and_check(path)
        try:
            now = check_edits(db)
        finally:
            db.close()
        tally.kills += 1
        if lines and lines[-1][0] == "begin":
            expect(now in (operations + done, operations + done + 1), f"{now} operations")
            if now == operations + done:
                tally.mid_transaction += 1
                tally.kinds_interrupted[lines[-1][2]] += 1
            else:
                tally.after_commit += 1
        else:
            expect(now == operations + done, f"{now} operations, expected {operations + done}")
            tally.between += 1
        operations = now
    tally.units_committed = operations
    tally.seconds = time.perf_counter() - started
    return tally


def fresh_database(path: Path) -> None:
    Database.open(path).close()


def worker_env() -> dict[str, str]:
    env = dict(os.environ)
    env["LANGUAGE"] = "en"
    return env
