"""Who may change what: the checks the services make before they write.

On an SQLite file everyone who can open it may do everything (the file's permissions decide).
On the shared server the user's role does (crm.db.server): a viewer changes nothing, an officer
edits records, only an administrator changes the office's settings, erases or deletes for good.
The services check first and refuse with a message; the server's grants refuse the same.
"""

from __future__ import annotations

from crm.db.database import Database
from crm.services.errors import ServiceError


class NotAllowed(ServiceError):
    """The connected user may not do this (a viewer writing, an officer administering)."""


def check_writable(db: Database) -> None:
    """Refuse any change when the database takes none (a viewer, a read-only database)."""
    reason = db.refuse_writes_reason()
    if reason is not None:
        raise NotAllowed(reason)


def require_administrator(db: Database) -> None:
    """Refuse unless the user may administer the office (settings, erasure, purge)."""
    check_writable(db)
    if db.is_sqlite:
        return
    from crm.db.server import refuse_administration_reason

    reason = refuse_administration_reason(db)
    if reason is not None:
        raise NotAllowed(reason)


def actor_of(db: Database, session: object) -> str | None:
    """Who the history names for a change here: the server's user; None on a file."""
    if db.is_sqlite:
        return None
    from crm.db.server import database_user

    return database_user(session)
