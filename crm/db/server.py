"""The shared server: PostgreSQL through psycopg 3, its URL, its password and its roles.

A server URL is ``postgresql+psycopg://user@host:port/database``; the password is never part
of what Liaison keeps (settings, logs, history): it comes from the OS keyring (crm.secrets,
account ``user@host:port/database``), or from libpq's own PGPASSWORD or ``.pgpass``, or it is
given for one connection only (the connection dialog asks when no keyring is usable).

Who may do what is the server's business: three group roles, granted to the people's logins.

- ``liaison_viewer``: reads everything, writes nothing;
- ``liaison_officer``: also edits records (not the office's settings);
- ``liaison_administrator``: also the office settings and profile, the reference scheme,
  erasure and deleting for good, and may grant the roles to others.

``liaison db roles`` creates the roles and their grants, ``liaison db grant USER ROLE`` gives a
login one of them. The app asks the server which of them the connected user has
(``current_role``) and the services refuse what the role does not allow, with a message,
before the server would refuse it with an error.
"""

from __future__ import annotations

import weakref
from enum import Enum
from typing import TYPE_CHECKING, Any

from sqlalchemy import URL, Connection, Engine, bindparam, create_engine, make_url, text
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from crm.db.schema import DatabaseRefused
from crm.i18n import _

if TYPE_CHECKING:
    from crm.db.database import Database

DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
CONNECT_TIMEOUT_S = 10
APPLICATION_NAME = "Liaison"
# Tables only an administrator writes; officers read them.
ADMINISTRATOR_TABLES = ("office_settings",)


class Role(Enum):
    VIEWER = "viewer"
    OFFICER = "officer"
    ADMINISTRATOR = "administrator"

    @property
    def group(self) -> str:
        """The server's group role."""
        return f"liaison_{self.value}"

    @property
    def title(self) -> str:
        return {
            Role.VIEWER: _("Viewer"),
            Role.OFFICER: _("Officer"),
            Role.ADMINISTRATOR: _("Administrator"),
        }[self]

    @property
    def may_edit(self) -> bool:
        return self is not Role.VIEWER


ROLE_NAMES = tuple(role.value for role in Role)


def is_server_url(target: str | None) -> bool:
    return bool(target) and "://" in str(target) and not str(target).startswith("sqlite")


def server_url(host: str, port: int | None, database: str, user: str) -> URL:
    """The URL of a server database, without a password."""
    return URL.create(
        DRIVER,
        username=user or None,
        host=host or None,
        port=port or None,
        database=database or None,
    )


def parse_server_url(target: str) -> URL:
    """``target`` as a URL with the psycopg driver; DatabaseRefused if it is not PostgreSQL."""
    try:
        url = make_url(target)
    except (ArgumentError, ValueError) as error:
        raise DatabaseRefused(_("{target} is not a database URL.").format(target=target)) from error
    if url.get_backend_name() != "postgresql":
        raise DatabaseRefused(
            _("Liaison works with SQLite files and PostgreSQL servers, not with {name}.").format(
                name=url.get_backend_name()
            )
        )
    if url.get_driver_name() != "psycopg":
        url = url.set(drivername=DRIVER)
    return url


def keyring_account(url: URL) -> str:
    """The account the password is kept under in the keyring: user@host:port/database."""
    port = url.port or DEFAULT_PORT
    return f"{url.username or ''}@{url.host or 'localhost'}:{port}/{url.database or ''}"


def without_password(url: URL) -> str:
    """The URL as it may be kept in the settings or shown: never with the password."""
    return bare_url(url).render_as_string(hide_password=False)


def bare_url(url: URL) -> URL:
    """``url`` without its password (``URL.set(password=None)`` would keep it)."""
    return url._replace(password=None)


def create_server_engine(target: str) -> Engine:
    """An engine for a server URL; the password from the URL, else the keyring, else libpq."""
    url = parse_server_url(target)
    if url.password is None:
        from crm.secrets import DATABASE_SERVER, load_secret

        password = load_secret(DATABASE_SERVER, keyring_account(url))
        if password is not None:
            url = url.set(password=password)
    try:
        return create_engine(
            url,
            pool_pre_ping=True,
            connect_args={
                "connect_timeout": CONNECT_TIMEOUT_S,
                "application_name": APPLICATION_NAME,
            },
        )
    except (NoSuchModuleError, ImportError) as error:
        raise DatabaseRefused(_("The PostgreSQL driver (psycopg) is not installed.")) from error


def check_connection(target: str) -> str:
    """Connect once and say who is connected where; DatabaseRefused with the reason if not."""
    from sqlalchemy.exc import DBAPIError

    engine = create_server_engine(target)
    try:
        with engine.connect() as connection:
            user, database, version = connection.execute(
                text("SELECT current_user, current_database(), current_setting('server_version')")
            ).one()
            role = _role_of(connection)
    except DBAPIError as error:
        raise DatabaseRefused(connection_problem(error)) from error
    finally:
        engine.dispose()
    return _("Connected to {database} as {user} ({role}), PostgreSQL {version}.").format(
        database=database, user=user, role=role.title, version=version
    )


def connection_problem(error: BaseException) -> str:
    """The server's reason, in one line, without the URL (which might carry the password)."""
    reason = str(getattr(error, "orig", None) or error).strip().splitlines()
    return reason[0] if reason else type(error).__name__


# --- roles -----------------------------------------------------------------------------------

_roles: weakref.WeakKeyDictionary[Database, Role] = weakref.WeakKeyDictionary()


def _role_of(connection: Connection) -> Role:
    """The connected user's Liaison role, as the server sees it.

    A superuser, the owner of the schema, and anyone on a server where the Liaison roles were
    never set up (one user owns everything), is an administrator; otherwise the highest group
    role held decides, and a user with none of them may only read.
    """
    row = connection.execute(
        text(
            "SELECT r.rolsuper, "
            "  (SELECT count(*) FROM pg_roles WHERE rolname IN :groups), "
            "  (SELECT count(*) FROM pg_tables WHERE tablename = 'alembic_version' "
            "   AND schemaname = current_schema() AND tableowner = current_user) "
            "FROM pg_roles AS r WHERE r.rolname = current_user"
        ).bindparams(bindparam("groups", expanding=True)),
        {"groups": [role.group for role in Role]},
    ).one()
    superuser, liaison_roles, owner = bool(row[0]), int(row[1]), bool(row[2])
    if superuser or owner or liaison_roles == 0:
        return Role.ADMINISTRATOR
    for role in (Role.ADMINISTRATOR, Role.OFFICER, Role.VIEWER):
        held = connection.execute(
            text(
                "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :role) "
                "AND pg_has_role(current_user, "
                "  (SELECT oid FROM pg_roles WHERE rolname = :role), 'USAGE')"
            ),
            {"role": role.group},
        ).scalar()
        if held:
            return role
    return Role.VIEWER


def current_role(db: Database) -> Role:
    """What the connected user may do: always administrator on an SQLite file."""
    if db.is_sqlite:
        return Role.ADMINISTRATOR
    role = _roles.get(db)
    if role is None:
        with db.engine.connect() as connection:
            role = _role_of(connection)
            connection.rollback()
        _roles[db] = role
    return role


def forget_role(db: Database) -> None:
    """Ask the server again next time (after the user's roles were changed)."""
    _roles.pop(db, None)


def database_user(connection: Connection | Any) -> str:
    """The server's name for the connected user (what the history records)."""
    return str(connection.execute(text("SELECT current_user")).scalar())


def refuse_writes_reason(db: Database) -> str | None:
    """Why this user may not change anything here; None when they may."""
    if current_role(db) is Role.VIEWER:
        return _(
            "You are connected as a viewer: you can read everything but not change it. "
            "Ask an administrator for the officer role."
        )
    return None


def refuse_administration_reason(db: Database) -> str | None:
    """Why this user may not change the office's settings, erase or delete for good."""
    role = current_role(db)
    if role is Role.ADMINISTRATOR:
        return None
    return _("Only an administrator may do this; you are connected as {role}.").format(
        role=role.title
    )


def _quote(connection: Connection, name: str) -> str:
    return str(connection.dialect.identifier_preparer.quote_identifier(name))


def create_roles(connection: Connection) -> list[str]:
    """Create the group roles (when missing) and grant them their rights on this database.

    Run by a superuser (or a user with CREATEROLE who owns the tables), again after each
    upgrade of the schema so new tables are covered. Returns what was done, one line each.
    """
    done: list[str] = []
    for role in Role:
        exists = connection.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": role.group}
        ).first()
        if exists is None:
            connection.execute(text(f"CREATE ROLE {role.group} NOLOGIN"))
            done.append(_("Created the role {role}.").format(role=role.group))
    database_name = connection.execute(text("SELECT current_database()")).scalar()
    database = _quote(connection, str(database_name))
    tables = [
        str(name)
        for name in connection.execute(
            text(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                "ORDER BY tablename"
            )
        ).scalars()
    ]
    kept_apart = (*ADMINISTRATOR_TABLES, "alembic_version")
    data_tables = [name for name in tables if name not in kept_apart]
    viewer, officer, administrator = (role.group for role in Role)
    statements = [
        f"GRANT CONNECT ON DATABASE {database} TO {viewer}",
        f"GRANT USAGE ON SCHEMA public TO {viewer}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {viewer}",
        f"GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO {viewer}",
        # Officers are viewers who edit; administrators are officers who also keep the
        # office's settings. Membership carries the rights (roles inherit by default).
        f"GRANT {viewer} TO {officer}",
        f"GRANT {officer} TO {administrator}",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {officer}",
        f"REVOKE INSERT, UPDATE, DELETE ON {', '.join(ADMINISTRATOR_TABLES)} FROM {officer}",
        # An administrator may hand the roles on to others.
        f"GRANT {viewer}, {officer} TO {administrator} WITH ADMIN OPTION",
    ]
    if data_tables:
        names = ", ".join(_quote(connection, name) for name in data_tables)
        statements.append(f"GRANT INSERT, UPDATE, DELETE ON {names} TO {officer}")
    statements.append(
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(ADMINISTRATOR_TABLES)} TO {administrator}"
    )
    for statement in statements:
        connection.execute(text(statement))
    done.append(_("Granted the roles their rights on {count} tables.").format(count=len(tables)))
    return done


def grant_role(connection: Connection, user: str, role: Role) -> None:
    """Give ``user`` exactly ``role`` (the other Liaison roles are taken away)."""
    exists = connection.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": user}
    ).first()
    if exists is None:
        raise DatabaseRefused(_("There is no user {user} on the server.").format(user=user))
    missing = connection.execute(
        text("SELECT count(*) FROM pg_roles WHERE rolname = :name"), {"name": role.group}
    ).scalar()
    if not missing:
        raise DatabaseRefused(_("The Liaison roles do not exist yet: run “liaison db roles”."))
    quoted = _quote(connection, user)
    for other in Role:
        if other is not role:
            held = connection.execute(
                text(
                    "SELECT count(*) FROM pg_auth_members m "
                    "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
                    "WHERE g.rolname = :group AND u.rolname = :user"
                ),
                {"group": other.group, "user": user},
            ).scalar()
            if held:
                connection.execute(text(f"REVOKE {other.group} FROM {quoted}"))
    connection.execute(text(f"GRANT {role.group} TO {quoted}"))
