"""Text that must fit its column: PostgreSQL refuses an over-long VARCHAR, SQLite would keep it.

Services check lengths while validating, so an over-long name is a message at the field, not a
database error on one backend and silent success on the other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from crm.db.base import Base
from crm.i18n import _


def max_length(model: type[Base], column: str) -> int | None:
    """The column's length limit, None for unlimited text."""
    length = getattr(model.__table__.c[column].type, "length", None)
    return length if isinstance(length, int) else None


def check_lengths(
    model: type[Base],
    values: Mapping[str, Any],
    fields: Iterable[str] | Mapping[str, str],
    errors: dict[str, str],
    key: str | None = None,
) -> None:
    """Note an error for each text in ``values`` longer than its column allows.

    ``fields`` names the inputs, or maps input names to column names when they differ. Errors
    go under the input's name, or all under ``key`` (``contact_points.2``) when it is given.
    """
    columns = fields if isinstance(fields, Mapping) else {name: name for name in fields}
    for name, column in columns.items():
        value = values.get(name)
        limit = max_length(model, column)
        if isinstance(value, str) and limit is not None and len(value) > limit:
            errors.setdefault(
                key or name,
                _("This is too long: at most {count} characters.").format(count=limit),
            )


def fit(model: type[Base], column: str, value: str) -> str:
    """``value`` cut to the column's length (for derived text such as sort keys and labels)."""
    limit = max_length(model, column)
    return value if limit is None else value[:limit]
