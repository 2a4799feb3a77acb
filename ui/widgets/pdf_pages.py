"""The pages of a PDF as pictures, drawn by PDFium (pypdfium2): for the preview and for printing.

PDFium may be called from one thread at a time only (not even two documents at once), so every
call goes through ``PDFIUM_LOCK``; the preview renders on its own thread, printing on the GUI
thread. pypdfium2 is imported on first use: starting Liaison does not load it.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QImage

PDFIUM_LOCK = threading.RLock()
POINTS_PER_INCH = 72.0


class PdfPages:
    """One open PDF. ``close()`` it when done (the preview and printing do)."""

    def __init__(self, data: bytes) -> None:
        import pypdfium2

        self.data = data
        with PDFIUM_LOCK:
            self._document: Any = pypdfium2.PdfDocument(data)
            self.sizes = [
                QSizeF(*self._document.get_page_size(index)) for index in range(len(self._document))
            ]
        self._closed = False

    def __len__(self) -> int:
        return len(self.sizes)

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        with PDFIUM_LOCK:
            if not self._closed:
                self._closed = True
                self._document.close()

    def page_size(self, index: int) -> QSizeF:
        """The page's size in points (1/72 inch)."""
        return self.sizes[index]

    def render(self, index: int, scale: float, rows: tuple[int, int] | None = None) -> QImage:
        """Page ``index`` at ``scale`` pixels per point, on white; ``rows``: only the pixel rows
        ``first`` up to (not including) ``last`` of the whole page's picture (printing draws a
        page in bands, so a page at 600 dpi never needs one huge picture). A null QImage when
        the document was closed meanwhile."""
        with PDFIUM_LOCK:
            if self._closed:
                return QImage()
            page = self._document[index]
            try:
                crop = (0.0, 0.0, 0.0, 0.0)
                if rows is not None:
                    height = self.picture_size(index, scale)[1]
                    first, last = rows
                    # pypdfium2 rounds each crop up to whole pixels: just under the row count
                    # comes out as exactly that many rows.
                    crop = (0.0, (height - last - 0.01) / scale, 0.0, (first - 0.01) / scale)
                    crop = tuple(max(0.0, value) for value in crop)  # type: ignore[assignment]
                bitmap = page.render(
                    scale=scale,
                    crop=crop,
                    rev_byteorder=True,  # RGBx: QImage's RGBX8888 reads it as it is
                    prefer_bgrx=True,
                    fill_color=(255, 255, 255, 255),
                    draw_annots=True,
                )
                try:
                    image = QImage(
                        bitmap.buffer,
                        bitmap.width,
                        bitmap.height,
                        bitmap.stride,
                        QImage.Format.Format_RGBX8888,
                    ).copy()  # our own pixels: the bitmap's memory goes with it
                finally:
                    bitmap.close()
            finally:
                page.close()
        return image

    def picture_size(self, index: int, scale: float) -> tuple[int, int]:
        """The whole page's picture at ``scale``, in pixels (as PDFium sizes it)."""
        import math

        size = self.sizes[index]
        return math.ceil(size.width() * scale), math.ceil(size.height() * scale)
