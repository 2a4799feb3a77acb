"""The briefing's later sections: programme day by day, logistics, history, protocol notes."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from crm.i18n import _
from crm.reports import formats
from crm.reports import labels as vocab
from crm.reports.briefing_data import Appointment, BriefingData
from crm.reports.tables import data_table, fields_table, note, paragraph, section
from crm.reports.text import Markup, join, markup, small, strong


def _appointment_row(item: Appointment) -> list[Any]:
    what = join(
        [
            strong(item.title),
            small(vocab.label(vocab.programme_kinds(), item.kind)),
            small(item.notes) if item.notes else None,
        ]
    )
    return [
        formats.time_span(item.starts_at, item.ends_at),
        what,
        item.venue,
        join(item.participants),
        item.dress_code,
    ]


def programme_section(data: BriefingData, width: float) -> list[Any]:
    title = _("Programme")
    if not data.programme:
        return section(title, [note(_("No appointments have been entered yet."))])
    zone = formats.local_zone()
    days: list[Any] = []
    for day, items in groupby(
        data.programme, key=lambda item: formats.local_day(item.starts_at, zone)
    ):
        table = data_table(
            [_("Time"), _("Appointment"), _("Venue"), _("Participants"), _("Dress code")],
            [_appointment_row(item) for item in items],
            (21, 52, 36, 35, 30),
            width,
        )
        days += section(formats.day_heading(day), [table], level=2)
    return section(title, days)


def logistics_section(data: BriefingData, width: float) -> list[Any]:
    body: list[Any] = []
    table = fields_table(
        [
            (_("Hotel"), data.hotel),
            (_("Transport"), data.transport),
            (_("Interpreters"), data.interpreters),
            (_("Languages of the visit"), formats.language_names(data.languages)),
        ],
        width,
    )
    if table is not None:
        body.append(table)
    travel = [
        member
        for member in data.members
        if member.arrival or member.departure or (member.hotel and member.hotel != data.hotel)
    ]
    if travel:
        rows = [
            [
                strong(member.person.name),
                formats.moment(member.arrival),
                formats.moment(member.departure),
                member.hotel if member.hotel != data.hotel else None,
            ]
            for member in travel
        ]
        body += section(
            _("Arrival and departure"),
            [
                data_table(
                    [_("Name"), _("Arrival"), _("Departure"), _("Hotel")],
                    rows,
                    (50, 30, 30, 64),
                    width,
                )
            ],
            level=2,
        )
    if not body:
        body.append(note(_("No hotel, transport or interpreters have been entered yet.")))
    return section(_("Logistics"), body)


def _visits(data: BriefingData, width: float) -> list[Any]:
    if not data.visits:
        return [note(_("No earlier visits are recorded."))]
    rows = [
        [
            formats.date_range(visit.start_date, visit.end_date),
            vocab.label(vocab.delegation_directions(), visit.direction),
            visit.title,
            vocab.label(vocab.delegation_statuses(), visit.status),
        ]
        for visit in data.visits
    ]
    headers = [_("Dates"), _("Direction"), _("Visit"), _("Status")]
    return [data_table(headers, rows, (36, 22, 92, 24), width)]


def _gifts(data: BriefingData, width: float) -> list[Any]:
    if not data.gifts:
        return [note(_("No gifts are recorded."))]
    rows = [
        [
            formats.short_date(gift.given_on),
            vocab.label(vocab.gift_directions(), gift.direction),
            join(
                [
                    gift.description,
                    small(formats.money(gift.value, gift.currency))
                    if gift.value is not None
                    else None,
                    small(gift.visit) if gift.visit else None,
                ]
            ),
            gift.giver,
            gift.receiver,
        ]
        for gift in data.gifts
    ]
    headers = [_("Date"), _("Given or received"), _("Gift"), _("From"), _("To")]
    return [data_table(headers, rows, (21, 24, 61, 34, 34), width)]


def _correspondence(data: BriefingData, width: float) -> list[Any]:
    if not data.correspondence:
        return [note(_("No correspondence is open."))]
    rows = [
        [
            strong(letter.reference),
            formats.short_date(letter.day),
            join(
                [
                    letter.subject,
                    small(
                        f"{vocab.kind_of_entry(letter.direction, letter.channel)} · "
                        f"{vocab.label(vocab.correspondence_statuses(), letter.status)}"
                    ),
                ]
            ),
            letter.counterpart,
            formats.short_date(letter.follow_up),
        ]
        for letter in data.correspondence
    ]
    headers = [_("Reference"), _("Date"), _("Subject"), _("Counterpart"), _("Follow-up")]
    return [data_table(headers, rows, (27, 21, 63, 39, 24), width)]


def history_section(data: BriefingData, width: float) -> list[Any]:
    body = [
        *section(_("Last visits"), _visits(data, width), level=2),
        *section(_("Gifts given and received"), _gifts(data, width), level=2),
        *section(_("Open correspondence"), _correspondence(data, width), level=2),
    ]
    return section(_("History"), body)


def protocol_section(data: BriefingData, width: float) -> list[Any]:
    people = [member.person for member in data.members] + list(data.our_side)
    rows = [
        [strong(person.name), person.form_of_address, person.salutation]
        for person in people
        if person.form_of_address or person.salutation
    ]
    body: list[Any] = []
    if rows:
        headers = [_("Name"), _("Form of address"), _("Salutation in letters")]
        body.append(data_table(headers, rows, (50, 54, 70), width))
        missing = [p.name for p in people if not (p.form_of_address or p.salutation)]
        if missing:
            # Not inside the f-string: gettext's extractor does not look into f-strings.
            lead = small(_("No form of address recorded for:"))
            body.append(paragraph(Markup(f"{lead} {small(', '.join(missing))}")))
    else:
        body.append(note(_("No forms of address are recorded.")))
    if data.notes:
        body += section(_("Notes"), [paragraph(markup(data.notes))], level=2)
    return section(_("Protocol notes"), body)
