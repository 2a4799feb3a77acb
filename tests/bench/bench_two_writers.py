"""Benchmark: two Liaison processes writing to one SQLite file for a while.

    .venv/bin/python tests/bench/bench_two_writers.py [--seconds 120] [--seed N]

Each process increments counters on shared people and organisations by read-modify-write
through the services with expected_version, retrying on Conflict (tests/crm/db/two_writers.py).
At the end every counter must equal the increments the two reported: no lost update, and no
"database is locked" error (a writer waits for the other instead). Prints the figures.
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

from tests.crm.db.two_writers import run_two  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(2**31)
    print(f"seed {seed}")
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("LIAISON_DATA_DIR", str(Path(folder) / "data"))
        os.environ.setdefault("LIAISON_CONFIG_DIR", str(Path(folder) / "config"))
        outcome = run_two(Path(folder) / "shared.sqlite", args.seconds, seed)
    print(outcome.summary())
    for record, value in sorted(outcome.counters.items()):
        print(f"  {record}: {value}")
    ok = outcome.lost == 0 and outcome.locked_errors == 0
    ok = ok and outcome.operations == outcome.increments
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
