"""Benchmark: how fast Liaison starts, side by side with an empty PySide6 window.

    .venv/bin/python tests/bench/bench_startup.py [--rounds 9] [--bundle dist/liaison]

In one run, on the same machine, it starts in turn (each round in the same order, after one
unmeasured round that warms the file cache):

- an empty PySide6 window (QApplication and a QMainWindow of the main window's size),
- Liaison from the source tree (``python -m ui.launcher --db OFFICE``),
- Liaison from the bundle, when dist/liaison/liaison (or --bundle) exists,

on the Leipzig demo office, and reads the milestones the app writes with
LIAISON_QUIT_AFTER_MS (ui/startup_probe.py): the main window's first paint, and the Overview
painted with the office's data. Times run from the moment the process is started.

Budgets (issue 7): the main window visible within 2x the empty window's time, before the
database layer has loaded (no SQLAlchemy, ReportLab, ... in the process yet); the Overview with
its data within 5x. It prints the medians, the spread and the bundle's size, and exits with
status 1 when a budget is missed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WINDOW_BUDGET = 2.0
DATA_BUDGET = 5.0
PREFIX = "liaison-startup"
TIMEOUT_S = 120

EMPTY_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1400, 860)


class FirstPaint(QObject):
    seen = False

    def eventFilter(self, watched, event):
        if not self.seen and watched is window and event.type() == QEvent.Type.Paint:
            self.seen = True
            sys.stderr.write(f"{PREFIX} window-shown {time.time():.6f} heavy=-\\n")
            QTimer.singleShot(0, app.quit)
        return False


watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
""".replace("{PREFIX}", PREFIX)


@dataclass
class Runner:
    name: str
    command: list[str]
    window: list[float] = field(default_factory=list)
    data: list[float] = field(default_factory=list)
    heavy: set[str] = field(default_factory=set)


def run_once(runner: Runner, environment: dict[str, str], record: bool) -> None:
    started = time.time()
    result = subprocess.run(
        runner.command,
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )
    marks: dict[str, tuple[float, list[str]]] = {}
    for line in result.stderr.splitlines():
        parts = line.split(" ")
        if len(parts) >= 3 and parts[0] == PREFIX:
            marks.setdefault(parts[1], (float(parts[2]) - started, parts[3:]))
    if result.returncode != 0 or "window-shown" not in marks:
        raise SystemExit(
            f"bench_startup: {runner.name} failed (status {result.returncode}):\n{result.stderr}"
        )
    if not record:
        return
    seconds, detail = marks["window-shown"]
    runner.window.append(seconds)
    for item in detail:
        if item.startswith("heavy=") and item != "heavy=-":
            runner.heavy.update(item.removeprefix("heavy=").split(","))
    if "data-shown" in marks:
        runner.data.append(marks["data-shown"][0])


def spread(values: list[float]) -> str:
    return f"{min(values) * 1000:.0f}–{max(values) * 1000:.0f}"


def make_office(folder: Path) -> Path:
    office = folder / "leipzig.sqlite"
    subprocess.run(
        [sys.executable, "-m", "crm", "demo", "--office", "leipzig", "--db", str(office)],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "LIAISON_CONFIG_DIR": str(folder / "config")},
    )
    return office


def folder_size(path: Path) -> str:
    if shutil.which("du"):
        result = subprocess.run(["du", "-sh", str(path)], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split()[0]
    total = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return f"{total / 2**20:.0f}M"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "liaison")
    parser.add_argument("--db", type=Path, help="an office to open (default: a new Leipzig demo)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="liaison-bench-") as temporary:
        folder = Path(temporary)
        office = args.db or make_office(folder)
        script = folder / "empty_window.py"
        script.write_text(EMPTY_WINDOW, encoding="utf-8")
        runners = [
            Runner("empty PySide6 window", [sys.executable, str(script)]),
            Runner(
                "Liaison, source tree",
                [sys.executable, "-m", "ui.launcher", "--db", str(office)],
            ),
        ]
        program = args.bundle / ("liaison.exe" if sys.platform == "win32" else "liaison")
        if program.is_file():
            runners.append(Runner("Liaison, bundle", [str(program), "--db", str(office)]))
        environment = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "LIAISON_QUIT_AFTER_MS": "0",
            "LIAISON_CONFIG_DIR": str(folder / "config"),
            "LIAISON_DATA_DIR": str(folder / "data"),
            "TMPDIR": str(folder),
        }
        for round_ in range(args.rounds + 1):
            for runner in runners:
                run_once(runner, environment, record=round_ > 0)

    empty = statistics.median(runners[0].window)
    print(f"Start-up, median of {args.rounds} rounds (ms, with the spread), offscreen platform")
    print(f"{'':24} {'window shown':>22} {'Overview with data':>26}")
    failed = False
    for runner in runners:
        window = statistics.median(runner.window)
        line = f"{runner.name:24} {window * 1000:6.0f} ({spread(runner.window):>9})"
        if runner is runners[0]:
            print(line)
            continue
        ratio = window / empty
        line += f" {ratio:4.2f}x"
        if runner.data:
            data = statistics.median(runner.data)
            data_ratio = data / empty
            line += f"  {data * 1000:6.0f} ({spread(runner.data):>9}) {data_ratio:4.2f}x"
            failed |= data_ratio > DATA_BUDGET
        else:
            line += "  (no data shown)"
            failed = True
        failed |= ratio > WINDOW_BUDGET or bool(runner.heavy)
        print(line)
        if runner.heavy:
            print(f"{'':24} loaded before the window showed: {', '.join(sorted(runner.heavy))}")
    print(f"Budgets: window {WINDOW_BUDGET:.0f}x the empty window, Overview {DATA_BUDGET:.0f}x.")
    if program.is_file():
        print(f"Bundle: {args.bundle} is {folder_size(args.bundle)}.")
    else:
        print(f"Bundle: none at {args.bundle} (build it with: bash scripts/bundle.sh).")
    print("within budget" if not failed else "OVER BUDGET")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
