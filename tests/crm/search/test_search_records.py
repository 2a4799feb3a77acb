"""One search over people, organisations and partnerships: seed names in every script."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from crm.db.database import Database
from crm.search.query import SearchHit, match_expression, search, search_records
from crm.services.contact_points import ContactPointInput
from crm.services.organisations import OrganisationInput, create_organisation
from crm.services.partnerships import (
    PartnershipInput,
    create_partnership,
    get_partnership,
    update_partnership,
)
from crm.services.people import PersonInput, create_person, get_person, update_person
from crm.services.trash import delete_to_trash, restore_from_trash, undo_last

CITIES = {
    # key: (name the office uses, name as written there, country)
    "nynashamn": ("Nynäshamn", None, "SE"),
    "arhus": ("Århus", None, "DK"),
    "liepaja": ("Liepāja", None, "LV"),
    "kiew": ("Kiew", "Київ", "UA"),
    "nanjing": ("Nanjing", "南京", "CN"),
    "herzliya": ("Herzliya", "הרצליה", "IL"),
    "thessaloniki": ("Thessaloniki", "Θεσσαλονίκη", "GR"),
    "hcmc": ("Ho-Chi-Minh-Stadt", "Thành phố Hồ Chí Minh", "VN"),
    "lodz": ("Łódź", None, "PL"),
}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, dict[str, int]]]:
    """The seed names, created through the services once for the read-only tests."""
    db = Database.open(tmp_path_factory.mktemp("search") / "office.sqlite")
    ids = {}
    ids["goldfuss"], _changes = create_person(
        db,
        PersonInput(
            family_name="Goldfuß",
            given_name="Gabriele",
            title="Dr.",
            function="Leiterin Referat Internationale Zusammenarbeit",
            contact_points=[ContactPointInput("phone", "0341 123-2032")],
        ),
    )
    ids["berg"], _changes = create_person(
        db,
        PersonInput(
            family_name="Berg",
            given_name="Anna",
            notes="Met the Liepāja delegation and Mr Goldfuß's team in 2019.",
        ),
    )
    ids["bureau"], _changes = create_organisation(
        db,
        OrganisationInput(
            name="Liepājas pilsētas pašvaldība",
            name_latin="Liepaja City Council",
            kind="city_administration",
            city="Liepāja",
            country="LV",
        ),
    )
    for key, (name, native, country) in CITIES.items():
        ids[key], _changes = create_partnership(
            db, PartnershipInput(city_name=name, city_name_native=native, country=country)
        )
    yield db, ids
    db.close()


def found(db: Database, query: str) -> list[tuple[str, int]]:
    return [(hit.kind, hit.id) for hit in search_records(db, query)]


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("goldf", "goldfuss"),
        ("goldfuss", "goldfuss"),
        ("Goldfuß", "goldfuss"),
        ("GOLDF", "goldfuss"),
        ("dr gold", "goldfuss"),
        ("gabriele goldf", "goldfuss"),
        ("goldfuss gabr", "goldfuss"),
        ("nynas", "nynashamn"),
        ("NYNÄS", "nynashamn"),
        ("arhus", "arhus"),
        ("århus", "arhus"),
        ("aarhus", None),
        ("liep", "liepaja"),
        ("Liepāja", "liepaja"),
        ("київ", "kiew"),
        ("КИЇВ", "kiew"),
        ("kiew", "kiew"),
        ("南京", "nanjing"),
        ("nanj", "nanjing"),
        ("הרצליה", "herzliya"),
        ("הרצ", "herzliya"),
        ("herzl", "herzliya"),
        ("θεσσαλ", "thessaloniki"),
        ("Θεσσαλονίκη", "thessaloniki"),
        ("thessa", "thessaloniki"),
        ("ho chi minh", "hcmc"),
        ("thanh pho", "hcmc"),
        ("Hồ Chí", "hcmc"),
        ("lodz", "lodz"),
        ("ŁÓDŹ", "lodz"),
    ],
)
def test_seed_names_are_found(
    seeded: tuple[Database, dict[str, int]], query: str, key: str | None
) -> None:
    db, ids = seeded
    results = found(db, query)
    if key is None:
        assert results == []
        return
    kind = "person" if key == "goldfuss" else "partnership"
    assert (kind, ids[key]) in results
    hit = next(hit for hit in search_records(db, query) if (hit.kind, hit.id) == (kind, ids[key]))
    assert hit.score < 5  # found in its name, not only in other text


def test_phone_numbers_are_searchable(seeded: tuple[Database, dict[str, int]]) -> None:
    db, ids = seeded
    assert found(db, "4934112320") == [("person", ids["goldfuss"])]
    assert found(db, "0341") == [("person", ids["goldfuss"])]


def test_the_whole_name_ranks_first(seeded: tuple[Database, dict[str, int]]) -> None:
    db, ids = seeded
    assert found(db, "Liepāja")[0] == ("partnership", ids["liepaja"])
    assert found(db, "liepajas")[0] == ("organisation", ids["bureau"])
    assert found(db, "dr gabriele goldfuss")[0] == ("person", ids["goldfuss"])


def test_a_name_prefix_ranks_before_a_hit_in_other_text(
    seeded: tuple[Database, dict[str, int]],
) -> None:
    db, ids = seeded
    results = found(db, "liep")
    assert results.index(("partnership", ids["liepaja"])) < results.index(("person", ids["berg"]))
    assert results.index(("organisation", ids["bureau"])) < results.index(("person", ids["berg"]))
    assert results[-1] == ("person", ids["berg"])  # found only in her notes

    results = found(db, "goldf")
    assert results == [("person", ids["goldfuss"]), ("person", ids["berg"])]


def test_hits_carry_label_and_detail(seeded: tuple[Database, dict[str, int]]) -> None:
    db, _ids = seeded
    (hit, _other) = search_records(db, "goldf")
    assert isinstance(hit, SearchHit)
    assert hit.name == "Dr. Gabriele Goldfuß"
    assert hit.detail == "Leiterin Referat Internationale Zusammenarbeit"
    (hit,) = search_records(db, "київ")
    assert hit.name == "Kiew" and "Київ" in hit.detail and "UA" in hit.detail


def test_kinds_and_limit(seeded: tuple[Database, dict[str, int]]) -> None:
    db, ids = seeded
    assert len(found(db, "liep")) == 3
    assert [(h.kind, h.id) for h in search_records(db, "liep", kinds=("organisation",))] == [
        ("organisation", ids["bureau"])
    ]
    assert len(search_records(db, "liep", limit=1)) == 1


SPECIAL_QUERIES = [
    '"',
    '""',
    "*",
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "-",
    "(",
    ")",
    ":",
    "^",
    "+",
    "name:",
    "name : goldf",
    "goldf*",
    "-goldf",
    '"goldf',
    "goldf OR",
    "AND goldf",
    "NEAR(goldf liep)",
    "{name body}: x",
    "'; DROP TABLE people; --",
    "%_\\",
    "\x00",
    "",
    "   ",
]


@pytest.mark.parametrize("query", SPECIAL_QUERIES)
def test_fts_syntax_in_queries_never_raises(
    seeded: tuple[Database, dict[str, int]], query: str
) -> None:
    db, _ids = seeded
    search(db, query)
    search_records(db, query)


@pytest.mark.parametrize("query", ["goldf*", "-goldf", '"goldf', "(goldf)", "goldf:", "+goldf^"])
def test_fts_syntax_is_taken_as_words(seeded: tuple[Database, dict[str, int]], query: str) -> None:
    db, ids = seeded
    assert found(db, query)[0] == ("person", ids["goldfuss"])


def test_match_expression() -> None:
    assert match_expression("") is None
    assert match_expression(' "*( ') is None
    assert match_expression("Dr. Goldfuß") == '"dr"* "goldfuss"*'
    assert match_expression('a"b') == '"a"* "b"*'


# --- the index in step with the records -------------------------------------------------------


def test_update_moves_the_index(db: Database) -> None:
    person_id, _changes = create_person(db, PersonInput(family_name="Goldfuß"))
    person = get_person(db, person_id)
    data = person.to_input()
    data.family_name = "Vecvagare"
    update_person(db, person_id, data)
    assert found(db, "goldf") == []
    assert found(db, "vecva") == [("person", person_id)]
    undo_last(db)
    assert found(db, "goldf") == [("person", person_id)]
    assert found(db, "vecva") == []


def test_partnership_rename_moves_the_index(db: Database) -> None:
    partnership_id, _changes = create_partnership(
        db, PartnershipInput(city_name="Kiew", city_name_native="Київ", country="UA")
    )
    data = get_partnership(db, partnership_id).to_input()
    data.city_name = "Kyjiw"
    update_partnership(db, partnership_id, data)
    assert found(db, "kiew") == []
    assert found(db, "kyjiw") == [("partnership", partnership_id)]
    assert found(db, "київ") == [("partnership", partnership_id)]


def test_trashed_records_leave_the_search_and_come_back(db: Database) -> None:
    person_id, _changes = create_person(db, PersonInput(family_name="Goldfuß"))
    partnership_id, _changes = create_partnership(
        db, PartnershipInput(city_name="Goldfußhausen", country="DE")
    )
    delete_to_trash(db, "person", person_id)
    assert found(db, "goldf") == [("partnership", partnership_id)]
    delete_to_trash(db, "partnership", partnership_id)
    assert found(db, "goldf") == []
    restore_from_trash(db, "person", person_id)
    assert found(db, "goldf") == [("person", person_id)]
    undo_last(db)  # the restore
    assert found(db, "goldf") == []
    undo_last(db)  # the partnership's trip to the trash
    assert found(db, "goldf") == [("partnership", partnership_id)]


def test_index_rows_match_records(db: Database) -> None:
    """One index row per live record: updates replace their row instead of adding one."""
    person_id, _changes = create_person(db, PersonInput(family_name="Goldfuß"))
    for function in ("A", "B", "C"):
        data = get_person(db, person_id).to_input()
        data.function = function
        update_person(db, person_id, data)
    assert db.raw_connection_execute("SELECT count(*) FROM search_records")[0][0] == 1
    delete_to_trash(db, "person", person_id)
    assert db.raw_connection_execute("SELECT count(*) FROM search_records")[0][0] == 0


def test_a_failed_write_leaves_the_index_alone(db: Database) -> None:
    from crm.services.errors import ValidationError

    person_id, _changes = create_person(db, PersonInput(family_name="Goldfuß"))
    data = get_person(db, person_id).to_input()
    data.family_name = "Vecvagare"
    data.contact_points = [ContactPointInput("email", "broken@")]
    with pytest.raises(ValidationError):
        update_person(db, person_id, data)
    assert found(db, "goldf") == [("person", person_id)]
    assert found(db, "vecva") == []


def test_search_on_a_fresh_database(db_path: Path) -> None:
    db = Database.open(db_path)
    try:
        assert search(db, "anything") == []
    finally:
        db.close()


def add_bergmanns(db: Database) -> None:
    """A thousand people named Bergmann in the index, with small ids (found first by FTS5)."""
    from crm.db.base import utcnow
    from crm.db.models import Organisation, Person
    from crm.search.index import index_record
    from crm.services.unit import write

    with write(db, "Many people") as unit:
        for number in range(1, 1001):
            index_record(
                unit.session,
                "person",
                number,
                names=f"Bergmann {number}",
                body="",
                label="",
                detail="",
            )
        # The real records made next get ids above 5000, so their index rows come last.
        unit.session.add(Person(id=5000, family_name="x", sort_name="x", deleted_at=utcnow()))
        unit.session.add(Organisation(id=5000, name="x", sort_name="x", deleted_at=utcnow()))
        if not db.is_sqlite:  # a server's id sequence does not follow ids given by hand
            unit.session.flush()
            for table in ("people", "organisations"):
                unit.session.execute(
                    text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 5000)")
                )


def test_many_hits_of_one_kind_do_not_crowd_out_another(db: Database) -> None:
    add_bergmanns(db)
    organisation_id, _changes = create_organisation(db, OrganisationInput(name="Bergen Kommune"))
    assert organisation_id > 5000
    assert [(h.kind, h.id) for h in search_records(db, "berg", kinds=("organisation",))] == [
        ("organisation", organisation_id)
    ]
    assert search_records(db, "berg", kinds=("correspondence",)) == []


def test_a_whole_word_is_a_candidate_among_many_prefixes(db: Database) -> None:
    add_bergmanns(db)
    person_id, _changes = create_person(db, PersonInput(family_name="Berg", given_name="Anna"))
    assert person_id > 5000
    assert found(db, "berg")[0] == ("person", person_id)
