"""The shared server: URLs without passwords, the keyring, the schema and its search index."""

from __future__ import annotations

import pytest
from sqlalchemy import make_url, text

from crm.db.database import Database
from crm.db.schema import HEAD_REVISION, DatabaseRefused
from crm.db.server import (
    Role,
    bare_url,
    check_connection,
    is_server_url,
    keyring_account,
    parse_server_url,
    server_url,
    without_password,
)
from crm.secrets import DATABASE_SERVER
from tests.crm.mail.memory_keyring import MemoryKeyring, use_keyring


def test_urls() -> None:
    url = server_url("db.leipzig.example", 5433, "office", "anna")
    assert without_password(url) == "postgresql+psycopg://anna@db.leipzig.example:5433/office"
    assert keyring_account(url) == "anna@db.leipzig.example:5433/office"
    assert keyring_account(server_url("h", None, "office", "anna")) == "anna@h:5432/office"
    kept = without_password(parse_server_url("postgresql://anna:Geheim-99@h/office"))
    assert kept == "postgresql+psycopg://anna@h/office"  # the driver set, the password gone
    assert is_server_url("postgresql+psycopg://h/db")
    assert not is_server_url("/home/anna/office.sqlite") and not is_server_url(None)
    assert not is_server_url("sqlite:////tmp/x.sqlite")
    with pytest.raises(DatabaseRefused, match="not with mysql"):
        parse_server_url("mysql://h/db")
    with pytest.raises(DatabaseRefused, match="not a database URL"):
        parse_server_url("postgresql+psycopg://h:port/db")
    assert [role.group for role in Role] == [
        "liaison_viewer",
        "liaison_officer",
        "liaison_administrator",
    ]


def test_a_server_that_is_not_there_is_refused_with_a_reason() -> None:
    with pytest.raises(DatabaseRefused) as refused:
        Database.open("postgresql+psycopg://anna:Geheim-99@127.0.0.1:1/office")
    message = str(refused.value)
    assert "Geheim-99" not in message and "***" in message
    assert len(message.splitlines()) >= 1


@pytest.mark.postgresql_only
def test_the_schema_and_the_search_index_on_the_server(db: Database) -> None:
    assert db.revision() == HEAD_REVISION
    with db.read() as session:
        indexes = {
            row[0]: row[1]
            for row in session.execute(
                text("SELECT indexname, indexdef FROM pg_indexes WHERE tablename LIKE 'search_%'")
            )
        }
    assert "USING gin (to_tsvector('simple'::regconfig, name))" in indexes["ix_search_records_name"]
    assert "ix_search_records_all" in indexes and "ix_search_correspondence_body" in indexes


@pytest.mark.postgresql_only
def test_the_password_comes_from_the_keyring(server_url: str) -> None:
    url = make_url(server_url)
    bare = bare_url(url)
    with use_keyring(MemoryKeyring()) as keyring:
        keyring.set_password(DATABASE_SERVER, keyring_account(bare), url.password)
        db = Database.open(bare.render_as_string(hide_password=False))
        try:
            assert db.revision() == HEAD_REVISION
        finally:
            db.close()
        message = check_connection(bare.render_as_string(hide_password=False))
        assert "as liaison_test (Administrator)" in message
        keyring.secrets.clear()
        with pytest.raises(DatabaseRefused) as refused:
            check_connection(bare.render_as_string(hide_password=False))
        assert "password" in str(refused.value)
