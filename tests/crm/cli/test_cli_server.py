"""``liaison db roles`` and ``liaison db grant`` on a real server, and --db with a server URL."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from cli_helpers import Liaison
from pg_server import PostgresServer
from sqlalchemy import make_url

PASSWORD = "cli-role-Passw0rd"


def test_roles_need_a_server(liaison: Liaison, tmp_path: Path) -> None:
    for args in (["db", "roles"], ["db", "grant", "anna", "viewer"]):
        result = liaison(*args, "--db", str(tmp_path / "office.sqlite"))
        assert result.returncode == 2
        assert "PostgreSQL" in result.stderr and len(result.stderr.splitlines()) == 1
    bad_role = liaison("db", "grant", "anna", "boss", "--db", "postgresql+psycopg://x@h/db")
    assert bad_role.returncode == 2


@pytest.mark.postgresql_only
def test_roles_and_grants(liaison: Liaison, postgres: PostgresServer, server_url: str) -> None:
    made = liaison("db", "roles", "--json", "--db", server_url)
    assert made.returncode == 0, made.stderr
    assert PASSWORD not in made.stdout and str(make_url(server_url).password) not in made.stdout
    again = liaison("db", "roles", "--db", server_url)  # idempotent
    assert again.returncode == 0, again.stderr

    user = f"cli_officer_{os.getpid()}"
    postgres.execute(f"CREATE ROLE {user} LOGIN PASSWORD '{PASSWORD}'")
    try:
        granted = liaison("db", "grant", user, "viewer", "--json", "--db", server_url)
        assert granted.returncode == 0, granted.stderr
        assert json.loads(granted.stdout)["role"] == "viewer"
        granted = liaison("db", "grant", user, "officer", "--db", server_url)
        assert granted.returncode == 0, granted.stderr
        assert f"{user} is now Officer" in granted.stdout
        held = postgres.execute(
            "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
            f"JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = '{user}'"
        )
        assert held == [("liaison_officer",)]  # the viewer role was taken away

        # The officer searches and reads through the command line, logged in as themselves.
        url = make_url(server_url).set(username=user, password=PASSWORD)
        found = liaison("search", "x", "--json", "--db", url.render_as_string(hide_password=False))
        assert (found.returncode, json.loads(found.stdout)) == (0, [])

        missing = liaison("db", "grant", "nobody_here", "viewer", "--db", server_url)
        assert missing.returncode == 2
        assert "no user nobody_here" in missing.stderr
    finally:
        postgres.drop(str(make_url(server_url).database))
        postgres.execute(f"DROP ROLE IF EXISTS {user}")


@pytest.mark.postgresql_only
def test_a_wrong_password_is_one_line_without_the_password(
    liaison: Liaison, server_url: str
) -> None:
    wrong = make_url(server_url).set(password="not-the-Passw0rd")
    result = liaison("search", "x", "--db", wrong.render_as_string(hide_password=False))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "password authentication failed" in result.stderr
    assert "not-the-Passw0rd" not in result.stderr + result.stdout
