"""A progress dialog with Cancel for database jobs that may take more than a second.

The job runs on the worker like any other; the dialog appears only when it is still running
after a second (short jobs never flash a window), shows what the job reports, and Cancel asks
the job to stop: it then rolls back, and nothing is changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from crm.i18n import _
from crm.services.progress import Cancelled, Progress
from ui.context import AppContext
from ui.worker import Callback

SHOW_AFTER_MS = 1000
POLL_MS = 100


class _ProgressDialog(QProgressDialog):
    """Cancel, Escape and closing ask the job to stop; the dialog stays until it has."""

    def __init__(self, title: str, parent: QWidget) -> None:
        super().__init__(title, "", 0, 0, parent)
        # Qt's own cancel() hides the dialog at once; the job is still rolling back then.
        self.canceled.disconnect(self.cancel)

    def reject(self) -> None:
        self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.canceled.emit()


class ProgressRun:
    """One long job: ``function(db, *args, progress)`` on the worker, watched by a dialog."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget,
        title: str,
        function: Callable[..., Any],
        *args: Any,
        on_done: Callback | None = None,
        on_error: Callback | None = None,
    ) -> None:
        self.context = context
        self.progress = Progress()
        self._on_done = on_done
        self._on_error = on_error
        self.dialog = _ProgressDialog(title, parent)
        # Our own button, kept, so that it can be disabled while the job winds down.
        self.cancel_button = QPushButton(_("Cancel"))
        self.dialog.setCancelButton(self.cancel_button)
        self.dialog.setObjectName("progressDialog")
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumWidth(420)
        self.dialog.canceled.connect(self.cancel)
        self._title = title
        self._timer = QTimer(self.dialog)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._timer.start()
        self.finished = False
        self.was_shown = False  # for tests: whether the dialog ever appeared
        context.run(function, *args, self.progress, on_done=self._done, on_error=self._failed)

    def cancel(self) -> None:
        if not self.finished:
            self.progress.cancel()
            self.dialog.setLabelText(_("Cancelling…"))
            self.cancel_button.setEnabled(False)

    def _poll(self) -> None:
        self.was_shown = self.was_shown or self.dialog.isVisible()
        state = self.progress.snapshot()
        if state.cancelled:
            return
        if state.total:
            self.dialog.setMaximum(state.total)
            self.dialog.setValue(min(state.done, state.total))
        if state.text:
            self.dialog.setLabelText(state.text)

    def _finish(self) -> None:
        self.finished = True
        self.was_shown = self.was_shown or self.dialog.isVisible()
        self._timer.stop()
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()

    def _done(self, result: Any) -> None:
        self._finish()
        if self._on_done is not None:
            self._on_done(result)

    def _failed(self, error: Exception) -> None:
        self._finish()
        if isinstance(error, Cancelled):
            self.context.say(str(error))
            return
        if self._on_error is not None:
            self._on_error(error)
        else:
            self.context.worker.unhandled_error.emit(error)
