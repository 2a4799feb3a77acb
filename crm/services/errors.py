"""Errors that services raise; each message is written for the person at the desk."""

from __future__ import annotations


class ServiceError(Exception):
    """Something the user asked for could not be done; nothing was changed."""


class ValidationError(ServiceError):
    """Input that cannot be stored. ``errors`` maps a field name to its message.

    Contact points are named ``contact_points.N`` and addresses ``addresses.N``.
    """

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(self.errors.values()))


class NotFound(ServiceError):
    pass


class Conflict(ServiceError):
    """The record was changed by someone else since it was read."""


class ReadOnlyDatabase(ServiceError):
    """The database is open read-only (a damaged file): nothing may be written to it."""
