"""A report on screen: built on the worker, shown in the preview, printed or saved as PDF.

The Reports section and the delegation's briefing dialog each hold one. The host says which
report (``options``: None while its form has mistakes, which it then shows) and what to call
the file; Print and Save use the PDF on screen, or build it first when the options changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from crm.i18n import _
from crm.services.errors import ServiceError
from ui.context import AppContext
from ui.sections.reports import building
from ui.sections.reports.building import ReportOptions
from ui.widgets import pdf_output
from ui.widgets.pdf_preview import PdfPreview

OptionsSource = Callable[[], ReportOptions | None]
NameSource = Callable[[ReportOptions], str]


class ReportPane(QWidget):
    busy_changed = Signal(bool)
    shown = Signal()  # a report's pages are on screen
    failed = Signal(str)  # the report could not be made: the message shown

    def __init__(
        self,
        context: AppContext,
        options: OptionsSource,
        file_name: NameSource,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._options = options
        self._file_name = file_name
        self._generation = 0
        self._busy = False
        self.built: tuple[ReportOptions, bytes] | None = None  # what the preview shows
        self.stale = False  # records changed since it was built
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = QLabel()
        self.banner.setObjectName("errorBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        self.preview = PdfPreview()
        self.print_button = QPushButton(_("&Print…"))
        self.print_button.setToolTip(_("Print (Ctrl+P)"))
        self.save_button = QPushButton(_("Save as P&DF…"))
        self.mail_button = QPushButton(_("Send by &email…"))
        self.mail_button.setToolTip(_("Attach the report to a new email message"))
        for button in (self.print_button, self.save_button, self.mail_button):
            self.preview.add_button(button)
        self.print_button.clicked.connect(self.print_report)
        self.save_button.clicked.connect(self.save_report)
        self.mail_button.clicked.connect(self.mail_report)
        self.preview.add_notice(self.banner)
        layout.addWidget(self.preview, 1)

    # --- building ---------------------------------------------------------------------------

    def is_busy(self) -> bool:
        return self._busy

    def preview_report(self) -> None:
        """Build the report as the host's options say and show it."""
        options = self._options()
        if options is not None:
            self._build(options, None)

    def refresh(self) -> None:
        """Build the report on screen again (its records changed)."""
        if self.built is not None:
            self.stale = False
            self._build(self.built[0], None)

    def _build(self, options: ReportOptions, then: Callable[[bytes], None] | None) -> None:
        self._generation += 1
        generation = self._generation
        self.banner.hide()
        self.built = None
        self.preview.show_message(_("Preparing the report…"))
        self._set_busy(True)
        self.context.run(
            building.build_pdf,
            options,
            on_done=lambda data: self._built(generation, options, data, then),
            on_error=lambda error: self._failed(generation, error),
        )

    def _built(
        self,
        generation: int,
        options: ReportOptions,
        data: bytes,
        then: Callable[[bytes], None] | None,
    ) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        try:
            self.preview.set_pdf(data)
        except Exception as error:  # PDFium refused what the builder made
            self._failed(generation, error)
            return
        self.built = (options, data)
        self.stale = False
        self.shown.emit()
        if then is not None:
            then(data)

    def _failed(self, generation: int, error: Any) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        if not isinstance(error, ServiceError):
            self.preview.show_message("")
            self.context.worker.unhandled_error.emit(error)
            return
        message = str(error) or _("The report could not be made.")
        self.banner.setText(message)
        self.banner.show()
        self.preview.show_message(_("The report could not be made."))
        self.context.say(message)
        self.failed.emit(message)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.print_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy)
        self.mail_button.setEnabled(not busy)
        self.busy_changed.emit(busy)

    def _with_pdf(self, action: Callable[[ReportOptions, bytes], None]) -> None:
        """``action`` on the report as the options say: the one on screen, or a new one."""
        options = self._options()
        if options is None or self._busy:
            return
        if self.built is not None and self.built[0] == options and not self.stale:
            action(*self.built)
            return
        self._build(options, lambda data: action(options, data))

    # --- output -----------------------------------------------------------------------------

    def print_report(self) -> None:
        self._with_pdf(self._print)

    def save_report(self) -> None:
        self._with_pdf(self._save)

    def mail_report(self) -> None:
        self._with_pdf(self._mail)

    def _mail(self, options: ReportOptions, data: bytes) -> None:
        """A new message with the PDF attached under the name Save would offer; sent about a
        delegation, its register entry is linked to the delegation."""
        from ui.mail.compose_dialog import compose_with_file

        name = pdf_output.safe_file_name(self._file_name(options))
        compose_with_file(
            self.context,
            self.window(),
            f"{name}.pdf",
            data,
            subject=name,
            delegation_id=options.delegation_id,
        )

    def _print(self, options: ReportOptions, data: bytes) -> None:
        if pdf_output.print_pdf(self.window(), data, self._file_name(options)):
            self.context.say(_("Sent to the printer."))

    def _save(self, options: ReportOptions, data: bytes) -> None:
        path = pdf_output.save_pdf(self.window(), data, self._file_name(options))
        if path is not None:
            self.context.say(_("Saved as {path}.").format(path=path))
