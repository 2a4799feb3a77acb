"""``liaison db upgrade``: bring a database to this version's schema."""

from __future__ import annotations

import argparse
from typing import Any

from crm.cli.commands import db_server
from crm.cli.errors import EXIT_OK
from crm.cli.output import print_json
from crm.cli.parser import json_option
from crm.cli.target import add_db_option, open_database, resolve_target
from crm.i18n import _
from crm.settings import Settings


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "db", help=_("database maintenance"), description=_("Database maintenance.")
    )
    actions = parser.add_subparsers(dest="db_command", metavar="COMMAND", required=True)
    upgrade = actions.add_parser(
        "upgrade",
        help=_("upgrade the database to this version's schema"),
        description=_(
            "Upgrade the database to this version's schema. Before an existing database is "
            "upgraded, a checked backup is kept in its backups folder (liaison backup --list)."
        ),
    )
    add_db_option(upgrade)
    json_option(upgrade)
    upgrade.set_defaults(run=run_upgrade)
    db_server.register_actions(actions)


def run_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    db = open_database(resolve_target(args, settings), create=False, upgrade=True)
    try:
        revision = db.revision()
    finally:
        db.close()
    if args.json:
        print_json({"database": db.display_name, "revision": revision})
    else:
        print(
            _("{database} is at schema revision {revision}.").format(
                database=db.display_name, revision=revision
            )
        )
    return EXIT_OK
