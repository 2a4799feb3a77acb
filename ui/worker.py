"""The one database worker: every database call of the UI runs here, off the GUI thread.

A QThreadPool with a single thread runs the jobs in the order they were submitted (so a save
is always followed by the reload that reads it), and the results come back to the GUI thread
through queued signals. A busy cursor appears when a job takes longer than a moment.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

BUSY_CURSOR_AFTER_MS = 200

Callback = Callable[[Any], None]


@dataclass
class _Pending:
    on_done: Callback | None
    on_error: Callback | None
    busy: bool


class _Job(QRunnable):
    def __init__(self, worker: DbWorker, job_id: int, call: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._worker = worker
        self._job_id = job_id
        self._call = call

    def run(self) -> None:
        try:
            result = self._call()
        except Exception as error:  # handed to the GUI thread, never lost
            self._worker.job_failed.emit(self._job_id, error)
        else:
            self._worker.job_done.emit(self._job_id, result)


class DbWorker(QObject):
    """Runs callables one after another on one thread; callbacks run on the GUI thread."""

    job_done = Signal(int, object)
    job_failed = Signal(int, object)
    unhandled_error = Signal(object)  # an error no caller asked to handle
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # keep the one thread (and its connection) alive
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._busy_cursor = False
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_CURSOR_AFTER_MS)
        self._busy_timer.timeout.connect(self._show_busy_cursor)
        self.job_done.connect(self._deliver_done, Qt.ConnectionType.QueuedConnection)
        self.job_failed.connect(self._deliver_error, Qt.ConnectionType.QueuedConnection)
        self._closed = False

    def submit(
        self,
        function: Callable[..., Any],
        *args: Any,
        on_done: Callback | None = None,
        on_error: Callback | None = None,
        busy: bool = True,
    ) -> int:
        """Queue ``function(*args)``; returns the job's number. ``busy``: show a busy cursor."""
        if self._closed:
            return 0
        job_id = next(self._ids)
        self._pending[job_id] = _Pending(on_done, on_error, busy)
        if busy and not self._busy_timer.isActive() and not self._busy_cursor:
            self._busy_timer.start()
        self._pool.start(_Job(self, job_id, lambda: function(*args)))
        return job_id

    def is_idle(self) -> bool:
        return not self._pending

    def shutdown(self) -> None:
        """Drop queued jobs and wait for the running one; no callback runs afterwards."""
        self._closed = True
        self._pool.clear()
        self._pool.waitForDone()
        self._pending.clear()
        self._busy_timer.stop()
        self._restore_cursor()

    @Slot(int, object)
    def _deliver_done(self, job_id: int, result: Any) -> None:
        pending = self._finish(job_id)
        if pending is not None and pending.on_done is not None:
            pending.on_done(result)
        self._maybe_idle()

    @Slot(int, object)
    def _deliver_error(self, job_id: int, error: Any) -> None:
        pending = self._finish(job_id)
        if pending is not None:
            if pending.on_error is not None:
                pending.on_error(error)
            else:
                self.unhandled_error.emit(error)
        self._maybe_idle()

    def _finish(self, job_id: int) -> _Pending | None:
        pending = self._pending.pop(job_id, None)
        if not any(p.busy for p in self._pending.values()):
            self._busy_timer.stop()
            self._restore_cursor()
        return pending

    def _maybe_idle(self) -> None:
        if not self._pending and not self._closed:
            self.idle.emit()

    def _show_busy_cursor(self) -> None:
        if any(p.busy for p in self._pending.values()) and not self._busy_cursor:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self._busy_cursor = True

    def _restore_cursor(self) -> None:
        if self._busy_cursor:
            QApplication.restoreOverrideCursor()
            self._busy_cursor = False
