"""``liaison``: the desktop app without a subcommand, the command line with one.

Exit status: 0 success, 1 a failure (``check`` found problems, or an unexpected error),
2 bad input (one line on stderr, nothing changed), 130 interrupted. Set LIAISON_DEBUG=1 to see
the traceback of an unexpected error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from crm import __version__
from crm.cli.commands import (
    backup,
    briefing,
    check,
    db,
    demo,
    export,
    gdpr,
    import_file,
    mail,
    report,
    search,
)
from crm.cli.errors import (
    EXIT_BAD_INPUT,
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    is_bad_input,
)
from crm.cli.output import print_error, use_utf8
from crm.cli.parser import Parser
from crm.cli.target import add_db_option
from crm.i18n import _, set_language
from crm.settings import load_settings

PROG = "liaison"


def build_parser() -> Parser:
    parser = Parser(
        prog=PROG,
        description=_(
            "Liaison, the CRM for international relations and protocol offices. "
            "Without a command it opens the desktop app."
        ),
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    add_db_option(parser, dest="global_db")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title=_("commands"))
    modules = (demo, search, briefing, report, db, check, backup, mail, export, import_file, gdpr)
    for module in modules:
        module.register(commands)
    return parser


AppOpener = Callable[[str | None], int]


def main(argv: list[str] | None = None, open_app: AppOpener | None = None) -> int:
    """Run a command; without one, hand over to ``open_app`` (the desktop app).

    The ``liaison`` entry point lives in ui.launcher and passes the app in, so the core never
    imports the desktop app; ``python -m crm`` without a command only explains that.
    """
    use_utf8()
    try:
        settings = load_settings()
        set_language(settings.language or None)
        args = build_parser().parse_args(argv)
        if args.command is None:
            return run_app(args, open_app)
        status: int = args.run(args, settings)
        sys.stdout.flush()
        return status
    except SystemExit as exit_:  # argparse: --help, --version and usage errors
        if exit_.code is None:
            return 0
        return exit_.code if isinstance(exit_.code, int) else EXIT_FAILURE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()  # the reader went away (| head): no complaint at exit
        return EXIT_FAILURE
    except Exception as error:
        if is_bad_input(error):
            print_error(_("{prog}: error: {message}").format(prog=PROG, message=error))
            return EXIT_BAD_INPUT
        if os.environ.get("LIAISON_DEBUG"):
            raise
        print_error(
            _("{prog}: unexpected error: {kind}: {error}").format(
                prog=PROG, kind=type(error).__name__, error=error
            )
        )
        return EXIT_FAILURE


def run_app(args: argparse.Namespace, open_app: AppOpener | None) -> int:
    """Open the desktop app on --db, or on the database it would choose itself."""
    if open_app is None:
        print_error(
            _("{prog}: error: {message}").format(
                prog=PROG, message=_("give a command, or start the desktop app with “liaison”")
            )
        )
        return EXIT_BAD_INPUT
    return int(open_app(args.global_db))


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    raise SystemExit(main())
