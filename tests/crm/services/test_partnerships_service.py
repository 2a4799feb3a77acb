"""Partnerships: create, read, update, validation, themes and funders, version and history."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from service_helpers import assert_plain, counts, operations

from crm.db.database import Database
from crm.services.errors import Conflict, NotFound, ValidationError
from crm.services.organisations import OrganisationInput, create_organisation
from crm.services.partnerships import (
    PartnershipDetail,
    PartnershipInput,
    create_partnership,
    get_partnership,
    theme_names,
    update_partnership,
)
from crm.services.people import PersonInput, create_person
from crm.services.trash import delete_to_trash

KIEW = PartnershipInput(
    city_name="Kiew",
    city_name_native="Київ",
    city_name_latin="Kyiv",
    country="ua",
    kind="twin_city",
    since_year=1961,
    agreement_kind="treaty",
    status="active",
    activity_rating="AA",
    themes=["culture", " education ", "culture", ""],
)


def test_create_and_read(db: Database) -> None:
    partnership_id, changes = create_partnership(db, KIEW)
    assert changes.created == {"partnership": {partnership_id}}
    detail = get_partnership(db, partnership_id)
    assert (detail.name, detail.city_name_native, detail.country) == ("Kiew", "Київ", "UA")
    assert (detail.since_year, detail.activity_rating, detail.kind) == (1961, "AA", "twin_city")
    assert detail.themes == ("culture", "education")
    db.close()
    assert isinstance(detail, PartnershipDetail)
    assert_plain(detail)
    assert detail.to_input().city_name_native == "Київ"


def test_references_and_funders(db: Database) -> None:
    association, _changes = create_organisation(
        db, OrganisationInput(name="Leipzig-Kiew e.V.", kind="partnership_association")
    )
    skew, _changes = create_organisation(db, OrganisationInput(name="SKEW", kind="funder"))
    officer, _changes = create_person(db, PersonInput(family_name="Goldfuß", given_name="Gabriele"))
    partnership_id, _changes = create_partnership(
        db,
        replace(
            KIEW,
            association_id=association,
            responsible_officer_id=officer,
            funder_ids=[skew, 9999],
        ),
    )
    detail = get_partnership(db, partnership_id)
    assert detail.association_name == "Leipzig-Kiew e.V."
    assert detail.responsible_officer_name == "Gabriele Goldfuß"
    assert detail.funders == ((skew, "SKEW"),)


def test_district_partnership_is_named_with_its_district(db: Database) -> None:
    partnership_id, _changes = create_partnership(
        db,
        PartnershipInput(
            city_name="Travnik",
            country="BA",
            kind="district_partnership",
            local_party="Leipzig-Grünau",
        ),
    )
    assert get_partnership(db, partnership_id).name == "Travnik – Leipzig-Grünau"


def test_since_date_gives_since_year(db: Database) -> None:
    partnership_id, _changes = create_partnership(
        db,
        replace(KIEW, since_year=None, since_date="1961-05-08"),  # type: ignore[arg-type]
    )
    detail = get_partnership(db, partnership_id)
    assert (detail.since_date, detail.since_year) == (date(1961, 5, 8), 1961)


@pytest.mark.parametrize(
    ("changes", "keys"),
    [
        ({"city_name": ""}, {"city_name"}),
        ({"country": ""}, {"country"}),
        ({"country": "Ukraine"}, {"country"}),
        ({"kind": "marriage"}, {"kind"}),
        ({"status": "asleep"}, {"status"}),
        ({"activity_rating": "AAAA"}, {"activity_rating"}),
        ({"agreement_kind": "handshake"}, {"agreement_kind"}),
        ({"since_year": 1800}, {"since_year"}),
        ({"since_year": "nineteen"}, {"since_year"}),
        ({"renewal_date": "31.12.2026"}, {"renewal_date"}),
        ({"association_id": 777}, {"association_id"}),
        ({"responsible_officer_id": 777}, {"responsible_officer_id"}),
        ({"city_name": " ", "kind": "x", "status": "y"}, {"city_name", "kind", "status"}),
    ],
)
def test_invalid_input(db: Database, changes: dict[str, object], keys: set[str]) -> None:
    before = counts(db)
    with pytest.raises(ValidationError) as caught:
        create_partnership(db, replace(KIEW, **changes))  # type: ignore[arg-type]
    assert set(caught.value.errors) == keys
    assert counts(db) == before


def test_update_of_the_city_alone_moves_the_version_and_keeps_history(db: Database) -> None:
    partnership_id, _changes = create_partnership(db, KIEW)
    detail = get_partnership(db, partnership_id)
    data = detail.to_input()
    data.city_name = "Kyjiw"
    data.themes = ["culture", "youth"]
    changes = update_partnership(db, partnership_id, data, expected_version=detail.version)
    assert changes.updated == {"partnership": {partnership_id}}
    updated = get_partnership(db, partnership_id)
    assert updated.version == detail.version + 1
    assert (updated.name, updated.themes) == ("Kyjiw", ("culture", "youth"))
    change = operations(db)[-1].changes[0]
    assert change.old == {"city_name": "Kiew", "themes": ["culture", "education"]}
    assert change.new == {"city_name": "Kyjiw", "themes": ["culture", "youth"]}
    with pytest.raises(Conflict):
        update_partnership(db, partnership_id, data, expected_version=detail.version)


def test_themes_are_shared_and_listed(db: Database) -> None:
    create_partnership(db, KIEW)
    create_partnership(db, replace(KIEW, city_name="Krakau", country="PL", themes=["culture"]))
    assert theme_names(db) == ["culture", "education"]
    assert counts(db)["themes"] == 2


def test_update_without_changes_is_not_an_operation(db: Database) -> None:
    partnership_id, _changes = create_partnership(db, KIEW)
    detail = get_partnership(db, partnership_id)
    assert update_partnership(db, partnership_id, detail.to_input()).empty
    assert len(operations(db)) == 1
    assert get_partnership(db, partnership_id).version == detail.version


def test_trashed_partnership_is_not_found(db: Database) -> None:
    partnership_id, _changes = create_partnership(db, KIEW)
    delete_to_trash(db, "partnership", partnership_id)
    with pytest.raises(NotFound):
        get_partnership(db, partnership_id)
    with pytest.raises(NotFound):
        update_partnership(db, partnership_id, KIEW)


def test_one_edit_moves_the_version_by_one(db: Database) -> None:
    partnership_id, _changes = create_partnership(db, KIEW)
    detail = get_partnership(db, partnership_id)
    data = detail.to_input()
    data.status = "dormant"
    data.themes = ["sport", "new theme"]
    data.city_name_latin = "Kyjiw"
    update_partnership(db, partnership_id, data, expected_version=detail.version)
    assert get_partnership(db, partnership_id).version == detail.version + 1


def test_city_names_must_fit(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        create_partnership(db, replace(KIEW, city_name_native="К" * 201, local_party="L" * 201))
    assert set(caught.value.errors) == {"city_name_native", "local_party"}
