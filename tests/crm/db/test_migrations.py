"""Alembic migrations: head revision, models and migrations agree, downgrade and upgrade again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from crm.db import schema
from crm.db.base import Base
from crm.db.database import Database

SEARCH_TABLES = ("search_records", "search_correspondence")


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(schema.migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def is_search_table(name: str | None) -> bool:
    """The FTS5 virtual tables and their shadow tables (search_records_data, ..._idx, ...)."""
    return name is not None and name.startswith(SEARCH_TABLES)


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    if type_ == "table":
        return not is_search_table(name)
    return True


def table_names(db: Database) -> set[str]:
    with db.engine.connect() as connection:
        return set(inspect(connection).get_table_names())


def test_head_revision_constant_matches_the_scripts() -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    assert scripts.get_current_head() == schema.HEAD_REVISION
    assert {script.revision for script in scripts.walk_revisions()} == set(schema.KNOWN_REVISIONS)
    assert schema.KNOWN_REVISIONS[-1] == schema.HEAD_REVISION


def test_upgrade_of_an_empty_database_reaches_head(db_path: Path) -> None:
    assert not db_path.exists()
    db = Database.open(db_path)
    try:
        assert db.revision() == schema.HEAD_REVISION
        tables = table_names(db)
        assert set(Base.metadata.tables) <= tables
        assert {"alembic_version", *SEARCH_TABLES} <= tables
    finally:
        db.close()


def test_an_empty_file_becomes_a_database(db_path: Path) -> None:
    db_path.touch()
    db = Database.open(db_path)
    try:
        assert db.revision() == schema.HEAD_REVISION
    finally:
        db.close()


def test_models_and_migrations_agree(db: Database) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"compare_type": True, "include_name": include_name},
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_comparison_would_notice_a_difference(db: Database) -> None:
    """The agreement test above is not vacuous: a dropped index is reported."""
    with db.engine.begin() as connection:
        connection.exec_driver_sql("DROP INDEX ix_people_sort_name")
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        differences = compare_metadata(context, Base.metadata)
    assert [d[0] for d in differences] == ["add_index"]


def test_downgrade_to_base_and_upgrade_again(db: Database) -> None:
    with db.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "base")
    assert table_names(db) <= {"alembic_version"}
    with db.engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    assert db.revision() == schema.HEAD_REVISION
    assert set(Base.metadata.tables) | set(SEARCH_TABLES) <= table_names(db)

    from crm.search.query import search
    from crm.services.people import PersonInput, create_person

    person_id, _changes = create_person(db, PersonInput(family_name="Goldfuß"))
    assert [(hit.kind, hit.id) for hit in search(db, "goldf")] == [("person", person_id)]


@pytest.mark.parametrize("revision", schema.KNOWN_REVISIONS)
def test_every_known_revision_is_a_script(revision: str) -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    assert scripts.get_revision(revision) is not None
