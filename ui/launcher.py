"""The ``liaison`` entry point: the command line with a command, the desktop app without.

It lives in ui/ because it hands over to the app; the core (crm.cli) never imports ui.
Nothing heavy is imported here, so commands start as fast as the core allows.
"""

from __future__ import annotations

import sys


def open_app(db_target: str | None) -> int:
    from ui.app import run_app

    return run_app(db_target)


def main() -> int:
    from crm.cli.main import main as cli_main

    return cli_main(sys.argv[1:], open_app=open_app)


if __name__ == "__main__":
    raise SystemExit(main())
