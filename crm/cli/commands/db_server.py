"""``liaison db roles`` and ``liaison db grant``: who may do what on the shared server."""

from __future__ import annotations

import argparse
from typing import Any

from crm.cli.errors import EXIT_OK, BadInput
from crm.cli.output import print_json
from crm.cli.parser import json_option
from crm.cli.target import add_db_option, open_database, resolve_target
from crm.i18n import _
from crm.settings import Settings

ROLE_CHOICES = ("viewer", "officer", "administrator")


def register_actions(actions: Any) -> None:
    """Add ``roles`` and ``grant`` to ``liaison db``."""
    roles = actions.add_parser(
        "roles",
        help=_("create the server's Liaison roles and their rights"),
        description=_(
            "Create the roles liaison_viewer (reads), liaison_officer (edits records) and "
            "liaison_administrator (also the office settings, erasure and deleting for good) "
            "on a PostgreSQL server, and grant them their rights on the database's tables. "
            "Run it as the server's administrator, and again after an upgrade."
        ),
    )
    add_db_option(roles)
    json_option(roles)
    roles.set_defaults(run=run_roles)

    grant = actions.add_parser(
        "grant",
        help=_("give a server login one of the Liaison roles"),
        description=_(
            "Give USER exactly one Liaison role on the PostgreSQL server (the other two are "
            "taken away). The login must exist on the server already."
        ),
    )
    grant.add_argument("user", metavar=_("USER"), help=_("the server login"))
    grant.add_argument("role", choices=ROLE_CHOICES, help=_("the role to give"))
    add_db_option(grant)
    json_option(grant)
    grant.set_defaults(run=run_grant)


def _server_database(args: argparse.Namespace, settings: Settings) -> Any:
    from crm.db.server import is_server_url

    target = resolve_target(args, settings)
    if not is_server_url(target):
        raise BadInput(
            _(
                "Roles are kept by a PostgreSQL server; give its URL with --db postgresql+psycopg://…"
            )
        )
    return open_database(target, create=False, upgrade=False)


def run_roles(args: argparse.Namespace, settings: Settings) -> int:
    from sqlalchemy.exc import DBAPIError

    from crm.db.server import connection_problem, create_roles

    db = _server_database(args, settings)
    try:
        with db.engine.begin() as connection:
            done = create_roles(connection)
    except DBAPIError as error:
        raise BadInput(
            _("The roles could not be set up: {reason}").format(reason=connection_problem(error))
        ) from None
    finally:
        db.close()
    if args.json:
        print_json({"database": db.display_name, "done": done})
    else:
        for line in done:
            print(line)
    return EXIT_OK


def run_grant(args: argparse.Namespace, settings: Settings) -> int:
    from sqlalchemy.exc import DBAPIError

    from crm.db.server import Role, connection_problem, grant_role

    role = Role(args.role)
    db = _server_database(args, settings)
    try:
        with db.engine.begin() as connection:
            grant_role(connection, args.user, role)
    except DBAPIError as error:
        raise BadInput(
            _("The role could not be given: {reason}").format(reason=connection_problem(error))
        ) from None
    finally:
        db.close()
    if args.json:
        print_json({"database": db.display_name, "user": args.user, "role": role.value})
    else:
        print(
            _("{user} is now {role} in {database}.").format(
                user=args.user, role=role.title, database=db.display_name
            )
        )
    return EXIT_OK
