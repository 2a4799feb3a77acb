"""The argument parser: usage errors are one line on stderr and exit status 2."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from crm.cli.errors import EXIT_BAD_INPUT, one_line


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are a single line (no usage block) and exit 2."""

    def error(self, message: str) -> NoReturn:
        from crm.i18n import _

        line = _("{prog}: error: {message}").format(prog=self.prog, message=message)
        sys.stderr.write(one_line(line) + "\n")
        sys.stderr.flush()
        raise SystemExit(EXIT_BAD_INPUT)


def json_option(parser: argparse.ArgumentParser) -> None:
    from crm.i18n import _

    parser.add_argument(
        "--json", action="store_true", help=_("print machine-readable JSON instead of text")
    )
