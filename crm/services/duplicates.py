"""Possible duplicates: people or organisations that probably are the one being entered.

A record is a probable duplicate when its name is the same once case and diacritics are
folded away ("Inese Berzina" is "Inese Bērziņa"; a person's given and family name may also be
the other way round), or when it has the same email address or the same phone number in
E.164 form (whatever way the number was typed). The editor warns before saving and offers to
open the existing record; records in the trash are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from crm.db.database import Database
from crm.db.enums import PHONE_KINDS, ContactKind
from crm.db.models import ContactPoint, Organisation, Person
from crm.services.contact_points import normalise_contact
from crm.services.office import home_region
from crm.services.organisations import OrganisationInput
from crm.services.people import PersonInput, display_name
from crm.text import fold, join_nonempty
from crm.validation import InvalidValue

NAME = "name"
EMAIL = "email"
PHONE = "phone"
LIMIT = 10


@dataclass(frozen=True)
class Duplicate:
    kind: str  # "person" or "organisation", as open_record takes it
    id: int
    label: str
    detail: str  # what tells two namesakes apart: city and country, or function
    reasons: tuple[str, ...]  # NAME, EMAIL and/or PHONE, in that order


@dataclass
class _Found:
    label: str = ""
    detail: str = ""
    reasons: set[str] = field(default_factory=set)


def _folded(text: str | None) -> str:
    return " ".join(fold(text).split())


def _contact_values(
    session: Session, contacts: Iterable[tuple[str, str]]
) -> tuple[set[str], set[str]]:
    """The normal forms of the emails and the phones given; unreadable ones are skipped."""
    region = home_region(session)
    emails: set[str] = set()
    phones: set[str] = set()
    for kind, value in contacts:
        if not value.strip() or (kind != ContactKind.EMAIL and kind not in PHONE_KINDS):
            continue
        try:
            normal = normalise_contact(kind, value, region)
        except InvalidValue:
            continue
        (emails if kind == ContactKind.EMAIL else phones).add(normal)
    return emails, phones


def _contact_owners(
    session: Session, owner: InstrumentedAttribute[int | None], emails: set[str], phones: set[str]
) -> dict[int, set[str]]:
    """Owner id -> reasons, for the contact points holding one of the values."""
    found: dict[int, set[str]] = {}
    for values, kinds, reason in (
        (emails, [ContactKind.EMAIL.value], EMAIL),
        (phones, [kind.value for kind in PHONE_KINDS], PHONE),
    ):
        if not values:
            continue
        statement = select(owner).where(
            owner.is_not(None),
            ContactPoint.kind.in_(kinds),
            ContactPoint.normalized.in_(sorted(values)),
        )
        for owner_id in session.scalars(statement):
            if owner_id is not None:
                found.setdefault(owner_id, set()).add(reason)
    return found


def _ordered(found: dict[int, _Found], kind: str, limit: int) -> list[Duplicate]:
    order = (NAME, EMAIL, PHONE)
    duplicates = [
        Duplicate(kind, record_id, f.label, f.detail, tuple(r for r in order if r in f.reasons))
        for record_id, f in found.items()
    ]
    # The surest first: more reasons, then by name.
    duplicates.sort(key=lambda d: (-len(d.reasons), fold(d.label), d.id))
    return duplicates[:limit]


def person_duplicates(
    db: Database, data: PersonInput, exclude_id: int | None = None, limit: int = LIMIT
) -> list[Duplicate]:
    """People (not in the trash) who probably are the person ``data`` describes."""
    names = {
        _folded(join_nonempty(data.family_name, data.given_name)),
        _folded(join_nonempty(data.given_name, data.family_name)),
    } - {""}
    with db.read() as session:
        emails, phones = _contact_values(session, ((p.kind, p.value) for p in data.contact_points))
        reasons: dict[int, set[str]] = {}
        if names:
            for person_id in session.scalars(select(Person.id).where(Person.sort_name.in_(names))):
                reasons.setdefault(person_id, set()).add(NAME)
        for person_id, why in _contact_owners(
            session, ContactPoint.person_id, emails, phones
        ).items():
            reasons.setdefault(person_id, set()).update(why)
        reasons.pop(exclude_id or 0, None)
        found: dict[int, _Found] = {}
        if reasons:
            live = select(Person).where(Person.id.in_(list(reasons)), Person.deleted_at.is_(None))
            for person in session.scalars(live):
                detail = join_nonempty(person.function, person.country, sep=", ")
                found[person.id] = _Found(display_name(person), detail, reasons[person.id])
        return _ordered(found, "person", limit)


def organisation_duplicates(
    db: Database, data: OrganisationInput, exclude_id: int | None = None, limit: int = LIMIT
) -> list[Duplicate]:
    """Organisations (not in the trash) that probably are the one ``data`` describes; its
    name in Latin letters counts too (the same council entered once in each script)."""
    names = {_folded(data.name), _folded(data.name_latin)} - {""}
    with db.read() as session:
        emails, phones = _contact_values(session, ((p.kind, p.value) for p in data.contact_points))
        reasons: dict[int, set[str]] = {}
        if names:
            by_name = select(Organisation.id).where(Organisation.sort_name.in_(names))
            for organisation_id in session.scalars(by_name):
                reasons.setdefault(organisation_id, set()).add(NAME)
            # The stored Latin name is not folded: compared lower-cased, in SQL (SQLite's
            # lower() knows ASCII only, so "Liepaja City Council" is found, not "Liepāja…").
            typed = {" ".join(text.lower().split()) for text in (data.name, data.name_latin or "")}
            by_latin = select(Organisation.id).where(
                func.lower(Organisation.name_latin).in_(sorted(typed - {""}))
            )
            for organisation_id in session.scalars(by_latin):
                reasons.setdefault(organisation_id, set()).add(NAME)
        for organisation_id, why in _contact_owners(
            session, ContactPoint.organisation_id, emails, phones
        ).items():
            reasons.setdefault(organisation_id, set()).update(why)
        reasons.pop(exclude_id or 0, None)
        found: dict[int, _Found] = {}
        if reasons:
            live = select(Organisation).where(
                Organisation.id.in_(list(reasons)), Organisation.deleted_at.is_(None)
            )
            for organisation in session.scalars(live):
                detail = join_nonempty(organisation.city, organisation.country, sep=", ")
                found[organisation.id] = _Found(organisation.name, detail, reasons[organisation.id])
        return _ordered(found, "organisation", limit)
