"""The people of an organisation, seen from its side of the affiliations."""

from __future__ import annotations

from datetime import date

from service_helpers import assert_plain

from crm.db.database import Database
from crm.services.contact_points import ContactPointInput
from crm.services.organisation_people import people_of
from crm.services.organisations import OrganisationInput, create_organisation
from crm.services.people import AffiliationInput, PersonInput, create_person
from crm.services.trash import delete_to_trash

TODAY = date(2026, 5, 4)


def test_people_with_their_function_there_current_ones_first(db: Database) -> None:
    liepaja, _changes = create_organisation(db, OrganisationInput("Liepājas pilsētas dome"))
    other, _changes = create_organisation(db, OrganisationInput("Union of Baltic Cities"))
    ozola, _changes = create_person(
        db,
        PersonInput(
            "Ozola",
            "Ilze",
            function="Protocol officer",
            contact_points=[
                ContactPointInput("email", "ilze.ozola@liepaja.lv"),
                ContactPointInput("phone", "+371 6 34 04789"),
            ],
            affiliations=[AffiliationInput(liepaja, is_primary=True)],
        ),
    )
    vecvagare, _changes = create_person(
        db,
        PersonInput(
            "Vecvagare",
            "Natalja",
            affiliations=[
                AffiliationInput(other, "Board member"),
                AffiliationInput(liepaja, "Head of Bureau", department="International Relations"),
            ],
        ),
    )
    former, _changes = create_person(
        db,
        PersonInput(
            "Bērziņa",
            "Inese",
            affiliations=[AffiliationInput(liepaja, "Mayor", end_date=date(2021, 6, 30))],
        ),
    )
    create_person(db, PersonInput("Nobody", affiliations=[AffiliationInput(other)]))

    people = people_of(db, liepaja, today=TODAY)
    assert_plain(people)
    assert [p.person_id for p in people] == [ozola, vecvagare, former]
    first, second, third = people
    assert (first.name, first.function) == ("Ilze Ozola", "Protocol officer")
    assert first.is_primary
    assert (first.email, first.phone) == ("ilze.ozola@liepaja.lv", "+371 63 404 789")
    assert (second.function, second.department) == ("Head of Bureau", "International Relations")
    assert not second.is_former(TODAY)
    assert third.is_former(TODAY) and third.end_date == date(2021, 6, 30)

    delete_to_trash(db, "person", vecvagare)
    assert [p.person_id for p in people_of(db, liepaja, today=TODAY)] == [ozola, former]


def test_an_organisation_without_people(db: Database) -> None:
    organisation, _changes = create_organisation(db, OrganisationInput("Deutsche Botschaft Riga"))
    assert people_of(db, organisation) == []
