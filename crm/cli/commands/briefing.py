"""``liaison briefing DELEGATION -o FILE.pdf``: a delegation's briefing sheet as a PDF.

DELEGATION is the delegation's number or words from its title or partner city that match
exactly one delegation. The file is written whole or not at all.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crm.cli.errors import EXIT_OK, BadInput
from crm.cli.target import add_db_option, one_hit, open_database, resolve_target
from crm.i18n import _, current_language
from crm.reports import LANGUAGES, PAGE_SIZES
from crm.settings import Settings

if TYPE_CHECKING:
    from crm.db.database import Database


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "briefing",
        help=_("print a delegation's briefing sheet to a PDF file"),
        description=_(
            "Print the briefing sheet of a delegation (cover, partner city, members, our side, "
            "programme, logistics, history, protocol notes) to a PDF file."
        ),
    )
    parser.add_argument(
        "delegation",
        metavar="DELEGATION",
        help=_("the delegation's number, or words that match exactly one delegation"),
    )
    add_print_options(parser, _("the language of the sheet (default: the office's)"))
    add_db_option(parser)
    parser.set_defaults(run=run)


def add_print_options(parser: argparse.ArgumentParser, language_help: str) -> None:
    """The options every printed sheet or report takes: file, language, paper, mark."""
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="FILE.pdf",
        help=_("the PDF file to write (replaced if it exists)"),
    )
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help=language_help)
    parser.add_argument(
        "--page-size",
        choices=PAGE_SIZES,
        default="A4",
        help=_("the paper size (default: A4)"),
    )
    parser.add_argument(
        "--confidential",
        action="store_true",
        help=_("mark every page as confidential"),
    )


def find_delegation(db: Database, term: str) -> int:
    """The id of the one delegation ``term`` names; BadInput when none or several match."""
    from sqlalchemy import select

    from crm.db.models import Delegation
    from crm.search.query import search_records

    term = term.strip()
    if term.isdigit():
        with db.read() as session:
            found = session.scalar(
                select(Delegation.id).where(
                    Delegation.id == int(term), Delegation.deleted_at.is_(None)
                )
            )
        if found is None:
            raise BadInput(_("There is no delegation with the number {id}.").format(id=term))
        return int(found)
    hits = search_records(db, term, kinds=("delegation",), limit=50)
    if not hits:
        raise BadInput(_("No delegation matches “{term}”.").format(term=term))
    exact = [hit for hit in hits if hit.score == 0]
    ambiguous = _("“{term}” matches {count} delegations: {names}. Give the number.")
    return one_hit(hits, exact, term, ambiguous).id


def run(args: argparse.Namespace, settings: Settings) -> int:
    from crm.reports import ReportRequest, write_report
    from crm.services.office import get_profile

    output: Path = args.output
    if output.is_dir():
        raise BadInput(_("{path} is a folder; give a file name.").format(path=output))
    db = open_database(resolve_target(args, settings), create=False)
    try:
        delegation_id = find_delegation(db, args.delegation)
        language = args.lang or office_language(get_profile(db).language)
        request = ReportRequest(
            kind="briefing",
            language=language,
            page_size=args.page_size,
            delegation_id=delegation_id,
            confidential=args.confidential,
        )
        write_report(db, request, output)
    finally:
        db.close()
    print(_("The briefing is in {path}.").format(path=output))
    return EXIT_OK


def office_language(profile_language: str) -> str:
    if profile_language in LANGUAGES:
        return profile_language
    language = current_language()
    return language if language in LANGUAGES else "en"
