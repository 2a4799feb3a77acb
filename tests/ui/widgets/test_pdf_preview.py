"""The PDF preview: pages one below the other, drawn lazily off the GUI thread, zoomed to the
width or to the printed size, sharp at the screen's pixel density."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.sections.reports.fake_reports import make_pdf
from ui.widgets import pdf_pages
from ui.widgets.pdf_preview import MARGIN, PdfPreview

WAIT_MS = 5000


@pytest.fixture
def preview(qtbot: QtBot) -> PdfPreview:
    widget = PdfPreview()
    qtbot.addWidget(widget)
    widget.resize(700, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_long_report_opens_at_once_and_draws_only_what_is_in_view(
    qtbot: QtBot, preview: PdfPreview, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[tuple[int, str]] = []
    render = pdf_pages.PdfPages.render

    def watched(self: pdf_pages.PdfPages, index: int, scale: float, rows: object = None) -> object:
        drawn.append((index, threading.current_thread().name))
        return render(self, index, scale, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_pages.PdfPages, "render", watched)
    preview.set_pdf(make_pdf(20))

    assert preview.page_count() == 20
    assert preview.page_label.text() == "Page 1 of 20"
    qtbot.waitUntil(preview.all_visible_drawn, timeout=WAIT_MS)
    qtbot.wait(50)
    pages = {index for index, _thread in drawn}
    assert 0 in pages
    assert max(pages) < 6, "pages far below the view are not drawn yet"
    assert threading.main_thread().name not in {thread for _index, thread in drawn}


def test_scrolling_to_the_end_draws_the_last_page_and_says_so(
    qtbot: QtBot, preview: PdfPreview
) -> None:
    preview.set_pdf(make_pdf(20))
    preview.scroll_to_page(19)
    bar = preview.scroll_area.verticalScrollBar()
    assert bar.value() == bar.maximum() or 19 in preview.visible_pages()
    assert preview.page_label.text() == "Page 20 of 20"
    qtbot.waitUntil(lambda: preview.is_page_drawn(19), timeout=WAIT_MS)
    assert not preview.is_page_drawn(0), "pages far out of view are let go"


def test_fit_width_fills_the_view_and_follows_its_size(qtbot: QtBot, preview: PdfPreview) -> None:
    def fills_the_width() -> bool:
        viewport = preview.scroll_area.viewport().width()
        return abs(preview.page_rect(0).width() - (viewport - 2 * MARGIN)) <= 1

    preview.set_pdf(make_pdf(3))
    assert preview.fit_button.isChecked()
    qtbot.waitUntil(fills_the_width, timeout=WAIT_MS)
    assert preview.scroll_area.horizontalScrollBar().maximum() == 0
    before = preview.page_rect(0).width()
    preview.resize(1000, 800)
    qtbot.waitUntil(lambda: preview.page_rect(0).width() > before, timeout=WAIT_MS)
    qtbot.waitUntil(fills_the_width, timeout=WAIT_MS)


def test_zoom_to_the_printed_size_in_and_out(qtbot: QtBot, preview: PdfPreview) -> None:
    preview.set_pdf(make_pdf(2))
    qtbot.mouseClick(preview.actual_button, Qt.MouseButton.LeftButton)
    assert preview.zoom_percent() == 100
    assert preview.zoom_label.text() == "100 %"
    assert preview.actual_button.isChecked() and not preview.fit_button.isChecked()
    a4_width = 595.28 * preview.logicalDpiX() / 72
    assert abs(preview.page_rect(0).width() - a4_width) <= 1
    qtbot.mouseClick(preview.zoom_in_button, Qt.MouseButton.LeftButton)
    assert preview.zoom_percent() == 125
    qtbot.mouseClick(preview.zoom_out_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(preview.zoom_out_button, Qt.MouseButton.LeftButton)
    assert preview.zoom_percent() == 80
    for _step in range(20):
        preview.zoom_out()
    assert preview.zoom_percent() == 25
    qtbot.waitUntil(preview.all_visible_drawn, timeout=WAIT_MS)
    qtbot.mouseClick(preview.fit_button, Qt.MouseButton.LeftButton)
    assert preview.fit_button.isChecked()


def test_pages_are_drawn_at_the_screen_pixel_density(qtbot: QtBot, preview: PdfPreview) -> None:
    preview.set_pdf(make_pdf(1))
    qtbot.waitUntil(preview.all_visible_drawn, timeout=WAIT_MS)
    image = preview.cached_image(0)
    assert image is not None
    ratio = preview.canvas.devicePixelRatioF()
    assert image.devicePixelRatio() == ratio
    assert abs(image.width() - preview.page_rect(0).width() * ratio) <= 2
    # The text is there: the page is not blank.
    assert any(
        image.pixelColor(x, y).lightness() < 128
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
    )


def test_a_message_takes_the_place_of_the_pages(qtbot: QtBot, preview: PdfPreview) -> None:
    preview.set_pdf(make_pdf(2))
    preview.show_message("Preparing the report…")
    assert preview.page_count() == 0
    assert preview.pdf_data() is None
    assert preview.stack.currentWidget() is preview.message
    assert preview.page_label.text() == ""
    assert not preview.zoom_in_button.isVisible()


def test_a_new_document_replaces_the_old_one(qtbot: QtBot, preview: PdfPreview) -> None:
    preview.set_pdf(make_pdf(5))
    data = make_pdf(2)
    preview.set_pdf(data)
    assert preview.pdf_data() == data
    assert preview.page_label.text() == "Page 1 of 2"
    qtbot.waitUntil(preview.all_visible_drawn, timeout=WAIT_MS)


def test_the_document_is_closed_when_the_preview_goes(qtbot: QtBot) -> None:
    preview = PdfPreview()
    preview.set_pdf(make_pdf(2))
    pages = preview._pages
    assert pages is not None and not pages.closed
    preview.deleteLater()
    qtbot.waitUntil(lambda: pages.closed, timeout=WAIT_MS)
