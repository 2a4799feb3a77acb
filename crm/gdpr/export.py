"""Everything the office holds on one person (GDPR Art. 15), as data, JSON and PDF.

``person_data`` reads it all in one read transaction: the person's own fields (the legal basis
of keeping them among them), phones, emails, addresses, organisations and tags; the
partnerships they look after; the delegations they hosted or travelled with (with their
arrival, needs and notes), the programme appointments they took part in, the gifts they gave
or received; the register entries they are the counterpart of or concerned by, with the names,
sizes and SHA-256 hashes of the attached files; the trash entry if they are in the trash; the
history of their record with every recorded value, and the history entries of other records
that name them (only the values that concern them: others' data stays out, Art. 15(4)).
Whole rows are exported, every column, so nothing held is left out; dates are ISO 8601,
amounts strings, text UTF-8 as stored.

``write_export`` saves it as ``.json`` or ``.pdf`` (crm.gdpr.export_pdf), atomically.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, or_, select
from sqlalchemy.orm import Session

from crm.db.database import Database
from crm.db.models import (
    Attachment,
    AttachmentBlob,
    Change,
    Correspondence,
    Delegation,
    DelegationMember,
    Gift,
    Operation,
    Organisation,
    PartnerCity,
    Partnership,
    Person,
    ProgrammeItem,
    Tag,
    Tagging,
    TrashEntry,
    correspondence_people,
    programme_participants,
)
from crm.i18n import _
from crm.services.errors import NotFound, ServiceError
from crm.services.unit import json_value

FORMAT = "liaison-gdpr-art15"
FORMAT_VERSION = 1
FORMATS = ("json", "pdf")
KIND = "person"


def _record(record: Any) -> dict[str, Any]:
    table: Table = record.__table__
    return {column.name: json_value(getattr(record, column.key)) for column in table.c}


def _json(text: str | None) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def person_data(db: Database, person_id: int, now: datetime | None = None) -> dict[str, Any]:
    """Everything held on the person, as JSON-ready data (NotFound when there is no one)."""
    from crm.services.office import load_profile
    from crm.vocabulary import label, legal_bases

    with db.read() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound(_("There is no person with the number {id}.").format(id=person_id))
        profile = load_profile(session)
        own = _record(person)
        data: dict[str, Any] = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "exported_at": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
            "controller": {"office": profile.office_name, "city": profile.city},
            "person": own,
            "legal_basis": {
                "code": person.legal_basis,
                "label": label(legal_bases(), person.legal_basis) or None,
                "note": person.legal_basis_note,
                "consent_date": json_value(person.consent_date),
            },
            "contact_points": [_record(point) for point in person.contact_points],
            "addresses": [_record(address) for address in person.addresses],
            "affiliations": _affiliations(session, person),
            "tags": _tags(session, person_id),
            "partnerships_responsible": _partnerships(session, person_id),
            "delegations_hosted": [
                _delegation(d)
                for d in session.scalars(
                    select(Delegation)
                    .where(Delegation.host_person_id == person_id)
                    .order_by(Delegation.start_date, Delegation.id)
                )
            ],
            "delegation_memberships": _memberships(session, person_id),
            "programme_items": _programme(session, person_id),
            "gifts": _gifts(session, person_id),
            "correspondence": _correspondence(session, person_id),
            "trash": _trash(session, person_id),
            "history": _history(session, person_id),
            "history_mentions": _mentions(session, person),
        }
        return data


def _affiliations(session: Session, person: Person) -> list[dict[str, Any]]:
    found = []
    for affiliation in person.affiliations:
        organisation = session.get(Organisation, affiliation.organisation_id)
        found.append(
            _record(affiliation)
            | {"organisation_name": organisation.name if organisation else None}
        )
    return found


def _tags(session: Session, person_id: int) -> list[str]:
    return list(
        session.scalars(
            select(Tag.name)
            .join(Tagging, Tagging.tag_id == Tag.id)
            .where(Tagging.entity == KIND, Tagging.entity_id == person_id)
            .order_by(Tag.name)
        )
    )


def _city(session: Session, partnership_id: int | None) -> str | None:
    if partnership_id is None:
        return None
    partnership = session.get(Partnership, partnership_id)
    if partnership is None:
        return None
    city = session.get(PartnerCity, partnership.partner_city_id)
    return city.name if city else None


def _partnerships(session: Session, person_id: int) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(Partnership)
        .where(Partnership.responsible_officer_id == person_id)
        .order_by(Partnership.id)
    )
    return [
        {
            "id": p.id,
            "partner_city": _city(session, p.id),
            "kind": p.kind,
            "status": p.status,
            "in_trash": p.deleted_at is not None,
        }
        for p in rows
    ]


def _delegation(delegation: Delegation) -> dict[str, Any]:
    return {
        "id": delegation.id,
        "title": delegation.title,
        "direction": delegation.direction,
        "start_date": json_value(delegation.start_date),
        "end_date": json_value(delegation.end_date),
        "status": delegation.status,
        "in_trash": delegation.deleted_at is not None,
    }


def _memberships(session: Session, person_id: int) -> list[dict[str, Any]]:
    rows = session.execute(
        select(DelegationMember, Delegation)
        .join(Delegation, Delegation.id == DelegationMember.delegation_id)
        .where(DelegationMember.person_id == person_id)
        .order_by(Delegation.start_date, DelegationMember.id)
    ).tuples()
    return [{"delegation": _delegation(d), "member": _record(m)} for m, d in rows]


def _programme(session: Session, person_id: int) -> list[dict[str, Any]]:
    rows = session.execute(
        select(ProgrammeItem, Delegation)
        .join(
            programme_participants, programme_participants.c.programme_item_id == ProgrammeItem.id
        )
        .join(Delegation, Delegation.id == ProgrammeItem.delegation_id)
        .where(programme_participants.c.person_id == person_id)
        .order_by(ProgrammeItem.starts_at, ProgrammeItem.id)
    ).tuples()
    return [{"delegation": _delegation(d), "item": _record(i)} for i, d in rows]


def _gifts(session: Session, person_id: int) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(Gift)
        .where(or_(Gift.from_person_id == person_id, Gift.to_person_id == person_id))
        .order_by(Gift.given_on, Gift.id)
    )
    found = []
    for gift in rows:
        role = "giver" if gift.from_person_id == person_id else "receiver"
        delegation = session.get(Delegation, gift.delegation_id) if gift.delegation_id else None
        found.append(
            {
                "role": role,
                "gift": _record(gift),
                "delegation": _delegation(delegation) if delegation else None,
            }
        )
    return found


def _correspondence(session: Session, person_id: int) -> list[dict[str, Any]]:
    concerned = select(correspondence_people.c.correspondence_id).where(
        correspondence_people.c.person_id == person_id
    )
    rows = session.scalars(
        select(Correspondence)
        .where(
            or_(
                Correspondence.counterpart_person_id == person_id,
                Correspondence.id.in_(concerned),
            )
        )
        .order_by(Correspondence.date, Correspondence.id)
    )
    found = []
    for entry in rows:
        files = session.execute(
            select(Attachment, AttachmentBlob.size)
            .join(AttachmentBlob, AttachmentBlob.sha256 == Attachment.sha256)
            .where(Attachment.correspondence_id == entry.id)
            .order_by(Attachment.id)
        ).tuples()
        found.append(
            {
                "role": "counterpart" if entry.counterpart_person_id == person_id else "concerned",
                "entry": _record(entry),
                "attachments": [
                    {
                        "filename": a.filename,
                        "mime_type": a.mime_type,
                        "size": size,
                        "sha256": a.sha256,
                        "added_at": json_value(a.added_at),
                    }
                    for a, size in files
                ],
            }
        )
    return found


def _trash(session: Session, person_id: int) -> dict[str, Any] | None:
    entry = session.scalar(
        select(TrashEntry).where(TrashEntry.entity == KIND, TrashEntry.entity_id == person_id)
    )
    if entry is None:
        return None
    return {"deleted_at": json_value(entry.deleted_at), "deleted_by": entry.deleted_by}


def _history(session: Session, person_id: int) -> list[dict[str, Any]]:
    rows = session.execute(
        select(Change, Operation)
        .join(Operation, Operation.id == Change.operation_id)
        .where(Change.entity == KIND, Change.entity_id == person_id)
        .order_by(Operation.id, Change.id)
    ).tuples()
    return [
        {
            "operation_id": operation.id,
            "at": json_value(operation.at),
            "actor": operation.actor,
            "operation": operation.label,
            "action": change.action,
            "label": change.label,
            "old_values": _json(change.old_values),
            "new_values": _json(change.new_values),
        }
        for change, operation in rows
    ]


def _mentions(session: Session, person: Person) -> list[dict[str, Any]]:
    from crm.gdpr import scrub
    from crm.gdpr.erasure import find_mentions

    own = list(
        session.scalars(select(Change).where(Change.entity == KIND, Change.entity_id == person.id))
    )
    from crm.services.people import snapshot

    snapshots: list[Mapping[str, Any]] = [snapshot(person)]
    for change in own:
        for stored in (change.old_values, change.new_values):
            value = _json(stored)
            if isinstance(value, dict):
                snapshots.append(value)
    terms = scrub.person_terms(session, person, snapshots)
    pattern = scrub.pattern_of(terms)
    ids = find_mentions(session, person.id, terms, pattern)
    if not ids:
        return []
    rows = session.execute(
        select(Change, Operation)
        .join(Operation, Operation.id == Change.operation_id)
        .where(Change.id.in_(ids))
        .order_by(Operation.id, Change.id)
    ).tuples()
    return [
        {
            "operation_id": operation.id,
            "at": json_value(operation.at),
            "actor": operation.actor,
            "operation": operation.label,
            "entity": change.entity,
            "entity_id": change.entity_id,
            "action": change.action,
            "label": change.label,
            # Only what concerns the person: others' data in the same record stays out.
            "old_values": scrub.concerning(_json(change.old_values), pattern, person.id),
            "new_values": scrub.concerning(_json(change.new_values), pattern, person.id),
        }
        for change, operation in rows
    ]


# --- files ------------------------------------------------------------------------------------


def export_json(data: Mapping[str, Any]) -> bytes:
    """The export as UTF-8 JSON: readable (indented), every character as itself."""
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def format_of(path: Path, given: str | None = None) -> str:
    """``json`` or ``pdf``: as given, else by the file's extension; ServiceError otherwise."""
    chosen = (given or path.suffix.removeprefix(".")).lower()
    if chosen not in FORMATS:
        raise ServiceError(
            _("Export as .json or .pdf (or say which with --format), not “{name}”.").format(
                name=path.name
            )
        )
    return chosen


def build_export(db: Database, person_id: int, fmt: str, language: str | None = None) -> bytes:
    data = person_data(db, person_id)
    if fmt == "json":
        return export_json(data)
    from crm.gdpr.export_pdf import build_pdf

    return build_pdf(db, data, language)


def write_export(
    db: Database,
    person_id: int,
    path: Path,
    fmt: str | None = None,
    language: str | None = None,
) -> int:
    """Save the export at ``path`` whole or not at all; returns its size in bytes."""
    from crm.gdpr.files import save_atomically

    chosen = format_of(Path(path), fmt)
    content = build_export(db, person_id, chosen, language)
    save_atomically(Path(path), content)
    return len(content)


__all__ = [
    "FORMATS",
    "build_export",
    "export_json",
    "format_of",
    "person_data",
    "write_export",
]
