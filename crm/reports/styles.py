"""The look of printed reports: colours, type sizes and paragraph styles.

Every style is set in Noto Sans (crm.reports.fonts' base font); runs of other scripts carry
their own font in the markup. Built once per process, after the base fonts are registered.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from crm.reports import fonts

ACCENT = "#1f3a5f"  # headings, rules, table headers
ACCENT_LIGHT = "#e8edf3"  # label cells, zebra rows
GRID = "#b9c3cf"
MUTED = "#696969"  # labels, notes, footer: CSS dimgray (text.MUTED_NAME)
WARNING = "#b3261e"  # the "confidential" marking

BODY_SIZE = 9.0
SMALL_SIZE = 7.5


@dataclass(frozen=True)
class Styles:
    body: Any
    small: Any
    muted: Any
    label: Any
    cell: Any
    cell_bold: Any
    header_cell: Any
    title: Any
    subtitle: Any
    heading: Any
    subheading: Any
    letterhead: Any
    letterhead_small: Any
    running: Any
    warning: Any


@cache
def styles() -> Styles:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    regular, bold = fonts.base_font(), fonts.base_font(bold=True)
    base = ParagraphStyle(
        "LiaisonBody",
        fontName=regular,
        fontSize=BODY_SIZE,
        leading=BODY_SIZE * 1.3,
        textColor=colors.HexColor("#1b1f24"),
        alignment=TA_LEFT,
        splitLongWords=True,  # a long email or web address wraps instead of running out
        allowWidows=0,
        allowOrphans=0,
    )

    def derive(name: str, **changes: Any) -> Any:
        return ParagraphStyle(name, parent=base, **changes)

    small = derive("LiaisonSmall", fontSize=SMALL_SIZE, leading=SMALL_SIZE * 1.3)
    return Styles(
        body=base,
        small=small,
        muted=derive(
            "LiaisonMuted",
            fontSize=SMALL_SIZE,
            leading=SMALL_SIZE * 1.3,
            textColor=colors.HexColor(MUTED),
        ),
        label=derive(
            "LiaisonLabel",
            fontSize=8,
            leading=10.4,
            textColor=colors.HexColor(MUTED),
        ),
        cell=derive("LiaisonCell", fontSize=8.5, leading=11),
        cell_bold=derive("LiaisonCellBold", fontName=bold, fontSize=8.5, leading=11),
        header_cell=derive(
            "LiaisonHeaderCell",
            fontName=bold,
            fontSize=8,
            leading=10,
            textColor=colors.white,
        ),
        title=derive(
            "LiaisonTitle",
            fontName=bold,
            fontSize=18,
            leading=23,
            textColor=colors.HexColor(ACCENT),
            spaceAfter=4,
        ),
        subtitle=derive(
            "LiaisonSubtitle",
            fontSize=10,
            leading=13,
            textColor=colors.HexColor(MUTED),
            spaceAfter=8,
        ),
        heading=derive(
            "LiaisonHeading",
            fontName=bold,
            fontSize=12.5,
            leading=16,
            textColor=colors.HexColor(ACCENT),
            spaceBefore=12,
            spaceAfter=5,
        ),
        subheading=derive(
            "LiaisonSubheading",
            fontName=bold,
            fontSize=9.5,
            leading=12,
            textColor=colors.HexColor(ACCENT),
            spaceBefore=8,
            spaceAfter=3,
        ),
        letterhead=derive(
            "LiaisonLetterhead",
            fontName=bold,
            fontSize=12,
            leading=15,
            textColor=colors.HexColor(ACCENT),
        ),
        letterhead_small=derive(
            "LiaisonLetterheadSmall",
            fontSize=8.5,
            leading=11,
            textColor=colors.HexColor(MUTED),
        ),
        running=derive(
            "LiaisonRunning",
            fontSize=7.5,
            leading=9.5,
            textColor=colors.HexColor(MUTED),
        ),
        warning=derive(
            "LiaisonWarning",
            fontName=bold,
            fontSize=8.5,
            leading=11,
            textColor=colors.HexColor(WARNING),
            alignment=TA_RIGHT,
        ),
    )
