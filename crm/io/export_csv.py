"""A table as CSV: UTF-8 with a byte order mark (so Excel reads the umlauts), ``;`` as German
Excel expects it or ``,``, RFC 4180 quoting and line ends, text guarded against formulas.

Dates are written as 2026-05-12 and times as 2026-05-12 14:30, which Excel, LibreOffice and
Numbers read as dates in every locale.
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from typing import IO

from crm.io.export_model import Cell, ExportTable
from crm.io.export_safety import QUOTE, TRIGGERS


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return QUOTE + value if value and value[0] in TRIGGERS else value
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def write_csv(table: ExportTable, stream: IO[str], separator: str = ";") -> int:
    """Write ``table`` to ``stream`` (opened with ``newline=""`` and UTF-8 with BOM); returns
    the number of rows written below the header."""
    writer = csv.writer(
        stream, delimiter=separator, quotechar='"', quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n"
    )
    writer.writerow([_text(column.title) for column in table.columns])
    count = 0
    # Only text can hold a formula: the other cells are numbers and dates Liaison writes.
    plain = all(column.type in ("text", "int", "date") for column in table.columns)
    for rows in table.batches:
        if plain:
            # The csv module writes None as "", numbers and dates (2026-05-12) with str().
            writer.writerows(
                [
                    [
                        QUOTE + value
                        if value.__class__ is str and value and value[0] in TRIGGERS
                        else value
                        for value in row
                    ]
                    for row in rows
                ]
            )
        else:
            writer.writerows([[_text(value) for value in row] for row in rows])
        count += len(rows)
    return count
