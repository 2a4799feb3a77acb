"""One window per database: the guard's lock and socket, a stale lock, and the real app twice."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.app import bring_forward
from ui.main_window import MainWindow
from ui.single_instance import InstanceGuard, database_identity, server_name

ROOT = Path(__file__).resolve().parents[2]
PROCESS_TIMEOUT_S = 60

# A later start in a process of its own: 3 if it became the first instance after all.
SECOND_START = """
import sys
from PySide6.QtCore import QCoreApplication
from ui.single_instance import InstanceGuard

app = QCoreApplication([])
guard = InstanceGuard(sys.argv[1])
if guard.claim():
    sys.exit(3)
reached = guard.forward()
print("answered" if guard.answered else "not answered")
sys.exit(0 if reached else 4)
"""

# A first instance that dies without cleaning up, leaving its lock and its socket behind.
CRASHING_START = """
import os, sys
from PySide6.QtCore import QCoreApplication
from ui.single_instance import InstanceGuard

app = QCoreApplication([])
guard = InstanceGuard(sys.argv[1])
assert guard.claim()
os._exit(0)
"""


@pytest.fixture
def short_tmp(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A short temporary folder for the lock and socket files (a socket path has at most
    about 100 characters), for this process and the ones it starts."""
    folder = Path(tempfile.mkdtemp(prefix="li-"))
    monkeypatch.setenv("TMPDIR", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def temp_path_for_qt(short_tmp: Path) -> Iterator[Path]:
    """QDir.tempPath() reads TMPDIR each time on Unix; elsewhere the test folder is skipped."""
    if QDir.tempPath() != QDir(str(short_tmp)).path():
        pytest.skip("Qt's temporary folder does not follow TMPDIR here")
    yield short_tmp


def python(code: str, *args: str) -> list[str]:
    return [sys.executable, "-c", code, *args]


def test_the_same_database_is_one_name_however_it_is_spelled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = tmp_path / "office.sqlite"
    office.write_bytes(b"")
    link = tmp_path / "link.sqlite"
    link.symlink_to(office)
    monkeypatch.chdir(tmp_path)
    names = {
        server_name(spelling)
        for spelling in (str(office), "office.sqlite", "./office.sqlite", str(link))
    }
    names.add(server_name(f"sqlite:///{office}"))
    assert len(names) == 1
    [name] = names
    assert name.startswith("liaison-") and len(name) < 40
    assert server_name(str(tmp_path / "other.sqlite")) != name
    # No --db: the default file in the data folder (tests/conftest.py puts it in tmp_path).
    assert database_identity(None) == os.path.normcase(
        str((tmp_path / "data" / "liaison.sqlite").resolve())
    )
    assert database_identity("postgresql://office/liaison") == "postgresql://office/liaison"


def test_the_first_start_claims_the_database_and_a_later_one_does_not(
    qapp: QApplication, tmp_path: Path, temp_path_for_qt: Path
) -> None:
    target = str(tmp_path / "office.sqlite")
    first = InstanceGuard(target)
    assert first.claim() and first.is_primary
    later = InstanceGuard(target)
    assert not later.claim() and not later.is_primary
    other = InstanceGuard(str(tmp_path / "other.sqlite"))
    assert other.claim()  # another database has its own window
    other.release()
    first.release()
    assert later.claim()  # given back at the end of the first
    later.release()


def test_a_later_start_asks_the_running_one_to_come_forward(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, temp_path_for_qt: Path
) -> None:
    target = str(tmp_path / "office.sqlite")
    first = InstanceGuard(target)
    assert first.claim()
    asked: list[bool] = []
    first.activation_requested.connect(lambda: asked.append(True))
    second = subprocess.Popen(
        python(SECOND_START, target), cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=PROCESS_TIMEOUT_S * 1000)
    finally:
        if second.poll() is None:
            second.kill()
        output, _ = second.communicate()
        first.release()
    assert (second.returncode, output.strip()) == (0, "answered")
    assert asked == [True]


def test_a_lock_and_socket_left_by_a_crash_are_taken_over(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, temp_path_for_qt: Path
) -> None:
    target = str(tmp_path / "office.sqlite")
    subprocess.run(python(CRASHING_START, target), cwd=ROOT, check=True, timeout=PROCESS_TIMEOUT_S)
    name = server_name(target)
    assert (temp_path_for_qt / f"{name}.lock").exists()
    if sys.platform != "win32":
        assert (temp_path_for_qt / name).exists()  # the dead process's socket file
    guard = InstanceGuard(target)
    assert guard.claim()
    asked: list[bool] = []
    guard.activation_requested.connect(lambda: asked.append(True))
    second = subprocess.Popen(python(SECOND_START, target), cwd=ROOT, stdout=subprocess.DEVNULL)
    try:
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=PROCESS_TIMEOUT_S * 1000)
    finally:
        second.kill()
        second.wait()
        guard.release()
    assert second.returncode == 0
    assert asked == [True]


def test_a_first_instance_that_does_not_answer_is_given_up(
    qapp: QApplication, tmp_path: Path, temp_path_for_qt: Path
) -> None:
    target = str(tmp_path / "office.sqlite")
    first = InstanceGuard(target)
    assert first.claim()
    assert first._server is not None
    first._server.close()  # it holds the lock but no longer listens: it hangs
    started = time.monotonic()
    later = InstanceGuard(target)
    assert not later.claim()
    assert later.forward(connect_timeout_ms=300) is False  # the app then opens its own window
    assert time.monotonic() - started < 5
    first.release()


def test_bring_forward_restores_a_minimised_window(qapp: QApplication, qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    bring_forward(window)
    assert window.isVisible()
    assert not window.windowState() & Qt.WindowState.WindowMinimized
    window.close()


@pytest.mark.slow
def test_the_real_app_started_twice_on_one_database_keeps_one_window(
    tmp_path: Path, short_tmp: Path
) -> None:
    """Two `liaison --db FILE` processes: the second brings the first forward and exits 0."""
    office = tmp_path / "office.sqlite"
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LIAISON_QUIT_AFTER_MS": "60000"}
    command = [sys.executable, "-m", "ui.launcher", "--db", str(office)]
    first_log = tmp_path / "first.err"
    with first_log.open("w") as stream:
        first = subprocess.Popen(command, cwd=ROOT, env=environment, stderr=stream)
    try:
        deadline = time.monotonic() + PROCESS_TIMEOUT_S
        while "data-shown" not in first_log.read_text() and first.poll() is None:
            assert time.monotonic() < deadline, first_log.read_text()
            time.sleep(0.05)
        assert first.poll() is None, first_log.read_text()
        started = time.monotonic()
        second = subprocess.run(
            command,
            cwd=ROOT,
            env={**environment, "LIAISON_QUIT_AFTER_MS": "0"},
            capture_output=True,
            text=True,
            timeout=PROCESS_TIMEOUT_S,
        )
        took = time.monotonic() - started
        while "activated" not in first_log.read_text():
            assert time.monotonic() < deadline, first_log.read_text()
            time.sleep(0.05)
    finally:
        first.kill()
        first.wait()
    assert second.returncode == 0, second.stderr
    assert "already open" in second.stderr
    assert "window-shown" not in second.stderr  # it never built a window of its own
    assert took < PROCESS_TIMEOUT_S
