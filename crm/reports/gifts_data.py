"""The gift register's entries, read in one session as plain data: every gift not in the
trash, given or received, with its giver and receiver, visit and partnership.

A gift without a date of its own takes its visit's first day (for the order and a period); a
gift with neither is listed last, and only when no period is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from crm.db.database import Database
from crm.db.models import Delegation, Gift, PartnerCity, Partnership, Person
from crm.reports.report_data import Period
from crm.services.people import display_name


@dataclass(frozen=True)
class GiftEntry:
    id: int
    day: date | None  # the day it was given, else its visit's first day
    dated_by_visit: bool  # the day is the visit's: the gift has no date of its own
    direction: str
    description: str
    value: Decimal | None
    currency: str | None
    giver: str | None
    receiver: str | None
    visit: str | None
    partnership: str | None
    notes: str | None


@dataclass(frozen=True)
class GiftsData:
    period: Period
    gifts: tuple[GiftEntry, ...]  # by day, undated last


def read_gifts(db: Database, period: Period) -> GiftsData:
    with db.read() as session:
        rows = session.execute(
            select(Gift, Delegation.title, Delegation.start_date, Delegation.partnership_id)
            .outerjoin(Delegation, Delegation.id == Gift.delegation_id)
            .where(Gift.deleted_at.is_(None))
        ).tuples()
        found = list(rows)
        people_ids = {
            person_id
            for gift, *_rest in found
            for person_id in (gift.from_person_id, gift.to_person_id)
            if person_id is not None
        }
        people = (
            {
                person.id: display_name(person)
                for person in session.scalars(select(Person).where(Person.id.in_(people_ids)))
            }
            if people_ids
            else {}
        )
        partnerships = {
            partnership_id: f"{city} – {party}" if party else city
            for partnership_id, city, party in session.execute(
                select(Partnership.id, PartnerCity.name, Partnership.local_party).join(
                    PartnerCity, PartnerCity.id == Partnership.partner_city_id
                )
            ).tuples()
        }
        entries = []
        for gift, visit, visit_start, visit_partnership in found:
            day = gift.given_on or visit_start
            if not period.holds(day):
                continue
            partnership_id = gift.partnership_id or visit_partnership
            entries.append(
                GiftEntry(
                    id=gift.id,
                    day=day,
                    dated_by_visit=gift.given_on is None and day is not None,
                    direction=gift.direction,
                    description=gift.description,
                    value=gift.value,
                    currency=gift.currency,
                    giver=people.get(gift.from_person_id or 0) or gift.from_text,
                    receiver=people.get(gift.to_person_id or 0) or gift.to_text,
                    visit=visit,
                    partnership=partnerships.get(partnership_id or 0),
                    notes=gift.notes,
                )
            )
    entries.sort(key=lambda entry: (entry.day is None, entry.day or date.min, entry.id))
    return GiftsData(period, tuple(entries))
