"""``liaison report KIND -o FILE.pdf``: the office's printed lists as PDF.

KIND is ``partnerships`` (the overview), ``evaluation`` (for a period: by default the last
five years up to today), ``contacts`` (of a delegation, or of the people and organisations
named) or ``gifts`` (the register, all of it or a period's). The file is written whole or not
at all; bad input is one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crm.cli.commands.briefing import add_print_options, find_delegation, office_language
from crm.cli.errors import EXIT_OK, BadInput
from crm.cli.target import add_db_option, open_database, resolve_target
from crm.i18n import _
from crm.settings import Settings

if TYPE_CHECKING:
    from crm.db.database import Database

KINDS = ("partnerships", "evaluation", "contacts", "gifts")
WITH_PERIOD = ("evaluation", "gifts")


def report_date(value: str) -> date:
    """A date as 2026-12-31 or 31.12.2026."""
    text = value.strip()
    try:
        if "." in text:
            day, month, year = text.split(".")
            return date(int(year), int(month), int(day))
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“{value}” is not a date; write it as 2026-12-31 or 31.12.2026").format(value=value)
        ) from None


def record_number(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(_("“{value}” is not a record number").format(value=value))
    return number


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report",
        help=_("print the partnership overview, an evaluation, a contact sheet or the gifts"),
        description=_(
            "Print one of the office's reports to a PDF file: the partnership overview "
            "(partnerships), the evaluation for a period (evaluation; the last five years "
            "unless --from and --to say otherwise), a contact sheet of a delegation or of "
            "chosen people and organisations (contacts), or the gift register (gifts)."
        ),
    )
    parser.add_argument("kind", choices=KINDS, metavar="KIND", help=", ".join(KINDS))
    add_print_options(parser, _("the language of the report (default: the office's)"))
    parser.add_argument(
        "--from",
        dest="since",
        type=report_date,
        metavar=_("DATE"),
        help=_("evaluation and gifts: the first day of the period (2026-01-01 or 01.01.2026)"),
    )
    parser.add_argument(
        "--to",
        dest="until",
        type=report_date,
        metavar=_("DATE"),
        help=_("evaluation and gifts: the last day of the period"),
    )
    parser.add_argument(
        "--delegation",
        metavar="DELEGATION",
        help=_("contacts: the delegation's number, or words that match exactly one delegation"),
    )
    parser.add_argument(
        "--person",
        dest="person_ids",
        type=record_number,
        nargs="+",
        action="extend",
        default=[],
        metavar="ID",
        help=_("contacts: the numbers of people to list"),
    )
    parser.add_argument(
        "--organisation",
        dest="organisation_ids",
        type=record_number,
        nargs="+",
        action="extend",
        default=[],
        metavar="ID",
        help=_("contacts: the numbers of organisations to list"),
    )
    add_db_option(parser)
    parser.set_defaults(run=run)


def _check_options(args: argparse.Namespace) -> None:
    """Refuse options that do not belong to the report asked for, before anything is read."""
    kind = args.kind
    if kind not in WITH_PERIOD and (args.since or args.until):
        raise BadInput(
            _("--from and --to are for the evaluation and the gift register, not “{kind}”.").format(
                kind=kind
            )
        )
    if args.since and args.until and args.until < args.since:
        raise BadInput(_("The period ends before it starts."))
    selection = args.delegation is not None or args.person_ids or args.organisation_ids
    if kind != "contacts" and selection:
        raise BadInput(
            _("--delegation, --person and --organisation are for the contact sheet only.")
        )
    if kind == "contacts" and not selection:
        raise BadInput(
            _(
                "The contact sheet needs --delegation, or --person and --organisation with "
                "the numbers of those to list."
            )
        )
    output: Path = args.output
    if output.is_dir():
        raise BadInput(_("{path} is a folder; give a file name.").format(path=output))


def _delegation(db: Database, term: str | None) -> int | None:
    return find_delegation(db, term) if term is not None else None


def run(args: argparse.Namespace, settings: Settings) -> int:
    from crm.reports import ReportRequest, write_report
    from crm.services.office import get_profile

    _check_options(args)
    db = open_database(resolve_target(args, settings), create=False)
    try:
        request = ReportRequest(
            kind=args.kind,
            language=args.lang or office_language(get_profile(db).language),
            page_size=args.page_size,
            delegation_id=_delegation(db, args.delegation),
            person_ids=tuple(args.person_ids),
            organisation_ids=tuple(args.organisation_ids),
            since=args.since,
            until=args.until,
            confidential=args.confidential,
        )
        write_report(db, request, args.output)
    finally:
        db.close()
    print(_("The report is in {path}.").format(path=args.output))
    return EXIT_OK
