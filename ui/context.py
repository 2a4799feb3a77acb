"""What every section shares: the open database, the one worker and the change broadcast.

After each write the section that made it calls ``announce(changes)``; every model and the
undo action listen to ``changed`` and refresh only what the ChangeSet names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from ui.worker import Callback, DbWorker

if TYPE_CHECKING:
    from crm.db.database import Database
    from crm.services.unit import ChangeSet


class AppContext(QObject):
    changed = Signal(object)  # ChangeSet
    status_message = Signal(str)
    open_record = Signal(str, int)  # kind, id: jump to a record in its section

    def __init__(
        self, db: Database | None, worker: DbWorker, parent: QObject | None = None
    ) -> None:
        """``db`` None: a context made before the database is open (the first screen at
        start-up); ``attach`` gives it the database, and nothing runs on it before that."""
        super().__init__(parent)
        self._db = db
        self.worker = worker

    @property
    def db(self) -> Database:
        if self._db is None:
            raise RuntimeError("the database is not open yet")
        return self._db

    @property
    def has_database(self) -> bool:
        return self._db is not None

    def attach(self, db: Database) -> None:
        self._db = db

    def run(
        self,
        function: Callable[..., Any],
        *args: Any,
        on_done: Callback | None = None,
        on_error: Callback | None = None,
        busy: bool = True,
    ) -> int:
        """Run ``function(db, *args)`` on the worker."""
        return self.worker.submit(
            function, self.db, *args, on_done=on_done, on_error=on_error, busy=busy
        )

    def announce(self, changes: ChangeSet) -> None:
        if not changes.empty:
            self.changed.emit(changes)

    def say(self, message: str) -> None:
        self.status_message.emit(message)
