"""Contact points and addresses, shared by people and organisations."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from crm.db.enums import PHONE_KINDS, ContactKind
from crm.db.models import Address, ContactPoint
from crm.i18n import _
from crm.services.lengths import check_lengths
from crm.validation import (
    InvalidValue,
    format_phone,
    normalise_country,
    normalise_email,
    normalise_phone,
    normalise_web,
)


@dataclass
class ContactPointInput:
    kind: str
    value: str
    label: str | None = None
    is_primary: bool = False


@dataclass
class AddressInput:
    street: str | None = None
    postcode: str | None = None
    city: str | None = None
    region: str | None = None
    country: str | None = None
    label: str | None = None
    is_primary: bool = False


@dataclass(frozen=True)
class ContactPointView:
    kind: str
    value: str  # as entered
    display: str  # phones in international format
    normalized: str | None
    label: str | None
    is_primary: bool


@dataclass(frozen=True)
class AddressView:
    street: str | None
    postcode: str | None
    city: str | None
    region: str | None
    country: str | None
    label: str | None
    is_primary: bool

    def lines(self) -> list[str]:
        place = " ".join(part for part in (self.postcode, self.city) if part)
        return [line for line in (self.street, place, self.region, self.country) if line]


def normalise_contact(kind: str, value: str, region: str | None) -> str:
    """The stored normal form of a contact value; raises InvalidValue with the user's message."""
    try:
        contact_kind = ContactKind(kind)
    except ValueError:
        raise InvalidValue(_("Unknown kind of contact: {kind}").format(kind=kind)) from None
    if contact_kind in PHONE_KINDS:
        return normalise_phone(value, region).e164
    if contact_kind == ContactKind.EMAIL:
        return normalise_email(value).lower()
    return normalise_web(value)


def check_contacts(
    items: list[dict[str, Any]],
    region: str | None,
    errors: dict[str, str],
    known: Mapping[tuple[str, str], str | None] | None = None,
) -> list[str]:
    """Normalise each contact point; collect messages under ``contact_points.N``.

    A phone number already stored (``known`` maps (kind, value) of the record's current contact
    points to their normal form) or carried with its normal form (a history snapshot) keeps
    that form: a number typed as ``0341 123-2032`` in a German office must not turn into
    another number, or become invalid, when the office's home country changes later.
    """
    normalized: list[str] = []
    for index, item in enumerate(items):
        check_lengths(ContactPoint, item, ("value", "label"), errors, f"contact_points.{index}")
        kind, value = str(item.get("kind")), item.get("value")
        value = value if isinstance(value, str) else ""
        remembered = item.get("normalized") or (known or {}).get((kind, value.strip()))
        if remembered and value.strip() and kind in PHONE_KINDS:
            normalized.append(str(remembered))
            continue
        try:
            normalized.append(normalise_contact(kind, value, region))
        except InvalidValue as error:
            errors[f"contact_points.{index}"] = str(error)
            normalized.append("")
    return normalized


def known_contacts(points: list[ContactPoint]) -> dict[tuple[str, str], str | None]:
    """The stored normal forms of a record's contact points, by (kind, value as entered)."""
    return {(p.kind, p.value.strip()): p.normalized for p in points}


def check_addresses(items: list[dict[str, Any]], errors: dict[str, str]) -> None:
    fields = ("street", "postcode", "city", "region", "label")
    for index, item in enumerate(items):
        check_lengths(Address, item, fields, errors, f"addresses.{index}")
        try:
            item["country"] = normalise_country(item.get("country"))
        except InvalidValue as error:
            errors[f"addresses.{index}"] = str(error)


def build_contact_points(items: list[dict[str, Any]], normalized: list[str]) -> list[ContactPoint]:
    points = []
    has_primary: set[str] = set()
    for position, (item, norm) in enumerate(zip(items, normalized, strict=True)):
        primary = bool(item.get("is_primary")) and item["kind"] not in has_primary
        if primary:
            has_primary.add(item["kind"])
        points.append(
            ContactPoint(
                kind=item["kind"],
                value=item["value"].strip(),
                normalized=norm,
                label=(item.get("label") or None),
                is_primary=primary,
                position=position,
            )
        )
    return points


def build_addresses(items: list[dict[str, Any]]) -> list[Address]:
    fields = ("street", "postcode", "city", "region", "country", "label")
    return [
        Address(
            **{name: (item.get(name) or None) for name in fields},
            is_primary=bool(item.get("is_primary")),
        )
        for item in items
        if any(item.get(name) for name in fields[:-1])
    ]


def contact_snapshot(points: list[ContactPoint]) -> list[dict[str, Any]]:
    return [
        {
            "kind": p.kind,
            "value": p.value,
            "normalized": p.normalized,
            "label": p.label,
            "is_primary": p.is_primary,
        }
        for p in points
    ]


def address_snapshot(addresses: list[Address]) -> list[dict[str, Any]]:
    return [
        {
            "street": a.street,
            "postcode": a.postcode,
            "city": a.city,
            "region": a.region,
            "country": a.country,
            "label": a.label,
            "is_primary": a.is_primary,
        }
        for a in addresses
    ]


def contact_view(point: ContactPoint) -> ContactPointView:
    display = point.value
    if point.kind in PHONE_KINDS:
        display = format_phone(point.normalized, point.value)
    return ContactPointView(
        kind=point.kind,
        value=point.value,
        display=display,
        normalized=point.normalized,
        label=point.label,
        is_primary=point.is_primary,
    )


def address_view(address: Address) -> AddressView:
    return AddressView(
        street=address.street,
        postcode=address.postcode,
        city=address.city,
        region=address.region,
        country=address.country,
        label=address.label,
        is_primary=address.is_primary,
    )
