"""A table as an Excel workbook (XlsxWriter in constant-memory mode: rows go to disk as they
are written, so 100,000 people need no more memory than a hundred).

Cells are typed: numbers as numbers, dates as dates in the reader's own short date format
(Excel's built-in format 14 follows the computer's regional settings, 12.05.2026 in Germany),
text always as a string cell, which no spreadsheet evaluates as a formula. The header row is
styled, frozen and carries an autofilter; columns are as wide as their content usually needs.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from crm.io.export_model import ExportTable

SHORT_DATE = 14  # Excel's built-in "short date", shown in the reader's regional format
SHORT_DATE_TIME = 22  # its built-in date and time
MAX_TEXT = 32767  # characters Excel keeps in a cell
_SHEET_NAME_UNSAFE = str.maketrans({c: " " for c in "[]:*?/\\"})


def write_xlsx(table: ExportTable, path: Path, title: str = "") -> int:
    """Write ``table`` as a workbook at ``path``; returns the rows written below the header."""
    import xlsxwriter  # type: ignore[import-untyped]

    workbook = xlsxwriter.Workbook(
        str(path),
        {
            "constant_memory": True,
            # Belt and braces: only write_string is used for text, which never converts.
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    try:
        workbook.set_properties({"title": title or table.title, "creator": "Liaison"})
        sheet = workbook.add_worksheet(_sheet_name(table.title))
        header = workbook.add_format(
            {
                "bold": True,
                "font_color": "#FFFFFF",
                "bg_color": "#1F4E79",
                "bottom": 1,
                "valign": "vcenter",
                "text_wrap": False,
            }
        )
        dates = workbook.add_format({"num_format": SHORT_DATE, "align": "left"})
        times = workbook.add_format({"num_format": SHORT_DATE_TIME, "align": "left"})
        for index, column in enumerate(table.columns):
            # Room for the title and the filter button beside it.
            width = max(column.width, len(column.title) + 4)
            sheet.set_column(index, index, min(width, 60))
        sheet.set_row(0, 20)
        for index, column in enumerate(table.columns):
            sheet.write_string(0, index, column.title, header)
        sheet.freeze_panes(1, 0)
        row = 0
        write_string = sheet.write_string
        write_number = sheet.write_number
        write_datetime = sheet.write_datetime
        for rows in table.batches:
            for values in rows:
                row += 1
                for col, value in enumerate(values):
                    if value is None:
                        continue
                    kind = type(value)
                    if kind is str:
                        if value:
                            write_string(row, col, value[:MAX_TEXT])  # type: ignore[index]
                    elif kind is int or kind is float or kind is Decimal:
                        write_number(row, col, float(value))  # type: ignore[arg-type]
                    elif kind is datetime:
                        write_datetime(row, col, value, times)
                    elif kind is date:
                        write_datetime(row, col, value, dates)
                    else:
                        write_string(row, col, str(value))
        sheet.autofilter(0, 0, max(row, 1), len(table.columns) - 1)
    finally:
        workbook.close()
    return row


def _sheet_name(title: str) -> str:
    return (title.translate(_SHEET_NAME_UNSAFE).strip("' ") or "Sheet1")[:31]
