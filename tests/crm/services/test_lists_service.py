"""Id lists sorted and filtered in SQL, and rows fetched for a page of ids."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from service_helpers import assert_plain

from crm.db.database import Database
from crm.services.contact_points import ContactPointInput
from crm.services.lists import (
    PARTNERSHIP_SORTS,
    PEOPLE_SORTS,
    PartnershipFilter,
    PeopleFilter,
    organisation_choices,
    partnership_countries,
    partnership_ids,
    partnership_rows,
    person_choices,
    person_ids,
    person_rows,
)
from crm.services.organisations import OrganisationInput, create_organisation
from crm.services.partnerships import PartnershipInput, create_partnership
from crm.services.people import AffiliationInput, PersonInput, create_person, update_person
from crm.services.trash import delete_to_trash
from crm.text import fold

PARTNERSHIPS = [
    PartnershipInput("Nynäshamn", "SE", "twin_city", since_year=1990, activity_rating="A"),
    PartnershipInput(
        "Kiew", "UA", "twin_city", city_name_native="Київ", since_year=1961, activity_rating="AA"
    ),
    PartnershipInput(
        "Nanjing",
        "CN",
        "twin_city",
        city_name_native="南京",
        since_year=1988,
        activity_rating="AAA",
    ),
    PartnershipInput(
        "Herzliya",
        "IL",
        "twin_city",
        city_name_native="הרצליה",
        since_year=2011,
        activity_rating="A",
        status="dormant",
    ),
    PartnershipInput(
        "Ho-Chi-Minh-Stadt",
        "VN",
        "cooperation_city",
        city_name_native="Thành phố Hồ Chí Minh",
        since_year=2021,
    ),
    PartnershipInput("Łódź", "PL", "cooperation_city", status="planned"),
    PartnershipInput(
        "Travnik", "BA", "district_partnership", local_party="Leipzig-Grünau", since_year=2003
    ),
    PartnershipInput("Århus", "DK", "friendship_town", since_year=1961, activity_rating="AA"),
    PartnershipInput("Kraków", "PL", "twin_city", since_year=1973, activity_rating="AAA"),
]


@pytest.fixture
def partnerships(db: Database) -> dict[str, int]:
    created = {}
    for data in PARTNERSHIPS:
        partnership_id, _changes = create_partnership(db, data)
        created[data.city_name] = partnership_id
    return created


PEOPLE = [
    PersonInput("Goldfuß", "Gabriele", "Dr.", function="Leiterin", country="DE"),
    PersonInput("Vecvagare", "Natalja", function="Head of Bureau", country="LV"),
    PersonInput("Åberg", "Karin", country="SE"),
    PersonInput("Łukasiewicz", "Jan", function="Bürgermeister", country="PL"),
    PersonInput("Nguyễn", "Văn An", function="Dolmetscher", country="VN"),
    PersonInput("Ozola", "Ilze", country="LV"),
    PersonInput("goldberg", "Ann"),
]


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    created = {}
    for data in PEOPLE:
        person_id, _changes = create_person(db, data)
        created[data.family_name] = person_id
    return created


def expected_order(
    records: dict[int, dict[str, Any]], keys: tuple[str, ...], descending: bool
) -> list[int]:
    """SQLite's order: NULL first when ascending; ties broken by id."""

    def key(record_id: int) -> tuple[Any, ...]:
        values = records[record_id]
        return (*((values[k] is not None, values[k]) for k in keys), record_id)

    return sorted(records, key=key, reverse=descending)


# --- partnerships ---------------------------------------------------------------------------


def partnership_values(partnerships: dict[str, int]) -> dict[int, dict[str, Any]]:
    by_name = {data.city_name: data for data in PARTNERSHIPS}
    return {
        partnership_id: {
            "name": fold(name),
            "country": by_name[name].country,
            "kind": by_name[name].kind,
            "since": by_name[name].since_year,
            "rating": by_name[name].activity_rating,
            "status": by_name[name].status,
        }
        for name, partnership_id in partnerships.items()
    }


@pytest.mark.parametrize("sort", list(PARTNERSHIP_SORTS))
@pytest.mark.parametrize("descending", [False, True])
def test_partnerships_sorted_in_sql(
    db: Database, partnerships: dict[str, int], sort: str, descending: bool
) -> None:
    keys = {
        "name": ("name",),
        "country": ("country", "name"),
        "kind": ("kind", "name"),
        "since": ("since", "name"),
        "rating": ("rating", "name"),
        "status": ("status", "name"),
    }[sort]
    ids = partnership_ids(db, sort=sort, descending=descending)
    assert ids == expected_order(partnership_values(partnerships), keys, descending)
    assert ids == list(reversed(partnership_ids(db, sort=sort, descending=not descending)))


def test_partnerships_by_name_read_like_people_read(
    db: Database, partnerships: dict[str, int]
) -> None:
    rows = partnership_rows(db, partnership_ids(db))
    assert [row.name for row in rows] == [
        "Århus",
        "Herzliya",
        "Ho-Chi-Minh-Stadt",
        "Kiew",
        "Kraków",
        "Łódź",
        "Nanjing",
        "Nynäshamn",
        "Travnik – Leipzig-Grünau",
    ]


def test_unknown_sort_key_sorts_by_name(db: Database, partnerships: dict[str, int]) -> None:
    assert partnership_ids(db, sort="nonsense") == partnership_ids(db, sort="name")


FilterCase = tuple[PartnershipFilter, set[str]]
PARTNERSHIP_FILTERS: list[FilterCase] = [
    (PartnershipFilter(country="PL"), {"Łódź", "Kraków"}),
    (PartnershipFilter(country="pl"), {"Łódź", "Kraków"}),
    (PartnershipFilter(kind="cooperation_city"), {"Ho-Chi-Minh-Stadt", "Łódź"}),
    (PartnershipFilter(status="dormant"), {"Herzliya"}),
    (PartnershipFilter(rating="AAA"), {"Nanjing", "Kraków"}),
    (PartnershipFilter(rating="AAA", country="CN"), {"Nanjing"}),
    (PartnershipFilter(text="lodz"), {"Łódź"}),
    (PartnershipFilter(text="київ"), {"Kiew"}),
    (PartnershipFilter(text="ho chi"), {"Ho-Chi-Minh-Stadt"}),
    (PartnershipFilter(text="grunau"), {"Travnik"}),
    (PartnershipFilter(text="kr", kind="twin_city"), {"Kraków"}),
    (PartnershipFilter(text="  "), {data.city_name for data in PARTNERSHIPS}),
    (PartnershipFilter(text='"('), {data.city_name for data in PARTNERSHIPS}),
    (PartnershipFilter(text="zzz"), set()),
]


@pytest.mark.parametrize(("filters", "names"), PARTNERSHIP_FILTERS)
def test_partnership_filters(
    db: Database, partnerships: dict[str, int], filters: PartnershipFilter, names: set[str]
) -> None:
    assert set(partnership_ids(db, filters)) == {partnerships[name] for name in names}


def test_partnership_rows_in_requested_order(db: Database, partnerships: dict[str, int]) -> None:
    wanted = [partnerships["Nanjing"], 99999, partnerships["Kiew"], partnerships["Århus"]]
    rows = partnership_rows(db, wanted)
    assert [row.id for row in rows] == [wanted[0], wanted[2], wanted[3]]
    nanjing = rows[0]
    assert (nanjing.name, nanjing.name_native, nanjing.country) == ("Nanjing", "南京", "CN")
    assert (nanjing.since_year, nanjing.activity_rating, nanjing.kind) == (1988, "AAA", "twin_city")
    assert partnership_rows(db, []) == []
    assert_plain(rows)


def test_partnership_rows_have_their_themes(db: Database) -> None:
    partnership_id, _changes = create_partnership(
        db, PartnershipInput("Houston", "US", themes=["youth", "culture"])
    )
    (row,) = partnership_rows(db, [partnership_id])
    assert row.themes == ("culture", "youth")


def test_trashed_partnerships_are_left_out(db: Database, partnerships: dict[str, int]) -> None:
    delete_to_trash(db, "partnership", partnerships["Herzliya"])
    assert partnerships["Herzliya"] not in partnership_ids(db)
    assert partnership_ids(db, PartnershipFilter(status="dormant")) == []
    assert "IL" not in partnership_countries(db)
    assert partnership_countries(db) == ["BA", "CN", "DK", "PL", "SE", "UA", "VN"]
    assert partnership_rows(db, [partnerships["Herzliya"], partnerships["Kiew"]])[0].name == "Kiew"


# --- people -----------------------------------------------------------------------------------


def people_values(db: Database, people: dict[str, int]) -> dict[int, dict[str, Any]]:
    by_name = {data.family_name: data for data in PEOPLE}
    updated = dict(
        db.raw_connection_execute("SELECT id, updated_at FROM people WHERE deleted_at IS NULL")
    )
    return {
        person_id: {
            "name": fold(f"{name} {by_name[name].given_name}"),
            "function": by_name[name].function,
            "country": by_name[name].country,
            "updated": updated[person_id],
        }
        for name, person_id in people.items()
    }


@pytest.mark.parametrize("sort", list(PEOPLE_SORTS))
@pytest.mark.parametrize("descending", [False, True])
def test_people_sorted_in_sql(
    db: Database, people: dict[str, int], sort: str, descending: bool
) -> None:
    keys = {
        "name": ("name",),
        "function": ("function", "name"),
        "country": ("country", "name"),
        "updated": ("updated",),
    }[sort]
    ids = person_ids(db, sort=sort, descending=descending)
    assert ids == expected_order(people_values(db, people), keys, descending)
    assert ids == list(reversed(person_ids(db, sort=sort, descending=not descending)))


def test_people_by_name_ignore_case_and_diacritics(db: Database, people: dict[str, int]) -> None:
    names = [row.name for row in person_rows(db, person_ids(db))]
    assert names == [
        "Karin Åberg",
        "Ann goldberg",
        "Dr. Gabriele Goldfuß",
        "Jan Łukasiewicz",
        "Văn An Nguyễn",
        "Ilze Ozola",
        "Natalja Vecvagare",
    ]


def test_recently_updated_last(db: Database, people: dict[str, int]) -> None:
    update_person(db, people["Åberg"], replace(PEOPLE[2], function="Koordinatorin"))
    assert person_ids(db, sort="updated")[-1] == people["Åberg"]
    assert person_ids(db, sort="updated", descending=True)[0] == people["Åberg"]


PeopleCase = tuple[Callable[[dict[str, int]], PeopleFilter], set[str]]
PEOPLE_FILTERS: list[PeopleCase] = [
    (lambda ids: PeopleFilter(country="LV"), {"Vecvagare", "Ozola"}),
    (lambda ids: PeopleFilter(country="lv"), {"Vecvagare", "Ozola"}),
    (lambda ids: PeopleFilter(text="gold"), {"Goldfuß", "goldberg"}),
    (lambda ids: PeopleFilter(text="GOLDFUSS"), {"Goldfuß"}),
    (lambda ids: PeopleFilter(text="lukas"), {"Łukasiewicz"}),
    (lambda ids: PeopleFilter(text="nguyen van"), {"Nguyễn"}),
    (lambda ids: PeopleFilter(text="dr gold"), {"Goldfuß"}),
    (lambda ids: PeopleFilter(text="bürgermeister"), {"Łukasiewicz"}),
    (lambda ids: PeopleFilter(text="gold", country="DE"), {"Goldfuß"}),
    (lambda ids: PeopleFilter(text="AND OR NOT"), set()),
]


@pytest.mark.parametrize(("make_filter", "names"), PEOPLE_FILTERS)
def test_people_filters(
    db: Database,
    people: dict[str, int],
    make_filter: Callable[[dict[str, int]], PeopleFilter],
    names: set[str],
) -> None:
    assert set(person_ids(db, make_filter(people))) == {people[name] for name in names}


def test_people_of_an_organisation(db: Database) -> None:
    dome, _changes = create_organisation(db, OrganisationInput(name="Liepājas dome"))
    other, _changes = create_organisation(db, OrganisationInput(name="Stadt Leipzig"))
    natalja, _changes = create_person(
        db,
        PersonInput(
            "Vecvagare",
            "Natalja",
            affiliations=[AffiliationInput(other), AffiliationInput(dome, is_primary=True)],
            contact_points=[
                ContactPointInput("email", "international@dome.liepaja.lv"),
                ContactPointInput("phone", "+ 371 6 34 04789"),
                ContactPointInput("email", "natalja.vecvagare@dome.liepaja.lv", is_primary=True),
            ],
        ),
    )
    ilze, _changes = create_person(db, PersonInput("Ozola", affiliations=[AffiliationInput(other)]))
    create_person(db, PersonInput("Alone"))
    assert person_ids(db, PeopleFilter(organisation_id=dome)) == [natalja]
    assert person_ids(db, PeopleFilter(organisation_id=other)) == [ilze, natalja]

    row, ilze_row = person_rows(db, [natalja, ilze])
    assert row.organisation == "Liepājas dome"  # the primary affiliation
    assert row.email == "natalja.vecvagare@dome.liepaja.lv"  # the primary email
    assert row.phone == "+371 63 404 789"
    assert ilze_row.organisation == "Stadt Leipzig"

    delete_to_trash(db, "organisation", dome)
    (row,) = person_rows(db, [natalja])
    assert row.organisation == "Stadt Leipzig"  # a trashed organisation is not shown


def test_person_rows_in_requested_order(db: Database, people: dict[str, int]) -> None:
    wanted = [people["Ozola"], 4242, people["Goldfuß"]]
    rows = person_rows(db, wanted)
    assert [row.id for row in rows] == [people["Ozola"], people["Goldfuß"]]
    assert rows[1].name == "Dr. Gabriele Goldfuß"
    assert person_rows(db, []) == []
    assert_plain(rows)


def test_trashed_people_are_left_out(db: Database, people: dict[str, int]) -> None:
    delete_to_trash(db, "person", people["Ozola"])
    assert people["Ozola"] not in person_ids(db)
    assert person_ids(db, PeopleFilter(text="ozola")) == []
    assert people["Ozola"] not in {i for i, _name in person_choices(db)}
    assert [row.id for row in person_rows(db, [people["Ozola"], people["Åberg"]])] == [
        people["Åberg"]
    ]


# --- pickers ----------------------------------------------------------------------------------


def test_pickers(db: Database, people: dict[str, int]) -> None:
    dome, _changes = create_organisation(db, OrganisationInput(name="Liepājas dome"))
    gone, _changes = create_organisation(db, OrganisationInput(name="Liepāja Old Bureau"))
    delete_to_trash(db, "organisation", gone)
    create_organisation(db, OrganisationInput(name="Aarhus Kommune"))
    assert organisation_choices(db, "liep") == [(dome, "Liepājas dome")]
    assert [name for _id, name in organisation_choices(db)] == ["Aarhus Kommune", "Liepājas dome"]
    assert organisation_choices(db, limit=1) == [organisation_choices(db)[0]]
    assert person_choices(db, "gold") == [
        (people["goldberg"], "Ann goldberg"),
        (people["Goldfuß"], "Dr. Gabriele Goldfuß"),
    ]
    assert len(person_choices(db, limit=3)) == 3


@pytest.mark.parametrize("descending", [False, True])
def test_a_limit_gives_the_start_of_the_same_order(
    db: Database, people: dict[str, int], partnerships: dict[str, int], descending: bool
) -> None:
    everyone = person_ids(db, PeopleFilter(), "country", descending)
    assert person_ids(db, PeopleFilter(), "country", descending, 2) == everyone[:2]
    every_partnership = partnership_ids(db, PartnershipFilter(), "since", descending)
    assert (
        partnership_ids(db, PartnershipFilter(), "since", descending, 3) == (every_partnership[:3])
    )
