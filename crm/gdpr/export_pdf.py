"""The Art. 15 export as a readable PDF: the same data as the JSON, section by section.

Laid out with the reports' pieces (crm.reports): the office's letterhead and page footer,
every value escaped and set in the font of its script, tables whose header repeats. Every
section is printed, an empty one with "None recorded.", so the reader sees that it was looked at.
Every page is marked confidential.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from crm.i18n import _, current_language, language_override
from crm.reports import formats
from crm.reports import labels as vocab
from crm.reports.page import frame_width, render, setup_for
from crm.reports.report_parts import title_block
from crm.reports.tables import data_table, fields_table, note, section, shared_parsing
from crm.reports.text import Markup, join, labelled, small
from crm.vocabulary import label, legal_bases

if TYPE_CHECKING:
    from crm.db.database import Database

Data = Mapping[str, Any]


def report_language(db: Database, language: str | None) -> str:
    if language in ("de", "en"):
        return language
    from crm.services.office import get_profile

    office = get_profile(db).language
    if office in ("de", "en"):
        return office
    return current_language() if current_language() in ("de", "en") else "en"


def build_pdf(db: Database, data: Data, language: str | None = None) -> bytes:
    from crm.reports import ReportRequest

    code = report_language(db, language)
    with language_override(code):
        person = data["person"]
        name = _name(person)
        request = ReportRequest(kind="contacts", language=code, confidential=True)
        setup = setup_for(db, request, title=_("Personal data held (Art. 15 GDPR)"), subject=name)
        width = frame_width(request.page_size)
        with shared_parsing():
            story = _story(data, name, width)
        return render(setup, story)


def _name(person: Data) -> str:
    parts = [person.get(k) for k in ("title", "given_name", "family_name")]
    return " ".join(str(p) for p in parts if p) or "?"


def _day(value: Any) -> str:
    if not value:
        return ""
    try:
        return formats.short_date(date.fromisoformat(str(value)[:10]))
    except ValueError:
        return str(value)


def _moment(value: Any) -> str:
    if not value:
        return ""
    try:
        return formats.moment(datetime.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def _money(value: Any, currency: Any) -> str:
    """The JSON keeps amounts as text ("45.00"); printed in the report's language."""
    if value in (None, ""):
        return ""
    try:
        amount = Decimal(str(value))
    except ArithmeticError:
        return str(value)
    return formats.money(amount, str(currency) if currency else None)


def _yes(value: Any) -> str:
    return _("yes") if value else ""


def _or_none(body: Sequence[Any]) -> list[Any]:
    return list(body) if body else [note(_("None recorded."))]


def _story(data: Data, name: str, width: float) -> list[Any]:
    exported = _moment(data.get("exported_at"))
    office = data.get("controller", {}).get("office") or _("the office")
    story: list[Any] = [
        *title_block(_("Personal data held (Art. 15 GDPR)"), f"{name} · {exported}"),
        note(
            _(
                "Everything {office} holds on {name} in Liaison on {moment}: the record, the "
                "records that name them and the history. The same data, complete and "
                "machine-readable, is in the JSON export."
            ).format(office=office, name=name, moment=exported)
        ),
    ]
    story += section(_("Person"), _or_none([_person_table(data, width)]))
    story += section(_("Phone, fax, email and web"), _or_none(_contacts(data, width)))
    story += section(_("Postal addresses"), _or_none(_addresses(data, width)))
    story += section(_("Organisations"), _or_none(_affiliations(data, width)))
    tags = data.get("tags") or []
    story += section(_("Tags"), _or_none([note(", ".join(tags))] if tags else []))
    story += section(_("Partnerships they look after"), _or_none(_partnerships(data, width)))
    story += section(_("Delegations"), _or_none(_delegations(data, width)))
    story += section(_("Programme appointments"), _or_none(_programme(data, width)))
    story += section(_("Gifts"), _or_none(_gifts(data, width)))
    story += section(_("Correspondence"), _or_none(_correspondence(data, width)))
    story += section(_("History of the record"), _or_none(_history(data, width)))
    story += section(
        _("History entries of other records that name them"),
        _or_none(_mentions(data, width)),
    )
    return story


def _person_table(data: Data, width: float) -> Any:
    person = data["person"]
    basis = data.get("legal_basis") or {}
    trash = data.get("trash")
    pairs: list[tuple[str, Any]] = [
        (_("Number"), str(person.get("id"))),
        (_("Title"), person.get("title")),
        (_("Given name"), person.get("given_name")),
        (_("Family name"), person.get("family_name")),
        (_("Name in own script"), person.get("name_original")),
        (_("Latin transliteration"), person.get("name_latin")),
        (_("Function"), person.get("function")),
        (_("Form of address"), person.get("form_of_address")),
        (_("Salutation in letters"), person.get("salutation")),
        (_("Languages"), person.get("languages")),
        (_("Preferred language"), person.get("preferred_language")),
        (_("Country"), formats.country_name(person.get("country"))),
        (_("Notes"), person.get("notes")),
        (
            _("Legal basis"),
            label(legal_bases(), basis.get("code")) or _("not recorded"),
        ),
        (_("About the legal basis"), basis.get("note")),
        (_("Consent given on"), _day(basis.get("consent_date"))),
        (_("Recorded since"), _moment(person.get("created_at"))),
        (_("Last changed"), _moment(person.get("updated_at"))),
        (
            _("In the trash since"),
            _moment(trash.get("deleted_at")) if isinstance(trash, dict) else None,
        ),
    ]
    return fields_table(pairs, width)


def _contacts(data: Data, width: float) -> list[Any]:
    rows = [
        [
            vocab.label(vocab.contact_kinds(), point.get("kind")),
            point.get("value"),
            point.get("normalized"),
            point.get("label"),
            _yes(point.get("is_primary")),
        ]
        for point in data.get("contact_points") or []
    ]
    if not rows:
        return []
    headers = [_("Kind"), _("As entered"), _("Normalised"), _("Label"), _("Primary")]
    return [data_table(headers, rows, (13, 31, 27, 13, 16), width)]


def _addresses(data: Data, width: float) -> list[Any]:
    rows = [
        [
            a.get("street"),
            " ".join(str(a[k]) for k in ("postcode", "city") if a.get(k)),
            a.get("region"),
            formats.country_name(a.get("country")),
            a.get("label"),
        ]
        for a in data.get("addresses") or []
    ]
    if not rows:
        return []
    headers = [_("Street"), _("Postcode and city"), _("Region"), _("Country"), _("Label")]
    return [data_table(headers, rows, (34, 30, 18, 18, 14), width)]


def _affiliations(data: Data, width: float) -> list[Any]:
    rows = [
        [
            a.get("organisation_name"),
            a.get("function"),
            a.get("department"),
            _day(a.get("start_date")),
            _day(a.get("end_date")),
        ]
        for a in data.get("affiliations") or []
    ]
    if not rows:
        return []
    headers = [_("Organisation"), _("Function"), _("Department"), _("From"), _("Until")]
    return [data_table(headers, rows, (36, 26, 22, 14, 14), width)]


def _partnerships(data: Data, width: float) -> list[Any]:
    rows = [
        [
            p.get("partner_city"),
            vocab.label(vocab.partnership_kinds(), p.get("kind")),
            vocab.label(vocab.partnership_statuses(), p.get("status")),
        ]
        for p in data.get("partnerships_responsible") or []
    ]
    if not rows:
        return []
    return [data_table([_("Partner city"), _("Kind"), _("Status")], rows, (40, 30, 20), width)]


def _delegation_text(delegation: Data | None) -> Markup:
    if not delegation:
        return Markup("")
    period = f"{_day(delegation.get('start_date'))} – {_day(delegation.get('end_date'))}"
    return join([delegation.get("title"), small(period)])


def _delegations(data: Data, width: float) -> list[Any]:
    rows: list[list[Any]] = []
    for hosted in data.get("delegations_hosted") or []:
        rows.append([_delegation_text(hosted), _("Host"), "", ""])
    for membership in data.get("delegation_memberships") or []:
        member = membership.get("member") or {}
        needs = [
            _labelled(_("Dietary needs"), member.get("dietary_needs")),
            _labelled(_("Accessibility"), member.get("accessibility_needs")),
            _labelled(_("Hotel"), member.get("hotel")),
            _labelled(_("Notes"), member.get("notes")),
        ]
        travel = [
            _labelled(_("Arrival"), _moment(member.get("arrival"))),
            _labelled(_("Departure"), _moment(member.get("departure"))),
        ]
        rows.append(
            [
                _delegation_text(membership.get("delegation")),
                join(
                    [
                        member.get("function") or _("Member"),
                        small(_("Protocol rank {rank}").format(rank=member.get("protocol_rank"))),
                    ]
                ),
                join([t for t in travel if t]),
                join([n for n in needs if n]),
            ]
        )
    if not rows:
        return []
    headers = [_("Delegation"), _("Role"), _("Travel"), _("Needs and notes")]
    return [data_table(headers, rows, (34, 22, 24, 34), width)]


def _labelled(label: str, value: Any) -> str:
    return f"{label}: {value}" if value else ""


def _programme(data: Data, width: float) -> list[Any]:
    rows = [
        [
            _moment((entry.get("item") or {}).get("starts_at")),
            (entry.get("item") or {}).get("title"),
            (entry.get("item") or {}).get("venue"),
            _delegation_text(entry.get("delegation")),
        ]
        for entry in data.get("programme_items") or []
    ]
    if not rows:
        return []
    headers = [_("When"), _("Appointment"), _("Venue"), _("Delegation")]
    return [data_table(headers, rows, (20, 34, 26, 30), width)]


def _gifts(data: Data, width: float) -> list[Any]:
    rows = []
    for entry in data.get("gifts") or []:
        gift = entry.get("gift") or {}
        role = _("Given by them") if entry.get("role") == "giver" else _("Received by them")
        value = gift.get("value")
        rows.append(
            [
                _day(gift.get("given_on")),
                role,
                join(
                    [
                        gift.get("description"),
                        small(gift.get("notes")) if gift.get("notes") else None,
                    ]
                ),
                _money(value, gift.get("currency")),
                _delegation_text(entry.get("delegation")),
            ]
        )
    if not rows:
        return []
    headers = [_("Date"), _("Role"), _("Gift"), _("Value"), _("Delegation")]
    return [data_table(headers, rows, (14, 18, 40, 14, 30), width)]


def _correspondence(data: Data, width: float) -> list[Any]:
    rows = []
    for item in data.get("correspondence") or []:
        entry = item.get("entry") or {}
        files = [
            small(f"{a.get('filename')} · {a.get('size')} B · SHA-256 {a.get('sha256')}")
            for a in item.get("attachments") or []
        ]
        role = _("Counterpart") if item.get("role") == "counterpart" else _("Also concerns them")
        rows.append(
            [
                join([entry.get("reference"), small(_day(entry.get("date")))]),
                join(
                    [
                        vocab.kind_of_entry(str(entry.get("direction")), str(entry.get("channel"))),
                        small(role),
                    ]
                ),
                join([entry.get("subject"), small(entry.get("summary") or ""), *files]),
            ]
        )
    if not rows:
        return []
    headers = [_("Reference"), _("Kind"), _("Subject, summary and attachments")]
    return [data_table(headers, rows, (20, 22, 72), width)]


def _action(action: Any) -> str:
    names = {
        "create": _("created"),
        "update": _("changed"),
        "delete": _("moved to the trash"),
        "restore": _("restored from the trash"),
        "purge": _("deleted for good"),
    }
    return names.get(str(action), str(action))


def _values(values: Any) -> Markup:
    """Recorded values a line each, "field: value" (the JSON export keeps them as stored)."""
    if values is None:
        return Markup("")
    if not isinstance(values, Mapping):
        return small(json.dumps(values, ensure_ascii=False))
    lines = []
    for key in sorted(values):
        value = values[key]
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        lines.append(labelled(f"{key.replace('_', ' ')}:", small(text)))
    return join(lines)


def _history(data: Data, width: float) -> list[Any]:
    rows = [
        [
            join([_moment(e.get("at")), small(e.get("actor"))]),
            join([e.get("operation"), small(_action(e.get("action")))]),
            _values(e.get("old_values")),
            _values(e.get("new_values")),
        ]
        for e in data.get("history") or []
    ]
    if not rows:
        return []
    headers = [_("When and who"), _("What"), _("Before"), _("After")]
    return [data_table(headers, rows, (18, 24, 36, 36), width)]


def _mentions(data: Data, width: float) -> list[Any]:
    rows = [
        [
            join([_moment(e.get("at")), small(e.get("actor"))]),
            join([e.get("operation"), small(f"{e.get('entity')} {e.get('entity_id')}")]),
            _values(e.get("new_values") or e.get("old_values")),
        ]
        for e in data.get("history_mentions") or []
    ]
    if not rows:
        return []
    headers = [_("When and who"), _("What"), _("Values recorded")]
    return [data_table(headers, rows, (18, 30, 66), width)]
