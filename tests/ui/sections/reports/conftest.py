"""The report builder replaced by a small fake, and the print and save dialogs answered the way
a test says: printing goes to a PDF file, saving to a path in the test's folder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtPrintSupport import QPrinter

from tests.ui.sections.reports.fake_reports import FakeReports, fake_reports
from ui.widgets import pdf_output

__all__ = ["FakeReports", "fake_reports"]

PRINT_DPI = 100  # enough to count pages, quick to draw


@dataclass
class Output:
    folder: Path
    save_as: str | None = "report.pdf"  # None: the save dialog is cancelled
    print_accepted: bool = True
    set_up_printer: Callable[[QPrinter], None] | None = None
    asked: list[tuple[str, Any]] = field(default_factory=list)

    @property
    def printed(self) -> Path:
        return self.folder / "printed.pdf"

    def kinds(self) -> list[str]:
        return [kind for kind, _what in self.asked]


@pytest.fixture
def output(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Output:
    recorder = Output(tmp_path)

    def choose_pdf_path(_parent: Any, suggested: Path) -> str | None:
        recorder.asked.append(("save", suggested))
        return str(tmp_path / recorder.save_as) if recorder.save_as else None

    def choose_printer(_parent: Any, printer: QPrinter, page_count: int) -> bool:
        recorder.asked.append(("print", page_count))
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(recorder.printed))
        printer.setResolution(PRINT_DPI)
        if recorder.set_up_printer is not None:
            recorder.set_up_printer(printer)
        return recorder.print_accepted

    monkeypatch.setattr(pdf_output, "choose_pdf_path", choose_pdf_path)
    monkeypatch.setattr(pdf_output, "choose_printer", choose_printer)
    return recorder
