"""``liaison demo``: build a demo office in a database, creating the file if needed."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from crm.cli.errors import EXIT_OK
from crm.cli.output import print_json, print_table
from crm.cli.parser import json_option
from crm.cli.target import add_db_option, open_database, resolve_target, sqlite_path
from crm.i18n import _
from crm.settings import Settings
from crm.text import fold

OFFICES = ("leipzig", "liepaja", "goteborg")
OFFICE_NAMES = {"leipzig": "Leipzig", "liepaja": "Liepāja", "goteborg": "Göteborg"}


def office_choice(value: str) -> str:
    """An office key; "Liepāja" and "Göteborg" are accepted as well as their plain spellings."""
    key = fold(value).strip()
    if key not in OFFICES:
        raise argparse.ArgumentTypeError(
            _("unknown office “{office}” (choose from {choices})").format(
                office=value, choices=", ".join(OFFICES)
            )
        )
    return key


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo",
        help=_("build a demo office"),
        description=_("Build a realistic demo office in a database (created if needed)."),
    )
    parser.add_argument(
        "--office",
        type=office_choice,
        default="leipzig",
        metavar="{" + ",".join(OFFICES) + "}",
        help=_("which office to build (default: leipzig)"),
    )
    add_db_option(parser)
    json_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    target = resolve_target(args, settings)
    path = sqlite_path(target)
    created = path is not None and not path.exists()
    try:
        db = open_database(target, create=True)
        try:
            from crm.demo import build_demo

            summary = build_demo(db, args.office)
        finally:
            db.close()
    except BaseException:
        if created and path is not None:
            _remove_database_files(path)
        raise
    counts: dict[str, Any] = dataclasses.asdict(summary)
    if args.json:
        print_json({**counts, "database": db.display_name})
        return EXIT_OK
    office = str(counts.get("office", args.office))
    print(
        _("The {office} demo office is in {database}.").format(
            office=OFFICE_NAMES.get(office, office), database=db.display_name
        )
    )
    labels = (
        ("partnerships", _("Partnerships")),
        ("organisations", _("Organisations")),
        ("people", _("People")),
        ("delegations", _("Delegations")),
        ("correspondence", _("Correspondence")),
        ("gifts", _("Gifts")),
    )
    print_table([[label, str(counts[key])] for key, label in labels if key in counts])
    return EXIT_OK


def _remove_database_files(path: Path) -> None:
    """Remove a database this command created, so a failed demo leaves nothing behind."""
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm", f"{path.name}-journal"):
        path.with_name(name).unlink(missing_ok=True)
