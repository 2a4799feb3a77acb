"""Printing a PDF page by page onto a printer (here one that writes a PDF file), with the page
range, order and copies chosen; and saving a PDF where the user says, atomically."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from crm import files
from tests.ui.sections.reports.fake_reports import make_pdf, pdf_page_count, pdf_page_sizes
from ui.sections.reports.building import ReportOptions
from ui.widgets import pdf_output
from ui.widgets.pdf_pages import PdfPages

PRINT_DPI = 100


def pdf_printer(pages: PdfPages, path: Path) -> QPrinter:
    printer = pdf_output.make_printer(pages, "Partnership overview")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(PRINT_DPI)
    return printer


@pytest.fixture
def three_pages() -> Any:
    pages = PdfPages(make_pdf(3))
    yield pages
    pages.close()


def test_every_page_goes_to_the_printer(qtbot: QtBot, tmp_path: Path, three_pages: Any) -> None:
    target = tmp_path / "printed.pdf"
    printer = pdf_printer(three_pages, target)
    assert printer.fullPage()
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    assert pdf_output.print_pages(printer, three_pages)
    assert pdf_page_count(target) == 3
    width, height = pdf_page_sizes(target)[0]
    assert (round(width), round(height)) == (595, 842)


def test_the_chosen_range_only(qtbot: QtBot, tmp_path: Path, three_pages: Any) -> None:
    target = tmp_path / "range.pdf"
    printer = pdf_printer(three_pages, target)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert pdf_output.pages_to_print(printer, 3) == [1, 2]
    assert pdf_output.print_pages(printer, three_pages)
    assert pdf_page_count(target) == 2


def test_copies_collated_or_not_and_last_page_first(
    qtbot: QtBot, tmp_path: Path, three_pages: Any
) -> None:
    printer = pdf_printer(three_pages, tmp_path / "copies.pdf")
    printer.setCopyCount(2)
    assert not printer.supportsMultipleCopies()  # a PDF file: Liaison makes the copies
    printer.setCollateCopies(True)
    assert pdf_output.print_sequence(printer, 3) == [0, 1, 2, 0, 1, 2]
    printer.setCollateCopies(False)
    assert pdf_output.print_sequence(printer, 3) == [0, 0, 1, 1, 2, 2]
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    assert pdf_output.print_sequence(printer, 3) == [2, 2, 1, 1, 0, 0]
    assert pdf_output.print_pages(printer, three_pages)
    assert pdf_page_count(tmp_path / "copies.pdf") == 6


def test_letter_pages_print_on_letter(qtbot: QtBot, tmp_path: Path) -> None:
    pages = PdfPages(make_pdf(1, ReportOptions("gifts", page_size="Letter")))
    try:
        printer = pdf_printer(pages, tmp_path / "letter.pdf")
        assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter
        assert pdf_output.print_pages(printer, pages)
    finally:
        pages.close()
    width, height = pdf_page_sizes(tmp_path / "letter.pdf")[0]
    assert (round(width), round(height)) == (612, 792)


def test_the_printed_page_shows_the_report(qtbot: QtBot, tmp_path: Path, three_pages: Any) -> None:
    target = tmp_path / "printed.pdf"
    assert pdf_output.print_pages(pdf_printer(three_pages, target), three_pages)
    printed = PdfPages(target.read_bytes())
    try:
        image = printed.render(0, 0.5)
    finally:
        printed.close()
    dark = sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y).lightness() < 160
    )
    assert dark > 100, "the page came out blank"


def test_print_pdf_asks_then_prints_or_not(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "printed.pdf"
    asked: list[int] = []
    answer = [False]

    def choose_printer(_parent: Any, printer: QPrinter, page_count: int) -> bool:
        asked.append(page_count)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        printer.setResolution(PRINT_DPI)
        return answer[0]

    monkeypatch.setattr(pdf_output, "choose_printer", choose_printer)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert not pdf_output.print_pdf(parent, make_pdf(2), "Gift register")
    assert not target.exists()
    answer[0] = True
    assert pdf_output.print_pdf(parent, make_pdf(2), "Gift register")
    assert asked == [2, 2]
    assert pdf_page_count(target) == 2


def test_save_writes_a_whole_pdf_and_remembers_the_folder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    suggested: list[Path] = []

    def choose_pdf_path(_parent: Any, proposal: Path) -> str:
        suggested.append(proposal)
        return str(tmp_path / "out" / "overview")  # typed without .pdf

    (tmp_path / "out").mkdir()
    monkeypatch.setattr(pdf_output, "choose_pdf_path", choose_pdf_path)
    data = make_pdf(2)
    path = pdf_output.save_pdf(None, data, "Partnership overview: 2026/05")
    assert path == tmp_path / "out" / "overview.pdf"
    assert path.read_bytes() == data
    assert pdf_page_count(path) == 2
    assert sorted(p.name for p in path.parent.iterdir()) == ["overview.pdf"], "no temporary left"
    assert path.stat().st_mode & 0o644 == 0o644, "readable like any new file, not private"
    assert suggested[0].name == "Partnership overview- 2026-05.pdf"
    pdf_output.save_pdf(None, data, "Again")
    assert suggested[1].parent == tmp_path / "out"


def test_save_cancelled_writes_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_output, "choose_pdf_path", lambda _parent, _proposal: None)
    assert pdf_output.save_pdf(None, make_pdf(1), "Gift register") is None
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_file_that_cannot_be_written_is_reported(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: Any
) -> None:
    monkeypatch.setattr(
        pdf_output, "choose_pdf_path", lambda _p, _s: str(tmp_path / "missing" / "x.pdf")
    )
    assert pdf_output.save_pdf(None, make_pdf(1), "Gift register") is None
    assert answers.kinds() == ["error"]
    assert "could not be saved" in answers.asked[0][1]


def test_a_failed_save_keeps_the_old_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: Any
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    target = folder / "report.pdf"
    target.write_bytes(b"old")

    def broken_replace(_source: Any, _target: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", broken_replace)
    monkeypatch.setattr(pdf_output, "choose_pdf_path", lambda _parent, _suggested: str(target))
    assert pdf_output.save_pdf(None, b"new", "report") is None
    assert "No space left on device" in answers.asked[0][1]
    assert target.read_bytes() == b"old"
    assert [p.name for p in folder.iterdir()] == ["report.pdf"]


def test_file_names_lose_what_file_systems_refuse() -> None:
    assert pdf_output.safe_file_name('Briefing – Liepāja: "mayor" 1/2') == (
        "Briefing – Liepāja- -mayor- 1-2"
    )
    assert pdf_output.safe_file_name("///") == "Report"
