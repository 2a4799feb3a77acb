"""The Organisations list: ids sorted and filtered in SQL, rows fetched for a page of ids."""

from __future__ import annotations

from typing import Any

import pytest
from service_helpers import assert_plain

from crm.db.database import Database
from crm.services.contact_points import ContactPointInput
from crm.services.organisation_lists import (
    SORTS,
    OrganisationFilter,
    organisation_countries,
    organisation_ids,
    organisation_rows,
)
from crm.services.organisations import OrganisationInput, create_organisation
from crm.services.people import AffiliationInput, PersonInput, create_person
from crm.services.trash import delete_to_trash
from crm.text import fold

ORGANISATIONS = [
    OrganisationInput(
        "Stadt Leipzig, Referat Internationale Zusammenarbeit",
        kind="city_administration",
        city="Leipzig",
        country="DE",
    ),
    OrganisationInput(
        "Liepājas pilsētas dome",
        name_latin="Liepaja City Council",
        kind="city_administration",
        city="Liepāja",
        country="LV",
        contact_points=[
            ContactPointInput("email", "info@liepaja.lv"),
            ContactPointInput("fax", "+371 63404777"),
            ContactPointInput("phone", "+371 6 34 04789"),
        ],
    ),
    OrganisationInput(
        "Київська міська державна адміністрація",
        name_latin="Kyiv City State Administration",
        kind="city_administration",
        city="Київ",
        country="UA",
    ),
    OrganisationInput("Union of Baltic Cities", short_name="UBC", kind="network", country="PL"),
    OrganisationInput(
        "Universität Leipzig",
        kind="university",
        city="Leipzig",
        country="DE",
        contact_points=[
            ContactPointInput("phone", "0341 97-30000"),
            ContactPointInput("email", "international@uni-leipzig.de", is_primary=True),
            ContactPointInput("mobile", "0171 1234567", is_primary=True),
        ],
    ),
    OrganisationInput("Deutsch-Vietnamesischer Verein", kind="ngo"),
    OrganisationInput("Ärztekammer Sachsen", kind="other", city="Dresden", country="DE"),
]


@pytest.fixture
def organisations(db: Database) -> dict[str, int]:
    created = {}
    for data in ORGANISATIONS:
        organisation_id, _changes = create_organisation(db, data)
        created[data.name.split()[0].strip(",")] = organisation_id
    return created


@pytest.fixture
def staff(db: Database, organisations: dict[str, int]) -> dict[str, int]:
    """Two people at Liepāja's council, one also at the network; one at the university."""
    created = {}
    for family, given, where in (
        ("Vecvagare", "Natalja", ["Liepājas", "Union"]),
        ("Ozola", "Ilze", ["Liepājas"]),
        ("Goldfuß", "Gabriele", ["Universität"]),
    ):
        created[family], _changes = create_person(
            db,
            PersonInput(
                family,
                given,
                affiliations=[AffiliationInput(organisations[key]) for key in where],
            ),
        )
    return created


def values(organisations: dict[str, int], db: Database) -> dict[int, dict[str, Any]]:
    by_key = {data.name.split()[0].strip(","): data for data in ORGANISATIONS}
    people = {row.id: row.people for row in organisation_rows(db, list(organisations.values()))}
    return {
        organisation_id: {
            "name": fold(by_key[key].name),
            "kind": by_key[key].kind,
            "city": by_key[key].city,
            "country": by_key[key].country,
            "people": people[organisation_id],
        }
        for key, organisation_id in organisations.items()
    }


def expected_order(
    records: dict[int, dict[str, Any]], keys: tuple[str, ...], descending: bool
) -> list[int]:
    """SQLite's order: NULL first when ascending; ties broken by id."""

    def key(record_id: int) -> tuple[Any, ...]:
        found = records[record_id]
        return (*((found[k] is not None, found[k]) for k in keys), record_id)

    return sorted(records, key=key, reverse=descending)


@pytest.mark.parametrize("sort", list(SORTS))
@pytest.mark.parametrize("descending", [False, True])
def test_sorted_in_sql(
    db: Database, organisations: dict[str, int], staff: dict[str, int], sort: str, descending: bool
) -> None:
    keys = {
        "name": ("name",),
        "kind": ("kind", "name"),
        "city": ("city", "name"),
        "country": ("country", "name"),
        "people": ("people", "name"),
    }[sort]
    ids = organisation_ids(db, sort=sort, descending=descending)
    assert ids == expected_order(values(organisations, db), keys, descending)
    assert ids == list(reversed(organisation_ids(db, sort=sort, descending=not descending)))


def test_by_name_read_the_way_people_read(db: Database, organisations: dict[str, int]) -> None:
    rows = organisation_rows(db, organisation_ids(db))
    assert [row.name for row in rows] == [
        "Ärztekammer Sachsen",
        "Deutsch-Vietnamesischer Verein",
        "Liepājas pilsētas dome",
        "Stadt Leipzig, Referat Internationale Zusammenarbeit",
        "Union of Baltic Cities",
        "Universität Leipzig",
        "Київська міська державна адміністрація",
    ]


def test_unknown_sort_key_sorts_by_name(db: Database, organisations: dict[str, int]) -> None:
    assert organisation_ids(db, sort="nonsense") == organisation_ids(db, sort="name")


def test_limit_gives_the_start_of_the_list(db: Database, organisations: dict[str, int]) -> None:
    assert organisation_ids(db, limit=3) == organisation_ids(db)[:3]
    assert (
        organisation_ids(db, sort="country", descending=True, limit=2)
        == (organisation_ids(db, sort="country", descending=True)[:2])
    )


FILTERS: list[tuple[OrganisationFilter, set[str]]] = [
    (OrganisationFilter(kind="city_administration"), {"Stadt", "Liepājas", "Київська"}),
    (OrganisationFilter(country="DE"), {"Stadt", "Universität", "Ärztekammer"}),
    (OrganisationFilter(country="de", kind="university"), {"Universität"}),
    (OrganisationFilter(text="liepaja"), {"Liepājas"}),
    (OrganisationFilter(text="kyiv"), {"Київська"}),  # the Latin transliteration
    (OrganisationFilter(text="київ"), {"Київська"}),
    (OrganisationFilter(text="ubc"), {"Union"}),  # the short name
    (OrganisationFilter(text="arztekammer"), {"Ärztekammer"}),
    (OrganisationFilter(text="leipzig", kind="university"), {"Universität"}),
    (OrganisationFilter(text="  "), {data.name.split()[0].strip(",") for data in ORGANISATIONS}),
    (OrganisationFilter(text="zzz"), set()),
]


@pytest.mark.parametrize(("filters", "keys"), FILTERS)
def test_filters(
    db: Database, organisations: dict[str, int], filters: OrganisationFilter, keys: set[str]
) -> None:
    assert set(organisation_ids(db, filters)) == {organisations[key] for key in keys}


def test_rows_in_requested_order_with_first_contacts_and_people(
    db: Database, organisations: dict[str, int], staff: dict[str, int]
) -> None:
    found = organisations
    wanted = [found["Liepājas"], 99999, found["Universität"], found["Union"]]
    rows = organisation_rows(db, wanted)
    assert_plain(rows)
    assert [row.id for row in rows] == [wanted[0], wanted[2], wanted[3]]
    liepaja, university, network = rows
    assert (liepaja.name, liepaja.name_latin, liepaja.kind) == (
        "Liepājas pilsētas dome",
        "Liepaja City Council",
        "city_administration",
    )
    assert (liepaja.city, liepaja.country) == ("Liepāja", "LV")
    # The first phone (not the fax), in international format, and the first email.
    assert liepaja.phone == "+371 63 404 789"
    assert liepaja.email == "info@liepaja.lv"
    assert liepaja.people == 2
    # Primary ones come first.
    assert university.phone == "+49 171 1234567"
    assert university.email == "international@uni-leipzig.de"
    assert university.people == 1
    assert (network.short_name, network.phone, network.email, network.people) == (
        "UBC",
        None,
        None,
        1,
    )


def test_trashed_records_leave_the_list_and_the_counts(
    db: Database, organisations: dict[str, int], staff: dict[str, int]
) -> None:
    delete_to_trash(db, "organisation", organisations["Union"])
    delete_to_trash(db, "person", staff["Ozola"])
    assert organisations["Union"] not in organisation_ids(db)
    assert organisation_rows(db, [organisations["Union"]]) == []
    [liepaja] = organisation_rows(db, [organisations["Liepājas"]])
    assert liepaja.people == 1
    # One person each now: by name, backwards.
    assert organisation_ids(db, sort="people", descending=True)[:2] == [
        organisations["Universität"],
        organisations["Liepājas"],
    ]


def test_rows_of_no_ids(db: Database) -> None:
    assert organisation_rows(db, []) == []


def test_countries_for_the_filter(db: Database, organisations: dict[str, int]) -> None:
    assert organisation_countries(db) == ["DE", "LV", "PL", "UA"]
    delete_to_trash(db, "organisation", organisations["Union"])
    assert organisation_countries(db) == ["DE", "LV", "UA"]
