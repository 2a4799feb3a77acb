"""Erasure knows every place a person is referred to: a foreign key to ``people`` added later,
or a table that names records by kind and id, must be added to crm.gdpr.links too, or an
erased person would stay behind in it."""

from __future__ import annotations

import crm.db.models  # noqa: F401  (registers every table)
from crm.db.base import Base
from crm.gdpr.links import CLEAR, DELETE, ENTITY_TABLES, PERSON_LINKS


def test_every_foreign_key_to_people_is_listed() -> None:
    people = Base.metadata.tables["people"]
    foreign_keys = {
        (table.name, key.parent.name)
        for table in Base.metadata.sorted_tables
        for key in table.foreign_keys
        if key.column.table is people
    }
    assert foreign_keys == {(link.table, link.column) for link in PERSON_LINKS}


def test_every_table_naming_records_by_kind_is_listed() -> None:
    by_kind = {
        table.name
        for table in Base.metadata.sorted_tables
        if {"entity", "entity_id"} <= set(table.c.keys())
    }
    assert by_kind == set(ENTITY_TABLES)


def test_cleared_links_are_nullable_and_rows_of_the_person_go() -> None:
    for link in PERSON_LINKS:
        column = link.sql.c[link.column]
        assert link.action in (CLEAR, DELETE)
        if link.action == CLEAR:
            assert column.nullable, link  # the record stays without the person
            assert "deleted_at" in link.sql.c, link  # ... and it is a record of its own
            if link.words is not None:
                assert link.words in link.sql.c
        else:
            assert "deleted_at" not in link.sql.c, link  # a row of the person, not a record
