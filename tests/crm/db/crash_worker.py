"""The process the crash-safety tests kill: imports or edits through the services, in a loop.

    python tests/crm/db/crash_worker.py import DB WORKDIR PROGRESS FIRST_SEQ ROWS
    python tests/crm/db/crash_worker.py edit DB PROGRESS SEED FIRST_OP
    python tests/crm/db/crash_worker.py serve

``import`` writes CSV files of ROWS people (``Imp00007-…``, each with an email, a phone and an
organisation of its batch) and imports them one after the other through the app's import path
(open_source → plan_import → run_import: one transaction per file). ``edit`` runs a seeded
stream of single actions through the services (new person with contact points and an address,
edit, move to the trash, restore, merge, a register entry), each its own unit of work.
Both run until killed. Before each unit the worker appends ``begin N KIND`` to PROGRESS and
after it ``done N`` (each with ``@seconds`` since it started), unbuffered, so the killer knows
what was under way.

``serve`` is a fork server: it imports everything once and then, per line on stdin (the same
arguments as above), forks a worker, answers ``pid N`` and, when the worker has died,
``exit N STATUS``. The tests kill fifty workers; starting Python fifty times would take longer
than the kills.
"""

from __future__ import annotations

import os
import random
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent.parent))

from sqlalchemy import select  # noqa: E402

from crm import i18n  # noqa: E402
from crm.db.database import Database  # noqa: E402
from crm.db.models import Person  # noqa: E402
from crm.io.import_check import plan_import  # noqa: E402
from crm.io.import_source import open_source, source_records  # noqa: E402
from crm.io.import_write import run_import  # noqa: E402
from crm.services import correspondence, merge, people, trash  # noqa: E402
from crm.services.contact_points import AddressInput, ContactPointInput  # noqa: E402
from crm.services.errors import ServiceError  # noqa: E402

EDIT_PREFIX = "Edit"
IMPORT_PREFIX = "Imp"
ORGS_PER_BATCH = 7
KINDS = ("create", "create", "update", "update", "letter", "delete", "restore", "merge")


def batch_name(seq: int) -> str:
    return f"batch-{seq:05d}.csv"


def import_tag(seq: int) -> str:
    return f"{IMPORT_PREFIX}{seq:05d}-"


def org_tag(seq: int) -> str:
    return f"Batch {seq:05d} Org "


def csv_text(seq: int, rows: int) -> str:
    lines = ["First Name,Last Name,E-mail Address,Mobile Phone,Company,Business City"]
    for i in range(rows):
        lines.append(
            f"Anna{i},{import_tag(seq)}{i:05d},imp{seq}.{i}@crash.example,"
            f"+49 341 {seq % 1000:03d}{i:05d},{org_tag(seq)}{i % ORGS_PER_BATCH},Leipzig"
        )
    return "\n".join(lines) + "\n"


class Progress:
    """Lines appended unbuffered (a kill loses none written), each with the seconds since
    the worker started, so the killer can aim at the transactions."""

    def __init__(self, path: str) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        self.started = time.monotonic()

    def say(self, line: str) -> None:
        os.write(self.fd, f"{line} @{time.monotonic() - self.started:.3f}\n".encode())


def import_loop(db_path: str, workdir: str, progress_path: str, first_seq: int, rows: int) -> None:
    progress = Progress(progress_path)
    db = Database.open(db_path, create=False)
    seq = first_seq
    while True:
        path = Path(workdir) / batch_name(seq)
        if not path.exists():
            path.write_text(csv_text(seq, rows), encoding="utf-8")
        progress.say(f"plan {seq}")
        source = open_source(path)
        plan = plan_import(db, source_records(source, "people"), "people", source.name)
        progress.say(f"begin {seq} import")
        run_import(db, plan)
        progress.say(f"done {seq}")
        seq += 1


def _person_input(op: int, notes: str | None = None) -> people.PersonInput:
    return people.PersonInput(
        family_name=f"{EDIT_PREFIX}{op:05d}",
        given_name="Probe",
        notes=notes,
        contact_points=[
            ContactPointInput("email", f"e{op}@crash.example", is_primary=True),
            ContactPointInput("phone", f"+49 341 9{op:06d}"),
            ContactPointInput("web", f"https://crash.example/{op}"),
        ],
        addresses=[AddressInput(street=f"Markt {op}", postcode="04109", city="Leipzig")],
    )


def _ids(db: Database, *, trashed: bool) -> list[int]:
    with db.read() as session:
        condition = Person.deleted_at.is_not(None) if trashed else Person.deleted_at.is_(None)
        return list(
            session.scalars(
                select(Person.id)
                .where(Person.family_name.startswith(EDIT_PREFIX), condition)
                .order_by(Person.id)
            )
        )


def edit_once(db: Database, rng: random.Random, op: int, progress: Progress) -> None:
    """Choose (reading) first, then say ``begin`` and run the one unit of work."""
    live = _ids(db, trashed=False)
    kind = rng.choice(KINDS) if len(live) >= 6 else "create"
    trashed = _ids(db, trashed=True) if kind == "restore" else []
    if kind == "restore" and not trashed:
        kind = "update"
    unit: Callable[[], object]
    if kind == "create":
        unit = partial(people.create_person, db, _person_input(op))
    elif kind == "update":
        person_id = rng.choice(live)
        detail = people.get_person(db, person_id)
        data = detail.to_input()
        data.notes = f"rev {op}"
        # A restored merged person has no contact points left: they moved to the kept one.
        email = ContactPointInput("email", f"e{op}@crash.example", None, True)
        data.contact_points[:1] = [email]
        data.addresses.append(AddressInput(street=f"Ring {op}", city="Leipzig"))
        unit = partial(people.update_person, db, person_id, data, expected_version=detail.version)
    elif kind == "letter":
        first, second = rng.sample(live, 2)
        entry = correspondence.CorrespondenceInput(
            subject=f"Letter {op}", counterpart_person_id=first, person_ids=[second]
        )
        unit = partial(correspondence.create_correspondence, db, entry)
    elif kind == "delete":
        unit = partial(trash.delete_to_trash, db, "person", rng.choice(live))
    elif kind == "restore":
        unit = partial(trash.restore_from_trash, db, "person", rng.choice(trashed))
    else:
        keep, gone = rng.sample(live, 2)
        unit = partial(merge.merge_people, db, keep, gone)
    progress.say(f"begin {op} {kind}")
    unit()
    progress.say(f"done {op}")


def edit_loop(db_path: str, progress_path: str, seed: int, first_op: int) -> None:
    progress = Progress(progress_path)
    db = Database.open(db_path, create=False)
    rng = random.Random(seed)
    op = first_op
    while True:
        try:
            edit_once(db, rng, op, progress)
        except ServiceError as error:  # not expected: say so, the test fails on it
            progress.say(f"error {op} {type(error).__name__}")
            raise
        op += 1


def run(args: list[str]) -> None:
    i18n.set_language("en")
    if args[0] == "import":
        import_loop(args[1], args[2], args[3], int(args[4]), int(args[5]))
    elif args[0] == "edit":
        edit_loop(args[1], args[2], int(args[3]), int(args[4]))
    else:
        raise SystemExit(f"unknown command {args[0]!r}")


def serve() -> None:
    """Fork a worker per line of stdin; report its pid and, once it died, its status."""
    for line in sys.stdin:
        args = line.split()
        if not args:
            continue
        pid = os.fork()
        if pid == 0:
            status = 0
            try:
                sys.stdin.close()
                run(args)
            except BaseException:
                import traceback

                traceback.print_exc()
                status = 1
            finally:
                os._exit(status)
        print(f"pid {pid}", flush=True)
        _pid, status = os.waitpid(pid, 0)
        print(f"exit {pid} {status}", flush=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["serve"]:
        serve()
    else:
        run(sys.argv[1:])
