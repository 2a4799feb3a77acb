"""``liaison check``: SQLite's integrity and foreign-key checks, without writing anything."""

from __future__ import annotations

import argparse
from typing import Any

from crm.cli.errors import EXIT_FAILURE, EXIT_OK, BadInput
from crm.cli.output import print_json
from crm.cli.parser import json_option
from crm.cli.target import add_db_option, open_database, resolve_target
from crm.i18n import _
from crm.settings import Settings


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help=_("check the database's integrity and foreign keys"),
        description=_(
            "Check the database file's integrity and that every reference points to a record "
            "that exists. Exit status 0 when the database is sound, 1 when it is not."
        ),
    )
    add_db_option(parser)
    json_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    db = open_database(resolve_target(args, settings), create=False, upgrade=False)
    try:
        if not db.is_sqlite:
            raise BadInput(_("“liaison check” checks SQLite database files only."))
        integrity = [
            str(row[0])
            for row in db.raw_connection_execute("PRAGMA integrity_check")
            if str(row[0]) != "ok"
        ]
        foreign_keys = [
            {"table": table, "rowid": rowid, "parent": parent, "constraint": constraint}
            for table, rowid, parent, constraint in db.raw_connection_execute(
                "PRAGMA foreign_key_check"
            )
        ]
    finally:
        db.close()
    sound = not integrity and not foreign_keys
    if args.json:
        print_json({"integrity": integrity, "foreign_keys": foreign_keys, "ok": sound})
    elif sound:
        print("ok")
    else:
        for problem in integrity:
            print(_("Integrity: {problem}").format(problem=problem))
        for row in foreign_keys:
            print(
                _(
                    "Foreign key: {table} row {rowid} refers to a {parent} row that does not exist."
                ).format(**row)
            )
    return EXIT_OK if sound else EXIT_FAILURE
