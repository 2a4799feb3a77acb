"""The one database worker: jobs in order, off the GUI thread, results and errors delivered."""

from __future__ import annotations

import threading
from typing import Any

from pytestqt.qtbot import QtBot

from ui.worker import DbWorker


def test_jobs_run_in_order_on_one_other_thread(qtbot: QtBot) -> None:
    worker = DbWorker()
    threads: list[int] = []
    results: list[int] = []

    def job(number: int) -> int:
        threads.append(threading.get_ident())
        return number * 10

    for number in range(5):
        worker.submit(job, number, on_done=results.append, busy=False)
    qtbot.waitUntil(worker.is_idle, timeout=3000)
    assert results == [0, 10, 20, 30, 40]
    assert len(set(threads)) == 1 and threads[0] != threading.get_ident()
    worker.shutdown()


def test_errors_go_to_the_caller_or_are_reported(qtbot: QtBot) -> None:
    worker = DbWorker()
    caught: list[Exception] = []

    def fail() -> None:
        raise ValueError("no such record")

    worker.submit(fail, on_error=caught.append)
    qtbot.waitUntil(worker.is_idle, timeout=3000)
    assert [str(error) for error in caught] == ["no such record"]
    with qtbot.waitSignal(worker.unhandled_error, timeout=3000) as signal:
        worker.submit(fail)
    assert isinstance(signal.args[0], ValueError)
    worker.shutdown()


def test_no_callback_after_shutdown(qtbot: QtBot) -> None:
    worker = DbWorker()
    called: list[Any] = []
    worker.shutdown()
    assert worker.submit(lambda: 1, on_done=called.append) == 0
    qtbot.wait(20)
    assert called == []
