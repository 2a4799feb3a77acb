"""Pieces the office's lists share: the title block, a partner city in all its spellings,
a period in words, counts, the rating scale."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from crm.i18n import _
from crm.reports import formats
from crm.reports import labels as vocab
from crm.reports.report_data import PartnerName
from crm.reports.styles import styles
from crm.reports.tables import paragraph
from crm.reports.text import MUTED_NAME, Markup, join, markup, small, strong

DASH = "–"


def distinct(*values: str | None) -> list[str]:
    """The values that are set, each once, in order."""
    return list(dict.fromkeys(value for value in values if value))


def title_block(title: str, subtitle: str) -> list[Any]:
    """The report's name in large type and what it covers below it."""
    s = styles()
    return [paragraph(strong(title), s.title), paragraph(markup(subtitle), s.subtitle)]


def city_lines(partner: PartnerName) -> Markup:
    """The city in bold as the office names it, then as written there and in Latin letters
    (each spelling once, on a line of its own), then our district if it is one's."""
    spellings = distinct(partner.city, partner.city_native, partner.city_latin)
    return join(
        [
            strong(spellings[0]),
            *spellings[1:],
            small(partner.local_party) if partner.local_party else None,
        ]
    )


def kind_lines(partner: PartnerName) -> Markup:
    """The kind of partnership; its status below unless it is active."""
    kind = vocab.label(vocab.partnership_kinds(), partner.kind)
    status = (
        small(vocab.label(vocab.partnership_statuses(), partner.status))
        if partner.status != "active"
        else None
    )
    return join([kind, status])


def period_text(since: date | None, until: date | None) -> str:
    """4 December 2021 – 3 December 2026; an open end in words."""
    if since is not None and until is not None:
        return formats.date_range(since, until)
    if since is not None:
        return _("from {date}").format(date=formats.long_date(since))
    if until is not None:
        return _("until {date}").format(date=formats.long_date(until))
    return _("All dates")


def count(value: int) -> Markup:
    """A number for a table; nothing is a grey zero."""
    if value:
        return markup(str(value))
    return Markup(f'<font color="{MUTED_NAME}">0</font>')


def rating_code(rating: str | None) -> Markup:
    return strong(rating) if rating else Markup(f'<font color="{MUTED_NAME}">{DASH}</font>')


def rating_legend() -> Markup:
    """A, AA, AAA in words, one a line."""
    return join(vocab.activity_ratings().values())


CELL_PADDING = 8.5  # a table cell's left and right padding, and a hair


def word_width(texts: Any, *, bold: bool = False, size: float = 8.5) -> float:
    """The width a column needs so that none of the words of ``texts`` is split: the widest
    word in the base font, with the cell's padding. (Texts in other scripts are measured in
    the base font too: good enough for words of the report's own language.)"""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from crm.reports import fonts

    font = fonts.base_font(bold)
    words = {word for text in texts for word in str(text).split()}
    widest = max((stringWidth(word, font, size) for word in words), default=0.0)
    return float(widest) + CELL_PADDING


def line_width(texts: Any, *, bold: bool = False, size: float = 8.5) -> float:
    """The width a column needs so that each of ``texts`` stands on one line (amounts,
    dates), with the cell's padding."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from crm.reports import fonts

    font = fonts.base_font(bold)
    widest = max((stringWidth(str(text), font, size) for text in texts), default=0.0)
    return float(widest) + CELL_PADDING


def fit_columns(weights: Any, width: float, minimums: dict[int, float]) -> list[float]:
    """Column widths sharing out ``width`` by ``weights``, where a column with a minimum
    gets at least that and the others give up what it takes, in proportion."""
    weights = list(weights)
    fixed: dict[int, float] = {}
    while True:
        free = [index for index in range(len(weights)) if index not in fixed]
        rest = width - sum(fixed.values())
        total = sum(weights[index] for index in free) or 1.0
        shares = {index: rest * weights[index] / total for index in free}
        short = {
            index: minimums[index]
            for index, share in shares.items()
            if index in minimums and share < minimums[index]
        }
        if not short:
            return [fixed.get(index, shares.get(index, 0.0)) for index in range(len(weights))]
        fixed.update(short)


# Where an address may wrap (as style guides break them): before a dot, a hyphen, an
# underscore or a single slash, never inside "//". Not after a hyphen: a reader (and a
# program copying the text) would take a hyphen at the end of a line for a word split.
_ADDRESS_BREAKS = re.compile(r"(?=[.\-_])|(?<=[^/:])(?=/)")


def address_lines(
    text: str, width: float, first_indent: float = 0.0, size: float = 8.5
) -> list[str]:
    """An email or web address cut into lines that fit ``width`` (points): after the "@"
    first, then before a dot, a hyphen, an underscore or a slash, so it wraps where a reader
    expects it rather than in the middle of a word. The first line is ``first_indent``
    shorter (a label before it); a piece longer than a line is left for the paragraph to
    split."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from crm.reports import fonts

    font = fonts.base_font()

    def fits(line: str, room: float) -> bool:
        return bool(stringWidth(line, font, size) <= room)

    if fits(text, width - first_indent):
        return [text]
    local, at, domain = text.rpartition("@")
    halves = [local + at, domain] if at and local else [text]
    lines: list[str] = []
    for half in halves:
        room = width - (first_indent if not lines else 0.0)
        if fits(half, room):
            lines.append(half)
            continue
        line = ""
        for piece in (part for part in _ADDRESS_BREAKS.split(half) if part):
            if line and not fits(line + piece, room):
                lines.append(line)
                line, room = "", width
            line += piece
        lines.append(line)
    return lines
