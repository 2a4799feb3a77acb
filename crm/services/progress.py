"""Progress and cancelling for long jobs (a large purge today, imports and backups later).

A job takes a Progress, reports how far it is, and calls ``check()`` between batches: after
the user cancels, ``check()`` raises Cancelled inside the job's transaction, which rolls back,
so a cancelled job leaves the database exactly as it was. The watcher (a progress dialog on the
GUI thread, a terminal) reads ``snapshot()`` whenever it likes; the two sides share no more than
this object, so it is safe across threads.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from crm.i18n import _
from crm.services.errors import ServiceError


class Cancelled(ServiceError):
    def __init__(self) -> None:
        super().__init__(_("Cancelled; nothing was changed."))


@dataclass(frozen=True)
class ProgressState:
    done: int
    total: int  # 0 while not yet known
    text: str
    cancelled: bool


class Progress:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancel = threading.Event()
        self._done = 0
        self._total = 0
        self._text = ""

    def start(self, total: int, text: str = "") -> None:
        with self._lock:
            self._done, self._total, self._text = 0, max(0, total), text

    def advance(self, count: int = 1, text: str | None = None) -> None:
        """``count`` more done; raises Cancelled when the user asked to stop."""
        with self._lock:
            self._done = min(self._done + count, self._total or self._done + count)
            if text is not None:
                self._text = text
        self.check()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def snapshot(self) -> ProgressState:
        with self._lock:
            return ProgressState(self._done, self._total, self._text, self._cancel.is_set())
