"""How dates are written and read in forms: the user's language decides, ISO always works."""

from __future__ import annotations

import re
from datetime import date

from crm.i18n import _, current_language

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_DOTTED = re.compile(r"^\s*(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})\s*$")
_SLASHED = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    if current_language() == "de":
        return value.strftime("%d.%m.%Y")
    return value.isoformat()


def date_placeholder() -> str:
    if current_language() == "de":
        return _("DD.MM.YYYY")
    return _("YYYY-MM-DD")


def parse_date(text: str) -> date | None:
    """A date as typed (31.12.2025, 2025-12-31 or 31/12/2025); None when empty.

    Raises ValueError with a message for the user when the text is not a date.
    """
    if not text.strip():
        return None
    if match := _ISO.match(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DOTTED.match(text) or _SLASHED.match(text):
        day, month, year = (int(part) for part in match.groups())
    else:
        raise ValueError(
            _("Enter a date like {example}.").format(example=format_date(date(2025, 12, 31)))
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(_("There is no such day.")) from None


def parse_year(text: str) -> int | None:
    """A four-digit year, or None when empty; ValueError with a message otherwise."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if not (cleaned.isdigit() and len(cleaned) == 4):
        raise ValueError(_("Enter a year with four digits, like 1962."))
    return int(cleaned)
