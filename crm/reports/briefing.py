"""The delegation briefing: what the mayor, the protocol officer and the interpreter hold.

Cover, the partner city, the members in protocol order, our side, then (in
crm.reports.briefing_parts) the programme day by day, logistics, history and protocol notes.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from crm.db.enums import PHONE_KINDS, Direction
from crm.i18n import _
from crm.reports import briefing_parts, formats
from crm.reports import labels as vocab
from crm.reports.briefing_data import BriefingData, MemberCard, PersonCard, read_briefing
from crm.reports.page import frame_width, render, setup_for
from crm.reports.styles import styles
from crm.reports.tables import (
    data_table,
    fields_table,
    note,
    paragraph,
    section,
    shared_parsing,
    spacer,
)
from crm.reports.text import Markup, join, labelled, markup, small, strong

if TYPE_CHECKING:
    from crm.db.database import Database
    from crm.reports import ReportRequest


def distinct(*values: str | None) -> list[str]:
    """The values that are set, each once, in order."""
    return list(dict.fromkeys(value for value in values if value))


def person_name(person: PersonCard) -> Markup:
    """The name in bold, then as written in its own script and in Latin letters, each on a
    line of its own (so a right-to-left name stands in its own line)."""
    extra = distinct(person.name, person.name_original, person.name_latin)[1:]
    return join([strong(person.name), *extra])


def contact_lines(person: PersonCard) -> Markup:
    """Every phone, mobile, fax, email and web address, one a line, with its kind."""
    kinds = vocab.contact_kinds()
    lines = []
    for contact in person.contacts:
        kind = vocab.label(kinds, contact.kind)
        if contact.label:
            kind = f"{kind} ({contact.label})"
        text = contact.text
        if contact.kind in PHONE_KINDS:
            text = text.replace(" ", "\u00a0")  # a number never breaks across lines
        lines.append(labelled(kind + ":", text))
    return join(lines) if lines else small("—")


def function_lines(person: PersonCard, function: str | None = None) -> Markup:
    """The function (in the delegation, else the person's), then the organisation."""
    first = function or person.function
    second = person.function if function and person.function != function else None
    return join([first, second, person.organisation])


def _person_summary(person: PersonCard | None, function: str | None = None) -> Markup:
    if person is None:
        return Markup("")
    what = function or person.function
    return join([strong(person.name), what], separator=", ")


def cover(data: BriefingData, request: ReportRequest, width: float) -> list[Any]:
    s = styles()
    story: list[Any] = [
        paragraph(markup(_("Delegation briefing")), s.subtitle),
        paragraph(strong(data.title), s.title),
        paragraph(
            markup(
                f"{formats.date_range(data.start_date, data.end_date)} · "
                f"{vocab.label(vocab.delegation_directions(), data.direction)}"
            ),
            s.subtitle,
        ),
    ]
    if request.confidential:
        story.append(
            paragraph(markup(_("Confidential: for official use only. Do not pass on.")), s.warning)
        )
        story.append(spacer(2))
    partner = data.partner
    city = (
        join(distinct(partner.city, partner.city_native), separator=" · ")
        if partner is not None
        else None
    )
    head = data.head
    table = fields_table(
        [
            (_("Dates"), formats.date_range(data.start_date, data.end_date)),
            (_("Partner city"), city),
            (_("Purpose"), data.purpose),
            (
                _("Head of delegation"),
                _person_summary(head.person, head.function) if head is not None else None,
            ),
            (
                _("Our host") if data.direction == Direction.INCOMING.value else _("Host"),
                _person_summary(data.host),
            ),
            (_("Status"), vocab.label(vocab.delegation_statuses(), data.status)),
            (_("Members"), str(len(data.members)) if data.members else None),
            (_("Languages"), formats.language_names(data.languages)),
        ],
        width,
    )
    if table is not None:
        story.append(table)
    return story


def partner_section(data: BriefingData, width: float) -> list[Any]:
    title = _("The partner city")
    partner = data.partner
    if partner is None:
        return section(title, [note(_("This visit is not linked to a partnership."))])
    kind = vocab.label(vocab.partnership_kinds(), partner.kind)
    if partner.local_party:
        kind = f"{kind} ({partner.local_party})"
    since = (
        formats.long_date(partner.since_date)
        if partner.since_date
        else str(partner.since_year or "")
    )
    agreement = join(
        [
            vocab.label(vocab.agreement_kinds(), partner.agreement_kind),
            partner.agreement_document,
            _("renewal due {date}").format(date=formats.long_date(partner.renewal_date))
            if partner.renewal_date
            else None,
        ],
        separator=" · ",
    )
    rating = vocab.label(vocab.activity_ratings(), partner.rating) if partner.rating else None
    table = fields_table(
        [
            (_("City"), join(distinct(partner.city, partner.city_native, partner.city_latin))),
            (_("Country"), formats.country_name(partner.country)),
            (_("Region"), partner.region),
            (_("Kind of partnership"), kind),
            (_("Partners since"), since),
            (_("Agreement"), agreement),
            (_("Status"), vocab.label(vocab.partnership_statuses(), partner.status)),
            (_("Activity rating"), rating),
            (_("Themes"), ", ".join(partner.themes)),
            (_("Partnership association"), partner.association),
            (_("Funders"), ", ".join(partner.funders)),
        ],
        width,
    )
    return section(title, [table] if table is not None else [])


def _member_row(index: int, member: MemberCard) -> list[Any]:
    person = member.person
    details = join(
        [
            function_lines(person, member.function),
            labelled(_("Languages:"), formats.language_names(person.languages)),
            labelled(_("Dietary needs:"), member.dietary_needs),
            labelled(_("Accessibility:"), member.accessibility_needs),
        ]
    )
    return [str(index), person_name(person), details, contact_lines(person)]


def members_section(data: BriefingData, width: float) -> list[Any]:
    title = _("Members of the delegation, in protocol order")
    if not data.members:
        return section(title, [note(_("No members have been entered yet."))])
    table = data_table(
        [_("No."), _("Name"), _("Function and organisation"), _("How to reach")],
        [_member_row(index, member) for index, member in enumerate(data.members, start=1)],
        (8, 38, 52, 76),
        width,
    )
    return section(title, [table])


def our_side_section(data: BriefingData, width: float) -> list[Any]:
    title = (
        _("Our side: hosts and participants")
        if data.direction == Direction.INCOMING.value
        else _("Hosts and participants")
    )
    if not data.our_side:
        return section(title, [note(_("No host or participants have been entered yet."))])
    rows = []
    for person in data.our_side:
        role = _("Host") if data.host is not None and person.id == data.host.id else None
        rows.append(
            [
                join([person_name(person), small(role) if role else None]),
                function_lines(person),
                contact_lines(person),
            ]
        )
    table = data_table(
        [_("Name"), _("Function and organisation"), _("How to reach")],
        rows,
        (42, 54, 78),
        width,
    )
    return section(title, [table])


def briefing_story(data: BriefingData, request: ReportRequest, width: float) -> list[Any]:
    return [
        *cover(data, request, width),
        *partner_section(data, width),
        *members_section(data, width),
        *our_side_section(data, width),
        *briefing_parts.programme_section(data, width),
        *briefing_parts.logistics_section(data, width),
        *briefing_parts.history_section(data, width),
        *briefing_parts.protocol_section(data, width),
    ]


def read_request(db: Database, request: ReportRequest) -> BriefingData:
    """The briefing's data; ServiceError when there is no such delegation. Called before the
    report's language is set, so the message is in the language of the person asking."""
    from crm.services.errors import ServiceError

    if request.delegation_id is None:
        raise ServiceError(_("Choose the delegation the briefing is for."))
    return read_briefing(db, request.delegation_id)


def build_briefing(
    db: Database,
    request: ReportRequest,
    today: date | None = None,
    data: BriefingData | None = None,
) -> bytes:
    """The briefing PDF of ``request.delegation_id`` (the language is set by the caller)."""
    if data is None:
        data = read_request(db, request)
    setup = setup_for(db, request, title=_("Delegation briefing"), subject=data.title, today=today)
    width = frame_width(request.page_size)
    with shared_parsing():
        story = briefing_story(data, request, width)
    return render(setup, story)
