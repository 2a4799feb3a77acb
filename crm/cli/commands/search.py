"""``liaison search QUERY``: the app's global search, as text columns or JSON."""

from __future__ import annotations

import argparse
from typing import Any

from crm.cli.errors import EXIT_OK
from crm.cli.output import print_json, print_table
from crm.cli.parser import json_option
from crm.cli.target import add_db_option, open_database, resolve_target
from crm.i18n import _
from crm.settings import Settings

DEFAULT_LIMIT = 50


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(
            _("“{value}” is not a positive whole number").format(value=value)
        )
    return number


def kind_label(kind: str) -> str:
    labels = {
        "person": _("Person"),
        "organisation": _("Organisation"),
        "partnership": _("Partnership"),
        "delegation": _("Delegation"),
        "correspondence": _("Correspondence"),
    }
    return labels.get(kind, kind)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "search",
        help=_("search people, organisations, partnerships, delegations and correspondence"),
        description=_(
            "Search like the app's search box: case and accents do not matter, and every word "
            "matches as a prefix (“goldf” finds Goldfuß)."
        ),
    )
    parser.add_argument("query", metavar="QUERY", help=_("the words to look for"))
    parser.add_argument(
        "--limit",
        type=positive_int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=_("show at most N hits (default: {limit})").format(limit=DEFAULT_LIMIT),
    )
    add_db_option(parser)
    json_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from crm.search.query import search

    db = open_database(resolve_target(args, settings), create=False)
    try:
        hits = search(db, args.query, args.limit)[: args.limit]
    finally:
        db.close()
    if args.json:
        print_json(
            [
                {"kind": hit.kind, "id": hit.id, "name": hit.name, "detail": hit.detail}
                for hit in hits
            ]
        )
    elif hits:
        print_table([[kind_label(hit.kind), hit.name, hit.detail] for hit in hits])
    else:
        print(_("Nothing found for “{query}”.").format(query=args.query))
    return EXIT_OK
