"""Reference numbers of the correspondence register: ``IZ-2026-0042`` from a scheme.

The scheme is an office setting (``IZ-{year}-{number:04d}`` unless the office chose another).
Numbers are drawn from a ReferenceCounter row per series and year inside the transaction that
inserts the entry: a save that fails rolls its number back with it, so numbers stay gapless,
and concurrent saves queue on the counter row (SQLite's BEGIN IMMEDIATE, a row lock on a server).
"""

from __future__ import annotations

import re
import string
from datetime import date

from sqlalchemy import Select, exists, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from crm.db.database import Database
from crm.db.models import Correspondence, OfficeSetting, ReferenceCounter
from crm.i18n import _
from crm.services.access import require_administrator
from crm.services.errors import ValidationError
from crm.services.lengths import max_length
from crm.services.office import load_profile
from crm.services.unit import ChangeSet, write

SCHEME_KEY = "reference_scheme"
FIELD = "reference_scheme"
_SEPARATORS = " -/._:"


def default_scheme(prefix: str) -> str:
    return f"{prefix}-{{year}}-{{number:04d}}"


def load_scheme(session: Session) -> str:
    stored = session.scalar(select(OfficeSetting.value).where(OfficeSetting.key == SCHEME_KEY))
    if stored:
        return stored
    # No scheme chosen yet: the office profile's prefix (the demo and older files number so).
    return default_scheme(load_profile(session).reference_prefix or "IZ")


def get_scheme(db: Database) -> str:
    with db.read() as session:
        return load_scheme(session)


def format_reference(scheme: str, year: int, number: int) -> str:
    return scheme.format(year=year, number=number)


def check_scheme(scheme: str) -> str:
    """The scheme, stripped; ValidationError (field ``reference_scheme``) when it is unusable."""
    scheme = scheme.strip()
    example = default_scheme("IZ")
    try:
        fields = {name for _text, name, _spec, _conv in string.Formatter().parse(scheme) if name}
        format_reference(scheme, 2026, 42)
    except (ValueError, KeyError, IndexError, AttributeError):
        fields = set()
    if fields != {"year", "number"}:
        message = _("Use {{year}} and {{number}} in the scheme, e.g. {example}.")
        raise ValidationError({FIELD: message.format(example=example)})
    limit = max_length(Correspondence, "reference") or 40
    if len(format_reference(scheme, 9999, 999999)) > limit:
        message = _("References from this scheme would be longer than {count} characters.")
        raise ValidationError({FIELD: message.format(count=limit)})
    return scheme


def save_scheme(db: Database, scheme: str) -> ChangeSet:
    require_administrator(db)
    scheme = check_scheme(scheme)
    with write(db, _("Reference number scheme")) as unit:
        setting = unit.session.get(OfficeSetting, SCHEME_KEY)
        if setting is None:
            unit.session.add(OfficeSetting(key=SCHEME_KEY, value=scheme))
        else:
            setting.value = scheme
        unit.changes.updated.setdefault("office", set()).add(0)
        return unit.changes


def series(scheme: str) -> str:
    """The counter's name for a scheme: its fixed text (``IZ`` for ``IZ-{year}-{number:04d}``).

    Schemes that differ only in separators or padding share a series, so changing the look of
    the numbers in mid-year does not start the year's count again.
    """
    fixed = "".join(text for text, *_rest in string.Formatter().parse(scheme))
    cleaned = re.sub(r"[ \-/._:]+", "-", fixed).strip(_SEPARATORS)
    return cleaned[: max_length(ReferenceCounter, "prefix") or 20]


def _increment(session: Session, prefix: str, year: int) -> int | None:
    statement = (
        update(ReferenceCounter)
        .where(ReferenceCounter.prefix == prefix, ReferenceCounter.year == year)
        .values(last_number=ReferenceCounter.last_number + 1)
        .returning(ReferenceCounter.last_number)
        .execution_options(synchronize_session=False)
    )
    return session.scalar(statement)


def _start(session: Session, prefix: str, year: int) -> int | None:
    """Open the year's counter at 1; None when a concurrent save opened it first."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = (
        insert(ReferenceCounter)
        .values(prefix=prefix, year=year, last_number=1)
        .on_conflict_do_nothing(index_elements=["prefix", "year"])
        .returning(ReferenceCounter.last_number)
    )
    return session.scalar(statement)


def next_number(session: Session, prefix: str, year: int) -> int:
    while True:
        number = _increment(session, prefix, year)
        if number is None:
            number = _start(session, prefix, year)
        if number is not None:
            return number


def draw_reference(session: Session, day: date) -> str:
    """The next reference for an entry dated ``day``; call it in the inserting transaction."""
    scheme = load_scheme(session)
    prefix = series(scheme)
    while True:
        reference = format_reference(scheme, day.year, next_number(session, prefix, day.year))
        taken: Select[tuple[bool]] = select(exists().where(Correspondence.reference == reference))
        # Only after a scheme change can a number already be in use: skip it, never fail.
        if not session.scalar(taken):
            return reference
