"""Migration 0002 (the legal basis on people): added on upgrade, dropped on downgrade without
taking anyone's phones, addresses or organisations along (no table copy on SQLite)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect

from crm.db import schema
from crm.db.database import Database
from crm.services import contact_points as cp
from crm.services.people import PersonInput, create_person, get_person

COLUMNS = {"legal_basis", "legal_basis_note", "consent_date"}


def _config(connection: object) -> Config:
    config = Config()
    config.set_main_option("script_location", str(schema.migrations_dir()))
    config.attributes["connection"] = connection
    return config


def _columns(db: Database) -> set[str]:
    with db.engine.connect() as connection:
        return {column["name"] for column in inspect(connection).get_columns("people")}


def test_down_to_0001_and_up_again_keeps_everyone(db: Database) -> None:
    person_id, _ = create_person(
        db,
        PersonInput(
            family_name="Goldfuß",
            legal_basis="contract",
            contact_points=[cp.ContactPointInput("email", "g@example.org")],
        ),
    )
    assert _columns(db) >= COLUMNS
    with db.engine.begin() as connection:
        command.downgrade(_config(connection), "0001")
    assert db.revision() == "0001"
    assert not COLUMNS & _columns(db)
    assert db.raw_connection_execute("SELECT count(*) FROM contact_points") == [(1,)]
    with db.engine.begin() as connection:
        command.upgrade(_config(connection), "head")
    assert db.revision() == schema.HEAD_REVISION == "0002"
    detail = get_person(db, person_id)
    assert detail.legal_basis is None  # dropped with its column, "not recorded" again
    assert [p.value for p in detail.contact_points] == ["g@example.org"]
