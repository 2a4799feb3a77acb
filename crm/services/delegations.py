"""Delegation visits, incoming and outgoing: the visit, its members, programme and gifts.

A delegation is saved as one record with its parts (crm.services.delegation_parts), so its
history, the trash, restore and undo always take the whole visit along.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session, object_session, selectinload

from crm.db.database import Database
from crm.db.enums import ChangeAction, DelegationStatus, Direction
from crm.db.models import Delegation, DelegationMember, Partnership, Person, ProgrammeItem
from crm.i18n import _
from crm.search.index import unindex_record
from crm.search.rebuild import index_delegation
from crm.services import delegation_parts as parts
from crm.services.delegation_parts import (
    GiftInput,
    GiftView,
    MemberInput,
    MemberView,
    ProgrammeItemInput,
    ProgrammeItemView,
)
from crm.services.errors import Conflict, NotFound, ValidationError
from crm.services.lengths import check_lengths
from crm.services.records import RecordKind, register, touch
from crm.services.unit import ChangeSet, write
from crm.text import fold

KIND = "delegation"
TEXT_FIELDS = ("title", "purpose", "hotel", "transport", "interpreters", "languages", "notes")
FIELDS = (
    *TEXT_FIELDS,
    "direction",
    "status",
    "partnership_id",
    "host_person_id",
    "start_date",
    "end_date",
)

__all__ = [
    "DelegationDetail",
    "DelegationInput",
    "GiftInput",
    "GiftView",
    "MemberInput",
    "MemberView",
    "ProgrammeItemInput",
    "ProgrammeItemView",
    "create_delegation",
    "get_delegation",
    "update_delegation",
]


@dataclass
class DelegationInput:
    title: str = ""
    direction: str = Direction.INCOMING.value
    start_date: date | None = None
    end_date: date | None = None
    partnership_id: int | None = None
    purpose: str | None = None
    status: str = DelegationStatus.PLANNED.value
    host_person_id: int | None = None
    hotel: str | None = None
    transport: str | None = None
    interpreters: str | None = None
    languages: str | None = None
    notes: str | None = None
    members: list[MemberInput] = field(default_factory=list)
    programme: list[ProgrammeItemInput] = field(default_factory=list)
    gifts: list[GiftInput] = field(default_factory=list)


@dataclass(frozen=True)
class DelegationDetail:
    id: int
    version: int
    title: str
    direction: str
    start_date: date
    end_date: date
    partnership_id: int | None
    partnership_name: str | None
    purpose: str | None
    status: str
    host_person_id: int | None
    host_name: str | None
    hotel: str | None
    transport: str | None
    interpreters: str | None
    languages: str | None
    notes: str | None
    members: tuple[MemberView, ...]  # in protocol order
    programme: tuple[ProgrammeItemView, ...]  # by start
    gifts: tuple[GiftView, ...]
    created_at: datetime
    updated_at: datetime

    def to_input(self) -> DelegationInput:
        return DelegationInput(
            **{name: getattr(self, name) for name in FIELDS},
            members=[member.to_input() for member in self.members],
            programme=[item.to_input() for item in self.programme],
            gifts=[gift.to_input() for gift in self.gifts],
        )


def label(delegation: Delegation) -> str:
    return delegation.title


def _clean(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, str] = {}
    for name in TEXT_FIELDS:
        value = values.get(name)
        values[name] = value.strip() or None if isinstance(value, str) else value
    for name in ("start_date", "end_date"):
        if isinstance(values.get(name), str):
            values[name] = date.fromisoformat(values[name])
    if not values["title"]:
        errors["title"] = _("Enter a title for the visit.")
    check_lengths(Delegation, values, TEXT_FIELDS, errors)
    if values.get("direction") not in {d.value for d in Direction}:
        errors["direction"] = _("Choose a value from the list.")
    if values.get("status") not in {s.value for s in DelegationStatus}:
        errors["status"] = _("Choose a value from the list.")
    if values.get("start_date") is None:
        errors["start_date"] = _("Enter the first day of the visit.")
    if values.get("end_date") is None:
        errors["end_date"] = _("Enter the last day of the visit.")
    elif values.get("start_date") and values["end_date"] < values["start_date"]:
        errors["end_date"] = _("The last day is before the first.")
    partnership_id = values.get("partnership_id")
    if partnership_id is not None:
        partnership = session.get(Partnership, partnership_id)
        if partnership is None or partnership.deleted_at is not None:
            errors["partnership_id"] = _("The partnership no longer exists.")
    host = values.get("host_person_id")
    if host is not None and session.get(Person, host) is None:
        errors["host_person_id"] = _("The host no longer exists.")
    values["members"] = [dict(m) for m in values.get("members") or []]
    values["programme"] = [dict(p) for p in values.get("programme") or []]
    values["gifts"] = [dict(g) for g in values.get("gifts") or []]
    parts.clean_members(session, values["members"], errors)
    parts.clean_programme(session, values["programme"], errors)
    parts.clean_gifts(session, values["gifts"], errors)
    if errors:
        raise ValidationError(errors)
    return values


def apply_values(session: Session, delegation: Delegation, values: dict[str, Any]) -> None:
    values = _clean(session, values)
    # Built before any field is set: the lookups flush, and a flush between setting fields
    # would write the delegation twice.
    programme = parts.build_programme(session, values["programme"])
    for name in FIELDS:
        setattr(delegation, name, values[name])
    delegation.members = parts.build_members(values["members"])
    delegation.programme = programme
    if delegation.id is None:
        session.add(delegation)
        session.flush()  # the gifts point to the delegation by its id
    parts.store_gifts(session, delegation, values["gifts"])


def snapshot(delegation: Delegation, session: Session | None = None) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(delegation, name) for name in FIELDS}
    for name in ("start_date", "end_date"):
        values[name] = values[name].isoformat() if values[name] else None
    values["members"] = [parts.member_snapshot(m) for m in delegation.members]
    values["programme"] = [parts.item_snapshot(i) for i in delegation.programme]
    session = session or object_session(delegation)
    gifts = parts.gifts_of(session, delegation.id) if session is not None else []
    values["gifts"] = [parts.gift_snapshot(g) for g in gifts]
    return values


def reindex(session: Session, delegation: Delegation) -> None:
    partnership = (
        session.get(Partnership, delegation.partnership_id) if delegation.partnership_id else None
    )
    index_delegation(session, delegation, partnership.partner_city if partnership else None)


register(
    RecordKind(
        name=KIND,
        model=Delegation,
        label=label,
        snapshot=snapshot,
        apply=apply_values,
        reindex=reindex,
        unindex=lambda session, record_id: unindex_record(session, KIND, record_id),
    )
)


def _load(session: Session, delegation_id: int) -> Delegation:
    delegation = session.get(
        Delegation,
        delegation_id,
        options=[
            selectinload(Delegation.members).selectinload(DelegationMember.person),
            selectinload(Delegation.programme).selectinload(ProgrammeItem.participants),
        ],
    )
    if delegation is None or delegation.deleted_at is not None:
        raise NotFound(_("This delegation no longer exists (perhaps moved to the trash)."))
    return delegation


def create_delegation(db: Database, data: DelegationInput) -> tuple[int, ChangeSet]:
    with write(db, _("New delegation")) as unit:
        delegation = Delegation()
        apply_values(unit.session, delegation, asdict(data))
        unit.session.flush()
        reindex(unit.session, delegation)
        name = label(delegation)
        unit.operation.label = _("New delegation: {name}").format(name=name)
        unit.record(ChangeAction.CREATE, KIND, delegation.id, name, new=snapshot(delegation))
        return delegation.id, unit.changes


def update_delegation(
    db: Database, delegation_id: int, data: DelegationInput, expected_version: int | None = None
) -> ChangeSet:
    with write(db, _("Edit delegation")) as unit:
        delegation = _load(unit.session, delegation_id)
        if expected_version is not None and delegation.version != expected_version:
            raise Conflict(
                _("{name} was changed by someone else meanwhile.").format(name=label(delegation))
            )
        old = snapshot(delegation)
        apply_values(unit.session, delegation, asdict(data))
        unit.session.flush()
        new = snapshot(delegation)
        if new == old:
            return unit.changes
        touch(delegation)
        unit.session.flush()
        reindex(unit.session, delegation)
        name = label(delegation)
        unit.operation.label = _("Edit delegation: {name}").format(name=name)
        unit.record(ChangeAction.UPDATE, KIND, delegation.id, name, old=old, new=new)
        return unit.changes


def _person_name(person: Person | None) -> str | None:
    from crm.services.people import display_name

    return display_name(person) if person is not None else None


def protocol_order(members: list[DelegationMember]) -> list[DelegationMember]:
    """Rank first (1 is the head), then function, then name: how a protocol list is read."""
    return sorted(
        members,
        key=lambda m: (m.protocol_rank, fold(m.function or "~"), m.person.sort_name or ""),
    )


def get_delegation(db: Database, delegation_id: int) -> DelegationDetail:
    from crm.services.partnerships import label as partnership_label

    with db.read() as session:
        d = _load(session, delegation_id)
        partnership = session.get(Partnership, d.partnership_id) if d.partnership_id else None
        gifts = parts.gifts_of(session, d.id)
        wanted = {g.from_person_id for g in gifts} | {g.to_person_id for g in gifts}
        people = {
            person_id: person
            for person_id in wanted
            if person_id is not None and (person := session.get(Person, person_id)) is not None
        }
        return DelegationDetail(
            id=d.id,
            version=d.version,
            **{name: getattr(d, name) for name in FIELDS},
            partnership_name=partnership_label(partnership) if partnership else None,
            host_name=_person_name(d.host),
            members=tuple(
                MemberView(
                    person_id=m.person_id,
                    name=_person_name(m.person) or "?",
                    name_original=m.person.name_original,
                    function=m.function,
                    protocol_rank=m.protocol_rank,
                    arrival=m.arrival,
                    departure=m.departure,
                    hotel=m.hotel,
                    dietary_needs=m.dietary_needs,
                    accessibility_needs=m.accessibility_needs,
                    notes=m.notes,
                )
                for m in protocol_order(list(d.members))
            ),
            programme=tuple(
                ProgrammeItemView(
                    starts_at=i.starts_at,
                    ends_at=i.ends_at,
                    title=i.title,
                    kind=i.kind,
                    venue=i.venue,
                    dress_code=i.dress_code,
                    notes=i.notes,
                    participants=tuple((p.id, _person_name(p) or "?") for p in i.participants),
                )
                for i in d.programme
            ),
            gifts=tuple(
                GiftView(
                    id=g.id,
                    direction=g.direction,
                    description=g.description,
                    given_on=g.given_on,
                    value=g.value,
                    currency=g.currency,
                    from_person_id=g.from_person_id,
                    from_name=_person_name(people.get(g.from_person_id or 0)) or g.from_text,
                    to_person_id=g.to_person_id,
                    to_name=_person_name(people.get(g.to_person_id or 0)) or g.to_text,
                    notes=g.notes,
                )
                for g in gifts
            ),
            created_at=d.created_at,
            updated_at=d.updated_at,
        )
