"""The demo offices' hard names, found on SQLite and on the server alike (folded, by prefix)."""

from __future__ import annotations

import pytest

from crm.db.database import Database
from crm.demo import build_demo
from crm.search.query import search, search_correspondence
from crm.services.correspondence_lists import CorrespondenceFilter, correspondence_ids
from crm.services.lists import PeopleFilter, person_ids

CASES = {
    "leipzig": [("goldf", "Goldfuß"), ("GOLDFUSS", "Goldfuß"), ("київ", "Київ")],
    "liepaja": [("nynas", "Nynäshamn"), ("liep", "Liepāj"), ("LIEPĀJAS", "Liepāj")],
    "goteborg": [("arhus", "Århus"), ("ÅRHUS", "Århus"), ("goteb", "Göteborg")],
}


@pytest.mark.parametrize("office", sorted(CASES))
def test_the_demo_names_are_found(db: Database, office: str) -> None:
    build_demo(db, office)
    for query, name in CASES[office]:
        hits = search(db, query)
        assert any(name in hit.name for hit in hits), (query, hits)
        assert hits[0].score <= hits[-1].score
    assert search(db, "zzzqqq") == []


def test_list_filters_use_the_index(db: Database) -> None:
    build_demo(db, "liepaja")
    nynas = correspondence_ids(db, CorrespondenceFilter(text="nynas"))
    assert nynas and set(nynas) <= {hit.id for hit in search_correspondence(db, "nynas", 500)}
    assert correspondence_ids(db, CorrespondenceFilter(text="NYNÄSHAMN")) == nynas
    people = person_ids(db, PeopleFilter(text="lindq"))
    assert people == person_ids(db, PeopleFilter(text="Lindqvist"))
    assert len(people) == 1
