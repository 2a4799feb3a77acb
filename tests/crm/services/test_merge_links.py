"""The merge knows every link to a person and to an organisation: a foreign key added later to
either table must be added to crm.services.merge_links too, or a merge would leave it behind."""

from __future__ import annotations

import pytest

import crm.db.models  # noqa: F401  (registers every table)
from crm.db.base import Base
from crm.services.merge_links import LINKS
from crm.services.records import all_kinds

TABLES = {"person": "people", "organisation": "organisations"}


def foreign_keys_to(table_name: str) -> set[tuple[str, str]]:
    target = Base.metadata.tables[table_name]
    return {
        (table.name, foreign_key.parent.name)
        for table in Base.metadata.sorted_tables
        for foreign_key in table.foreign_keys
        if foreign_key.column.table is target
    }


@pytest.mark.parametrize("kind", sorted(TABLES))
def test_every_foreign_key_is_a_link(kind: str) -> None:
    listed = {(link.table, link.column) for link in LINKS[kind] if link.entity is None}
    assert foreign_keys_to(TABLES[kind]) == listed


@pytest.mark.parametrize("kind", sorted(TABLES))
def test_links_name_real_columns_and_kinds(kind: str) -> None:
    kinds = set(all_kinds())
    for link in LINKS[kind]:
        table = link.sql
        named = {link.column, link.owner_id, *link.same, *link.loose, *(link.primary_by or ())}
        assert named <= set(table.c.keys()) | ({"id"} if link.through else set()), link
        if link.through is not None:
            other, here, there = link.through
            assert here in table.c and there in Base.metadata.tables[other].c
        if link.owner is not None and link.owner not in ("project", "event"):
            assert link.owner in kinds, link
        if link.entity is not None:  # tags name their record by kind
            assert link.entity == kind and "entity" in table.c


def test_tags_are_the_only_links_without_a_foreign_key() -> None:
    for kind, links in LINKS.items():
        without = {link.table for link in links if link.entity is not None}
        assert without == {"taggings"}, kind
