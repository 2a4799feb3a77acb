"""Work done once, off the GUI thread, right after a database opens.

The first list query otherwise pays for SQLAlchemy's mapper configuration, the first
statement compilations and the import of the phone-number tables (about 100 ms together) at
the moment the user first opens a section.
"""

from __future__ import annotations

from sqlalchemy.orm import configure_mappers

from crm.db.database import Database


def warm_up(db: Database) -> None:
    configure_mappers()
    from crm.validation import format_phone

    format_phone("+493411232032", "")
    from crm.services import lists

    # Compile the list statements (cached by SQLAlchemy) against an empty result.
    lists.person_rows(db, [0])
    lists.partnership_rows(db, [0])
