"""A start that reports its milestones and closes by itself: the bundle's smoke test and the
start-up benchmark use it, on the real app (frozen or not), with no window system needed.

    LIAISON_QUIT_AFTER_MS=500 QT_QPA_PLATFORM=offscreen liaison --db office.sqlite

With the variable set, the app writes one line to standard error at each milestone,
``liaison-startup EVENT SECONDS [detail]`` (SECONDS: time.time(), comparable with the clock
of the process that started it):

- ``window-shown``: the main window's first paint; the detail names the heavy libraries
  already loaded then (``heavy=-`` when none: the database layer loads after this).
- ``data-shown``: the first section's data has arrived and the window has been painted
  with it. The Overview's comes from the start-up reader (crm.services.overview_sqlite),
  before the database layer has loaded; another first section's once the database is open
  and every read has arrived.
- ``activated``: a second start on the same database asked this window to come forward.

It then closes the main window ``LIAISON_QUIT_AFTER_MS`` milliseconds after ``data-shown``
(exit status 0). Errors that would open a message box are written to standard error
instead, with exit status 1 (2 for a refused database), so an unattended run never hangs.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from ui.main_window import MainWindow
    from ui.single_instance import InstanceGuard

QUIT_AFTER_VARIABLE = "LIAISON_QUIT_AFTER_MS"
PREFIX = "liaison-startup"
# Loaded only once there is a database or a report: none of them before the window shows.
HEAVY_MODULES = (
    "sqlalchemy",
    "alembic",
    "reportlab",
    "openpyxl",
    "xlsxwriter",
    "pypdfium2",
    "babel",
    "phonenumbers",
    "email_validator",
    "keyring",
    "vobject",
    "icalendar",
)
GIVE_UP_MS = 180_000  # no database after three minutes: something hangs


def quit_after_ms() -> int | None:
    """The variable's value (None when unset or not a number)."""
    value = os.environ.get(QUIT_AFTER_VARIABLE, "").strip()
    try:
        return max(0, int(value)) if value else None
    except ValueError:
        return None


def trace(event: str, detail: str = "") -> None:
    line = f"{PREFIX} {event} {time.time():.6f}"
    sys.stderr.write(f"{line} {detail}\n" if detail else line + "\n")
    sys.stderr.flush()


def heavy_modules_loaded() -> list[str]:
    return [name for name in HEAVY_MODULES if name in sys.modules]


def install_before_window(app: QApplication) -> None:
    """Message boxes become lines on standard error (nobody is there to close them)."""
    from ui import dialogs

    def refuse_database(message: str) -> None:
        sys.stderr.write(f"liaison: {message}\n")

    def show_unexpected(_parent: object, error: BaseException) -> None:
        import traceback

        sys.stderr.write("liaison: unexpected error:\n")
        traceback.print_exception(error, file=sys.stderr)
        app.exit(1)

    dialogs.refuse_database = refuse_database
    dialogs.show_unexpected = show_unexpected


class StartupProbe(QObject):
    """Watches the main window: milestones to standard error, then closes it."""

    def __init__(
        self,
        app: QApplication,
        window: MainWindow,
        guard: InstanceGuard | None,
        quit_after: int,
    ) -> None:
        super().__init__(window)
        self._app = app
        self._window = window
        self._quit_after = quit_after
        self._shown = False
        self._data_shown = False
        window.installEventFilter(self)
        # Queued after the worker's own delivery: the section has its data when this runs.
        window.worker.job_done.connect(self._job_done, Qt.ConnectionType.QueuedConnection)
        window.worker.idle.connect(self._worker_idle)
        if guard is not None:
            guard.activation_requested.connect(lambda: trace("activated"))
        self._give_up = QTimer(self)
        self._give_up.setSingleShot(True)
        self._give_up.timeout.connect(self._no_data)
        self._give_up.start(GIVE_UP_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._shown and watched is self._window and event.type() == QEvent.Type.Paint:
            self._shown = True
            trace("window-shown", "heavy=" + (",".join(heavy_modules_loaded()) or "-"))
        return False

    def _job_done(self, _job: int, _result: object) -> None:
        # The Overview keeps what it shows; the warm-up after it is no part of showing it.
        if getattr(self._window.current_section(), "overview", None) is not None:
            self._show_data()

    def _worker_idle(self) -> None:
        if self._window.context is not None:  # the database is attached, its reads are in
            self._show_data()

    def _show_data(self) -> None:
        if self._data_shown:
            return
        self._data_shown = True
        self._give_up.stop()
        widget: QWidget = self._window
        widget.repaint()  # painted with the data before the milestone is written
        trace("data-shown", f"section={self._window.current_key}")
        QTimer.singleShot(self._quit_after, self._window.close)

    def _no_data(self) -> None:
        sys.stderr.write("liaison: the database did not open in time\n")
        self._app.exit(1)
