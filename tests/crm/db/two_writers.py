"""Two Liaison processes writing to one SQLite file: counters kept by read-modify-write.

    python tests/crm/db/two_writers.py DB SECONDS START_AT SEED [--blind]

Shared records (people and organisations made by ``make_counters``) each hold a counter in
their notes ("count 41"). A writer reads a record through the services, waits a moment (a
person at the desk), writes the counter plus one with ``expected_version`` and, when the
services answer Conflict (the other process saved first), reads again and retries. At the end
it prints JSON: its successful increments per record, the conflicts it met, the longest write
(a busy wait, not an error) and any "database is locked" error (there must be none).

``--blind`` leaves out expected_version: the test's proof that the check can see a lost update.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent.parent))

from sqlalchemy.exc import OperationalError  # noqa: E402

from crm import i18n  # noqa: E402
from crm.db.database import Database  # noqa: E402
from crm.services import organisations, people  # noqa: E402
from crm.services.errors import Conflict  # noqa: E402

PEOPLE = 3
ORGANISATIONS = 2


def counter(notes: str | None) -> int:
    return int((notes or "count 0").removeprefix("count "))


def make_counters(db: Database) -> list[tuple[str, int]]:
    records: list[tuple[str, int]] = []
    for number in range(PEOPLE):
        person_id, _changes = people.create_person(
            db, people.PersonInput(family_name=f"Counter {number}", notes="count 0")
        )
        records.append(("person", person_id))
    for number in range(ORGANISATIONS):
        organisation_id, _changes = organisations.create_organisation(
            db, organisations.OrganisationInput(name=f"Counter Office {number}", notes="count 0")
        )
        records.append(("organisation", organisation_id))
    return records


def read_counters(db: Database, records: list[tuple[str, int]]) -> dict[str, int]:
    found = {}
    for kind, record_id in records:
        get = people.get_person if kind == "person" else organisations.get_organisation
        found[f"{kind}:{record_id}"] = counter(get(db, record_id).notes)
    return found


@dataclass
class Tally:
    increments: int = 0
    conflicts: int = 0
    locked_errors: int = 0
    longest_write_s: float = 0.0


def increment(db: Database, kind: str, record_id: int, blind: bool, pause: float) -> None:
    """Read, think, write the counter plus one; Conflict when someone saved in between."""
    if kind == "person":
        person = people.get_person(db, record_id)
        data = person.to_input()
        data.notes = f"count {counter(person.notes) + 1}"
        time.sleep(pause)
        version = None if blind else person.version
        people.update_person(db, record_id, data, expected_version=version)
    else:
        organisation = organisations.get_organisation(db, record_id)
        data_o = organisations.OrganisationInput(
            **{name: getattr(organisation, name) for name in organisations.TEXT_FIELDS}
        )
        data_o.notes = f"count {counter(organisation.notes) + 1}"
        time.sleep(pause)
        version = None if blind else organisation.version
        organisations.update_organisation(db, record_id, data_o, expected_version=version)


def run(path: str, seconds: float, start_at: float, seed: int, blind: bool) -> dict[str, object]:
    i18n.set_language("en")
    db = Database.open(path, create=False)
    rng = random.Random(seed)
    records = _all_records(db)
    per_record: dict[str, int] = {f"{kind}:{rid}": 0 for kind, rid in records}
    tally = Tally()
    time.sleep(max(0.0, start_at - time.time()))
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        kind, record_id = rng.choice(records)
        while True:
            started = time.monotonic()
            try:
                increment(db, kind, record_id, blind, rng.uniform(0, 0.004))
            except Conflict:
                tally.conflicts += 1
                continue
            except OperationalError as error:  # "database is locked": must never happen
                tally.locked_errors += 1
                print(f"error: {error}", file=sys.stderr)
                break
            finally:
                tally.longest_write_s = max(tally.longest_write_s, time.monotonic() - started)
            tally.increments += 1
            per_record[f"{kind}:{record_id}"] += 1
            break
    db.close()
    return {
        "increments": tally.increments,
        "conflicts": tally.conflicts,
        "locked_errors": tally.locked_errors,
        "longest_write_s": round(tally.longest_write_s, 3),
        "per_record": per_record,
    }


def _all_records(db: Database) -> list[tuple[str, int]]:
    from sqlalchemy import select

    from crm.db.models import Organisation, Person

    with db.read() as session:
        found = [
            ("person", person_id)
            for person_id in session.scalars(
                select(Person.id).where(Person.family_name.startswith("Counter"))
            )
        ]
        found += [
            ("organisation", organisation_id)
            for organisation_id in session.scalars(
                select(Organisation.id).where(Organisation.name.startswith("Counter Office"))
            )
        ]
    return found


@dataclass
class Outcome:
    seconds: float
    writers: list[dict[str, Any]]
    counters: dict[str, int]
    operations: int

    @property
    def increments(self) -> int:
        return sum(int(w["increments"]) for w in self.writers)

    @property
    def conflicts(self) -> int:
        return sum(int(w["conflicts"]) for w in self.writers)

    @property
    def locked_errors(self) -> int:
        return sum(int(w["locked_errors"]) for w in self.writers)

    @property
    def lost(self) -> int:
        return self.increments - sum(self.counters.values())

    def summary(self) -> str:
        longest = max(float(w["longest_write_s"]) for w in self.writers)
        return (
            f"two writers for {self.seconds:.0f} s: {self.increments} increments checked "
            f"({' + '.join(str(w['increments']) for w in self.writers)}), "
            f"{self.conflicts} conflicts detected and retried, {self.lost} lost updates, "
            f"{self.locked_errors} 'database is locked' errors, longest write {longest:.3f} s"
        )


def run_two(path: Path, seconds: float, seed: int, blind: bool = False) -> Outcome:
    """Start two writer processes on ``path`` at the same moment; their results and the file's."""
    db = Database.open(path)
    try:
        records = _all_records(db) or make_counters(db)
    finally:
        db.close()
    start_at = time.time() + 1.5  # both have started Python by then
    command = [sys.executable, str(Path(__file__).resolve()), str(path), str(seconds)]
    processes = [
        subprocess.Popen(
            [*command, str(start_at), str(seed + number), *(["--blind"] if blind else [])],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for number in range(2)
    ]
    writers = []
    failures = []
    for process in processes:
        try:
            out, err = process.communicate(timeout=seconds + 60)
        except subprocess.TimeoutExpired:
            process.kill()
            out, err = process.communicate()
        if process.returncode != 0:
            failures.append(f"a writer failed ({process.returncode}):\n{err}")
        else:
            writers.append(json.loads(out))
    if failures:
        raise AssertionError("\n".join(failures))
    db = Database.open(path, create=False)
    try:
        counters = read_counters(db, records)
        operations = int(
            db.raw_connection_execute("SELECT count(*) FROM operations WHERE label LIKE 'Edit %'")[
                0
            ][0]
        )
    finally:
        db.close()
    return Outcome(seconds, writers, counters, operations)


def main(argv: list[str]) -> int:
    blind = "--blind" in argv
    args = [arg for arg in argv if arg != "--blind"]
    result = run(args[0], float(args[1]), float(args[2]), int(args[3]), blind)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
