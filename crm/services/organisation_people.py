"""The people of an organisation: its side of the affiliations, with how to reach each one.

Affiliations are edited on the person (crm.services.people); the organisation shows them from
its side, current people first, each with the function held there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from crm.db.database import Database
from crm.db.models import Affiliation, Person
from crm.services.lists import person_rows


@dataclass(frozen=True)
class OrganisationPerson:
    person_id: int
    name: str
    name_original: str | None
    function: str | None  # the function at this organisation, else the person's own
    department: str | None
    start_date: date | None
    end_date: date | None
    is_primary: bool  # this is the person's main organisation
    email: str | None
    phone: str | None

    def is_former(self, today: date | None = None) -> bool:
        """Left the organisation: the affiliation ended before today."""
        return self.end_date is not None and self.end_date < (today or date.today())


def people_of(
    db: Database, organisation_id: int, today: date | None = None
) -> list[OrganisationPerson]:
    """The people affiliated with the organisation (not in the trash): current ones first,
    then those who left, each group by name."""
    with db.read() as session:
        affiliations = session.execute(
            select(
                Affiliation.person_id,
                Affiliation.function,
                Affiliation.department,
                Affiliation.start_date,
                Affiliation.end_date,
                Affiliation.is_primary,
            )
            .join(Person, Person.id == Affiliation.person_id)
            .where(Affiliation.organisation_id == organisation_id, Person.deleted_at.is_(None))
            .order_by(Person.sort_name, Person.id, Affiliation.id)
        ).all()
    rows = {row.id: row for row in person_rows(db, [a.person_id for a in affiliations])}
    people = []
    for person_id, function, department, start, end, primary in affiliations:
        row = rows.get(person_id)
        if row is None:  # trashed meanwhile
            continue
        people.append(
            OrganisationPerson(
                person_id=person_id,
                name=row.name,
                name_original=row.name_original,
                function=function or row.function,
                department=department,
                start_date=start,
                end_date=end,
                is_primary=primary,
                email=row.email,
                phone=row.phone,
            )
        )
    # Stable: within each group the order by name stays.
    return sorted(people, key=lambda person: person.is_former(today))
