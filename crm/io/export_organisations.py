"""Organisations for an export: whole records read a batch at a time, and their table."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm.db.database import Database
from crm.db.models import Affiliation, Organisation, Person
from crm.i18n import _
from crm.io.export_contacts import (
    AddressLine,
    ContactLine,
    first_and_rest,
    of_kind,
    read_addresses,
    read_contacts,
)
from crm.io.export_model import Cell, Column, ExportTable, batches
from crm.io.export_read import as_date, large_cache, rows_by_ids
from crm.io.export_values import Labels


@dataclass(slots=True)
class OrganisationCard:
    id: int
    name: str
    name_latin: str | None
    short_name: str | None
    kind: str
    city: str | None
    country: str | None
    people: int
    updated: date | None
    contacts: tuple[ContactLine, ...]
    addresses: tuple[AddressLine, ...]


def read_organisations(session: Session, ids: Sequence[int]) -> list[OrganisationCard]:
    found = {
        row[0]: row
        for row in rows_by_ids(
            session,
            "organisations",
            select(
                Organisation.id,
                Organisation.name,
                Organisation.name_latin,
                Organisation.short_name,
                Organisation.kind,
                Organisation.city,
                Organisation.country,
                Organisation.updated_at,
            ).where(Organisation.deleted_at.is_(None)),
            Organisation.id,
            ids,
        )
    }
    live = list(found)
    counts = {
        organisation_id: count
        for organisation_id, count in session.execute(
            select(Affiliation.organisation_id, func.count(func.distinct(Affiliation.person_id)))
            .join(Person, Person.id == Affiliation.person_id)
            .where(Affiliation.organisation_id.in_(live), Person.deleted_at.is_(None))
            .group_by(Affiliation.organisation_id)
        ).tuples()
    }
    contacts = read_contacts(session, "organisation", live)
    addresses = read_addresses(session, "organisation", live)
    cards = []
    for organisation_id in ids:
        row = found.get(organisation_id)
        if row is None:
            continue
        cards.append(
            OrganisationCard(
                id=organisation_id,
                name=row[1],
                name_latin=row[2],
                short_name=row[3],
                kind=row[4],
                city=row[5],
                country=row[6],
                people=counts.get(organisation_id, 0),
                updated=as_date(row[7]),
                contacts=tuple(contacts.get(organisation_id, ())),
                addresses=tuple(addresses.get(organisation_id, ())),
            )
        )
    return cards


def organisation_cards(db: Database, ids: Sequence[int]) -> Iterator[list[OrganisationCard]]:
    with db.read() as session, large_cache(session):
        for batch in batches(ids):
            yield read_organisations(session, batch)


def organisation_columns() -> list[Column]:
    return [
        Column(_("No."), "int", 7),
        Column(_("Name"), width=36),
        Column(_("Name in Latin letters"), width=28),
        Column(_("Short name"), width=12),
        Column(_("Kind"), width=20),
        Column(_("City"), width=16),
        Column(_("Country"), width=16),
        Column(_("Email"), width=30),
        Column(_("Other emails"), width=24),
        Column(_("Phone"), width=18),
        Column(_("Other phones"), width=18),
        Column(_("Mobile"), width=18),
        Column(_("Fax"), width=18),
        Column(_("Website"), width=24),
        Column(_("Street"), width=24),
        Column(_("Postcode"), width=9),
        Column(_("Address city"), width=16),
        Column(_("Region"), width=14),
        Column(_("Address country"), width=16),
        Column(_("People"), "int", 8),
        Column(_("Changed"), "date", 11),
    ]


def organisation_row(card: OrganisationCard, labels: Labels) -> tuple[Cell, ...]:
    email, other_emails = first_and_rest(of_kind(card.contacts, "email"))
    phone, other_phones = first_and_rest(of_kind(card.contacts, "phone"))
    address = card.addresses[0] if card.addresses else None
    return (
        card.id,
        card.name,
        card.name_latin,
        card.short_name,
        labels.of(labels.organisation_kinds, card.kind),
        card.city,
        labels.country(card.country),
        email,
        other_emails,
        phone,
        other_phones,
        "; ".join(of_kind(card.contacts, "mobile")) or None,
        "; ".join(of_kind(card.contacts, "fax")) or None,
        "; ".join(of_kind(card.contacts, "web")) or None,
        address.street if address else None,
        address.postcode if address else None,
        address.city if address else None,
        address.region if address else None,
        labels.country(address.country) if address else None,
        card.people,
        card.updated,
    )


def organisations_table(
    db: Database, ids: Sequence[int], advance: Callable[[int], None]
) -> ExportTable:
    labels = Labels()

    def rows() -> Iterator[list[tuple[Cell, ...]]]:
        for cards in organisation_cards(db, ids):
            yield [organisation_row(card, labels) for card in cards]
            advance(len(cards))

    return ExportTable(_("Organisations"), organisation_columns(), rows(), len(ids))
