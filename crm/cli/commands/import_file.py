"""``liaison import FILE``: people or organisations from a vCard, CSV or Excel file.

The file's kind, encoding and separator are found out; the columns of a CSV or Excel file are
mapped by their titles (Outlook's and Google's exports are known). Each record is checked like
a record typed in the app; a record with the same email or phone as one in the register is
skipped, the others are created, all in one transaction: an error stores nothing. The report
names every record that was not simply created, with its line (``--json``: every record).
Bad input (no such file, a format Liaison cannot read) is one line on stderr, exit status 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from crm.cli.errors import EXIT_OK, BadInput
from crm.cli.output import print_json
from crm.cli.parser import json_option
from crm.cli.target import add_db_option, open_database, resolve_target
from crm.i18n import _
from crm.settings import Settings

KINDS = ("people", "organisations")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import",
        help=_("import people or organisations from a vCard, CSV or Excel file"),
        description=_(
            "Import people or organisations from a vCard file (2.1, 3.0, 4.0), a CSV file or an "
            "Excel workbook. Records with the same email address or phone number as one in the "
            "register are skipped; everything else is stored in one go, or nothing is."
        ),
    )
    parser.add_argument("file", type=Path, metavar="FILE", help=_("the file to import"))
    parser.add_argument(
        "--kind",
        choices=KINDS,
        default="people",
        help=_("what the file holds: people (default) or organisations"),
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help=_("check the file and report what would happen, without storing anything"),
    )
    add_db_option(parser)
    json_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from crm.io.import_check import plan_import
    from crm.io.import_model import FAMILY_NAME, FULL_NAME, ORGANISATION, PEOPLE
    from crm.io.import_source import open_source
    from crm.io.import_table import guess_mapping, table_records
    from crm.io.import_write import dry_run, run_import

    source = open_source(args.file)
    if source.table is not None:
        mapping = guess_mapping(source.table.headers, args.kind)
        names = {FAMILY_NAME, FULL_NAME} if args.kind == PEOPLE else {ORGANISATION}
        if not names & mapping.mapped():
            raise BadInput(
                _(
                    "No column of {name} could be recognised as the name; give the columns "
                    "titles such as “Last name”, “First name”, “Email” (or import the file in "
                    "the app, where the columns can be chosen)."
                ).format(name=source.name)
            )
        records = table_records(source.table, mapping)
    else:
        records = source.records
    db = open_database(resolve_target(args, settings), create=False, backup_if_due=not args.dry_run)
    try:
        plan = plan_import(db, records, args.kind, source.name, format=source.format)
        report = dry_run(plan) if args.dry_run else run_import(db, plan)
    finally:
        db.close()
    if args.json:
        print_json(report.as_json())
    else:
        print(report.text(everything=False), end="")
    return EXIT_OK
