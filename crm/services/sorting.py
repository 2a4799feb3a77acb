"""Sorting a list in SQL the same way on every database.

SQLite sorts NULL before everything else; PostgreSQL after. The lists sort as SQLite does
(an empty field first when ascending, last when descending), so the server is told so.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import UnaryExpression
from sqlalchemy.sql import operators

from crm.db.database import Database


def in_order(db: Database, column: Any, descending: bool) -> Any:
    """``column`` ascending or descending, empty values first when ascending.

    An expression that has its own order already (``x.desc()``) is left as it is ascending.
    """
    if isinstance(column, UnaryExpression) and column.modifier is not None:
        if descending or db.is_sqlite:
            return column.desc() if descending else column
        if column.modifier is operators.desc_op:
            return column.nulls_last()
        return column.nulls_first()
    if descending:
        order: UnaryExpression[Any] = column.desc()
        return order if db.is_sqlite else order.nulls_last()
    order = column.asc()
    return order if db.is_sqlite else order.nulls_first()
