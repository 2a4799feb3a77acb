"""Builder part: delegation visits, their members and programme, and gifts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal

from crm.db.enums import DelegationStatus
from crm.db.models import Delegation, DelegationMember, Gift, ProgrammeItem
from crm.demo.base import BuilderBase


class VisitsMixin(BuilderBase):
    """Delegations, their members and programme, gifts."""

    def delegation(
        self,
        key: str,
        title: str,
        direction: str,
        partnership: str | None,
        start: int,
        days: int,
        *,
        purpose: str | None = None,
        status: str | None = None,
        host: str | None = None,
        hotel: str | None = None,
        transport: str | None = None,
        interpreters: str | None = None,
        languages: str | None = None,
        notes: str | None = None,
    ) -> Delegation:
        """A visit starting ``start`` days from today and lasting ``days`` days."""
        start_date = self.day(start)
        end_date = start_date + timedelta(days=days - 1)
        if status is None:
            if end_date < self.today:
                status = DelegationStatus.COMPLETED.value
            elif start_date <= self.today or start <= 21:
                status = DelegationStatus.CONFIRMED.value
            else:
                status = DelegationStatus.PLANNED.value
        delegation = Delegation(
            title=title,
            direction=direction,
            partnership_id=self._id(self.partnerships[partnership] if partnership else None),
            start_date=start_date,
            end_date=end_date,
            purpose=purpose,
            status=status,
            host=self.people[host] if host else None,
            hotel=hotel,
            transport=transport,
            interpreters=interpreters,
            languages=languages,
            notes=notes,
        )
        self.session.add(delegation)
        self.delegations[key] = delegation
        return delegation

    def member(
        self,
        delegation: str,
        person: str,
        function: str,
        rank: int,
        *,
        arrival: tuple[int, str] | None = None,
        departure: tuple[int, str] | None = None,
        dietary: str | None = None,
        accessibility: str | None = None,
        hotel: str | None = None,
        notes: str | None = None,
    ) -> DelegationMember:
        """A member; ``arrival``/``departure`` are (day of the visit from 0, "HH:MM")."""
        visit = self.delegations[delegation]
        member = DelegationMember(
            person=self.people[person],
            function=function,
            protocol_rank=rank,
            arrival=self._visit_time(visit, arrival),
            departure=self._visit_time(visit, departure),
            dietary_needs=dietary,
            accessibility_needs=accessibility,
            hotel=hotel if hotel is not None else visit.hotel,
            notes=notes,
        )
        visit.members.append(member)
        return member

    def _visit_time(self, visit: Delegation, moment: tuple[int, str] | None) -> datetime | None:
        if moment is None:
            return None
        return self.at(visit.start_date + timedelta(days=moment[0]), moment[1])

    def item(
        self,
        delegation: str,
        day: int,
        start: str,
        end: str | None,
        title: str,
        kind: str,
        venue: str | None = None,
        *,
        ours: Sequence[str] = (),
        dress: str | None = None,
        notes: str | None = None,
    ) -> ProgrammeItem:
        """A programme item on day ``day`` of the visit (0 is the first), local times."""
        visit = self.delegations[delegation]
        on = visit.start_date + timedelta(days=day)
        programme_item = ProgrammeItem(
            starts_at=self.at(on, start),
            ends_at=self.at(on, end) if end else None,
            title=title,
            kind=kind,
            venue=venue,
            dress_code=dress,
            notes=notes,
            participants=[self.people[key] for key in ours],
        )
        visit.programme.append(programme_item)
        return programme_item

    def gift(
        self,
        direction: str,
        description: str,
        *,
        on: date | None = None,
        value: str | None = None,
        currency: str | None = None,
        delegation: str | None = None,
        partnership: str | None = None,
        giver: str | None = None,
        receiver: str | None = None,
        from_text: str | None = None,
        to_text: str | None = None,
        notes: str | None = None,
    ) -> Gift:
        visit = self.delegations[delegation] if delegation else None
        self.session.flush()  # every record named below has its id now
        gift = Gift(
            direction=direction,
            description=description,
            value=Decimal(value) if value is not None else None,
            currency=currency if value is not None else None,
            given_on=on or (visit.start_date if visit else None),
            delegation_id=visit.id if visit else None,
            partnership_id=self.partnerships[partnership].id if partnership else None,
            from_person_id=self.people[giver].id if giver else None,
            to_person_id=self.people[receiver].id if receiver else None,
            from_text=from_text,
            to_text=to_text,
            notes=notes,
        )
        self.session.add(gift)
        return gift
