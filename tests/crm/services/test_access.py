"""Roles on the shared server: a viewer reads, an officer edits, an administrator administers.

The server tests log in as real PostgreSQL users holding the roles ``liaison db roles`` made;
the services refuse first (with a message), and the server's grants would refuse the same.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from pg_server import PostgresServer
from sqlalchemy import make_url, text
from sqlalchemy.exc import ProgrammingError

from crm.db.database import Database
from crm.db.schema import DatabaseRefused
from crm.db.server import Role, create_roles, current_role, grant_role
from crm.services.access import NotAllowed
from crm.services.history import operation_ids, operation_rows
from crm.services.lists import person_ids
from crm.services.office import OfficeProfile, get_profile, save_profile
from crm.services.people import PersonInput, create_person, get_person, update_person
from crm.services.references import save_scheme
from crm.services.trash import delete_to_trash, purge

PASSWORD = "role-test-Passw0rd"


@dataclass(frozen=True)
class Logins:
    url: str  # the superuser's
    viewer: str
    officer: str
    administrator: str

    def open(self, user: str) -> Database:
        url = make_url(self.url).set(username=user, password=PASSWORD)
        return Database.open(url.render_as_string(hide_password=False))


@pytest.fixture
def logins(postgres: PostgresServer, server_url: str) -> Iterator[Logins]:
    """Three server logins, one per role, on a fresh database with the roles set up."""
    suffix = f"{os.getpid()}_{abs(hash(server_url)) % 100000}"
    names = {role: f"u_{role.value}_{suffix}" for role in Role}
    for name in names.values():
        postgres.execute(f"CREATE ROLE {name} LOGIN PASSWORD '{PASSWORD}'")
    admin = Database.open(server_url)
    try:
        with admin.engine.begin() as connection:
            create_roles(connection)
            for role, name in names.items():
                grant_role(connection, name, role)
    finally:
        admin.close()
    yield Logins(server_url, names[Role.VIEWER], names[Role.OFFICER], names[Role.ADMINISTRATOR])
    postgres.drop(str(make_url(server_url).database))
    for name in names.values():
        postgres.execute(f"DROP ROLE IF EXISTS {name}")


def test_on_a_file_everyone_administers(db_path: object) -> None:
    db = Database.open(str(db_path))
    try:
        assert current_role(db) is Role.ADMINISTRATOR
        assert db.refuse_writes_reason() is None
        person_id, _changes = create_person(db, PersonInput(family_name="Schulz"))
        [operation] = operation_ids(db)
        assert operation_rows(db, [operation])[0].actor == getpass.getuser()
        assert get_person(db, person_id).display_name == "Schulz"
    finally:
        db.close()


@pytest.mark.postgresql_only
def test_the_history_names_the_servers_user(db: Database) -> None:
    create_person(db, PersonInput(family_name="Schulz"))
    with db.read() as session:
        actor = session.execute(text("SELECT actor FROM operations")).scalar_one()
    assert actor == make_url(db.engine.url).username == "liaison_test"


@pytest.mark.postgresql_only
def test_a_viewer_reads_but_changes_nothing(logins: Logins) -> None:
    admin = Database.open(logins.url)
    try:
        person_id, _changes = create_person(admin, PersonInput(family_name="Bērziņa"))
    finally:
        admin.close()
    viewer = logins.open(logins.viewer)
    try:
        assert current_role(viewer) is Role.VIEWER
        assert person_ids(viewer) == [person_id]
        detail = get_person(viewer, person_id)
        assert detail.display_name == "Bērziņa"
        with pytest.raises(NotAllowed, match="viewer"):
            create_person(viewer, PersonInput(family_name="Neu"))
        with pytest.raises(NotAllowed, match="viewer"):
            update_person(viewer, person_id, detail.to_input(), detail.version)
        with pytest.raises(NotAllowed):
            delete_to_trash(viewer, "person", person_id)
        # And the server itself refuses what the services were not asked.
        refused = pytest.raises(ProgrammingError, match="permission denied")
        with refused, viewer.engine.begin() as connection:
            connection.execute(text("UPDATE people SET notes = 'x'"))
    finally:
        viewer.close()


@pytest.mark.postgresql_only
def test_an_officer_edits_but_does_not_administer(logins: Logins) -> None:
    officer = logins.open(logins.officer)
    try:
        assert current_role(officer) is Role.OFFICER
        person_id, _changes = create_person(officer, PersonInput(family_name="Goldfuß"))
        detail = get_person(officer, person_id)
        update_person(officer, person_id, detail.to_input(), detail.version)
        with officer.read() as session:
            actors = set(session.execute(text("SELECT actor FROM operations")).scalars())
        assert actors == {logins.officer}
        delete_to_trash(officer, "person", person_id)
        with pytest.raises(NotAllowed, match="administrator"):
            purge(officer, "person", person_id)
        with pytest.raises(NotAllowed, match="administrator"):
            save_profile(officer, OfficeProfile(office_name="Referat"))
        with pytest.raises(NotAllowed, match="administrator"):
            save_scheme(officer, "IZ/{year}/{number}")
        assert get_profile(officer) == OfficeProfile()  # reads the settings all the same
        refused = pytest.raises(ProgrammingError, match="permission denied")
        with refused, officer.engine.begin() as connection:
            connection.execute(text("INSERT INTO office_settings VALUES ('k', 'v')"))
    finally:
        officer.close()


@pytest.mark.postgresql_only
def test_an_administrator_keeps_the_settings_and_deletes_for_good(logins: Logins) -> None:
    administrator = logins.open(logins.administrator)
    try:
        assert current_role(administrator) is Role.ADMINISTRATOR
        save_profile(administrator, OfficeProfile(office_name="Referat Internationales"))
        save_scheme(administrator, "IZ/{year}/{number}")
        person_id, _changes = create_person(administrator, PersonInput(family_name="Weg"))
        delete_to_trash(administrator, "person", person_id)
        purge(administrator, "person", person_id)
        assert get_profile(administrator).office_name == "Referat Internationales"
    finally:
        administrator.close()


@pytest.mark.postgresql_only
def test_a_login_without_a_liaison_role_is_refused_with_the_servers_reason(
    logins: Logins, postgres: PostgresServer
) -> None:
    name = f"{logins.viewer}_none"
    postgres.execute(f"CREATE ROLE {name} LOGIN PASSWORD '{PASSWORD}'")
    try:
        with pytest.raises(DatabaseRefused, match="permission denied") as refused:
            logins.open(name)
        assert PASSWORD not in str(refused.value)
    finally:
        postgres.execute(f"DROP ROLE {name}")
