"""What leaves Liaison as paper or a file: print a PDF through the system's print dialog, or
save it where the user says.

Printing draws each page with PDFium at the printer's resolution (up to 600 dpi) onto the
printer, in bands, so a page never needs one huge picture; the page range, the page order and
the copies chosen in the dialog are honoured (copies by the system when it can make them).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, QSizeF, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QProgressDialog, QWidget

from crm.files import save_atomically
from crm.i18n import _
from crm.services.errors import ServiceError
from ui import dialogs
from ui.state import ui_state
from ui.widgets.pdf_pages import POINTS_PER_INCH, PdfPages

MAX_PRINT_DPI = 600
BAND_ROWS = 512  # pixel rows drawn at a time
LAST_FOLDER_KEY = "reports/lastFolder"
_UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')

Progress = Callable[[int, int], bool]  # (done, total) -> go on


# --- printing -------------------------------------------------------------------------------


def choose_printer(parent: QWidget | None, printer: QPrinter, page_count: int) -> bool:
    """The system print dialog for ``printer``; True when the user prints (tests replace
    this function)."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print"))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies, True)
    dialog.setMinMax(1, max(1, page_count))
    return dialog.exec() == QDialog.DialogCode.Accepted


def make_printer(pages: PdfPages, title: str) -> QPrinter:
    """A printer set up for the document: its paper size and orientation, the whole sheet
    (the PDF has its own margins), its title for the print queue."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setCreator(_("Liaison"))
    printer.setFullPage(True)
    if len(pages):
        size = pages.page_size(0)
        landscape = size.width() > size.height()
        portrait = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
        printer.setPageSize(
            QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
        )
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
    return printer


def pages_to_print(printer: QPrinter, count: int) -> list[int]:
    """The pages (0-based) in the range chosen in the dialog, in the order chosen."""
    chosen = list(range(count))
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            chosen = [index for index in chosen if ranges.contains(index + 1)]
        elif printer.fromPage() > 0:
            last = printer.toPage() or count
            chosen = [index for index in chosen if printer.fromPage() <= index + 1 <= last]
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        chosen.reverse()
    return chosen


def print_sequence(printer: QPrinter, count: int) -> list[int]:
    """Every sheet to send, copies included when the system does not make them itself."""
    order = pages_to_print(printer, count)
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if printer.collateCopies():
        return order * copies
    return [index for index in order for _copy in range(copies)]


def print_pages(printer: QPrinter, pages: PdfPages, progress: Progress | None = None) -> bool:
    """Send the chosen pages to ``printer``; False when the printer would not start or the
    user stopped it."""
    sequence = print_sequence(printer, len(pages))
    if not sequence:
        return False
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        for number, index in enumerate(sequence):
            if number and not printer.newPage():
                return False
            draw_page(painter, printer, pages, index)
            if progress is not None and not progress(number + 1, len(sequence)):
                printer.abort()
                return False
    finally:
        painter.end()
    return True


def draw_page(painter: QPainter, printer: QPrinter, pages: PdfPages, index: int) -> None:
    """Page ``index`` as large as fits the sheet, centred, drawn band by band."""
    resolution = printer.resolution()
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    size = pages.page_size(index)
    points_to_device = resolution / POINTS_PER_INCH
    fit = min(
        paper.width() / (size.width() * points_to_device),
        paper.height() / (size.height() * points_to_device),
    )
    # Rendered at a whole fraction of the device's resolution, so each picture pixel covers
    # whole device pixels and the bands meet without a seam.
    step = max(1, math.ceil(resolution * fit / MAX_PRINT_DPI))
    scale = points_to_device * fit / step
    width, height = pages.picture_size(index, scale)
    painter.save()
    painter.translate(
        paper.left() + (paper.width() - width * step) / 2,
        paper.top() + (paper.height() - height * step) / 2,
    )
    painter.scale(step, step)
    for first in range(0, height, BAND_ROWS):
        last = min(height, first + BAND_ROWS)
        band = pages.render(index, scale, (first, last))
        if band.isNull():
            break
        painter.drawImage(QPointF(0, first), band)
    painter.restore()


def print_pdf(parent: QWidget | None, data: bytes, title: str) -> bool:
    """Ask where and how to print, then print ``data``; True when it was sent."""
    pages = PdfPages(data)
    try:
        printer = make_printer(pages, title)
        if not choose_printer(parent, printer, len(pages)):
            return False
        total = len(print_sequence(printer, len(pages)))
        progress = QProgressDialog(_("Printing…"), _("Cancel"), 0, total, parent)
        progress.setWindowTitle(_("Print"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(800)
        progress.setAutoClose(True)

        def advance(done: int, _total: int) -> bool:
            progress.setValue(done)
            return not progress.wasCanceled()

        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        try:
            printed = print_pages(printer, pages, advance)
        finally:
            QGuiApplication.restoreOverrideCursor()
            progress.close()
            progress.deleteLater()
        if not printed and not progress.wasCanceled():
            dialogs.show_error(parent, _("The printer could not be started; nothing was printed."))
        return printed
    finally:
        pages.close()


# --- saving ---------------------------------------------------------------------------------


def safe_file_name(name: str) -> str:
    """``name`` without the characters that file systems refuse (slashes, colons, …)."""
    cleaned = _UNSAFE_IN_NAMES.sub("-", name).strip(" .-")
    return cleaned or _("Report")


def _start_folder() -> Path:
    remembered = ui_state().value(LAST_FOLDER_KEY, "")
    if isinstance(remembered, str) and remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def choose_pdf_path(parent: QWidget | None, suggested: Path) -> str | None:
    """Ask where to save the PDF (tests replace this function)."""
    dialog = QFileDialog(parent, _("Save as PDF"), str(suggested))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilter(_("PDF documents (*.pdf)"))
    dialog.setDefaultSuffix("pdf")
    dialog.selectFile(str(suggested))
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return dialog.selectedFiles()[0]


def save_pdf(parent: QWidget | None, data: bytes, name: str) -> Path | None:
    """Ask for a file (``name`` suggested) and write ``data`` there; the path, or None when
    the user cancelled or it could not be written (then they were told why)."""
    chosen = choose_pdf_path(parent, _start_folder() / f"{safe_file_name(name)}.pdf")
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    try:
        save_atomically(path, data, _cannot_write)
    except ServiceError as error:
        dialogs.show_error(parent, str(error))
        return None
    ui_state().setValue(LAST_FOLDER_KEY, str(path.parent))
    return path


def _cannot_write(path: Path, error: OSError) -> str:
    return _("The PDF could not be saved to {path}: {reason}").format(
        path=path, reason=error.strerror or error
    )
