"""Dates, times, countries, languages and money as a printed report writes them.

The report's language decides (crm.i18n's current language, which a report sets for itself):
German as in Germany, English as in Britain (day before month, 24-hour clock), which is how a
European office writes English.
"""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo
from decimal import Decimal
from functools import cache

from crm.i18n import current_language

_LOCALES = {"de": "de_DE", "en": "en_GB"}
# Codes CLDR names that are not countries.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "QO", "UN", "XA", "XB", "ZZ"})


def locale_code() -> str:
    return _LOCALES.get(current_language(), "en_GB")


def local_zone() -> tzinfo:
    """The zone the office is in (the computer's): programme times are printed in it."""
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


def long_date(value: date | None) -> str:
    """4 December 2026 / 4. Dezember 2026."""
    if value is None:
        return ""
    from babel.dates import format_date

    return str(format_date(value, "long", locale=locale_code()))


def day_heading(value: date) -> str:
    """Friday, 4 December 2026 / Freitag, 4. Dezember 2026."""
    from babel.dates import format_date

    return str(format_date(value, "full", locale=locale_code()))


def short_date(value: date | None) -> str:
    """04.12.2026 / 04/12/2026: for tables."""
    if value is None:
        return ""
    from babel.dates import format_date

    pattern = "dd.MM.yyyy" if current_language() == "de" else "dd/MM/yyyy"
    return str(format_date(value, pattern, locale=locale_code()))


def date_range(first: date, last: date) -> str:
    """4–7 December 2026 / 4.–7. Dezember 2026; across months or years in full."""
    if first == last:
        return long_date(first)
    if (first.year, first.month) == (last.year, last.month):
        dot = "." if current_language() == "de" else ""
        return f"{first.day}{dot}–{long_date(last)}"
    return f"{long_date(first)} – {long_date(last)}"


def clock(value: datetime | time | None, zone: tzinfo | None = None) -> str:
    """13:05, in ``zone`` (the office's by default) for a moment with a zone."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(zone or local_zone()).time() if value.tzinfo else value.time()
    return f"{value.hour:02d}:{value.minute:02d}"


def time_span(start: datetime, end: datetime | None, zone: tzinfo | None = None) -> str:
    if end is None:
        return clock(start, zone)
    return f"{clock(start, zone)}–{clock(end, zone)}"


def local_day(value: datetime, zone: tzinfo | None = None) -> date:
    return value.astimezone(zone or local_zone()).date() if value.tzinfo else value.date()


def moment(value: datetime | None, zone: tzinfo | None = None) -> str:
    """04.12.2026, 10:02 for arrivals and departures."""
    if value is None:
        return ""
    return f"{short_date(local_day(value, zone))}, {clock(value, zone)}"


@cache
def _territories(code: str) -> dict[str, str]:
    from babel import Locale

    return {str(key): str(name) for key, name in Locale.parse(code).territories.items()}


@cache
def _languages(code: str) -> dict[str, str]:
    from babel import Locale

    return {str(key): str(name) for key, name in Locale.parse(code).languages.items()}


def country_name(code: str | None) -> str:
    """``LV`` -> Latvia / Lettland; unknown codes as they are."""
    if not code:
        return ""
    upper = code.upper()
    if upper in _NOT_COUNTRIES:
        return code
    return _territories(locale_code()).get(upper, code)


def language_names(codes: str | None) -> str:
    """``uk,en,de`` -> Ukrainian, English, German (in the report's language)."""
    if not codes:
        return ""
    names = _languages(locale_code())
    parts = [part.strip() for part in codes.replace(";", ",").split(",") if part.strip()]
    return ", ".join(names.get(part.lower(), part) for part in parts)


def money(value: Decimal | None, currency: str | None) -> str:
    if value is None:
        return ""
    from babel.numbers import format_currency, format_decimal

    if not currency:
        return str(format_decimal(value, format="#,##0.00", locale=locale_code()))
    return str(format_currency(value, currency, locale=locale_code()))
