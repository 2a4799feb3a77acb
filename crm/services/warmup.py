"""Work done once, off the GUI thread, right after a database opens.

The first list query otherwise pays for SQLAlchemy's mapper configuration, the first
statement compilations and the import of the phone-number tables (about 100 ms together) at
the moment the user first opens a section.
"""

from __future__ import annotations

from sqlalchemy.orm import configure_mappers

from crm.db.database import Database


def prepare_first_screen() -> None:
    """What the window needs at once, loaded on the worker while the GUI thread is idle.

    Left to the first reads, the mapper configuration and these imports would run while the
    GUI thread builds the first section, and the two threads would take turns at the
    interpreter's lock: together 60 ms later on the screen.
    """
    configure_mappers()
    import crm.services.office
    import crm.services.overview
    import crm.services.trash  # noqa: F401  (the Undo entry's label)


def warm_up(db: Database) -> None:
    configure_mappers()
    from crm.validation import format_phone

    format_phone("+493411232032", "")
    from crm.services import lists

    # Compile the list statements (cached by SQLAlchemy) against an empty result.
    lists.person_rows(db, [0])
    lists.partnership_rows(db, [0])
