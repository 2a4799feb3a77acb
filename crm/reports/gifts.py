"""The gift register: every gift given or received (in a period, if one is asked for) by date,
with its value, giver and receiver, visit and partnership; then the totals each way, per
currency. Printed landscape: seven columns."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from crm.i18n import _, ngettext
from crm.reports import formats
from crm.reports import labels as vocab
from crm.reports.gifts_data import GiftEntry, GiftsData, read_gifts
from crm.reports.page import frame_width, render, setup_for
from crm.reports.report_data import Period
from crm.reports.report_parts import (
    count,
    fit_columns,
    line_width,
    period_text,
    title_block,
    word_width,
)
from crm.reports.tables import data_table, note, section, shared_parsing
from crm.reports.text import Markup, join, small, strong

if TYPE_CHECKING:
    from crm.db.database import Database
    from crm.reports import ReportRequest

LANDSCAPE = True


def _day(gift: GiftEntry) -> Markup:
    if gift.day is None:
        return small("—")
    text = formats.short_date(gift.day)
    return join([text, small(_("visit date"))]) if gift.dated_by_visit else join([text])


def money(gift: GiftEntry) -> str:
    """The value with its currency, never broken across lines."""
    return formats.money(gift.value, gift.currency).replace(" ", "\u00a0")


def _row(gift: GiftEntry) -> list[Any]:
    return [
        _day(gift),
        vocab.label(vocab.gift_directions(), gift.direction),
        join([gift.description, small(gift.notes) if gift.notes else None]),
        money(gift),
        gift.giver,
        gift.receiver,
        join([gift.visit, small(gift.partnership) if gift.partnership else None]),
    ]


def register_table(data: GiftsData, width: float) -> list[Any]:
    if not data.gifts:
        if data.period.since is None and data.period.until is None:
            return [note(_("No gifts are recorded."))]
        return [note(_("No gifts are recorded for this period."))]
    headers = [
        _("Date"),
        _("Given or received"),
        _("Gift"),
        _("Value"),
        _("From"),
        _("To"),
        _("Visit and partnership"),
    ]
    directions = list(vocab.gift_directions().values())
    widths = fit_columns(
        (18, 20, 60, 18, 34, 34, 50),
        width,
        {
            0: word_width([headers[0], "00.00.0000"]),
            1: word_width([*directions, headers[1]]),
            3: max(
                word_width([headers[3]], bold=True, size=8),
                line_width([money(gift) for gift in data.gifts]),
            ),
        },
    )
    aligns = ["left", "left", "left", "right", "left", "left", "left"]
    rows = [_row(gift) for gift in data.gifts]
    return [data_table(headers, rows, widths, width, aligns=aligns)]


def _sums(gifts: list[GiftEntry]) -> Markup:
    """The values added up per currency, one a line."""
    sums: dict[str, Decimal] = defaultdict(Decimal)
    for gift in gifts:
        if gift.value is not None:
            sums[gift.currency or ""] += gift.value
    if not sums:
        return small("—")
    return join(
        formats.money(total, currency or None).replace(" ", "\u00a0")
        for currency, total in sorted(sums.items())
    )


def totals_table(data: GiftsData, width: float) -> list[Any]:
    rows: list[list[Any]] = []
    for direction, label in vocab.gift_directions().items():
        gifts = [gift for gift in data.gifts if gift.direction == direction]
        rows.append(
            [
                label,
                count(len(gifts)),
                count(sum(1 for gift in gifts if gift.value is None)),
                _sums(gifts),
            ]
        )
    rows.append(
        [
            strong(_("All gifts")),
            strong(str(len(data.gifts))),
            count(sum(1 for gift in data.gifts if gift.value is None)),
            _sums(list(data.gifts)),
        ]
    )
    headers = [_("Direction"), _("Gifts"), _("Without a value"), _("Total value")]
    return [
        data_table(
            headers,
            rows,
            (40, 16, 22, 30),
            width * 0.55,
            aligns=["left", "right", "right", "right"],
        )
    ]


def subtitle(data: GiftsData) -> str:
    total = len(data.gifts)
    counted = ngettext("{count} gift", "{count} gifts", total).format(count=total)
    return f"{period_text(data.period.since, data.period.until)} · {counted}"


def gifts_story(data: GiftsData, width: float) -> list[Any]:
    story = [
        *title_block(_("Gift register"), subtitle(data)),
        *section(_("Gifts by date"), register_table(data, width)),
        *section(_("Totals"), totals_table(data, width)),
    ]
    if any(gift.dated_by_visit for gift in data.gifts):
        story.append(
            note(_("A gift without a date of its own is listed on its visit's first day."))
        )
    return story


def read_request(db: Database, request: ReportRequest, today: date | None = None) -> GiftsData:
    return read_gifts(db, Period(request.since, request.until))


def build(
    db: Database, request: ReportRequest, data: GiftsData, today: date | None = None
) -> bytes:
    """The gift register's PDF (the language is set by the caller)."""
    setup = setup_for(
        db,
        request,
        title=_("Gift register"),
        subject=subtitle(data),
        today=today,
        landscape=LANDSCAPE,
    )
    width = frame_width(request.page_size, LANDSCAPE)
    with shared_parsing():
        story = gifts_story(data, width)
    return render(setup, story)
