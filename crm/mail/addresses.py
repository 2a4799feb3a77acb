"""Addresses to offer while typing a recipient: the email addresses of people and
organisations in the database (not those in the trash)."""

from __future__ import annotations

from sqlalchemy import select

from crm.db.database import Database
from crm.db.models import ContactPoint, Organisation, Person
from crm.mail.message import format_address
from crm.text import join_nonempty

LIMIT = 50_000


def address_book(db: Database, limit: int = LIMIT) -> list[str]:
    """``Name <address>`` for every email address kept, people first, by name."""
    found: list[str] = []
    with db.read() as session:
        people = session.execute(
            select(Person.title, Person.given_name, Person.family_name, ContactPoint.value)
            .join(ContactPoint, ContactPoint.person_id == Person.id)
            .where(ContactPoint.kind == "email", Person.deleted_at.is_(None))
            .order_by(Person.sort_name, ContactPoint.position)
            .limit(limit)
        ).tuples()
        for title, given, family, address in people:
            found.append(format_address(join_nonempty(title, given, family), address.strip()))
        organisations = session.execute(
            select(Organisation.name, ContactPoint.value)
            .join(ContactPoint, ContactPoint.organisation_id == Organisation.id)
            .where(ContactPoint.kind == "email", Organisation.deleted_at.is_(None))
            .order_by(Organisation.name, ContactPoint.position)
            .limit(max(0, limit - len(found)))
        ).tuples()
        for name, address in organisations:
            found.append(format_address(name, address.strip()))
    return list(dict.fromkeys(found))
