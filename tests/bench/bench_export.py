"""Benchmark: exporting 100,000 people to CSV and to an Excel workbook.

    .venv/bin/python tests/bench/bench_export.py [--db PATH] [--rebuild] [--people N]

Builds (once, then reuses) an office of 100,000 people with build_office (each with an email,
a phone and an organisation), then times ``liaison``'s export of everyone, as the app and
``liaison export`` run it: the list's ids, the records read in batches, every phone formatted,
the file written beside the target and renamed. Prints the seconds, the rows and the file
sizes, and whether each stays within its budget (issue 5: CSV 3 s, XLSX 15 s); exits 1 if not.
The CPU seconds beside the wall-clock ones tell a slow run on a busy machine from a slow export.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

BUDGETS = {"csv": 3.0, "xlsx": 15.0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/liaison-bench-export.sqlite"))
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--people", type=int, default=100_000)
    args = parser.parse_args()
    if args.rebuild or not args.db.exists():
        from build_office import build

        print(f"building {args.people:,} people in {args.db} …", flush=True)
        build(args.db, people=args.people, organisations=20_000, correspondence=10_000)

    from crm.db.database import Database
    from crm.io.export_model import ExportRequest
    from crm.io.export_run import export_to_file

    db = Database.open(args.db, create=False)
    failed = False
    try:
        with tempfile.TemporaryDirectory() as folder:
            for format_ in ("csv", "xlsx"):
                target = Path(folder) / f"people.{format_}"
                started, cpu = time.perf_counter(), time.process_time()
                result = export_to_file(db, ExportRequest("people", format_), target)
                seconds = time.perf_counter() - started
                cpu = time.process_time() - cpu
                budget = BUDGETS[format_]
                verdict = "ok" if seconds <= budget else "OVER BUDGET"
                failed = failed or seconds > budget
                size = target.stat().st_size / 1_000_000
                print(
                    f"export {result.records:,} people to {format_.upper():4}  "
                    f"{seconds:6.2f} s  (budget {budget:.0f} s, {verdict})  CPU {cpu:.2f} s  "
                    f"{size:.1f} MB"
                )
    finally:
        db.close()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
