"""How the command line tells bad input from a failure."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


class BadInput(Exception):
    """The user asked for something that cannot be done; nothing was changed (exit status 2)."""


def is_bad_input(error: BaseException) -> bool:
    """Whether ``error`` is the user's input rather than a fault of Liaison."""
    if isinstance(error, BadInput):
        return True
    # Imported here so the command line starts without SQLAlchemy; when one of these was
    # raised, its module is loaded already.
    from crm.db.schema import DatabaseRefused
    from crm.services.errors import ServiceError

    return isinstance(error, DatabaseRefused | ServiceError)


def one_line(message: str) -> str:
    """``message`` folded onto a single line, so stderr carries exactly one line per error."""
    return " ".join(message.split())
