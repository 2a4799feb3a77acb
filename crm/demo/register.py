"""Builder part: the correspondence register, projects, events and tags."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select

from crm.db.enums import CorrespondenceStatus
from crm.db.models import (
    Correspondence,
    Event,
    Organisation,
    Partnership,
    Person,
    Project,
    ReferenceCounter,
    Tag,
    Tagging,
    correspondence_people,
)
from crm.demo.base import BuilderBase, PendingLetter


class RegisterMixin(BuilderBase):
    """The register, projects, events, tags; and the finish."""

    def letter(
        self,
        offset: int,
        direction: str,
        channel: str,
        subject: str,
        *,
        person: str | None = None,
        org: str | None = None,
        text: str | None = None,
        partnership: str | None = None,
        delegation: str | None = None,
        follow_up: int | None = None,
        status: str = CorrespondenceStatus.DONE.value,
        summary: str | None = None,
        also: Sequence[str] = (),
    ) -> None:
        """A register entry ``offset`` days from today; ``follow_up`` is also relative to today."""
        counterpart = self.people[person] if person else None
        organisation = self.orgs[org] if org else None
        if organisation is None and counterpart is not None and counterpart.affiliations:
            organisation = counterpart.affiliations[0].organisation
        linked = [counterpart] if counterpart is not None else []
        self._letters.append(
            PendingLetter(
                day=self.day(offset),
                direction=direction,
                channel=channel,
                subject=subject,
                summary=summary,
                person=counterpart,
                organisation=organisation,
                counterpart_text=text,
                partnership=self.partnerships[partnership] if partnership else None,
                delegation=self.delegations[delegation] if delegation else None,
                follow_up=self.day(follow_up) if follow_up is not None else None,
                status=status,
                people=linked + [self.people[key] for key in also],
            )
        )

    def project(
        self,
        key: str,
        name: str,
        *,
        partnership: str | None = None,
        theme: str | None = None,
        funder: str | None = None,
        budget: str | None = None,
        currency: str | None = None,
        start: date | None = None,
        end: date | None = None,
        status: str = "running",
        description: str | None = None,
    ) -> Project:
        theme_record = self.theme(theme) if theme else None
        self.session.flush()  # every record named below has its id now
        project = Project(
            name=name,
            partnership_id=self.partnerships[partnership].id if partnership else None,
            theme_id=theme_record.id if theme_record else None,
            funder_id=self.orgs[funder].id if funder else None,
            budget=Decimal(budget) if budget is not None else None,
            currency=currency if budget is not None else None,
            start_date=start,
            end_date=end,
            status=status,
            description=description,
        )
        self.session.add(project)
        self.session.flush()
        self.projects[key] = project
        return project

    def event(
        self,
        name: str,
        kind: str,
        starts_at: datetime,
        ends_at: datetime | None = None,
        *,
        venue: str | None = None,
        city: str | None = None,
        country: str | None = None,
        partnership: str | None = None,
        project: str | None = None,
        organiser: str | None = None,
        description: str | None = None,
    ) -> Event:
        self.session.flush()
        event = Event(
            name=name,
            kind=kind,
            starts_at=starts_at,
            ends_at=ends_at,
            venue=venue,
            city=city,
            country=country,
            partnership_id=self.partnerships[partnership].id if partnership else None,
            project_id=self.projects[project].id if project else None,
            organiser_id=self.orgs[organiser].id if organiser else None,
            description=description,
        )
        self.session.add(event)
        return event

    def tag(self, name: str, colour: str, entity: str, keys: Sequence[str]) -> None:
        """Tag records of one kind ("person", "organisation", "partnership") by their keys."""
        tag = self.session.scalar(select(Tag).where(Tag.name == name))
        if tag is None:
            tag = Tag(name=name, colour=colour)
            self.session.add(tag)
            self.session.flush()
        records: Sequence[Person | Organisation | Partnership]
        if entity == "person":
            records = [self.people[key] for key in keys]
        elif entity == "organisation":
            records = [self.orgs[key] for key in keys]
        else:
            records = [self.partnerships[key] for key in keys]
        for record in records:
            record_id = self._id(record)
            assert record_id is not None
            self.session.add(Tagging(tag_id=tag.id, entity=entity, entity_id=record_id))

    # --- the end --------------------------------------------------------------------------------

    def finish(self) -> None:
        """Write the register in date order with gapless numbers per year, then the counters.

        Numbering continues a counter the database already has (numbers once drawn and then
        purged are never drawn again).
        """
        self.session.flush()
        prefix = self.profile.reference_prefix
        counters = {
            counter.year: counter
            for counter in self.session.scalars(
                select(ReferenceCounter).where(ReferenceCounter.prefix == prefix)
            )
        }
        numbers = {year: counter.last_number for year, counter in counters.items()}
        for entry in sorted(self._letters, key=lambda letter: letter.day):
            year = entry.day.year
            numbers[year] = numbers.get(year, 0) + 1
            correspondence = Correspondence(
                direction=entry.direction,
                channel=entry.channel,
                date=entry.day,
                reference=f"{prefix}-{year}-{numbers[year]:04d}",
                subject=entry.subject,
                summary=entry.summary,
                counterpart_person_id=entry.person.id if entry.person else None,
                counterpart_organisation_id=entry.organisation.id if entry.organisation else None,
                counterpart_text=entry.counterpart_text,
                partnership_id=entry.partnership.id if entry.partnership else None,
                delegation_id=entry.delegation.id if entry.delegation else None,
                follow_up_date=entry.follow_up,
                status=entry.status,
            )
            self.session.add(correspondence)
            self.session.flush()
            self._link_people(correspondence.id, entry.people)
        for year, last in sorted(numbers.items()):
            if year in counters:
                counters[year].last_number = last
            else:
                self.session.add(ReferenceCounter(prefix=prefix, year=year, last_number=last))
        self.session.flush()

    def _link_people(self, correspondence_id: int, people: Iterable[Person]) -> None:
        seen: set[int] = set()
        for person in people:
            if person.id in seen:
                continue
            seen.add(person.id)
            self.session.execute(
                correspondence_people.insert().values(
                    correspondence_id=correspondence_id, person_id=person.id
                )
            )
