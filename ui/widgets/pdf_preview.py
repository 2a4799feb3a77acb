"""A preview of a PDF, page below page: scroll through it, zoom to the width or to 100 %, in
and out, and see which page of how many is on screen.

Only the pages in view (and their neighbours) are drawn, by PDFium on a thread of the preview's
own, so a long report opens at once and scrolling never waits; until a page's picture arrives,
its outline (or the picture at the previous zoom) stands in. Pictures are drawn at the screen's
pixel density, so text is sharp on high-DPI screens.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QObject,
    QRectF,
    QRunnable,
    QSize,
    QSizeF,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm.i18n import _
from ui.style import colours
from ui.widgets.pdf_pages import POINTS_PER_INCH, PdfPages

MARGIN = 16  # around the pages, in logical pixels
GAP = 14  # between two pages
ZOOM_STEP = 1.25
MIN_PERCENT = 25
MAX_PERCENT = 400
KEEP_AROUND = 1  # pages kept drawn above and below the ones in view
FIT_WIDTH = "fit"


def _close_documents(documents: list[PdfPages]) -> None:
    while documents:
        documents.pop().close()


class _Emitter(QObject):
    rendered = Signal(int, int, float, QImage)  # generation, page, scale, picture


class _RenderJob(QRunnable):
    def __init__(
        self, emitter: _Emitter, pages: PdfPages, generation: int, index: int, scale: float
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._emitter = emitter
        self._pages = pages
        self._generation = generation
        self._index = index
        self._scale = scale

    def run(self) -> None:
        image = self._pages.render(self._index, self._scale)
        self._emitter.rendered.emit(self._generation, self._index, self._scale, image)


class _Canvas(QWidget):
    """The pages laid out one below the other, centred, on a grey ground."""

    def __init__(self, preview: PdfPreview) -> None:
        super().__init__()
        self._preview = preview
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DevicePixelRatioChange:
            self._preview.schedule()  # another screen: the pictures again at its density
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        preview = self._preview
        painter = QPainter(self)
        painter.fillRect(event.rect(), preview.ground_colour())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        border = QPen(preview.palette().color(QPalette.ColorRole.Mid))
        border.setCosmetic(True)
        for index, rect in preview.page_rects_in(QRectF(event.rect())):
            painter.fillRect(rect.translated(2, 2), QColor(0, 0, 0, 40))  # a soft shadow
            painter.fillRect(rect, Qt.GlobalColor.white)
            image = preview.cached_image(index)
            if image is not None:
                painter.drawImage(rect, image)
            painter.setPen(border)
            painter.drawRect(rect)
        painter.end()


class _ScrollArea(QScrollArea):
    """Ctrl + wheel zooms; the preview hears when the viewport changes size."""

    resized = Signal()
    zoom_wheel = Signal(int)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_wheel.emit(event.angleDelta().y())
            event.accept()
            return
        super().wheelEvent(event)


class PdfPreview(QWidget):
    """Show PDF bytes with ``set_pdf``; ``show_message`` puts a text in their place."""

    page_changed = Signal(int)  # the page in view (0-based)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self._pages: PdfPages | None = None
        # The open document, for closing it when the widget goes (without touching the widget).
        self._open: list[PdfPages] = []
        self._generation = 0
        self._zoom_mode: str | float = FIT_WIDTH  # "fit" or a percentage
        self._zoom = 1.0  # logical pixels per point
        self._offsets: list[float] = []  # the top of each page on the canvas
        self._cache: OrderedDict[int, tuple[float, QImage]] = OrderedDict()
        self._pending: set[tuple[int, float]] = set()
        self._current_page = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._emitter = _Emitter(self)
        self._emitter.rendered.connect(self._rendered, Qt.ConnectionType.QueuedConnection)
        self.destroyed.connect(partial(_close_documents, self._open))
        self._request_timer = QTimer(self)
        self._request_timer.setSingleShot(True)
        self._request_timer.setInterval(0)
        self._request_timer.timeout.connect(self._request_visible)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.bar = QFrame()
        self.bar.setObjectName("previewBar")
        line = colours(self.palette())["line"]
        self.bar.setStyleSheet(f"#previewBar {{ border-bottom: 1px solid {line}; }}")
        self.bar_layout = QHBoxLayout(self.bar)
        self.bar_layout.setContentsMargins(12, 6, 12, 6)
        self.bar_layout.setSpacing(6)
        self.zoom_out_button = self._tool("−", _("Zoom out (Ctrl+-)"), self.zoom_out)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("countLabel")
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("400 %") + 12)
        self.zoom_in_button = self._tool("+", _("Zoom in (Ctrl++)"), self.zoom_in)
        self.fit_button = self._tool(_("Fit width"), _("As wide as the window"), self.fit_width)
        self.actual_button = self._tool(
            _("100 %"), _("The page at its printed size"), self.actual_size
        )
        self.fit_button.setCheckable(True)
        self.actual_button.setCheckable(True)
        self.page_label = QLabel()
        self.page_label.setObjectName("countLabel")
        for widget in (
            self.zoom_out_button,
            self.zoom_label,
            self.zoom_in_button,
            self.fit_button,
            self.actual_button,
        ):
            self.bar_layout.addWidget(widget)
        self.bar_layout.addSpacing(12)
        self.bar_layout.addWidget(self.page_label)
        self.bar_layout.addStretch(1)
        layout.addWidget(self.bar)

        self.stack = QStackedWidget()
        self.message = QLabel()
        self.message.setObjectName("editorPlaceholder")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.stack.addWidget(self.message)
        self.scroll_area = _ScrollArea()
        self.scroll_area.setObjectName("previewScroll")
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidgetResizable(False)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.scroll_area.setAccessibleName(_("Preview"))
        self.canvas = _Canvas(self)
        self.scroll_area.setWidget(self.canvas)
        self.scroll_area.resized.connect(self._viewport_resized)
        self.scroll_area.zoom_wheel.connect(
            lambda delta: self.zoom_in() if delta > 0 else self.zoom_out()
        )
        self.scroll_area.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.scroll_area.horizontalScrollBar().valueChanged.connect(lambda _v: self.schedule())
        self.stack.addWidget(self.scroll_area)
        layout.addWidget(self.stack, 1)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
        self.show_message("")

    def _tool(self, text: str, tip: str, slot: Any) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def add_button(self, widget: QWidget) -> None:
        """Put a button (Print…, Save as PDF…) at the right end of the preview's bar."""
        self.bar_layout.addWidget(widget)

    def add_notice(self, widget: QWidget) -> None:
        """Put ``widget`` (a message banner) between the bar and the pages."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, widget)

    # --- what is shown ----------------------------------------------------------------------

    def set_pdf(self, data: bytes) -> None:
        """Show ``data``'s pages (the zoom stays as chosen)."""
        self._drop_document()
        self._pages = PdfPages(data)
        self._open.append(self._pages)
        self._current_page = 0
        self.stack.setCurrentWidget(self.scroll_area)
        self._relayout()
        self.scroll_area.verticalScrollBar().setValue(0)
        self._update_labels()
        self.schedule()

    def show_message(self, text: str) -> None:
        """No pages: ``text`` in their place (empty, building, or what went wrong)."""
        self._drop_document()
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)
        self._update_labels()

    def pdf_data(self) -> bytes | None:
        return self._pages.data if self._pages is not None else None

    def page_count(self) -> int:
        return len(self._pages) if self._pages is not None else 0

    def current_page(self) -> int:
        return self._current_page

    def zoom_percent(self) -> int:
        return round(self._zoom / self._actual_zoom() * 100)

    def _drop_document(self) -> None:
        self._generation += 1
        self._pool.clear()
        self._pending.clear()
        self._cache.clear()
        _close_documents(self._open)
        self._pages = None
        self._offsets = []
        self.canvas.resize(0, 0)

    # --- zoom -------------------------------------------------------------------------------

    def _actual_zoom(self) -> float:
        """Logical pixels per point for the page at its printed size on this screen."""
        return self.logicalDpiX() / POINTS_PER_INCH

    def fit_width(self) -> None:
        self._set_zoom(FIT_WIDTH)

    def actual_size(self) -> None:
        self._set_zoom(100.0)

    def zoom_in(self) -> None:
        self._set_zoom(min(MAX_PERCENT, self.zoom_percent() * ZOOM_STEP))

    def zoom_out(self) -> None:
        self._set_zoom(max(MIN_PERCENT, self.zoom_percent() / ZOOM_STEP))

    def _set_zoom(self, mode: str | float) -> None:
        # Keep the same spot of the same page in view.
        anchor = self._anchor()
        self._zoom_mode = mode
        self._relayout()
        self._restore_anchor(anchor)
        self._update_labels()
        self.schedule()

    def _compute_zoom(self) -> float:
        if self._zoom_mode == FIT_WIDTH:
            widest = max((size.width() for size in self._sizes()), default=0.0)
            if widest <= 0:
                return self._actual_zoom()
            available = self.scroll_area.viewport().width() - 2 * MARGIN
            if self._pages is not None and self._needs_vertical_bar(available / widest):
                available -= self.scroll_area.verticalScrollBar().sizeHint().width()
            zoom = max(available, 120) / widest
            low = self._actual_zoom() * MIN_PERCENT / 100
            high = self._actual_zoom() * MAX_PERCENT / 100
            return min(max(zoom, low), high)
        return self._actual_zoom() * float(self._zoom_mode) / 100

    def _needs_vertical_bar(self, zoom: float) -> bool:
        """Whether the pages at ``zoom`` are taller than the viewport (while it has no bar)."""
        if self.scroll_area.verticalScrollBar().isVisible():
            return False  # the viewport is already narrowed by the bar
        height = sum(size.height() * zoom for size in self._sizes())
        height += 2 * MARGIN + GAP * max(0, len(self._sizes()) - 1)
        return bool(height > self.scroll_area.viewport().height())

    def _sizes(self) -> list[QSizeF]:
        return self._pages.sizes if self._pages is not None else []

    def _viewport_resized(self) -> None:
        if self._zoom_mode == FIT_WIDTH and self._pages is not None:
            anchor = self._anchor()
            self._relayout()
            self._restore_anchor(anchor)
            self._update_labels()
        self.schedule()

    # --- layout -----------------------------------------------------------------------------

    def _relayout(self) -> None:
        self._zoom = self._compute_zoom()
        sizes = self._sizes()
        top = float(MARGIN)
        self._offsets = []
        widest = 0.0
        for size in sizes:
            self._offsets.append(top)
            top += size.height() * self._zoom + GAP
            widest = max(widest, size.width() * self._zoom)
        height = top - GAP + MARGIN if sizes else 0
        width = max(widest + 2 * MARGIN, self.scroll_area.viewport().width()) if sizes else 0
        self.canvas.resize(round(width), round(height))
        self.canvas.update()

    def page_rect(self, index: int) -> QRectF:
        size = self._sizes()[index]
        width, height = size.width() * self._zoom, size.height() * self._zoom
        left = round((self.canvas.width() - width) / 2)
        return QRectF(left, round(self._offsets[index]), round(width), round(height))

    def page_rects_in(self, area: QRectF) -> list[tuple[int, QRectF]]:
        """The pages that meet ``area`` (canvas coordinates), with their rectangles."""
        found = []
        for index in range(len(self._offsets)):
            rect = self.page_rect(index)
            if rect.top() > area.bottom():
                break
            if rect.bottom() >= area.top():
                found.append((index, rect))
        return found

    def _visible_area(self) -> QRectF:
        viewport = self.scroll_area.viewport()
        return QRectF(
            self.scroll_area.horizontalScrollBar().value(),
            self.scroll_area.verticalScrollBar().value(),
            viewport.width(),
            viewport.height(),
        )

    def visible_pages(self) -> list[int]:
        return [index for index, _rect in self.page_rects_in(self._visible_area())]

    def _anchor(self) -> tuple[int, float] | None:
        """The page at the top of the view and how far down it the view starts (0..1)."""
        pages = self.visible_pages()
        if not pages:
            return None
        index = pages[0]
        rect = self.page_rect(index)
        top = self.scroll_area.verticalScrollBar().value()
        return index, max(0.0, (top - rect.top()) / max(rect.height(), 1.0))

    def _restore_anchor(self, anchor: tuple[int, float] | None) -> None:
        if anchor is None or anchor[0] >= len(self._offsets):
            return
        index, fraction = anchor
        rect = self.page_rect(index)
        value = round(rect.top() + fraction * rect.height()) if fraction > 0 else 0
        if index > 0 and fraction == 0:
            value = round(rect.top() - MARGIN)
        self.scroll_area.verticalScrollBar().setValue(value)

    def scroll_to_page(self, index: int) -> None:
        if 0 <= index < len(self._offsets):
            top = round(self.page_rect(index).top() - MARGIN)
            self.scroll_area.verticalScrollBar().setValue(top)

    # --- labels -----------------------------------------------------------------------------

    def _scrolled(self, _value: int) -> None:
        self._update_labels()
        self.schedule()

    def _update_labels(self) -> None:
        count = self.page_count()
        has_pages = count > 0
        for widget in (
            self.zoom_out_button,
            self.zoom_label,
            self.zoom_in_button,
            self.fit_button,
            self.actual_button,
        ):
            widget.setVisible(has_pages)  # nothing to zoom: no controls for it
        self.fit_button.setChecked(has_pages and self._zoom_mode == FIT_WIDTH)
        self.actual_button.setChecked(has_pages and self._zoom_mode == 100.0)
        self.zoom_label.setText(f"{self.zoom_percent()} %" if has_pages else "")
        if not has_pages:
            self.page_label.setText("")
            return
        # The page that fills the upper part of the view; at the very end, the last one shown.
        area = self._visible_area()
        upper = area.top() + area.height() / 3
        current = 0
        for index in range(count):
            if self.page_rect(index).top() - GAP <= upper:
                current = index
        bar = self.scroll_area.verticalScrollBar()
        visible = self.visible_pages()
        if bar.maximum() > 0 and bar.value() >= bar.maximum() and visible:
            current = max(current, visible[-1])
        self.page_label.setText(_("Page {page} of {count}").format(page=current + 1, count=count))
        if current != self._current_page:
            self._current_page = current
            self.page_changed.emit(current)

    # --- pictures ---------------------------------------------------------------------------

    def ground_colour(self) -> QColor:
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        return window.darker(112) if window.lightnessF() > 0.5 else window.darker(130)

    def _scale(self) -> float:
        """Device pixels per point at the current zoom."""
        return self._zoom * self.canvas.devicePixelRatioF()

    def cached_image(self, index: int) -> QImage | None:
        entry = self._cache.get(index)
        return entry[1] if entry is not None else None

    def is_page_drawn(self, index: int) -> bool:
        """Whether page ``index`` is drawn at the current zoom (for tests and screenshots)."""
        entry = self._cache.get(index)
        return entry is not None and abs(entry[0] - self._scale()) < 1e-6

    def schedule(self) -> None:
        if self._pages is not None:
            self._request_timer.start()

    def _request_visible(self) -> None:
        pages = self._pages
        if pages is None:
            return
        visible = self.visible_pages()
        if not visible:
            return
        wanted = list(visible)
        for step in range(1, KEEP_AROUND + 1):
            wanted += [visible[0] - step, visible[-1] + step]
        wanted = [index for index in wanted if 0 <= index < len(pages)]
        scale = self._scale()
        for index in wanted:
            entry = self._cache.get(index)
            key = (index, scale)
            if (entry is not None and abs(entry[0] - scale) < 1e-6) or key in self._pending:
                continue
            self._pending.add(key)
            self._pool.start(_RenderJob(self._emitter, pages, self._generation, index, scale))
        for index in [index for index in self._cache if index not in wanted]:
            del self._cache[index]  # far out of view: drawn again when it comes back

    def _rendered(self, generation: int, index: int, scale: float, image: QImage) -> None:
        self._pending.discard((index, scale))
        if generation != self._generation or image.isNull():
            return
        if abs(scale - self._scale()) > 1e-6 and self.is_page_drawn(index):
            return  # a picture at an older zoom, and the current one is already there
        image.setDevicePixelRatio(self.canvas.devicePixelRatioF())
        self._cache[index] = (scale, image)
        self.canvas.update(self.page_rect(index).toAlignedRect().adjusted(-2, -2, 4, 4))

    def all_visible_drawn(self) -> bool:
        """Whether every page in view is drawn at the current zoom."""
        return self._pages is not None and all(
            self.is_page_drawn(index) for index in self.visible_pages()
        )

    def sizeHint(self) -> QSize:
        return QSize(640, 720)

    def minimumSizeHint(self) -> QSize:
        return QSize(260, 200)
