"""Organisations: create, read, update, validation, members, and the search text of dependents."""

from __future__ import annotations

from dataclasses import replace

import pytest
from service_helpers import assert_plain, counts, operations

from crm.db.database import Database
from crm.search.query import search_records
from crm.services.contact_points import AddressInput, ContactPointInput
from crm.services.errors import Conflict, NotFound, ValidationError
from crm.services.organisations import (
    OrganisationDetail,
    OrganisationInput,
    create_organisation,
    get_organisation,
    update_organisation,
)
from crm.services.partnerships import PartnershipInput, create_partnership
from crm.services.people import AffiliationInput, PersonInput, create_person
from crm.services.trash import delete_to_trash, restore_from_trash, undo_last

BUREAU = OrganisationInput(
    name="Liepājas pilsētas pašvaldība",
    name_latin="Liepaja City Council",
    short_name="Liepāja",
    kind="city_administration",
    city="Liepāja",
    country="lv",
    contact_points=[
        ContactPointInput("phone", "+ 371 6 34 04789", "Büro", True),
        ContactPointInput("fax", "+ 371 6 34 04777"),
        ContactPointInput("email", "international@dome.liepaja.lv"),
        ContactPointInput("email", "natalja.vecvagare@dome.liepaja.lv"),
    ],
    addresses=[AddressInput("Rožu iela 6", "LV-3401", "Liepāja", country="LV")],
)


def to_input(detail: OrganisationDetail) -> OrganisationInput:
    return OrganisationInput(
        name=detail.name,
        name_latin=detail.name_latin,
        short_name=detail.short_name,
        kind=detail.kind,
        city=detail.city,
        country=detail.country,
        notes=detail.notes,
        contact_points=[
            ContactPointInput(p.kind, p.value, p.label, p.is_primary) for p in detail.contact_points
        ],
        addresses=[
            AddressInput(a.street, a.postcode, a.city, a.region, a.country, a.label, a.is_primary)
            for a in detail.addresses
        ],
    )


def hits(db: Database, query: str, kind: str) -> set[int]:
    return {hit.id for hit in search_records(db, query, kinds=(kind,))}


def test_create_and_read(db: Database) -> None:
    organisation_id, changes = create_organisation(db, BUREAU)
    assert changes.created == {"organisation": {organisation_id}}
    detail = get_organisation(db, organisation_id)
    assert detail.country == "LV"
    assert [p.display for p in detail.contact_points] == [
        "+371 63 404 789",
        "+371 63 404 777",
        "international@dome.liepaja.lv",
        "natalja.vecvagare@dome.liepaja.lv",
    ]
    assert detail.addresses[0].street == "Rožu iela 6"
    db.close()
    assert_plain(detail)


def test_members_are_listed_without_trashed_people(db: Database) -> None:
    organisation_id, _changes = create_organisation(db, BUREAU)
    natalja, _changes = create_person(
        db,
        PersonInput(
            family_name="Vecvagare",
            given_name="Natalja",
            affiliations=[AffiliationInput(organisation_id, "Leiterin")],
        ),
    )
    other, _changes = create_person(
        db, PersonInput(family_name="Ozola", affiliations=[AffiliationInput(organisation_id)])
    )
    delete_to_trash(db, "person", other)
    (member,) = get_organisation(db, organisation_id).people
    assert (member.person_id, member.person_name, member.function) == (
        natalja,
        "Natalja Vecvagare",
        "Leiterin",
    )


@pytest.mark.parametrize(
    ("changes", "keys"),
    [
        ({"name": " "}, {"name"}),
        ({"kind": "spaceship"}, {"kind"}),
        ({"country": "Latvia"}, {"country"}),
        ({"contact_points": [ContactPointInput("email", "x@")]}, {"contact_points.0"}),
        ({"name": "", "country": "XX"}, {"name", "country"}),
    ],
)
def test_invalid_input(db: Database, changes: dict[str, object], keys: set[str]) -> None:
    before = counts(db)
    with pytest.raises(ValidationError) as caught:
        create_organisation(db, replace(BUREAU, **changes))  # type: ignore[arg-type]
    assert set(caught.value.errors) == keys
    assert counts(db) == before


def test_update_history_and_conflict(db: Database) -> None:
    organisation_id, _changes = create_organisation(db, BUREAU)
    detail = get_organisation(db, organisation_id)
    data = to_input(detail)
    data.notes = "Union of Baltic Cities"
    update_organisation(db, organisation_id, data, expected_version=detail.version)
    change = operations(db)[-1].changes[0]
    assert (change.action, change.old, change.new) == (
        "update",
        {"notes": None},
        {"notes": "Union of Baltic Cities"},
    )
    with pytest.raises(Conflict):
        update_organisation(db, organisation_id, data, expected_version=detail.version)


def test_only_a_new_email_moves_the_version(db: Database) -> None:
    organisation_id, _changes = create_organisation(db, BUREAU)
    detail = get_organisation(db, organisation_id)
    data = to_input(detail)
    data.contact_points.append(ContactPointInput("email", "protokols@liepaja.lv"))
    update_organisation(db, organisation_id, data, expected_version=detail.version)
    assert get_organisation(db, organisation_id).version == detail.version + 1


def test_renaming_reindexes_people_and_partnerships(db: Database) -> None:
    """People are found by their organisation's name, partnerships by their association's."""
    organisation_id, _changes = create_organisation(
        db, OrganisationInput(name="Städtepartnerschaftsverein Leipzig-Houston")
    )
    person_id, _changes = create_person(
        db, PersonInput(family_name="Miller", affiliations=[AffiliationInput(organisation_id)])
    )
    partnership_id, _changes = create_partnership(
        db, PartnershipInput(city_name="Houston", country="US", association_id=organisation_id)
    )
    assert hits(db, "stadtepartner", "person") == {person_id}
    assert hits(db, "stadtepartner", "partnership") == {partnership_id}

    data = to_input(get_organisation(db, organisation_id))
    data.name = "Freundeskreis Texas"
    update_organisation(db, organisation_id, data)
    assert hits(db, "stadtepartner", "person") == set()
    assert hits(db, "stadtepartner", "partnership") == set()
    assert hits(db, "freundeskreis", "person") == {person_id}
    assert hits(db, "freundeskreis", "partnership") == {partnership_id}

    undo_last(db)
    assert hits(db, "stadtepartner", "person") == {person_id}
    assert hits(db, "freundeskreis", "person") == set()


def test_trashing_an_organisation_removes_its_name_from_dependents(db: Database) -> None:
    organisation_id, _changes = create_organisation(db, OrganisationInput(name="Sister Cities"))
    person_id, _changes = create_person(
        db, PersonInput(family_name="Miller", affiliations=[AffiliationInput(organisation_id)])
    )
    assert hits(db, "sister", "person") == {person_id}
    delete_to_trash(db, "organisation", organisation_id)
    assert hits(db, "sister", "organisation") == set()
    assert hits(db, "sister", "person") == set()
    restore_from_trash(db, "organisation", organisation_id)
    assert hits(db, "sister", "organisation") == {organisation_id}
    assert hits(db, "sister", "person") == {person_id}


def test_unknown_organisation(db: Database) -> None:
    with pytest.raises(NotFound):
        get_organisation(db, 404)
    with pytest.raises(NotFound):
        update_organisation(db, 404, BUREAU)
