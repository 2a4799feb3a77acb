"""The ``liaison`` entry point: the command line with a command, the desktop app without.

It lives in ui/ because it hands over to the app; the core (crm.cli) never imports ui.
Nothing heavy is imported here, so commands start as fast as the core allows. A start of the
app alone (no arguments, or only ``--db PATH``) goes straight to it, without building the
command line's parser and importing its commands first: the window shows sooner.
"""

from __future__ import annotations

import os
import sys


def open_app(db_target: str | None) -> int:
    from ui.qt_imports import speed_up_imports

    speed_up_imports()
    from ui.app import run_app

    return run_app(db_target)


def app_only_target(argv: list[str]) -> tuple[bool, str | None]:
    """(True, the --db value or None) when ``argv`` only starts the app; else (False, None)."""
    if not argv:
        return True, None
    if len(argv) == 1 and argv[0].startswith("--db=") and len(argv[0]) > len("--db="):
        return True, argv[0].removeprefix("--db=")
    if len(argv) == 2 and argv[0] == "--db" and argv[1] and not argv[1].startswith("-"):
        return True, argv[1]
    return False, None


def main() -> int:
    argv = sys.argv[1:]
    app_only, target = app_only_target(argv)
    if app_only:
        from crm.cli.output import use_utf8

        use_utf8()
        try:
            return open_app(target)
        except KeyboardInterrupt:
            return 130
        except Exception as error:  # as the command line reports one (crm.cli.main)
            if os.environ.get("LIAISON_DEBUG"):
                raise
            from crm.cli.output import print_error
            from crm.i18n import _

            print_error(
                _("{prog}: unexpected error: {kind}: {error}").format(
                    prog="liaison", kind=type(error).__name__, error=error
                )
            )
            return 1
    from crm.cli.main import main as cli_main

    return cli_main(argv, open_app=open_app)


if __name__ == "__main__":
    raise SystemExit(main())
