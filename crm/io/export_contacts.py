"""Every way to reach a batch of people or organisations, read at once for an export."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm.db.models import Address, ContactPoint
from crm.io.export_read import rows_by_ids
from crm.io.export_values import international, phone_text

PHONES = frozenset({"phone", "mobile", "fax"})
PRIVATE_LABELS = frozenset({"private", "privat", "home", "zuhause", "personal", "persönlich"})


class ContactLine(NamedTuple):
    kind: str  # phone, mobile, fax, email, web
    label: str | None
    text: str  # as shown: phones in international format
    normalized: str | None  # E.164 for phones
    primary: bool

    @property
    def private(self) -> bool:
        return (self.label or "").strip().casefold() in PRIVATE_LABELS


class AddressLine(NamedTuple):
    label: str | None
    street: str | None
    postcode: str | None
    city: str | None
    region: str | None
    country: str | None
    primary: bool

    @property
    def private(self) -> bool:
        return (self.label or "").strip().casefold() in PRIVATE_LABELS


def read_contacts(session: Session, owner: str, ids: Sequence[int]) -> dict[int, list[ContactLine]]:
    """The contact points of ``ids`` (``owner`` is "person" or "organisation"), primary
    ones first, then in the order the record lists them."""
    column = ContactPoint.person_id if owner == "person" else ContactPoint.organisation_id
    statement = select(
        column,
        ContactPoint.kind,
        ContactPoint.label,
        ContactPoint.value,
        ContactPoint.normalized,
        ContactPoint.is_primary,
    ).order_by(column, ContactPoint.is_primary.desc(), ContactPoint.position, ContactPoint.id)
    found: dict[int, list[ContactLine]] = {}
    rows = rows_by_ids(session, f"contacts/{owner}", statement, column, ids)
    for owner_id, kind, label, value, normalized, primary in rows:
        line = ContactLine(
            kind, label, phone_text(kind, value, normalized), normalized, bool(primary)
        )
        found.setdefault(owner_id, []).append(line)
    return found


def contact_texts(
    session: Session, owner: str, ids: Sequence[int]
) -> dict[int, dict[str, list[str]]]:
    """The contacts' texts of ``ids`` by kind, primary ones first: what a table shows
    (lighter than read_contacts, for long lists)."""
    column = ContactPoint.person_id if owner == "person" else ContactPoint.organisation_id
    statement = select(
        column, ContactPoint.kind, ContactPoint.value, ContactPoint.normalized
    ).order_by(column, ContactPoint.is_primary.desc(), ContactPoint.position, ContactPoint.id)
    found: dict[int, dict[str, list[str]]] = {}
    for owner_id, kind, value, normalized in rows_by_ids(
        session, f"contact texts/{owner}", statement, column, ids
    ):
        kinds = found.get(owner_id)
        if kinds is None:
            kinds = found[owner_id] = {}
        text = international(normalized, value) if kind in PHONES else value
        texts = kinds.get(kind)
        if texts is None:
            kinds[kind] = [text]
        else:
            texts.append(text)
    return found


def read_addresses(
    session: Session, owner: str, ids: Sequence[int]
) -> dict[int, list[AddressLine]]:
    column = Address.person_id if owner == "person" else Address.organisation_id
    statement = select(
        column,
        Address.label,
        Address.street,
        Address.postcode,
        Address.city,
        Address.region,
        Address.country,
        Address.is_primary,
    ).order_by(column, Address.is_primary.desc(), Address.id)
    found: dict[int, list[AddressLine]] = {}
    rows = rows_by_ids(session, f"addresses/{owner}", statement, column, ids)
    for owner_id, label, street, postcode, city, region, country, primary in rows:
        line = AddressLine(label, street, postcode, city, region, country, bool(primary))
        found.setdefault(owner_id, []).append(line)
    return found


def of_kind(lines: Sequence[ContactLine], kind: str) -> list[str]:
    return [line.text for line in lines if line.kind == kind]


def first_and_rest(values: list[str] | None) -> tuple[str | None, str | None]:
    """The first value for its own column, the others joined for the next one."""
    if not values:
        return None, None
    return values[0], "; ".join(values[1:]) or None
