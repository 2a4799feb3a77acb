"""Benchmark: killing the writer (SIGKILL) many times during imports and edits.

    .venv/bin/python tests/bench/bench_crash.py [--kills 200] [--rows 2000] [--seed N]

Half the kills hit a worker importing CSV files of ROWS people through the app's import path,
half a worker editing through the services (new people, edits, trash, restore, merges,
register entries). After every kill the database must open, pass integrity_check and
foreign_key_check, and hold every unit of work wholly or not at all (see
tests/crm/db/crash_checks.py). Prints the figures: kills survived, how many hit a transaction.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.crm.db.crash_checks import (  # noqa: E402
    CrashCheckFailed,
    ForkServer,
    Tally,
    fresh_database,
    kill_edits,
    kill_imports,
    worker_env,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200, help="kills in all (default 200)")
    parser.add_argument("--rows", type=int, default=2000, help="people per imported file")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(2**31)
    print(f"seed {seed}")
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        os.environ.setdefault("LIAISON_DATA_DIR", str(workdir / "data"))
        os.environ.setdefault("LIAISON_CONFIG_DIR", str(workdir / "config"))
        from crm import i18n

        i18n.set_language("en")
        server = ForkServer(workdir, worker_env())
        total = Tally()
        try:
            imports_db, edits_db = workdir / "imports.sqlite", workdir / "edits.sqlite"
            fresh_database(imports_db)
            fresh_database(edits_db)
            imports = kill_imports(server, imports_db, workdir, args.kills // 2, rng, args.rows)
            print(imports.summary(f"imports of {args.rows:,} people"))
            edits = kill_edits(server, edits_db, workdir, args.kills - args.kills // 2, rng)
            print(edits.summary("edits"))
            total.add(imports)
            total.add(edits)
        except CrashCheckFailed as failure:
            print(f"FAILED after {total.kills} kills: {failure}")
            return 1
        finally:
            server.close()
        print(total.summary("together"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
