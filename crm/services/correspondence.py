"""The correspondence register: letters, emails, faxes and phone notes, in and out.

Each entry gets its reference number when it is first saved (crm.services.references) and
keeps it for good, in the trash too. Moving to the trash, restoring and undo go through
crm.services.trash like every other record kind.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session, object_session

from crm.db.database import Database
from crm.db.enums import ChangeAction, Channel, CorrespondenceStatus, Direction
from crm.db.models import (
    Correspondence,
    Delegation,
    Organisation,
    Partnership,
    Person,
    correspondence_people,
)
from crm.i18n import _
from crm.search.index import index_correspondence, unindex_correspondence
from crm.search.rebuild import correspondence_text
from crm.services import attachments as files
from crm.services.attachments import AttachmentRef, AttachmentView
from crm.services.errors import Conflict, NotFound, ValidationError
from crm.services.lengths import check_lengths
from crm.services.records import RecordKind, register, touch
from crm.services.references import draw_reference
from crm.services.unit import ChangeSet, write

KIND = "correspondence"
TEXT_FIELDS = ("subject", "summary", "counterpart_text")
LINK_FIELDS: dict[str, type[Any]] = {
    "counterpart_person_id": Person,
    "counterpart_organisation_id": Organisation,
    "partnership_id": Partnership,
    "delegation_id": Delegation,
}
FIELDS = (
    "direction",
    "channel",
    "date",
    *TEXT_FIELDS,
    *LINK_FIELDS,
    "follow_up_date",
    "status",
)


@dataclass
class CorrespondenceInput:
    subject: str = ""
    direction: str = Direction.INCOMING.value
    channel: str = Channel.LETTER.value
    date: dt.date = field(default_factory=dt.date.today)
    summary: str | None = None
    counterpart_person_id: int | None = None
    counterpart_organisation_id: int | None = None
    counterpart_text: str | None = None
    partnership_id: int | None = None
    delegation_id: int | None = None
    follow_up_date: dt.date | None = None
    status: str = CorrespondenceStatus.OPEN.value
    person_ids: list[int] = field(default_factory=list)
    attachments: list[AttachmentRef] = field(default_factory=list)


@dataclass(frozen=True)
class CorrespondenceDetail:
    id: int
    version: int
    reference: str
    direction: str
    channel: str
    date: dt.date
    subject: str
    summary: str | None
    counterpart_person_id: int | None
    counterpart_person_name: str | None
    counterpart_organisation_id: int | None
    counterpart_organisation_name: str | None
    counterpart_text: str | None
    partnership_id: int | None
    partnership_name: str | None
    delegation_id: int | None
    delegation_title: str | None
    follow_up_date: dt.date | None
    status: str
    people: tuple[tuple[int, str], ...]
    attachments: tuple[AttachmentView, ...]
    created_at: dt.datetime
    updated_at: dt.datetime

    @property
    def counterpart(self) -> str:
        """Who wrote or was written to, as one line."""
        names = (self.counterpart_person_name, self.counterpart_organisation_name)
        shown = [name for name in names if name] or [self.counterpart_text or ""]
        return ", ".join(shown)

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return (
            self.follow_up_date is not None
            and self.status != CorrespondenceStatus.DONE.value
            and self.follow_up_date < (today or dt.date.today())
        )

    def to_input(self) -> CorrespondenceInput:
        return CorrespondenceInput(
            **{name: getattr(self, name) for name in FIELDS},
            person_ids=[person_id for person_id, _name in self.people],
            attachments=[view.ref() for view in self.attachments],
        )


def label(entry: Correspondence) -> str:
    return f"{entry.reference} {entry.subject}"


def _date(value: Any, name: str, errors: dict[str, str]) -> dt.date | None:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            errors[name] = _("“{value}” is not a date.").format(value=value)
            return None
    return value if isinstance(value, dt.date) else None


def _clean(session: Session, entry: Correspondence, values: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, str] = {}
    for name in TEXT_FIELDS:
        text = values.get(name)
        values[name] = text.strip() or None if isinstance(text, str) else None
    values["date"] = _date(values.get("date"), "date", errors)
    values["follow_up_date"] = _date(values.get("follow_up_date"), "follow_up_date", errors)
    if values["date"] is None:
        errors.setdefault("date", _("Enter the date of the letter, email or call."))
    if not values["subject"]:
        errors["subject"] = _("Enter a subject.")
    check_lengths(Correspondence, values, TEXT_FIELDS, errors)
    for name, enum in (
        ("direction", Direction),
        ("channel", Channel),
        ("status", CorrespondenceStatus),
    ):
        if values.get(name) not in {member.value for member in enum}:
            errors[name] = _("Choose a value from the list.")
    # A link kept from before may point to a record in the trash (it comes back with it);
    # a new link must point to a record that is there.
    missing = _("The linked record no longer exists (perhaps moved to the trash).")
    for name, model in LINK_FIELDS.items():
        record_id = values.get(name)
        if record_id is None or (entry.id is not None and getattr(entry, name) == record_id):
            continue
        record: Any = session.get(model, record_id)
        if record is None or record.deleted_at is not None:
            errors[name] = missing
    people = list(dict.fromkeys(values.get("person_ids") or []))
    kept = set(_person_ids(session, entry.id)) if entry.id is not None else set()
    live = select(Person.id).where(Person.id.in_(people), Person.deleted_at.is_(None))
    if set(people) - kept - set(session.scalars(live)):
        errors["person_ids"] = missing
    values["person_ids"] = people
    refs = [
        ref if isinstance(ref, AttachmentRef) else AttachmentRef(**ref)
        for ref in values.get("attachments") or []
    ]
    if any(not files.has_blob(session, ref.sha256) for ref in refs):
        errors["attachments"] = _("An attached file is missing from the database; add it again.")
    values["attachments"] = refs
    day, follow_up = values["date"], values["follow_up_date"]
    if day is not None and follow_up is not None and follow_up < day:
        errors["follow_up_date"] = _("The follow-up cannot be before the entry's date.")
    if errors:
        raise ValidationError(errors)
    return values


def apply_values(session: Session, entry: Correspondence, values: dict[str, Any]) -> None:
    values = _clean(session, entry, values)
    for name in FIELDS:
        setattr(entry, name, values[name])
    if entry.id is None:
        # Drawn only once the input is valid: a refused entry uses up no number.
        entry.reference = draw_reference(session, values["date"])
        session.add(entry)
        session.flush()
    _set_people(session, entry.id, values["person_ids"])
    files.set_links(session, entry.id, values["attachments"])


def _set_people(session: Session, entry_id: int, person_ids: list[int]) -> None:
    table = correspondence_people
    current = set(
        session.scalars(select(table.c.person_id).where(table.c.correspondence_id == entry_id))
    )
    wanted = set(person_ids)
    if current - wanted:
        session.execute(
            delete(table).where(
                table.c.correspondence_id == entry_id, table.c.person_id.in_(current - wanted)
            )
        )
    if wanted - current:
        session.execute(
            insert(table),
            [{"correspondence_id": entry_id, "person_id": pid} for pid in sorted(wanted - current)],
        )


def _person_ids(session: Session, entry_id: int) -> list[int]:
    table = correspondence_people
    return sorted(
        session.scalars(select(table.c.person_id).where(table.c.correspondence_id == entry_id))
    )


def snapshot(entry: Correspondence) -> dict[str, Any]:
    session = object_session(entry)
    assert session is not None
    values: dict[str, Any] = {name: getattr(entry, name) for name in FIELDS}
    for name in ("date", "follow_up_date"):
        values[name] = values[name].isoformat() if values[name] else None
    values["person_ids"] = _person_ids(session, entry.id)
    values["attachments"] = [
        {"sha256": v.sha256, "filename": v.filename, "mime_type": v.mime_type, "size": v.size}
        for v in files.views(session, entry.id)
    ]
    return values


def reindex(session: Session, entry: Correspondence) -> None:
    index_correspondence(session, entry.id, correspondence_text(entry))


register(
    RecordKind(
        name=KIND,
        model=Correspondence,
        label=label,
        snapshot=snapshot,
        apply=apply_values,
        reindex=reindex,
        index_alone=reindex,
        unindex=unindex_correspondence,
    )
)


def _input_dict(data: CorrespondenceInput) -> dict[str, Any]:
    values = asdict(data)
    values["attachments"] = list(data.attachments)  # refs as they are, not as dicts
    return values


def _load(session: Session, entry_id: int) -> Correspondence:
    entry = session.get(Correspondence, entry_id)
    if entry is None or entry.deleted_at is not None:
        raise NotFound(_("This register entry no longer exists (perhaps moved to the trash)."))
    return entry


def create_correspondence(db: Database, data: CorrespondenceInput) -> tuple[int, ChangeSet]:
    with write(db, _("New register entry")) as unit:
        entry = Correspondence()
        apply_values(unit.session, entry, _input_dict(data))
        reindex(unit.session, entry)
        name = label(entry)
        unit.operation.label = _("New register entry: {name}").format(name=name)
        unit.record(ChangeAction.CREATE, KIND, entry.id, name, new=snapshot(entry))
        return entry.id, unit.changes


def update_correspondence(
    db: Database,
    entry_id: int,
    data: CorrespondenceInput,
    expected_version: int | None = None,
) -> ChangeSet:
    with write(db, _("Edit register entry")) as unit:
        entry = _load(unit.session, entry_id)
        if expected_version is not None and entry.version != expected_version:
            raise Conflict(
                _("{name} was changed by someone else meanwhile.").format(name=label(entry))
            )
        old = snapshot(entry)
        apply_values(unit.session, entry, _input_dict(data))
        unit.session.flush()
        new = snapshot(entry)
        if new == old:
            return unit.changes
        touch(entry)
        unit.session.flush()
        reindex(unit.session, entry)
        name = label(entry)
        unit.operation.label = _("Edit register entry: {name}").format(name=name)
        unit.record(ChangeAction.UPDATE, KIND, entry.id, name, old=old, new=new)
        return unit.changes


def delete_correspondence(db: Database, entry_id: int) -> ChangeSet:
    """Move the entry to the trash; it keeps its reference number."""
    from crm.services.trash import delete_to_trash

    return delete_to_trash(db, KIND, entry_id)


def get_correspondence(db: Database, entry_id: int) -> CorrespondenceDetail:
    from crm.services.partnerships import label as partnership_label
    from crm.services.people import display_name

    with db.read() as session:
        c = _load(session, entry_id)
        person = session.get(Person, c.counterpart_person_id) if c.counterpart_person_id else None
        org_id = c.counterpart_organisation_id
        organisation = session.get(Organisation, org_id) if org_id else None
        partnership = session.get(Partnership, c.partnership_id) if c.partnership_id else None
        delegation = session.get(Delegation, c.delegation_id) if c.delegation_id else None
        people = session.scalars(
            select(Person)
            .where(Person.id.in_(_person_ids(session, c.id)))
            .order_by(Person.sort_name, Person.id)
        )
        return CorrespondenceDetail(
            id=c.id,
            version=c.version,
            reference=c.reference,
            **{name: getattr(c, name) for name in FIELDS},
            counterpart_person_name=display_name(person) if person else None,
            counterpart_organisation_name=organisation.name if organisation else None,
            partnership_name=partnership_label(partnership) if partnership else None,
            delegation_title=delegation.title if delegation else None,
            people=tuple((p.id, display_name(p)) for p in people),
            attachments=tuple(files.views(session, c.id)),
            created_at=c.created_at,
            updated_at=c.updated_at,
        )
