"""A delegation's parts: its members, its programme and its gifts.

Each part has an Input (what an editor sends), a View (what it shows) and the functions that
check, store and snapshot a list of them. They are saved with the delegation, as one record:
its history, trash and undo take the whole visit along.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm.db.enums import GiftDirection, ProgrammeKind
from crm.db.models import Delegation, DelegationMember, Gift, Person, ProgrammeItem
from crm.i18n import _
from crm.services.lengths import check_lengths

MEMBER_TEXT = ("function", "hotel", "dietary_needs", "accessibility_needs", "notes")
ITEM_TEXT = ("title", "venue", "dress_code", "notes")
GIFT_TEXT = ("description", "from_text", "to_text", "notes", "currency")


@dataclass
class MemberInput:
    person_id: int
    function: str | None = None
    protocol_rank: int = 100  # 1 is the head of the delegation
    arrival: datetime | None = None
    departure: datetime | None = None
    hotel: str | None = None
    dietary_needs: str | None = None
    accessibility_needs: str | None = None
    notes: str | None = None


@dataclass
class ProgrammeItemInput:
    starts_at: datetime
    title: str
    ends_at: datetime | None = None
    kind: str = ProgrammeKind.MEETING.value
    venue: str | None = None
    dress_code: str | None = None
    notes: str | None = None
    participant_ids: list[int] = field(default_factory=list)


@dataclass
class GiftInput:
    direction: str
    description: str
    given_on: date | None = None
    value: Decimal | None = None
    currency: str | None = None
    from_person_id: int | None = None
    to_person_id: int | None = None
    from_text: str | None = None  # when the giver is not a person in the register
    to_text: str | None = None
    notes: str | None = None
    id: int | None = None  # the stored gift this edits; None for a new one


@dataclass(frozen=True)
class MemberView:
    person_id: int
    name: str
    name_original: str | None
    function: str | None
    protocol_rank: int
    arrival: datetime | None
    departure: datetime | None
    hotel: str | None
    dietary_needs: str | None
    accessibility_needs: str | None
    notes: str | None

    def to_input(self) -> MemberInput:
        return MemberInput(
            self.person_id,
            self.function,
            self.protocol_rank,
            self.arrival,
            self.departure,
            self.hotel,
            self.dietary_needs,
            self.accessibility_needs,
            self.notes,
        )


@dataclass(frozen=True)
class ProgrammeItemView:
    starts_at: datetime
    ends_at: datetime | None
    title: str
    kind: str
    venue: str | None
    dress_code: str | None
    notes: str | None
    participants: tuple[tuple[int, str], ...]

    def to_input(self) -> ProgrammeItemInput:
        return ProgrammeItemInput(
            starts_at=self.starts_at,
            title=self.title,
            ends_at=self.ends_at,
            kind=self.kind,
            venue=self.venue,
            dress_code=self.dress_code,
            notes=self.notes,
            participant_ids=[person_id for person_id, _name in self.participants],
        )


@dataclass(frozen=True)
class GiftView:
    id: int
    direction: str
    description: str
    given_on: date | None
    value: Decimal | None
    currency: str | None
    from_person_id: int | None
    from_name: str | None  # the person's name, else the text
    to_person_id: int | None
    to_name: str | None
    notes: str | None

    def to_input(self) -> GiftInput:
        return GiftInput(
            direction=self.direction,
            description=self.description,
            given_on=self.given_on,
            value=self.value,
            currency=self.currency,
            from_person_id=self.from_person_id,
            to_person_id=self.to_person_id,
            from_text=None if self.from_person_id else self.from_name,
            to_text=None if self.to_person_id else self.to_name,
            notes=self.notes,
            id=self.id,
        )


# --- checking ---------------------------------------------------------------------------------


def _text(value: Any) -> Any:
    return value.strip() or None if isinstance(value, str) else value


def _moment(value: Any) -> datetime | None:
    if isinstance(value, str):
        return datetime.fromisoformat(value)
    return value if isinstance(value, datetime) else None


def _person_ok(session: Session, person_id: Any) -> bool:
    person = session.get(Person, person_id) if isinstance(person_id, int) else None
    return person is not None and person.deleted_at is None


def clean_members(session: Session, items: list[dict[str, Any]], errors: dict[str, str]) -> None:
    seen: set[int] = set()
    for index, item in enumerate(items):
        key = f"members.{index}"
        for name in MEMBER_TEXT:
            item[name] = _text(item.get(name))
        check_lengths(DelegationMember, item, MEMBER_TEXT, errors, key)
        item["arrival"], item["departure"] = (
            _moment(item.get("arrival")),
            _moment(item.get("departure")),
        )
        try:
            item["protocol_rank"] = int(item.get("protocol_rank") or 100)
        except (TypeError, ValueError):
            item["protocol_rank"] = 100
        if not 1 <= item["protocol_rank"] <= 999:
            errors.setdefault(key, _("Enter a protocol rank from 1 (the head) to 999."))
        person_id: Any = item.get("person_id")
        if not _person_ok(session, person_id):
            errors.setdefault(key, _("Choose the member from the people in the register."))
        elif person_id in seen:
            errors.setdefault(key, _("This person is already a member of the delegation."))
        else:
            seen.add(person_id)
        if item["arrival"] and item["departure"] and item["departure"] < item["arrival"]:
            errors.setdefault(key, _("The departure is before the arrival."))


def clean_programme(session: Session, items: list[dict[str, Any]], errors: dict[str, str]) -> None:
    kinds = {kind.value for kind in ProgrammeKind}
    for index, item in enumerate(items):
        key = f"programme.{index}"
        for name in ITEM_TEXT:
            item[name] = _text(item.get(name))
        check_lengths(ProgrammeItem, item, ITEM_TEXT, errors, key)
        item["starts_at"], item["ends_at"] = (
            _moment(item.get("starts_at")),
            _moment(item.get("ends_at")),
        )
        item["participant_ids"] = list(dict.fromkeys(item.get("participant_ids") or []))
        if not item["title"]:
            errors.setdefault(key, _("Enter what the appointment is."))
        if item["starts_at"] is None:
            errors.setdefault(key, _("Enter when the appointment starts."))
        elif item["ends_at"] is not None and item["ends_at"] < item["starts_at"]:
            errors.setdefault(key, _("The appointment ends before it starts."))
        if item.get("kind") not in kinds:
            errors.setdefault(key, _("Choose a kind of appointment from the list."))
        if not all(_person_ok(session, p) for p in item["participant_ids"]):
            errors.setdefault(key, _("One of our participants no longer exists."))


def clean_gifts(session: Session, items: list[dict[str, Any]], errors: dict[str, str]) -> None:
    directions = {direction.value for direction in GiftDirection}
    for index, item in enumerate(items):
        key = f"gifts.{index}"
        for name in GIFT_TEXT:
            item[name] = _text(item.get(name))
        check_lengths(Gift, item, GIFT_TEXT, errors, key)
        if isinstance(item.get("given_on"), str):
            item["given_on"] = date.fromisoformat(item["given_on"])
        value = item.get("value")
        try:
            item["value"] = None if value in (None, "") else Decimal(str(value))
        except InvalidOperation:
            item["value"] = None
            errors.setdefault(key, _("Enter the value as a number, like 120.50."))
        if item["value"] is not None and item["value"] < 0:
            errors.setdefault(key, _("Enter the value as a number, like 120.50."))
        if item["currency"]:
            item["currency"] = item["currency"].upper()
            if len(item["currency"]) != 3 or not item["currency"].isalpha():
                errors.setdefault(key, _("Enter the currency as a three-letter code, like EUR."))
        if not item["description"]:
            errors.setdefault(key, _("Describe the gift."))
        if item.get("direction") not in directions:
            errors.setdefault(key, _("Choose whether the gift was given or received."))
        for name in ("from_person_id", "to_person_id"):
            if item.get(name) is not None and not _person_ok(session, item[name]):
                errors.setdefault(key, _("The giver or receiver no longer exists."))


# --- storing ----------------------------------------------------------------------------------


def build_members(items: list[dict[str, Any]]) -> list[DelegationMember]:
    return [
        DelegationMember(
            person_id=item["person_id"],
            protocol_rank=item["protocol_rank"],
            arrival=item["arrival"],
            departure=item["departure"],
            **{name: item[name] for name in MEMBER_TEXT},
        )
        for item in items
    ]


def build_programme(session: Session, items: list[dict[str, Any]]) -> list[ProgrammeItem]:
    return [
        ProgrammeItem(
            starts_at=item["starts_at"],
            ends_at=item["ends_at"],
            kind=item["kind"],
            participants=[session.get_one(Person, p) for p in item["participant_ids"]],
            **{name: item[name] for name in ITEM_TEXT},
        )
        for item in items
    ]


def gifts_of(session: Session, delegation_id: int | None) -> list[Gift]:
    if delegation_id is None:
        return []
    return list(
        session.scalars(
            select(Gift)
            .where(Gift.delegation_id == delegation_id, Gift.deleted_at.is_(None))
            .order_by(Gift.given_on.is_(None), Gift.given_on, Gift.id)
        )
    )


def store_gifts(session: Session, delegation: Delegation, items: list[dict[str, Any]]) -> None:
    """Bring the delegation's gifts in line with ``items``: edit by id, add, remove."""
    existing = {gift.id: gift for gift in gifts_of(session, delegation.id)}
    for item in items:
        gift = existing.pop(item.get("id") or 0, None)
        if gift is None:
            gift = Gift()
            session.add(gift)
        gift.delegation_id = delegation.id
        gift.partnership_id = delegation.partnership_id
        gift.direction = item["direction"]
        gift.given_on = item.get("given_on")
        gift.value = item["value"]
        gift.currency = item["currency"] if item["value"] is not None else None
        gift.from_person_id = item.get("from_person_id")
        gift.to_person_id = item.get("to_person_id")
        for name in ("description", "from_text", "to_text", "notes"):
            setattr(gift, name, item[name])
        if gift.from_person_id is not None:
            gift.from_text = None
        if gift.to_person_id is not None:
            gift.to_text = None
    # A removed gift goes for good: the delegation's history keeps what it was.
    for gift in existing.values():
        session.delete(gift)


# --- snapshots (JSON-safe, as the history keeps them) -------------------------------------------


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def member_snapshot(member: DelegationMember) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(member, name) for name in MEMBER_TEXT}
    values.update(
        person_id=member.person_id,
        protocol_rank=member.protocol_rank,
        arrival=_iso(member.arrival),
        departure=_iso(member.departure),
    )
    return values


def item_snapshot(item: ProgrammeItem) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(item, name) for name in ITEM_TEXT}
    values.update(
        starts_at=_iso(item.starts_at),
        ends_at=_iso(item.ends_at),
        kind=item.kind,
        participant_ids=[person.id for person in item.participants],
    )
    return values


def gift_snapshot(gift: Gift) -> dict[str, Any]:
    return {
        "id": gift.id,
        "direction": gift.direction,
        "description": gift.description,
        "given_on": _iso(gift.given_on),
        "value": str(gift.value) if gift.value is not None else None,
        "currency": gift.currency,
        "from_person_id": gift.from_person_id,
        "to_person_id": gift.to_person_id,
        "from_text": gift.from_text,
        "to_text": gift.to_text,
        "notes": gift.notes,
    }
