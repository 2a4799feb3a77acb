"""The schema revision this version of Liaison writes, and those it knows.

Kept apart from crm.db.schema so the start-up read of the first screen (which must not load
SQLAlchemy) can tell an up-to-date file; a test checks it against the migration scripts.
"""

HEAD_REVISION = "0002"
KNOWN_REVISIONS = ("0001", "0002")
