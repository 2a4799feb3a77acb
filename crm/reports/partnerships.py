"""The partnership overview: every partnership with its kind, since when, activity rating,
themes, last visit and last correspondence, by city, as Leipzig's evaluation lists them; then
how many of each kind have which rating. Printed landscape: eight columns."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from crm.i18n import _, ngettext
from crm.reports import formats
from crm.reports import labels as vocab
from crm.reports.page import frame_width, render, setup_for
from crm.reports.partnerships_data import OverviewData, PartnershipLine, read_overview
from crm.reports.report_parts import (
    city_lines,
    count,
    fit_columns,
    kind_lines,
    rating_code,
    rating_legend,
    title_block,
    word_width,
)
from crm.reports.tables import (
    data_table,
    keep_together,
    note,
    section,
    shared_parsing,
    spacer,
)
from crm.reports.text import Markup, join, markup, small, strong

if TYPE_CHECKING:
    from crm.db.database import Database
    from crm.reports import ReportRequest

LANDSCAPE = True
RATINGS = ("AAA", "AA", "A")


def _since(line: PartnershipLine) -> str:
    if line.since_date is not None:
        return formats.short_date(line.since_date)
    return str(line.since_year or "")


def _last_visit(line: PartnershipLine) -> Markup | None:
    visit = line.last_visit
    if visit is None:
        return None
    direction = vocab.label(vocab.delegation_directions(), visit.direction)
    return join(
        [
            formats.date_range(visit.start_date, visit.end_date),
            small(f"{direction} · {visit.title}"),
        ]
    )


def _last_letter(line: PartnershipLine) -> Markup | None:
    letter = line.last_letter
    if letter is None:
        return None
    return join(
        [
            Markup(f"{markup(formats.short_date(letter.day))} · {strong(letter.reference)}"),
            small(f"{vocab.kind_of_entry(letter.direction, letter.channel)}: {letter.subject}"),
        ]
    )


def _row(line: PartnershipLine) -> list[Any]:
    partner = line.partner
    return [
        city_lines(partner),
        formats.country_name(partner.country),
        kind_lines(partner),
        _since(line),
        rating_code(partner.rating),
        ", ".join(line.themes),
        _last_visit(line),
        _last_letter(line),
    ]


def partnerships_table(data: OverviewData, width: float) -> list[Any]:
    if not data.lines:
        return [note(_("No partnerships have been entered yet."))]
    headers = [
        _("Partner city"),
        _("Country"),
        _("Kind of partnership"),
        _("Since"),
        _("Rating"),
        _("Themes"),
        _("Last visit"),
        _("Last correspondence"),
    ]
    aligns = ["left", "left", "left", "left", "center", "left", "left", "left"]
    kinds = list(vocab.partnership_kinds().values())
    widths = fit_columns(
        (40, 22, 28, 16, 13, 38, 46, 50),
        width,
        {
            2: word_width([*kinds, headers[2]]),
            3: word_width([headers[3], "00.00.0000"]),
            4: word_width([headers[4], "AAA"], bold=True),
        },
    )
    table = data_table(headers, [_row(line) for line in data.lines], widths, width, aligns=aligns)
    return [table]


def summary_table(data: OverviewData, width: float) -> list[Any]:
    """How many partnerships of each kind have which rating."""
    kinds = vocab.partnership_kinds()
    order = [kind for kind in kinds if any(line.partner.kind == kind for line in data.lines)]
    order += sorted({line.partner.kind for line in data.lines} - set(order))
    rows: list[list[Any]] = []
    for kind in [*order, None]:
        lines = [line for line in data.lines if kind is None or line.partner.kind == kind]
        ratings = [line.partner.rating for line in lines]
        row: list[Any] = [
            strong(_("All partnerships")) if kind is None else vocab.label(kinds, kind),
            *(count(ratings.count(rating)) for rating in RATINGS),
            count(sum(1 for rating in ratings if rating not in RATINGS)),
            strong(str(len(lines))),
        ]
        rows.append(row)
    headers = [_("Kind of partnership"), *RATINGS, _("Not rated"), _("Total")]
    table = data_table(
        headers,
        rows,
        (46, 14, 14, 14, 18, 14),
        width * 0.62,
        aligns=["left", "right", "right", "right", "right", "right"],
    )
    return [keep_together([table, spacer(2), note(rating_legend())])]


def overview_story(data: OverviewData, width: float) -> list[Any]:
    return [
        *title_block(_("Partnership overview"), subtitle(data)),
        *section(_("Partnerships by city"), partnerships_table(data, width)),
        *section(_("Ratings by kind of partnership"), summary_table(data, width)),
    ]


def subtitle(data: OverviewData) -> str:
    total = len(data.lines)
    counted = ngettext("{count} partnership", "{count} partnerships", total).format(count=total)
    return _("{count} · as of {date}").format(count=counted, date=formats.long_date(data.today))


def read_request(db: Database, request: ReportRequest, today: date | None = None) -> OverviewData:
    return read_overview(db, today or date.today())


def build(
    db: Database, request: ReportRequest, data: OverviewData, today: date | None = None
) -> bytes:
    """The overview's PDF (the language is set by the caller)."""
    setup = setup_for(
        db,
        request,
        title=_("Partnership overview"),
        subject=subtitle(data),
        today=today,
        landscape=LANDSCAPE,
    )
    width = frame_width(request.page_size, LANDSCAPE)
    with shared_parsing():
        story = overview_story(data, width)
    return render(setup, story)
