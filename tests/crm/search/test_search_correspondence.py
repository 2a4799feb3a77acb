"""Correspondence search (newest first), the combined search, and rebuilding the index."""

from __future__ import annotations

from datetime import date

import pytest

from crm.db.base import utcnow
from crm.db.database import Database
from crm.db.models import Correspondence, Delegation
from crm.search.index import index_correspondence, record_rowid, split_rowid, unindex_correspondence
from crm.search.query import search, search_correspondence, search_records
from crm.search.rebuild import correspondence_text, index_delegation, rebuild_index
from crm.services.partnerships import PartnershipInput, create_partnership
from crm.services.people import PersonInput, create_person
from crm.services.trash import delete_to_trash
from crm.services.unit import write

LETTERS = [
    ("IZ-2024-0007", date(2024, 3, 1), "Einladung Stadtfest Liepāja", "Natalja Vecvagare"),
    ("IZ-2025-0012", date(2025, 1, 20), "Delegation aus Nanjing 南京", None),
    ("IZ-2025-0044", date(2025, 6, 2), "Rückfrage Liepāja Jugendaustausch", "Bureau Liepāja"),
    ("IZ-2026-0001", date(2026, 1, 5), "Neujahrsgrüße nach Liepāja", None),
]


def add_letters(db: Database) -> dict[str, int]:
    ids = {}
    with write(db, "Register letters") as unit:
        for reference, day, subject, counterpart in LETTERS:
            entry = Correspondence(
                direction="incoming",
                channel="letter",
                date=day,
                reference=reference,
                subject=subject,
                counterpart_text=counterpart,
            )
            unit.session.add(entry)
            unit.session.flush()
            index_correspondence(unit.session, entry.id, correspondence_text(entry))
            ids[reference] = entry.id
    return ids


def references(db: Database, query: str) -> list[str]:
    return [hit.name.split(" ")[0] for hit in search_correspondence(db, query)]


def test_newest_first(db: Database) -> None:
    add_letters(db)
    assert references(db, "liep") == ["IZ-2026-0001", "IZ-2025-0044", "IZ-2024-0007"]
    assert references(db, "LIEPĀJA jugend") == ["IZ-2025-0044"]
    assert references(db, "南京") == ["IZ-2025-0012"]
    assert references(db, "vecva") == ["IZ-2024-0007"]
    assert references(db, "iz 2025") == ["IZ-2025-0044", "IZ-2025-0012"]


def test_hits_name_reference_subject_and_date(db: Database) -> None:
    ids = add_letters(db)
    (hit,) = search_correspondence(db, "neujahr")
    assert (hit.kind, hit.id) == ("correspondence", ids["IZ-2026-0001"])
    assert hit.name == "IZ-2026-0001 Neujahrsgrüße nach Liepāja"
    assert hit.detail == "2026-01-05"


def test_limit(db: Database) -> None:
    add_letters(db)
    assert references(db, "liep")[:2] == [
        hit.name.split(" ")[0] for hit in search_correspondence(db, "liep", limit=2)
    ]
    assert len(search_correspondence(db, "liep", limit=2)) == 2


def test_trashed_and_unindexed_correspondence_is_not_found(db: Database) -> None:
    ids = add_letters(db)
    with write(db, "Trash a letter") as unit:
        entry = unit.session.get(Correspondence, ids["IZ-2026-0001"])
        assert entry is not None
        entry.deleted_at = utcnow()
        unindex_correspondence(unit.session, ids["IZ-2025-0044"])
    assert references(db, "liep") == ["IZ-2024-0007"]


@pytest.mark.parametrize("query", ['"', "*", "AND", "-", "(", ":", "liep*", "NEAR(", ""])
def test_special_characters_never_raise(db: Database, query: str) -> None:
    add_letters(db)
    search_correspondence(db, query)


def test_combined_search_puts_records_first(db: Database) -> None:
    add_letters(db)
    partnership_id, _changes = create_partnership(
        db, PartnershipInput(city_name="Liepāja", country="LV")
    )
    hits = search(db, "liep")
    assert [(hit.kind, hit.id) for hit in hits[:1]] == [("partnership", partnership_id)]
    assert [hit.kind for hit in hits[1:]] == ["correspondence"] * 3
    assert [hit.score for hit in hits] == sorted(hit.score for hit in hits)


def test_delegations_are_searchable(db: Database) -> None:
    partnership_id, _changes = create_partnership(
        db, PartnershipInput(city_name="Nanjing", city_name_native="南京", country="CN")
    )
    with write(db, "Plan a visit") as unit:
        delegation = Delegation(
            title="Delegation des Volkskongresses",
            direction="incoming",
            partnership_id=partnership_id,
            start_date=date(2026, 5, 4),
            end_date=date(2026, 5, 7),
            purpose="Hochschulkooperation",
        )
        unit.session.add(delegation)
        unit.session.flush()
        index_delegation(unit.session, delegation, None)
        delegation_id = delegation.id
    assert [(h.kind, h.id) for h in search_records(db, "volkskong")] == [
        ("delegation", delegation_id)
    ]
    # Rebuilding adds the partner city's names to the delegation's search text.
    with write(db, "Rebuild") as unit:
        rebuild_index(unit.session)
    assert ("delegation", delegation_id) in [(h.kind, h.id) for h in search_records(db, "南京")]
    (hit,) = search_records(db, "hochschul")
    assert hit.detail == "2026-05-04 – 2026-05-07"


def test_rebuild_gives_the_same_results(db: Database) -> None:
    add_letters(db)
    create_person(db, PersonInput(family_name="Goldfuß", given_name="Gabriele"))
    gone, _changes = create_person(db, PersonInput(family_name="Goldberg"))
    delete_to_trash(db, "person", gone)
    create_partnership(db, PartnershipInput(city_name="Łódź", country="PL"))
    queries = ("goldf", "gold", "lodz", "liep", "2025")
    before = {query: search(db, query) for query in queries}
    db.raw_connection_execute("SELECT 1")
    with write(db, "Rebuild") as unit:
        count = rebuild_index(unit.session)
    assert count == 2 + len(LETTERS)
    assert {query: search(db, query) for query in queries} == before


def test_rowids_keep_kind_and_id_apart() -> None:
    for kind in ("person", "organisation", "partnership", "delegation"):
        for record_id in (1, 2, 7, 8, 123456789):
            assert split_rowid(record_rowid(kind, record_id)) == (kind, record_id)
    assert len({record_rowid(k, 5) for k in ("person", "organisation", "partnership")}) == 3


def test_renaming_a_partner_city_reindexes_its_delegations(db: Database) -> None:
    from crm.services.partnerships import get_partnership, update_partnership

    partnership_id, _changes = create_partnership(
        db, PartnershipInput(city_name="Kiew", city_name_native="Київ", country="UA")
    )
    with write(db, "Plan a visit") as unit:
        delegation = Delegation(
            title="Bürgermeisterbesuch",
            direction="outgoing",
            partnership_id=partnership_id,
            start_date=date(2026, 9, 1),
            end_date=date(2026, 9, 3),
        )
        unit.session.add(delegation)
        unit.session.flush()
        rebuild_index(unit.session)
        delegation_id = delegation.id
    assert ("delegation", delegation_id) in [(h.kind, h.id) for h in search_records(db, "kiew")]
    data = get_partnership(db, partnership_id).to_input()
    data.city_name = "Kyjiw"
    update_partnership(db, partnership_id, data)
    assert ("delegation", delegation_id) not in [(h.kind, h.id) for h in search_records(db, "kiew")]
    assert ("delegation", delegation_id) in [(h.kind, h.id) for h in search_records(db, "kyjiw")]
