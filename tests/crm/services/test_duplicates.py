"""Possible duplicates of a person or an organisation: same folded name, email or phone."""

from __future__ import annotations

import pytest
from service_helpers import assert_plain

from crm.db.database import Database
from crm.services.contact_points import ContactPointInput
from crm.services.duplicates import (
    EMAIL,
    NAME,
    PHONE,
    organisation_duplicates,
    person_duplicates,
)
from crm.services.organisations import OrganisationInput, create_organisation
from crm.services.people import PersonInput, create_person
from crm.services.trash import delete_to_trash


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    created = {}
    for data in (
        PersonInput(
            "Bērziņa",
            "Inese",
            function="Head of Bureau",
            country="LV",
            contact_points=[
                ContactPointInput("phone", "+371 6 34 04789"),
                ContactPointInput("email", "Inese.Berzina@liepaja.lv"),
            ],
        ),
        PersonInput("Goldfuß", "Gabriele", title="Dr.", country="DE"),
        PersonInput("Koval", "Olena", contact_points=[ContactPointInput("mobile", "0171 1234567")]),
    ):
        created[data.family_name], _changes = create_person(db, data)
    return created


def test_same_name_without_diacritics_and_case(db: Database, people: dict[str, int]) -> None:
    [found] = person_duplicates(db, PersonInput("BERZINA", "inese"))
    assert_plain(found)
    assert (found.kind, found.id, found.label) == ("person", people["Bērziņa"], "Inese Bērziņa")
    assert found.detail == "Head of Bureau, LV"
    assert found.reasons == (NAME,)
    [goldfuss] = person_duplicates(db, PersonInput("Goldfuss", "Gabriele"))
    assert goldfuss.id == people["Goldfuß"]


def test_given_and_family_name_swapped(db: Database, people: dict[str, int]) -> None:
    [found] = person_duplicates(db, PersonInput("Olena", "Koval"))
    assert found.id == people["Koval"]


def test_same_email_or_phone_however_typed(db: Database, people: dict[str, int]) -> None:
    by_email = person_duplicates(
        db,
        PersonInput(
            "Ozola", "Ilze", contact_points=[ContactPointInput("email", "inese.berzina@LIEPAJA.lv")]
        ),
    )
    assert [(d.id, d.reasons) for d in by_email] == [(people["Bērziņa"], (EMAIL,))]
    # A German office: the mobile typed nationally is the same number.
    by_phone = person_duplicates(
        db,
        PersonInput("Someone", contact_points=[ContactPointInput("phone", "+49 171 123 45 67")]),
    )
    assert [(d.id, d.reasons) for d in by_phone] == [(people["Koval"], (PHONE,))]


def test_surest_first(db: Database, people: dict[str, int]) -> None:
    found = person_duplicates(
        db,
        PersonInput(
            "Koval",
            "Olena",
            contact_points=[
                ContactPointInput("email", "inese.berzina@liepaja.lv"),
                ContactPointInput("mobile", "0171 1234567"),
            ],
        ),
    )
    assert [(d.id, d.reasons) for d in found] == [
        (people["Koval"], (NAME, PHONE)),
        (people["Bērziņa"], (EMAIL,)),
    ]


def test_nothing_alike_and_unreadable_contacts(db: Database, people: dict[str, int]) -> None:
    data = PersonInput(
        "Wendler",
        "Thomas",
        contact_points=[
            ContactPointInput("email", "not an email"),
            ContactPointInput("phone", "call the office"),
            ContactPointInput("web", "www.liepaja.lv"),
        ],
    )
    assert person_duplicates(db, data) == []
    assert person_duplicates(db, PersonInput("")) == []


def test_the_record_itself_and_the_trash_are_left_out(db: Database, people: dict[str, int]) -> None:
    data = PersonInput("Bērziņa", "Inese")
    assert person_duplicates(db, data, exclude_id=people["Bērziņa"]) == []
    delete_to_trash(db, "person", people["Bērziņa"])
    assert person_duplicates(db, data) == []


@pytest.fixture
def organisations(db: Database) -> dict[str, int]:
    created = {}
    for key, data in (
        (
            "liepaja",
            OrganisationInput(
                "Liepājas pilsētas dome",
                name_latin="Liepaja City Council",
                city="Liepāja",
                country="LV",
                contact_points=[ContactPointInput("fax", "+371 63404777")],
            ),
        ),
        (
            "ubc",
            OrganisationInput(
                "Union of Baltic Cities",
                contact_points=[ContactPointInput("email", "info@ubc.net")],
            ),
        ),
    ):
        created[key], _changes = create_organisation(db, data)
    return created


def test_organisations_by_folded_name_latin_name_or_contact(
    db: Database, organisations: dict[str, int]
) -> None:
    [by_name] = organisation_duplicates(db, OrganisationInput("liepajas  pilsetas DOME"))
    assert (by_name.kind, by_name.id, by_name.detail) == (
        "organisation",
        organisations["liepaja"],
        "Liepāja, LV",
    )
    # Entered again under its Latin name, or with the Latin name of the stored one.
    [by_latin] = organisation_duplicates(db, OrganisationInput("Liepaja city council"))
    assert by_latin.id == organisations["liepaja"]
    [latin_typed] = organisation_duplicates(
        db, OrganisationInput("Лиепайская дума", name_latin="Liepājas pilsētas dome")
    )
    assert latin_typed.id == organisations["liepaja"]
    [by_email] = organisation_duplicates(
        db,
        OrganisationInput("UBC", contact_points=[ContactPointInput("email", "INFO@ubc.net")]),
    )
    assert (by_email.id, by_email.reasons) == (organisations["ubc"], (EMAIL,))
    [by_fax] = organisation_duplicates(
        db, OrganisationInput("X", contact_points=[ContactPointInput("fax", "00371 63404777")])
    )
    assert (by_fax.id, by_fax.reasons) == (organisations["liepaja"], (PHONE,))


def test_organisations_leave_out_themselves_and_the_trash(
    db: Database, organisations: dict[str, int]
) -> None:
    data = OrganisationInput("Union of Baltic Cities")
    assert organisation_duplicates(db, data, exclude_id=organisations["ubc"]) == []
    delete_to_trash(db, "organisation", organisations["ubc"])
    assert organisation_duplicates(db, data) == []
    assert organisation_duplicates(db, OrganisationInput("Gewandhaus zu Leipzig")) == []
