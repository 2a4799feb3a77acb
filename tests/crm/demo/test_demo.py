"""The demo offices on real SQLite files: built whole, searchable, consistent, never mixed."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from crm.db.database import Database
from crm.db.models import (
    ContactPoint,
    Correspondence,
    Delegation,
    Gift,
    Organisation,
    PartnerCity,
    Partnership,
    Person,
    ProgrammeItem,
    ReferenceCounter,
)
from crm.demo import OFFICES, DemoSummary, build_demo
from crm.search.query import search
from crm.services.errors import ServiceError
from crm.services.office import get_profile
from crm.text import fold


def dump(path: Path) -> list[str]:
    """Everything in the file, as SQL: equal dumps mean nothing changed."""
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def counts(db: Database) -> DemoSummary:
    with db.read() as session:

        def count(model: type[object]) -> int:
            return session.scalar(select(func.count()).select_from(model)) or 0

        return DemoSummary(
            office="",
            partnerships=count(Partnership),
            organisations=count(Organisation),
            people=count(Person),
            delegations=count(Delegation),
            correspondence=count(Correspondence),
            gifts=count(Gift),
        )


def names(db: Database, query: str) -> list[tuple[str, str]]:
    return [(hit.kind, hit.name) for hit in search(db, query)]


def person_by_family_name(db: Database, family_name: str) -> Person:
    with db.read() as session:
        person = session.scalar(select(Person).where(Person.family_name == family_name))
        assert person is not None, family_name
        session.expunge(person)
        return person


def contacts_of(db: Database, **owner: int) -> list[tuple[str, str, str | None, int]]:
    with db.read() as session:
        rows = session.execute(
            select(
                ContactPoint.kind,
                ContactPoint.value,
                ContactPoint.normalized,
                ContactPoint.position,
            )
            .filter_by(**owner)
            .order_by(ContactPoint.position)
        )
        return [(kind, value, normalized, position) for kind, value, normalized, position in rows]


@pytest.fixture(scope="module")
def built(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict[str, tuple[Database, DemoSummary]]]:
    """Each office built once into its own file; the tests below only read them."""
    offices = {}
    for office in OFFICES:
        database = Database.open(tmp_path_factory.mktemp(office) / "office.sqlite")
        offices[office] = (database, build_demo(database, office))
    yield offices
    for database, _summary in offices.values():
        database.close()


# --- every office ---------------------------------------------------------------------------


@pytest.mark.parametrize("office", OFFICES)
def test_the_summary_matches_the_database(
    built: dict[str, tuple[Database, DemoSummary]], office: str
) -> None:
    db, summary = built[office]
    assert summary.office == office
    assert counts(db) == DemoSummary(**{**summary.__dict__, "office": ""})
    assert summary.partnerships >= 7
    assert summary.people >= 15
    assert summary.organisations >= 15
    assert summary.delegations >= 4
    assert summary.correspondence >= 20
    assert summary.gifts >= 3


@pytest.mark.parametrize("office", OFFICES)
def test_the_file_is_sound(built: dict[str, tuple[Database, DemoSummary]], office: str) -> None:
    db, _summary = built[office]
    assert db.raw_connection_execute("PRAGMA foreign_key_check") == []
    assert db.raw_connection_execute("PRAGMA integrity_check") == [("ok",)]


@pytest.mark.parametrize("office", OFFICES)
def test_references_are_unique_gapless_and_the_counters_continue_them(
    built: dict[str, tuple[Database, DemoSummary]], office: str
) -> None:
    db, _summary = built[office]
    prefix = get_profile(db).reference_prefix
    with db.read() as session:
        entries = session.execute(select(Correspondence.reference, Correspondence.date)).all()
        counters = {c.year: c.last_number for c in session.scalars(select(ReferenceCounter))}
    numbers: dict[int, list[int]] = {}
    for reference, day in entries:
        match = re.fullmatch(rf"{prefix}-(\d{{4}})-(\d{{4}})", reference)
        assert match, reference
        assert int(match.group(1)) == day.year
        numbers.setdefault(day.year, []).append(int(match.group(2)))
    assert {year: sorted(found) for year, found in numbers.items()} == {
        year: list(range(1, counters[year] + 1)) for year in numbers
    }
    assert set(counters) == set(numbers)


@pytest.mark.parametrize("office", OFFICES)
def test_the_overview_has_something_to_show(
    built: dict[str, tuple[Database, DemoSummary]], office: str
) -> None:
    db, _summary = built[office]
    today = date.today()
    with db.read() as session:
        soon = session.scalars(
            select(Delegation.id).where(
                Delegation.start_date > today,
                Delegation.start_date <= today + timedelta(days=14),
                Delegation.status == "confirmed",
            )
        ).all()
        overdue = session.scalar(
            select(func.count()).where(
                Correspondence.status != "done", Correspondence.follow_up_date < today
            )
        )
        evaluations_due = session.scalar(
            select(func.count()).where(Partnership.next_evaluation <= today + timedelta(days=90))
        )
        assert soon, "a visit arriving within the next two weeks"
        programme = session.execute(
            select(ProgrammeItem.kind, ProgrammeItem.starts_at).where(
                ProgrammeItem.delegation_id == soon[0]
            )
        ).all()
    assert overdue and overdue > 0
    assert evaluations_due and evaluations_due > 0
    assert {"courtesy_call", "golden_book"} <= {kind for kind, _starts in programme}
    assert all(starts.utcoffset() == timedelta(0) for _kind, starts in programme)


@pytest.mark.parametrize("office", OFFICES)
def test_sort_names_and_contact_points_are_derived_like_the_services_do(
    built: dict[str, tuple[Database, DemoSummary]], office: str
) -> None:
    db, _summary = built[office]
    with db.read() as session:
        for person in session.scalars(select(Person)):
            expected = fold(" ".join(p for p in (person.family_name, person.given_name) if p))
            assert person.sort_name == expected
        for organisation in session.scalars(select(Organisation)):
            assert organisation.sort_name == fold(organisation.name)
        for city in session.scalars(select(PartnerCity)):
            assert city.sort_name == fold(city.name)
        for point in session.scalars(select(ContactPoint)):
            assert point.normalized
            if point.kind in {"phone", "mobile", "fax"}:
                assert re.fullmatch(r"\+\d{7,15}", point.normalized), point.value
            if point.kind == "email":
                assert point.normalized == point.normalized.lower()


# --- Leipzig --------------------------------------------------------------------------------


def test_leipzig_goldfuss_is_found_with_her_contact_block(
    built: dict[str, tuple[Database, DemoSummary]],
) -> None:
    db, _summary = built["leipzig"]
    assert ("person", "Dr. Gabriele Goldfuß") in names(db, "goldf")
    goldfuss = person_by_family_name(db, "Goldfuß")
    assert goldfuss.function == "Referatsleiterin"
    assert [
        (kind, normalized)
        for kind, _value, normalized, _pos in contacts_of(db, person_id=goldfuss.id)
    ] == [
        ("phone", "+493411232032"),
        ("fax", "+493411232055"),
        ("email", "gabriele.goldfuss@leipzig.de"),
    ]
    profile = get_profile(db)
    assert (profile.city, profile.country, profile.reference_prefix) == ("Leipzig", "DE", "IZ")


def test_leipzig_partnerships_follow_the_evaluation(
    built: dict[str, tuple[Database, DemoSummary]],
) -> None:
    db, _summary = built["leipzig"]
    with db.read() as session:
        rows = session.execute(
            select(
                PartnerCity.name,
                PartnerCity.name_native,
                Partnership.kind,
                Partnership.since_year,
                Partnership.activity_rating,
                Partnership.local_party,
            ).join(Partnership.partner_city)
        ).all()
    found = {
        name: (native, kind, year, rating, local)
        for name, native, kind, year, rating, local in rows
    }
    assert found["Kiew"][:4] == ("Київ", "twin_city", 1961, "AAA")
    assert found["Lyon"][1:4] == ("twin_city", 1981, "AAA")
    assert found["Nanjing"][:4] == ("南京", "twin_city", 1988, "AA")
    assert found["Herzliya"][:4] == ("הרצליה", "twin_city", 2011, "AAA")
    assert found["Thessaloniki"][:4] == ("Θεσσαλονίκη", "twin_city", 1994, "AAA")
    assert found["Addis Abeba"][:4] == ("አዲስ አበባ", "twin_city", 2004, "AAA")
    assert found["Frankfurt am Main"][1:4:2] == ("national_partner", "A")
    assert found["Hannover"][1:4:2] == ("national_partner", "AA")
    assert found["Ho-Chi-Minh-Stadt"][:2] == ("Thành phố Hồ Chí Minh", "cooperation_city")
    assert found["Lviv"][3] == "A"
    assert found["Gwangju"][0] == "광주"
    assert found["Althen des Paluds"][1] == "district_partnership"
    assert found["Althen des Paluds"][4]
    assert found["Pays des Herbiers"][3] == "AAA"
    assert len(found) == 21


def test_leipzig_names_in_their_own_scripts_are_searchable(
    built: dict[str, tuple[Database, DemoSummary]],
) -> None:
    db, _summary = built["leipzig"]
    for query in ("Київ", "南京", "הרצליה", "Θεσσαλονίκη", "광주", "hồ chí minh", "addis"):
        assert any(kind == "partnership" for kind, _name in names(db, query)), query
    assert any(kind == "person" for kind, _ in names(db, "Олена"))
    assert any("SKEW" in name for _kind, name in names(db, "skew"))


# --- Liepāja ----------------------------------------------------------------------------------


def test_liepaja_partners_and_the_bureau_contact_block(
    built: dict[str, tuple[Database, DemoSummary]],
) -> None:
    db, _summary = built["liepaja"]
    assert ("partnership", "Nynäshamn") in names(db, "nynas")
    assert any(fold("Liepāja") in fold(name) for _kind, name in names(db, "liep"))
    with db.read() as session:
        years = {
            name: year
            for name, year in session.execute(
                select(PartnerCity.name, Partnership.since_year).join(Partnership.partner_city)
            )
        }
        gomel = session.scalar(select(PartnerCity.name_native).where(PartnerCity.name == "Gomel"))
        bureau = session.scalar(
            select(Organisation.id).where(Organisation.name.contains("protokola"))
        )
    assert years == {
        "Nynäshamn": 1990, "Elbląg": 1991, "Bellevue": 1992, "Darmstadt": 1993,
        "Guldborgsund": 1993, "Klaipėda": 1997, "Gdynia": 1999, "Gomel": 1999, "Bergen": 2001,
        "Palanga": 2001, "Helsingborg": 2005,
    }  # fmt: skip
    assert gomel == "Гомель"
    natalja = person_by_family_name(db, "Vecvagare")
    block = [
        ("phone", "+ 371 6 34 04789", "+37163404789", 0),
        ("fax", "+ 371 6 34 04777", "+37163404777", 1),
        ("email", "international@dome.liepaja.lv", "international@dome.liepaja.lv", 2),
        ("email", "natalja.vecvagare@dome.liepaja.lv", "natalja.vecvagare@dome.liepaja.lv", 3),
    ]
    assert contacts_of(db, person_id=natalja.id) == block
    assert bureau is not None
    assert contacts_of(db, organisation_id=bureau) == block
    assert any(name.startswith("Union of Baltic Cities") for _kind, name in names(db, "baltic"))
    assert get_profile(db).country == "LV"


# --- Göteborg ---------------------------------------------------------------------------------


def test_goteborg_partner_cities_and_friendship_towns(
    built: dict[str, tuple[Database, DemoSummary]],
) -> None:
    db, _summary = built["goteborg"]
    assert ("partnership", "Århus") in names(db, "arhus")
    assert any(kind == "partnership" for kind, _name in names(db, "上海"))
    with db.read() as session:
        partnerships = {p.partner_city.name: p for p in session.scalars(select(Partnership))}
        shanghai, nmb = partnerships["Shanghai"], partnerships["Nelson Mandela Bay"]
        funders = sorted(org.short_name or org.name for org in nmb.funders)
        friendship = sorted(name for name, p in partnerships.items() if p.kind == "friendship_town")
        assert (shanghai.since_year, shanghai.agreement_kind) == (1986, "memorandum")
        assert shanghai.renewal_date is not None and shanghai.renewal_date > date.today()
        assert nmb.since_year == 1999
        assert partnerships["Chicago"].since_year == 1987
    assert (
        len(funders) == 2
        and any("ICLD" in f for f in funders)
        and any("Sida" in f for f in funders)
    )
    assert friendship == ["Bergen", "Åbo", "Århus"]


# --- refusals -------------------------------------------------------------------------------


def test_a_second_build_is_refused_and_changes_nothing(db: Database, db_path: Path) -> None:
    build_demo(db, "liepaja")
    before = dump(db_path)
    with pytest.raises(ServiceError, match="already holds records"):
        build_demo(db, "leipzig")
    assert dump(db_path) == before


def test_real_data_is_never_mixed_with_a_demo(db: Database, db_path: Path) -> None:
    from crm.services.people import PersonInput, create_person

    create_person(db, PersonInput(family_name="Muster", given_name="Erika"))
    before = dump(db_path)
    with pytest.raises(ServiceError):
        build_demo(db)
    assert dump(db_path) == before


def test_an_unknown_office_is_refused_and_nothing_is_written(db: Database, db_path: Path) -> None:
    before = dump(db_path)
    with pytest.raises(ServiceError, match="riga"):
        build_demo(db, "riga")
    assert dump(db_path) == before


def test_office_names_are_accepted_as_people_write_them(db: Database) -> None:
    assert build_demo(db, "Göteborg").office == "goteborg"


def test_leipzig_is_the_default_and_its_records_work_with_the_services(db: Database) -> None:
    from crm.services.people import get_person, update_person

    summary = build_demo(db)
    assert summary.office == "leipzig"
    goldfuss = person_by_family_name(db, "Goldfuß")
    detail = get_person(db, goldfuss.id)
    assert detail.display_name == "Dr. Gabriele Goldfuß"
    assert [p.display for p in detail.contact_points][:2] == ["+49 341 1232032", "+49 341 1232055"]
    data = detail.to_input()
    data.function = "Leiterin des Referats Internationale Zusammenarbeit"
    update_person(db, goldfuss.id, data, expected_version=detail.version)
    assert get_person(db, goldfuss.id).function == data.function
    assert ("person", "Dr. Gabriele Goldfuß") in names(db, "goldfuss")


def test_leftovers_of_purged_records_are_reused_and_numbering_continues(db: Database) -> None:
    from crm.db.models import Tag, Theme
    from crm.services.unit import write

    year = date.today().year
    with write(db, "leftovers") as unit:
        unit.session.add_all(
            [
                Theme(name="Kultur"),
                Tag(name="VIP"),
                ReferenceCounter(prefix="IZ", year=year, last_number=5),
            ]
        )
    build_demo(db)
    with db.read() as session:
        references = session.scalars(
            select(Correspondence.reference).where(Correspondence.date >= date(year, 1, 1))
        ).all()
        counter = session.scalar(select(ReferenceCounter).where(ReferenceCounter.year == year))
        assert counter is not None
        assert min(references) == f"IZ-{year}-0006"
        assert counter.last_number == 5 + len(references)
        assert (
            session.scalar(select(func.count()).select_from(Theme).where(Theme.name == "Kultur"))
            == 1
        )
