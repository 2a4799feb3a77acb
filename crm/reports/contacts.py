"""The contact sheet: every phone, mobile, fax and email of a delegation's members and our
hosts and participants, or of the people and organisations chosen (with the organisations'
web addresses), with function and organisation, names as written and in Latin letters.

Phone numbers never break across lines; a long email or web address wraps inside its column
rather than run out of it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from crm.db.enums import PHONE_KINDS, ContactKind, Direction
from crm.i18n import _, ngettext
from crm.reports import formats
from crm.reports import labels as vocab
from crm.reports.briefing import function_lines, person_name
from crm.reports.briefing_data import Contact, PersonCard
from crm.reports.contacts_data import ContactsData, OrganisationCard, read_contacts
from crm.reports.page import frame_width, render, setup_for
from crm.reports.report_parts import (
    CELL_PADDING,
    address_lines,
    distinct,
    fit_columns,
    title_block,
    word_width,
)
from crm.reports.tables import data_table, note, section, shared_parsing
from crm.reports.text import MUTED_NAME, Markup, join, markup, small, strong

if TYPE_CHECKING:
    from crm.db.database import Database
    from crm.reports import ReportRequest

# Name, function and organisation, phones, email and web.
WEIGHTS = (43, 40, 41, 50)
CELL_SIZE = 8.5  # styles.cell
LABEL_SIZE = 7.5  # the kind before a number or an address


def _kind(contact: Contact) -> str:
    kind = vocab.label(vocab.contact_kinds(), contact.kind)
    return f"{kind} ({contact.label})" if contact.label else kind


def phone_lines(contacts: tuple[Contact, ...]) -> Markup:
    """Every phone, mobile and fax, one a line with its kind; a number is never broken."""
    lines = [
        _labelled(_kind(contact) + ":", contact.text.replace(" ", "\u00a0"))
        for contact in contacts
        if contact.kind in PHONE_KINDS
    ]
    return join(lines)


def _labelled(label: str, value: object) -> Markup:
    """ "Phone: +49 ..." with the kind small and grey, so label and number share a line."""
    return Markup(
        f'<font size="{LABEL_SIZE}" color="{MUTED_NAME}">{markup(label)}</font> {markup(value)}'
    )


def _address(label: str | None, text: str, width: float) -> Markup:
    """An address with its grey label, wrapped at its dots and "@" to fit ``width``."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from crm.reports import fonts

    indent = stringWidth(f"{label} ", fonts.base_font(), LABEL_SIZE) if label else 0.0
    lines = join(address_lines(text, width, indent, CELL_SIZE))
    if not label:
        return lines
    return Markup(f'<font size="{LABEL_SIZE}" color="{MUTED_NAME}">{markup(label)}</font> {lines}')


def online_lines(contacts: tuple[Contact, ...], width: float) -> Markup:
    """Every email address, then every web address, one a line; an address too long for
    ``width`` (the column's, in points) wraps after its "@" or a dot."""
    lines: list[Markup] = []
    for contact in contacts:
        if contact.kind == ContactKind.EMAIL:
            lines.append(
                _address(f"{contact.label}:" if contact.label else None, contact.text, width)
            )
    for contact in contacts:
        if contact.kind == ContactKind.WEB:
            lines.append(_address(_kind(contact) + ":", contact.text, width))
    return join(lines)


def _nothing() -> Markup:
    return small("—")


def _inner(widths: list[float]) -> float:
    """The room inside the last column (email and web), without the cell's padding."""
    return widths[-1] - CELL_PADDING


def person_row(person: PersonCard, widths: list[float], function: str | None = None) -> list[Any]:
    phones = phone_lines(person.contacts)
    online = online_lines(person.contacts, _inner(widths))
    return [
        person_name(person),
        function_lines(person, function),
        phones or (None if online else _nothing()),
        online,
    ]


def column_widths(width: float) -> list[float]:
    """The columns of every table on the sheet, the same from table to table. (No protocol
    number: the members' table is in protocol order, and the room is the names'.)"""
    labels = [f"{label}:" for label in vocab.contact_kinds().values()]
    return fit_columns(WEIGHTS, width, {2: word_width([*labels, "+000 000 000 0000"])})


def people_table(rows: list[list[Any]], widths: list[float], width: float) -> Any:
    headers = [
        _("Name"),
        _("Function and organisation"),
        _("Phone, mobile, fax"),
        _("Email and web"),
    ]
    return data_table(headers, rows, widths, width)


def delegation_sections(data: ContactsData, width: float) -> list[Any]:
    delegation = data.delegation
    if delegation is None:
        return []
    story: list[Any] = []
    title = _("Members of the delegation, in protocol order")
    if delegation.members:
        widths = column_widths(width)
        rows = [person_row(person, widths, function) for person, function in delegation.members]
        story += section(title, [people_table(rows, widths, width)])
    else:
        story += section(title, [note(_("No members have been entered yet."))])
    title = (
        _("Our side: hosts and participants")
        if delegation.direction == Direction.INCOMING.value
        else _("Hosts and participants")
    )
    if delegation.our_side:
        widths = column_widths(width)
        rows = []
        for person in delegation.our_side:
            row = person_row(person, widths)
            if person.id == delegation.host_id:
                row[0] = join([row[0], small(_("Host"))])
            rows.append(row)
        story += section(title, [people_table(rows, widths, width)])
    else:
        story += section(title, [note(_("No host or participants have been entered yet."))])
    return story


def organisation_row(organisation: OrganisationCard, widths: list[float]) -> list[Any]:
    names = distinct(organisation.name, organisation.name_latin)
    place = ", ".join(distinct(organisation.city, formats.country_name(organisation.country)))
    phones = phone_lines(organisation.contacts)
    online = online_lines(organisation.contacts, _inner(widths))
    return [
        join(
            [
                strong(names[0]),
                *names[1:],
                small(organisation.short_name) if organisation.short_name else None,
            ]
        ),
        join([vocab.label(vocab.organisation_kinds(), organisation.kind), place]),
        phones or (None if online else _nothing()),
        online,
    ]


def selection_sections(data: ContactsData, width: float) -> list[Any]:
    story: list[Any] = []
    widths = column_widths(width)
    if data.people:
        rows = [person_row(person, widths) for person in data.people]
        story += section(_("People"), [people_table(rows, widths, width)])
    if data.organisations:
        headers = [
            _("Organisation"),
            _("Kind and place"),
            _("Phone, mobile, fax"),
            _("Email and web"),
        ]
        rows = [organisation_row(organisation, widths) for organisation in data.organisations]
        story += section(_("Organisations"), [data_table(headers, rows, widths, width)])
    return story


def subject(data: ContactsData) -> str:
    """What the sheet covers: the delegation and its dates, or how many were chosen."""
    delegation = data.delegation
    parts: list[str] = []
    if delegation is not None:
        parts.append(
            f"{delegation.title} · {formats.date_range(delegation.start_date, delegation.end_date)}"
        )
    if data.people:
        parts.append(
            ngettext("{count} person", "{count} people", len(data.people)).format(
                count=len(data.people)
            )
        )
    if data.organisations:
        parts.append(
            ngettext(
                "{count} organisation", "{count} organisations", len(data.organisations)
            ).format(count=len(data.organisations))
        )
    return " · ".join(parts)


def contacts_story(data: ContactsData, width: float) -> list[Any]:
    return [
        *title_block(_("Contact sheet"), subject(data)),
        *delegation_sections(data, width),
        *selection_sections(data, width),
    ]


def read_request(db: Database, request: ReportRequest, today: date | None = None) -> ContactsData:
    """The sheet's data; ServiceError when nobody is chosen, or for a delegation, person or
    organisation that does not exist."""
    from crm.services.errors import ServiceError

    if request.delegation_id is None and not (request.person_ids or request.organisation_ids):
        raise ServiceError(
            _("Choose a delegation, or the people and organisations, for the contact sheet.")
        )
    return read_contacts(db, request.delegation_id, request.person_ids, request.organisation_ids)


def build(
    db: Database, request: ReportRequest, data: ContactsData, today: date | None = None
) -> bytes:
    """The contact sheet's PDF (the language is set by the caller)."""
    setup = setup_for(db, request, title=_("Contact sheet"), subject=subject(data), today=today)
    width = frame_width(request.page_size)
    with shared_parsing():
        story = contacts_story(data, width)
    return render(setup, story)
