"""What several reports read alike: the partnerships with their cities, the period a report
covers, and which partnership a letter or a gift belongs to.

A correspondence entry or a gift names its partnership, or only the delegation it came with:
then the delegation's partnership is its partnership (``partnership_of``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm.db.models import Delegation, PartnerCity, Partnership
from crm.services.overview import add_years

DEFAULT_YEARS = 5  # the evaluation's period unless one is given: Leipzig evaluates every five


@dataclass(frozen=True)
class PartnerName:
    """A partnership as the reports name it: the city in every spelling, kind and status."""

    id: int
    city: str  # the office's usual name: Kiew
    city_native: str | None  # as written there: Київ
    city_latin: str | None  # in Latin letters: Kyiv
    local_party: str | None  # our district, for a district partnership
    country: str
    kind: str
    status: str
    rating: str | None

    @property
    def label(self) -> str:
        return f"{self.city} – {self.local_party}" if self.local_party else self.city


@dataclass(frozen=True)
class Period:
    since: date | None
    until: date | None

    def holds(self, day: date | None) -> bool:
        if day is None:
            return self.since is None and self.until is None
        return (self.since is None or self.since <= day) and (
            self.until is None or day <= self.until
        )


def evaluation_period(since: date | None, until: date | None, today: date) -> Period:
    """The period an evaluation covers: as given, with the open ends filled in: it ends today
    and spans the last five years."""
    end = until or today
    start = since or add_years(end, -DEFAULT_YEARS) + timedelta(days=1)
    return Period(start, end)


def partner_names(session: Session) -> list[PartnerName]:
    """Every partnership that is not in the trash, by city (as people read the names), then
    by our district."""
    rows = session.execute(
        select(Partnership, PartnerCity)
        .join(PartnerCity, PartnerCity.id == Partnership.partner_city_id)
        .where(Partnership.deleted_at.is_(None))
        .order_by(PartnerCity.sort_name, PartnerCity.name, Partnership.local_party, Partnership.id)
    ).tuples()
    return [
        PartnerName(
            id=partnership.id,
            city=city.name,
            city_native=city.name_native,
            city_latin=city.name_latin,
            local_party=partnership.local_party,
            country=city.country,
            kind=partnership.kind,
            status=partnership.status,
            rating=partnership.activity_rating,
        )
        for partnership, city in rows
    ]


def partnership_of(model: Any) -> Any:
    """The partnership of a row of ``model`` (Correspondence, Gift): its own, else its
    delegation's. The statement must join Delegation on ``model.delegation_id`` (outer)."""
    return func.coalesce(model.partnership_id, Delegation.partnership_id)
