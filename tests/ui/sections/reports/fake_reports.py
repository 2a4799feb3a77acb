"""A stand-in for ``crm.reports.build_report``: a small PDF made with ReportLab directly, one
line per page naming the report, so the app's side can be tested on its own."""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from reportlab.lib.pagesizes import A4, letter
from reportlab.pdfgen import canvas

from crm.services.errors import ServiceError
from ui.sections.reports import building
from ui.sections.reports.building import ReportOptions
from ui.widgets.pdf_pages import PDFIUM_LOCK


def make_pdf(pages: int, options: ReportOptions | None = None) -> bytes:
    size = letter if options is not None and options.page_size == "Letter" else A4
    buffer = io.BytesIO()
    document = canvas.Canvas(buffer, pagesize=size)
    for number in range(1, pages + 1):
        document.setFont("Helvetica-Bold", 22)
        what = f"{options.kind} {options.language}" if options is not None else "report"
        document.drawString(72, size[1] - 96, f"{what}: page {number} of {pages}")
        document.setFont("Helvetica", 10)
        for line in range(40):
            document.drawString(72, size[1] - 140 - line * 15, "Müller & Söhne <GmbH> · AT&T")
        document.showPage()
    document.save()
    return buffer.getvalue()


def pdf_page_count(path: Path) -> int:
    """How many pages the PDF file has (PDFium, one caller at a time like the app)."""
    import pypdfium2

    with PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(str(path))
        try:
            return len(document)
        finally:
            document.close()


def pdf_page_sizes(path: Path) -> list[tuple[float, float]]:
    import pypdfium2

    with PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(str(path))
        try:
            return [document.get_page_size(index) for index in range(len(document))]
        finally:
            document.close()


@dataclass
class FakeReports:
    pages: int = 2
    error: str | None = None
    calls: list[ReportOptions] = field(default_factory=list)
    threads: list[threading.Thread] = field(default_factory=list)

    def build(self, _db: Any, options: ReportOptions) -> bytes:
        self.calls.append(options)
        self.threads.append(threading.current_thread())
        if self.error is not None:
            raise ServiceError(self.error)
        return make_pdf(self.pages, options)


@pytest.fixture
def fake_reports(monkeypatch: pytest.MonkeyPatch) -> FakeReports:
    fake = FakeReports()
    monkeypatch.setattr(building, "build_pdf", fake.build)
    return fake
