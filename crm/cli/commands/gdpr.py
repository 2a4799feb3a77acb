"""``liaison gdpr``: a person's rights over their data (EU GDPR).

- ``liaison gdpr export PERSON -o FILE``: everything held on the person (Art. 15), as JSON or
  PDF (by the file's extension, or ``--format``); written whole or not at all;
- ``liaison gdpr erase PERSON``: erase the person for good (Art. 17), after typing their name
  (or ``--yes``; without a terminal ``--yes`` is required);
- ``liaison gdpr retention [--years N]``: the people with no activity for N years (the
  office's rule unless given).

PERSON is the person's number or words matching exactly one person. Bad input is one line on
stderr and exit status 2, and nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crm.cli.errors import EXIT_FAILURE, EXIT_OK, BadInput
from crm.cli.output import format_table, print_json
from crm.cli.parser import json_option
from crm.cli.target import add_db_option, one_hit, open_database, resolve_target
from crm.i18n import _
from crm.settings import Settings

if TYPE_CHECKING:
    from crm.db.database import Database


def _years(value: str) -> int:
    from crm.gdpr.retention import MAX_YEARS, MIN_YEARS

    try:
        years = int(value)
    except ValueError:
        years = 0
    if not MIN_YEARS <= years <= MAX_YEARS:
        raise argparse.ArgumentTypeError(
            _("“{value}” is not a number of years from {low} to {high}").format(
                value=value, low=MIN_YEARS, high=MAX_YEARS
            )
        )
    return years


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "gdpr",
        help=_("export or erase a person's data, list people to review (GDPR)"),
        description=_(
            "A person's rights over their data under the EU GDPR: export everything held on "
            "them (Art. 15), erase them for good (Art. 17), or list the people with no "
            "activity for some years for review."
        ),
    )
    actions = parser.add_subparsers(dest="gdpr_action", metavar="ACTION", required=True)

    export = actions.add_parser(
        "export",
        help=_("everything held on a person, as JSON or PDF (Art. 15)"),
        description=_(
            "Write everything the office holds on a person to a file: JSON (complete and "
            "machine-readable) or PDF (to read), chosen by the file's extension or --format."
        ),
    )
    export.add_argument("person", metavar="PERSON", help=_("the person's number or name"))
    export.add_argument(
        "-o", "--output", required=True, type=Path, metavar="FILE", help=_("the file to write")
    )
    export.add_argument(
        "--format",
        choices=("json", "pdf"),
        default=None,
        help=_("json or pdf (default: by the file's extension)"),
    )
    export.add_argument(
        "--lang",
        choices=("de", "en"),
        default=None,
        help=_("the language of the PDF (default: the office's)"),
    )
    add_db_option(export)
    export.set_defaults(run=run_export)

    erase = actions.add_parser(
        "erase",
        help=_("erase a person for good (Art. 17)"),
        description=_(
            "Erase a person for good: their record, phones, emails and addresses, their "
            "memberships, their history and every mention of their name go; the records of "
            "others stay, without them. It cannot be undone. You are asked to type the "
            "person's name unless --yes is given."
        ),
    )
    erase.add_argument("person", metavar="PERSON", help=_("the person's number or name"))
    erase.add_argument(
        "--yes", action="store_true", help=_("do not ask; needed without a terminal")
    )
    add_db_option(erase)
    erase.set_defaults(run=run_erase)

    retention = actions.add_parser(
        "retention",
        help=_("the people with no activity for some years, for review"),
        description=_(
            "List the people with no activity (no change, correspondence, delegation, "
            "programme appointment, gift or history entry) for N years, the longest quiet "
            "first. N is the office's retention rule (5 years unless set) or --years."
        ),
    )
    retention.add_argument(
        "--years", type=_years, default=None, metavar="N", help=_("years without activity")
    )
    json_option(retention)
    add_db_option(retention)
    retention.set_defaults(run=run_retention)

    compact = actions.add_parser(
        "compact",
        help=_("clear the free pages and the -wal file of erased data"),
        description=_(
            "Write the -wal file into the database, vacuum it and empty the -wal file, so no "
            "old copy of an erased person's data remains (erase does this itself; run it "
            "when another program had the database open then)."
        ),
    )
    add_db_option(compact)
    compact.set_defaults(run=run_compact)


def find_person(db: Database, term: str) -> tuple[int, str]:
    """The one person ``term`` names (number, or words of the name); BadInput otherwise.

    A number finds a person in the trash too: their data is held all the same.
    """

    from crm.db.models import Person
    from crm.search.query import search_records
    from crm.services.people import display_name
    from crm.text import fold

    term = term.strip()
    if not term:
        raise BadInput(_("Name the person: their number or their name."))
    if term.isdigit():
        with db.read() as session:
            person = session.get(Person, int(term))
            if person is None:
                raise BadInput(_("There is no person with the number {id}.").format(id=term))
            return person.id, display_name(person)
    hits = search_records(db, term, kinds=("person",), limit=50)
    if not hits:
        raise BadInput(_("No person matches “{term}”.").format(term=term))
    exact = [hit for hit in hits if fold(hit.name) == fold(term)]
    ambiguous = _("“{term}” matches {count} people: {names}. Give the number.")
    hit = one_hit(hits, exact, term, ambiguous)
    return hit.id, hit.name


def run_export(args: argparse.Namespace, settings: Settings) -> int:
    import time

    from crm.gdpr.export import format_of, write_export

    output: Path = args.output
    if output.is_dir():
        raise BadInput(_("{path} is a folder; give a file name.").format(path=output))
    if not output.parent.is_dir():
        raise BadInput(_("The folder {folder} does not exist.").format(folder=output.parent))
    chosen = format_of(output, args.format)
    db = open_database(resolve_target(args, settings), create=False)
    try:
        person_id, name = find_person(db, args.person)
        started = time.perf_counter()
        size = write_export(db, person_id, output, chosen, args.lang)
        seconds = time.perf_counter() - started
    finally:
        db.close()
    print(
        _("Everything held on {name} is in {path} ({size} bytes, {seconds:.2f} s).").format(
            name=name, path=output, size=size, seconds=seconds
        )
    )
    return EXIT_OK


def _confirm(name: str, lines: list[str]) -> None:
    """Ask for the person's name on the terminal; BadInput unless it is typed."""
    from crm.text import fold

    if sys.stdin is None or not sys.stdin.isatty():
        raise BadInput(
            _("Erasing cannot be undone: give --yes to erase {name} without a terminal.").format(
                name=name
            )
        )
    print(_("Erase {name} for good? This goes or loses their name:").format(name=name))
    for line in lines:
        print(f"  • {line}")
    print(_("It cannot be undone. Backups taken before still hold the person."))
    try:
        answer = input(_("Type the name “{name}” to erase: ").format(name=name))
    except EOFError:
        answer = ""
    if fold(" ".join(answer.split())) != fold(name):
        raise BadInput(_("The name was not typed: {name} was not erased.").format(name=name))


def run_erase(args: argparse.Namespace, settings: Settings) -> int:
    from crm.gdpr.erasure import erase_person, erasure_preview

    db = open_database(resolve_target(args, settings), create=False)
    try:
        person_id, name = find_person(db, args.person)
        if not args.yes:
            _confirm(name, erasure_preview(db, person_id).lines())
        result = erase_person(db, person_id)
    finally:
        db.close()
    print(_("{name} (no. {id}) is erased.").format(name=name, id=person_id))
    if not result.compacted:
        print(
            _(
                "Another program still has the database open, so old copies of pages may "
                "remain in its -wal file: close it and run “liaison gdpr compact”."
            )
        )
    for backup in result.backups:
        print(_("This copy beside the database may still hold them: {path}").format(path=backup))
    return EXIT_OK


def run_compact(args: argparse.Namespace, settings: Settings) -> int:
    from crm.gdpr.erasure import compact
    from crm.services.access import require_administrator

    db = open_database(resolve_target(args, settings), create=False)
    try:
        require_administrator(db)
        done = compact(db)
    finally:
        db.close()
    if not done:
        print(_("Another program still has the database open; close it and try again."))
        return EXIT_FAILURE
    print(_("The database is compacted: no free page or -wal file holds old data."))
    return EXIT_OK


def run_retention(args: argparse.Namespace, settings: Settings) -> int:
    from crm.gdpr.retention import activity_kinds, get_years, inactive_people

    db = open_database(resolve_target(args, settings), create=False)
    try:
        years = args.years or get_years(db)
        rows = inactive_people(db, years)
    finally:
        db.close()
    if args.json:
        print_json(
            {
                "years": years,
                "people": [
                    {
                        "id": row.id,
                        "name": row.name,
                        "function": row.function,
                        "last_activity": row.last_activity.isoformat(),
                        "activity": row.activity,
                    }
                    for row in rows
                ],
            }
        )
        return EXIT_OK
    if not rows:
        print(_("No one has been without activity for {years} years.").format(years=years))
        return EXIT_OK
    kinds = activity_kinds()
    table = [[_("No."), _("Name"), _("Last activity"), _("What")]] + [
        [str(row.id), row.name, row.last_activity.isoformat(), kinds.get(row.activity, "")]
        for row in rows
    ]
    for line in format_table(table):
        print(line)
    return EXIT_OK
