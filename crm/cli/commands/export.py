"""``liaison export KIND --format FORMAT -o FILE``: a list as CSV, Excel, vCard or iCalendar.

KIND is people, organisations, partnerships, delegations or correspondence; the whole list,
the part that matches ``--query`` (as the list's filter field matches), or the records named
with ``--id``. ``--delegation`` with ``--format ics`` writes that delegation's programme
instead of the visits. The file is written whole or not at all; bad input is one line on
stderr and exit status 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from crm.cli.commands.report import record_number
from crm.cli.errors import EXIT_OK, BadInput
from crm.cli.target import add_db_option, open_database, resolve_target
from crm.i18n import _, ngettext
from crm.io.export_model import (
    CSV,
    DELEGATIONS,
    FORMATS,
    FORMATS_OF,
    ICS,
    KINDS,
    SEPARATORS,
    VCARD_VERSIONS,
    VCF,
    ExportRequest,
)
from crm.settings import Settings


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help=_("export a list as CSV, Excel, vCard or iCalendar"),
        description=_(
            "Export people, organisations, partnerships, delegations (with their members) or "
            "the correspondence register to a file: CSV or Excel for any of them, vCard for "
            "people and organisations, iCalendar for the visits or a delegation's programme."
        ),
    )
    parser.add_argument("kind", choices=KINDS, metavar="KIND", help=", ".join(KINDS))
    parser.add_argument(
        "--format",
        dest="format",
        required=True,
        choices=FORMATS,
        metavar="FORMAT",
        help=", ".join(FORMATS),
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar=_("FILE"),
        help=_("the file to write (replaced if it exists)"),
    )
    parser.add_argument(
        "--query",
        default="",
        metavar=_("TEXT"),
        help=_("only the records that match, as in the list's filter field"),
    )
    parser.add_argument(
        "--id",
        dest="ids",
        type=record_number,
        nargs="+",
        action="extend",
        default=[],
        metavar="ID",
        help=_("only these records, by number, in this order"),
    )
    parser.add_argument(
        "--separator",
        default=None,
        metavar="SEP",
        help=_("CSV: ';' as German Excel expects (the default) or ','"),
    )
    parser.add_argument(
        "--vcard-version",
        default=None,
        metavar=_("VERSION"),
        help=_("vCard: 3.0 (the default, read by every address book) or 4.0"),
    )
    parser.add_argument(
        "--delegation",
        metavar="DELEGATION",
        help=_(
            "iCalendar: the programme of this delegation (its number, or words that match "
            "exactly one delegation) instead of the visits"
        ),
    )
    parser.add_argument(
        "--timezone",
        default=None,
        metavar=_("ZONE"),
        help=_(
            "iCalendar: the time zone of the times, such as Europe/Berlin (default: this "
            "computer's)"
        ),
    )
    add_db_option(parser)
    parser.set_defaults(run=run)


def _check_options(args: argparse.Namespace) -> None:
    """Refuse what does not fit together before the database is opened."""
    kind, format_ = args.kind, args.format
    if format_ not in FORMATS_OF[kind]:
        raise BadInput(
            _("{kind} cannot be exported as {format}; choose one of {choices}.").format(
                kind=kind, format=format_, choices=", ".join(FORMATS_OF[kind])
            )
        )
    if args.separator is not None:
        if format_ != CSV:
            raise BadInput(_("--separator is for CSV files only."))
        if args.separator not in SEPARATORS:
            raise BadInput(_("The separator is a semicolon (;) or a comma (,)."))
    if args.vcard_version is not None:
        if format_ != VCF:
            raise BadInput(_("--vcard-version is for vCard files only."))
        if args.vcard_version not in VCARD_VERSIONS:
            raise BadInput(
                _("The vCard version is 3.0 or 4.0, not “{version}”.").format(
                    version=args.vcard_version
                )
            )
    if args.delegation is not None and (kind != DELEGATIONS or format_ != ICS):
        raise BadInput(_("--delegation is for the programme of a delegation as iCalendar only."))
    if args.timezone is not None:
        from crm.io.export_vtimezone import load_zone

        if format_ != ICS:
            raise BadInput(_("--timezone is for iCalendar files only."))
        if load_zone(args.timezone) is None:
            raise BadInput(
                _("“{zone}” is not a time zone; write it as Europe/Berlin.").format(
                    zone=args.timezone
                )
            )
    if args.ids and (args.query or args.delegation is not None):
        raise BadInput(_("Give either --id or --query (or --delegation), not both."))
    if args.delegation is not None and args.query:
        raise BadInput(_("Give either --delegation or --query, not both."))
    output: Path = args.output
    if output.is_dir():
        raise BadInput(_("{path} is a folder; give a file name.").format(path=output))
    if not output.absolute().parent.is_dir():
        raise BadInput(
            _("The folder {folder} does not exist.").format(folder=output.absolute().parent)
        )


def run(args: argparse.Namespace, settings: Settings) -> int:
    from crm.cli.commands.briefing import find_delegation
    from crm.io.export_run import export_to_file

    _check_options(args)
    db = open_database(resolve_target(args, settings), create=False)
    try:
        delegation_id = (
            find_delegation(db, args.delegation) if args.delegation is not None else None
        )
        request = ExportRequest(
            kind=args.kind,
            format=args.format,
            ids=tuple(args.ids) if args.ids else None,
            query=args.query,
            separator=args.separator or ";",
            vcard_version=args.vcard_version or "3.0",
            delegation_id=delegation_id,
            zone=args.timezone,
        )
        result = export_to_file(db, request, args.output)
    finally:
        db.close()
    print(
        ngettext(
            "Exported {count} record to {path}.",
            "Exported {count} records to {path}.",
            result.records,
        ).format(count=result.records, path=args.output)
    )
    return EXIT_OK
