"""Printing for the command line: aligned text columns and JSON, always UTF-8."""

from __future__ import annotations

import io
import json
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any


def use_utf8() -> None:
    """Write UTF-8 whatever the locale says; a character the stream cannot take becomes "?"."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors="replace")


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters take two, marks none."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def format_table(rows: Sequence[Sequence[str]], gap: int = 2) -> list[str]:
    """Rows as lines with aligned columns; the last column is not padded."""
    if not rows:
        return []
    columns = max(len(row) for row in rows)
    widths = [
        max((display_width(row[index]) for row in rows if index < len(row)), default=0)
        for index in range(columns)
    ]
    lines = []
    for row in rows:
        cells = [
            cell if index == len(row) - 1 else pad(cell, widths[index] + gap)
            for index, cell in enumerate(row)
        ]
        lines.append("".join(cells).rstrip())
    return lines


def print_table(rows: Sequence[Sequence[str]]) -> None:
    for line in format_table([[clean(cell) for cell in row] for row in rows]):
        print(line)


def clean(text: str) -> str:
    """A cell on one line: line breaks and tabs in notes would break the columns."""
    return " ".join(text.split())


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_error(message: str) -> None:
    from crm.cli.errors import one_line

    sys.stderr.write(one_line(message) + "\n")
    sys.stderr.flush()
