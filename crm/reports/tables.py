"""Building blocks of a report's story: headings, field lists and tables that break well.

Cells are user text (``str``, escaped and given fonts per script), ``Markup`` built with
crm.reports.text, or a ready flowable. Tables repeat their header row on every page they run
onto and never cut a row; a heading never stands alone at the foot of a page.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any

from crm.reports import fonts
from crm.reports import styles as look
from crm.reports.styles import styles
from crm.reports.text import Markup, markup, strong

MM = 72 / 25.4
Cell = Any  # str | Markup | None | a flowable

# The most a heading insists on having below it: a section that starts with something taller
# (one enormous table row) starts where it is rather than leave a page empty.
MAX_LEAD = 80 * MM
# What a heading itself takes, with the space around it (styles.heading and .subheading).
HEADING_HEIGHT = {1: 12 + 16 + 5, 2: 8 + 12 + 3}


@cache
def _flowables() -> Any:
    """The flowable classes of this module (made on first use: ReportLab loads lazily)."""
    from types import SimpleNamespace

    from reportlab.platypus import CondPageBreak, Paragraph

    class CellParagraph(Paragraph):  # type: ignore[misc]
        """A Paragraph that lays itself out once per width.

        A table asks each cell for its size when measuring, again when splitting across pages
        and again when drawing; the answer only changes with the width.
        """

        _laid_out_for: float | None = None

        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            if self._laid_out_for == availWidth:
                return availWidth, self.height
            width, height = super().wrap(availWidth, availHeight)
            if width == availWidth:
                self._laid_out_for = availWidth
            return width, height

    class KeepRoom(CondPageBreak):  # type: ignore[misc]
        """A page break unless a heading and the start of what follows it fit on this page.

        The room is measured when the page is laid out, at the frame's width.
        """

        def __init__(self, heading_height: float, first: Any) -> None:
            super().__init__(heading_height)
            self.heading_height = heading_height
            self.first = first
            self._rooms: dict[float, float] = {}

        def room(self, width: float) -> float:
            if width not in self._rooms:
                lead = lead_height(self.first, width) if self.first is not None else 0.0
                self._rooms[width] = min(self.heading_height + lead, MAX_LEAD)
            return self._rooms[width]

        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            self.height = self.room(availWidth)
            return super().wrap(availWidth, availHeight)  # type: ignore[no-any-return]

    return SimpleNamespace(CellParagraph=CellParagraph, KeepRoom=KeepRoom)


_parsed: ContextVar[dict[tuple[str, str], Any] | None] = ContextVar(
    "liaison_report_parsed", default=None
)


@contextmanager
def shared_parsing() -> Iterator[None]:
    """Inside the block, paragraphs with the same markup and style are parsed once: every
    table's header cells, the labels and values that repeat row after row. (ReportLab's
    parser is the slowest step of making a paragraph; the parsed fragments are only read.)"""
    token = _parsed.set({})
    try:
        yield
    finally:
        _parsed.reset(token)


def paragraph(value: Cell, style: Any | None = None) -> Any:
    """A Paragraph of ``value``; a flowable is returned as it is."""
    if not (value is None or isinstance(value, str)):
        return value
    text = markup(value)
    style = style or styles().body
    make = _flowables().CellParagraph
    parsed = _parsed.get()
    if parsed is None:
        return make(text, style)
    key = (text, style.name)
    frags = parsed.get(key)
    if frags is not None:
        return make(text, style, frags=frags)
    made = make(text, style)
    parsed[key] = made.frags
    return made


def _cell(value: Cell, style: Any) -> Any:
    """A table cell: an empty one is left as text (no paragraph to make, measure, draw)."""
    if value is None or (isinstance(value, str) and not value):
        return ""
    return paragraph(value, style)


def lead_height(flowable: Any, width: float) -> float:
    """How tall the start of ``flowable`` is: what must fit under a heading with it.

    For a table that is its first rows (it may break after them), for a subsection its own
    room; for anything else (a block kept together) the whole of it.
    """
    if isinstance(flowable, _flowables().KeepRoom):
        return float(flowable.room(width))
    from reportlab.platypus import KeepTogether

    if isinstance(flowable, KeepTogether):  # all of it, measured part by part
        return float(sum(child.wrap(width, 1_000_000)[1] for child in flowable._content))
    rows = getattr(flowable, "lead_rows", None)
    if rows is not None:
        flowable.wrap(width, 1_000_000)
        return float(sum(flowable._rowHeights[:rows]))
    if hasattr(flowable, "wrap"):
        _width, height = flowable.wrap(width, MAX_LEAD)
        return float(height)
    return 0.0


def section(title: str, body: Sequence[Any], *, level: int = 1) -> list[Any]:
    """A heading (level 1 or 2) and what follows it; the heading is never left alone at the
    foot of a page: it moves to the next page unless the body's first lines or rows fit
    below it. (A heading "kept with next" would drag a whole long table along instead.)"""
    style = styles().heading if level == 1 else styles().subheading
    room = _flowables().KeepRoom(HEADING_HEIGHT[level], body[0] if body else None)
    return [room, paragraph(strong(title), style), *body]


def note(text: Cell) -> Any:
    """A line of grey small print: an empty list, a hint."""
    return paragraph(text, styles().muted)


def keep_together(flowables: Sequence[Any]) -> Any:
    """A short block (a summary table and its note) that moves to the next page whole rather
    than break; one taller than a page still breaks."""
    from reportlab.platypus import KeepTogether

    return KeepTogether(list(flowables))


def spacer(height_mm: float = 3) -> Any:
    from reportlab.platypus import Spacer

    return Spacer(1, height_mm * MM)


def _table_style(rows: int, *, header: bool, zebra: bool, header_rows: int = 1) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    commands: list[tuple[Any, ...]] = [
        # Every cell is a Paragraph, but a table sets its own font on each cell all the same
        # (Helvetica unless told): that would put a font in the PDF that is not embedded.
        ("FONTNAME", (0, 0), (-1, -1), fonts.base_font()),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor(look.GRID)),
    ]
    first_body = 0
    if header:
        first_body = header_rows
        last = header_rows - 1
        commands += [
            ("BACKGROUND", (0, 0), (-1, last), colors.HexColor(look.ACCENT)),
            ("LINEBELOW", (0, 0), (-1, last), 0.8, colors.HexColor(look.ACCENT)),
        ]
    if zebra and rows > first_body:
        commands.append(
            (
                "ROWBACKGROUNDS",
                (0, first_body),
                (-1, -1),
                [colors.white, colors.HexColor("#f5f7fa")],
            )
        )
    return TableStyle(commands)


def _widths(weights: Sequence[float], total: float) -> list[float]:
    scale = total / sum(weights)
    return [weight * scale for weight in weights]


_ALIGNMENTS = {"left": 0, "center": 1, "right": 2}


@cache
def aligned(style: Any, align: str) -> Any:
    """``style`` with its text set "left", "center" or "right" (one style per pair)."""
    from reportlab.lib.styles import ParagraphStyle

    if align == "left":
        return style
    return ParagraphStyle(f"{style.name}-{align}", parent=style, alignment=_ALIGNMENTS[align])


def _header_rows(
    headers: Sequence[str],
    aligns: Sequence[str],
    groups: Sequence[tuple[str, int]] | None,
) -> tuple[list[list[Any]], list[tuple[Any, ...]]]:
    """The header row, or with ``groups`` two rows: the groups' titles over their columns'
    headers; a column outside any group (a group without a title) has its header over both
    rows. Returns the rows and the table commands that join and rule them."""
    from reportlab.lib import colors

    s = styles()
    cells = [
        paragraph(strong(title), aligned(s.header_cell, aligns[index]))
        for index, title in enumerate(headers)
    ]
    if not groups:
        return [cells], []
    assert sum(span for _title, span in groups) == len(headers)
    upper: list[Any] = []
    lower: list[Any] = []
    commands: list[tuple[Any, ...]] = [("VALIGN", (0, 0), (-1, 1), "BOTTOM")]
    column = 0
    for title, span in groups:
        last = column + span - 1
        if title:
            upper += [paragraph(strong(title), aligned(s.header_cell, "center"))]
            upper += [""] * (span - 1)
            lower += cells[column : last + 1]
            commands.append(("SPAN", (column, 0), (last, 0)))
            commands.append(("LINEBELOW", (column, 0), (last, 0), 0.4, colors.white))
        else:
            upper += cells[column : last + 1]
            lower += [""] * span
            commands += [("SPAN", (inner, 0), (inner, 1)) for inner in range(column, last + 1)]
        column = last + 1
    return [upper, lower], commands


def data_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    weights: Sequence[float],
    width: float,
    *,
    bold_first: bool = False,
    aligns: Sequence[str] | None = None,
    groups: Sequence[tuple[str, int]] | None = None,
) -> Any:
    """A table with a header row repeated on every page; ``weights`` share out ``width``.

    With ``bold_first`` the first column's plain text is set in bold. ``aligns`` sets each
    column "left", "center" or "right" (numbers). ``groups`` adds a header row above that
    names groups of columns, as (title, how many columns); a group with an empty title is
    columns whose own header stands over both rows.
    """
    from reportlab.platypus import Table

    s = styles()
    column_aligns = list(aligns or ["left"] * len(headers))
    data, commands = _header_rows(headers, column_aligns, groups)
    header_rows = len(data)
    for row in rows:
        data.append(
            [
                _cell(
                    value,
                    aligned(
                        s.cell_bold if bold_first and index == 0 else s.cell,
                        column_aligns[index],
                    ),
                )
                for index, value in enumerate(row)
            ]
        )
    widths = _widths(weights, width)
    table = Table(data, colWidths=widths, repeatRows=header_rows, hAlign="LEFT")
    style = _table_style(len(data), header=True, zebra=True, header_rows=header_rows)
    for command in commands:
        style.add(*command)
    table.setStyle(style)
    table.lead_rows = header_rows + 1  # the header and the first row
    return table


def fields_table(pairs: Sequence[tuple[str, Cell]], width: float, label_share: float = 0.27) -> Any:
    """Label and value in two columns; pairs without a value are left out. None if empty."""
    from reportlab.lib import colors
    from reportlab.platypus import Table

    s = styles()
    data = [
        [paragraph(markup(label), s.label), paragraph(value, s.cell)]
        for label, value in pairs
        if value is not None and value != "" and value != Markup("")
    ]
    if not data:
        return None
    widths = _widths((label_share, 1 - label_share), width)
    table = Table(data, colWidths=widths, hAlign="LEFT")
    style = _table_style(len(data), header=False, zebra=False)
    style.add("BACKGROUND", (0, 0), (0, -1), colors.HexColor(look.ACCENT_LIGHT))
    table.setStyle(style)
    table.lead_rows = 2
    return table
