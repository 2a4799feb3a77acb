"""The page every report is printed on: letterhead, running header, footer, A4 or Letter.

The first page carries the office's letterhead (name, city, logo); the following pages a
running header with the office and the report's subject. Every page has a footer with the
printed-on date and "page X of Y" (the total is known only at the end, so the footers are
drawn when the document is saved), and, when asked, the "confidential" marking. A report with
many columns (the partnership overview, the evaluation) is printed landscape.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from crm.i18n import _, current_language
from crm.reports import fonts, formats
from crm.reports.styles import ACCENT, MUTED, WARNING, styles
from crm.reports.text import Markup, markup, strong

if TYPE_CHECKING:
    from crm.db.database import Database
    from crm.reports import ReportRequest

MM = 72 / 25.4
# Width and height in points, as ReportLab's A4 and LETTER.
PAGE_SIZES: dict[str, tuple[float, float]] = {
    "A4": (210 * MM, 297 * MM),
    "Letter": (8.5 * 72, 11 * 72),
}
MARGIN_X = 18 * MM
MARGIN_BOTTOM = 20 * MM
FIRST_TOP = 38 * MM  # below the letterhead
LATER_TOP = 22 * MM  # below the running header
LOGO_BOX = (42 * MM, 18 * MM)


@dataclass(frozen=True)
class PageSetup:
    page_size: str  # a key of PAGE_SIZES
    office_name: str
    office_city: str
    logo: bytes | None  # PNG or JPEG
    title: str  # what the report is: "Delegation briefing"
    subject: str  # what it is about: the delegation's title
    confidential: bool
    printed_on: date
    landscape: bool = False  # the long side across


def page_dimensions(page_size: str, landscape: bool = False) -> tuple[float, float]:
    """Width and height of the paper in points, turned when ``landscape``."""
    short, long = PAGE_SIZES[page_size]
    return (long, short) if landscape else (short, long)


def setup_for(
    db: Database,
    request: ReportRequest,
    *,
    title: str,
    subject: str,
    today: date | None = None,
    landscape: bool = False,
) -> PageSetup:
    """The pages of a report for ``request``: the office's name, city and logo from settings."""
    from crm.services.office import get_logo, get_profile

    profile = get_profile(db)
    return PageSetup(
        page_size=request.page_size,
        office_name=profile.office_name or _("International relations office"),
        office_city=profile.city,
        logo=get_logo(db),
        title=title,
        subject=subject,
        confidential=request.confidential,
        printed_on=today or date.today(),
        landscape=landscape,
    )


def frame_width(page_size: str, landscape: bool = False) -> float:
    """The width text and tables have on the page."""
    return page_dimensions(page_size, landscape)[0] - 2 * MARGIN_X


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _logo_reader(data: bytes | None) -> Any:
    """The logo ready to draw, or None when there is none or it cannot be read."""
    if not data:
        return None
    from reportlab.lib.utils import ImageReader

    try:
        reader = ImageReader(io.BytesIO(data))
        reader.getSize()
    except Exception:  # a damaged picture must not stop the briefing
        return None
    return reader


def _draw_paragraph(
    canvas: Any, content: Markup, style: Any, x: float, y_top: float, width: float
) -> float:
    """Draw ``content`` with its top at ``y_top``; returns its height."""
    from reportlab.platypus import Paragraph

    paragraph = Paragraph(content, style)
    _w, height = paragraph.wrapOn(canvas, width, 1000)
    paragraph.drawOn(canvas, x, y_top - height)
    return float(height)


class _Decorations:
    """Draws the letterhead, running header and footer of each page."""

    def __init__(self, setup: PageSetup) -> None:
        self.setup = setup
        self.width, self.height = page_dimensions(setup.page_size, setup.landscape)
        self.logo = _logo_reader(setup.logo)
        self.styles = styles()
        self.confidential = _("Confidential")
        self.printed = _("Printed on {date}").format(date=formats.long_date(setup.printed_on))

    def _rule(self, canvas: Any, y: float, color: str, width: float = 0.6) -> None:
        from reportlab.lib import colors

        canvas.setStrokeColor(colors.HexColor(color))
        canvas.setLineWidth(width)
        canvas.line(MARGIN_X, y, self.width - MARGIN_X, y)

    def first_page(self, canvas: Any, _doc: Any) -> None:
        canvas.saveState()
        top = self.height - 14 * MM
        text_width = self.width - 2 * MARGIN_X - (LOGO_BOX[0] + 6 * MM if self.logo else 0)
        used = _draw_paragraph(
            canvas,
            strong(self.setup.office_name),
            self.styles.letterhead,
            MARGIN_X,
            top,
            text_width,
        )
        if self.setup.office_city:
            _draw_paragraph(
                canvas,
                markup(self.setup.office_city),
                self.styles.letterhead_small,
                MARGIN_X,
                top - used - 1,
                text_width,
            )
        if self.logo is not None:
            image_width, image_height = self.logo.getSize()
            scale = min(LOGO_BOX[0] / image_width, LOGO_BOX[1] / image_height)
            width, height = image_width * scale, image_height * scale
            canvas.drawImage(
                self.logo,
                self.width - MARGIN_X - width,
                top - height + 2 * MM,
                width,
                height,
                mask="auto",
            )
        rule = self.height - FIRST_TOP + 6 * MM
        self._rule(canvas, rule, ACCENT, 1.2)
        if self.setup.confidential:
            self._marking(canvas, rule - 1.5 * MM)
        canvas.restoreState()

    def later_page(self, canvas: Any, _doc: Any) -> None:
        canvas.saveState()
        top = self.height - 10 * MM
        width = self.width - 2 * MARGIN_X - (40 * MM if self.setup.confidential else 0)
        # At most two lines above the rule: the full subject is on the first page.
        line = Markup(
            f"{strong(_shorten(self.setup.office_name, 80))} · {markup(self.setup.title)}: "
            f"{markup(_shorten(self.setup.subject, 90))}"
        )
        _draw_paragraph(canvas, line, self.styles.running, MARGIN_X, top, width)
        if self.setup.confidential:
            self._marking(canvas, top)
        self._rule(canvas, self.height - LATER_TOP + 4 * MM, MUTED, 0.4)
        canvas.restoreState()

    def _marking(self, canvas: Any, y_top: float) -> None:
        width = 60 * MM
        _draw_paragraph(
            canvas,
            markup(self.confidential.upper()),
            self.styles.warning,
            self.width - MARGIN_X - width,
            y_top,
            width,
        )

    def footer(self, canvas: Any, page: int, pages: int) -> None:
        from reportlab.lib import colors

        canvas.saveState()
        y = MARGIN_BOTTOM - 9 * MM
        self._rule(canvas, MARGIN_BOTTOM - 5 * MM, MUTED, 0.4)
        canvas.setFont(fonts.base_font(), 7.5)
        canvas.setFillColor(colors.HexColor(MUTED))
        canvas.drawString(MARGIN_X, y, self.printed)
        numbering = _("Page {page} of {pages}").format(page=page, pages=pages)
        canvas.drawRightString(self.width - MARGIN_X, y, numbering)
        if self.setup.confidential:
            canvas.setFillColor(colors.HexColor(WARNING))
            canvas.setFont(fonts.base_font(bold=True), 7.5)
            canvas.drawCentredString(self.width / 2, y, self.confidential)
        canvas.restoreState()


def _numbered_canvas(footer: Callable[[Any, int, int], None]) -> type:
    """A canvas that keeps its pages until saving, then draws each footer with the total."""
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                footer(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def render(setup: PageSetup, story: Sequence[Any]) -> bytes:
    """The PDF of ``story`` on the office's pages."""
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    decorations = _Decorations(setup)
    width, height = page_dimensions(setup.page_size, setup.landscape)
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=(width, height),
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=LATER_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{setup.title}: {setup.subject}",
        subject=setup.subject,
        author=setup.office_name,
        creator="Liaison",
        lang=current_language(),
        initialFontName=fonts.base_font(),
        initialFontSize=9,
    )
    frame_w = frame_width(setup.page_size, setup.landscape)
    first = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        frame_w,
        height - FIRST_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="first",
    )
    later = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        frame_w,
        height - LATER_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="later",
    )
    document.addPageTemplates(
        [
            PageTemplate(
                id="First",
                frames=[first],
                onPage=decorations.first_page,
                autoNextPageTemplate="Later",
            ),
            PageTemplate(id="Later", frames=[later], onPage=decorations.later_page),
        ]
    )
    document.build(list(story), canvasmaker=_numbered_canvas(decorations.footer))
    return buffer.getvalue()
