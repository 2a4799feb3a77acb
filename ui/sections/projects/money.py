"""Budgets as the user reads and types them: "248.000,00 €" in German, "€248,000.00" in English.

Amounts are typed with either decimal mark; a lone mark before exactly three digits is read as
the language reads it ("248.000" is 248000 in German, 248 in English).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache

from babel import Locale
from babel.numbers import format_currency, format_decimal, get_territory_currencies

from crm.i18n import _, current_language

_CODE_BEFORE_DIGIT = re.compile(r"^([A-Z]{3})(?=[\d-])")
_GROUPING = {"de": ".", "en": ","}


def format_amount(amount: Decimal | None) -> str:
    """The number alone, with the language's grouping and two decimals."""
    if amount is None:
        return ""
    return format_decimal(amount, format="#,##0.00", locale=current_language())


def format_budget(amount: Decimal | None, currency: str | None) -> str:
    """The amount with its currency, as the user's language writes money."""
    if amount is None:
        return ""
    if not currency:
        return format_amount(amount)
    text = format_currency(amount, currency, locale=current_language())
    # A currency without a sign of its own is written as its code: keep a space after it.
    return _CODE_BEFORE_DIGIT.sub("\\1\u00a0", text)


def parse_amount(text: str) -> Decimal | None:
    """An amount as typed; None when empty. Raises ValueError with the user's message."""
    cleaned = re.sub(r"[\s\u00a0\u202f'’]", "", text)
    if not cleaned:
        return None
    commas, dots = cleaned.count(","), cleaned.count(".")
    if commas and dots:
        decimal_mark = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        grouping = "." if decimal_mark == "," else ","
        cleaned = cleaned.replace(grouping, "").replace(decimal_mark, ".")
    elif commas or dots:
        mark = "," if commas else "."
        after = cleaned.rsplit(mark, 1)[1]
        local_grouping = _GROUPING.get(current_language(), ",")
        if cleaned.count(mark) > 1 or (len(after) == 3 and mark == local_grouping):
            cleaned = cleaned.replace(mark, "")
        else:
            cleaned = cleaned.replace(mark, ".")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(_("Enter the budget as a number, like 25000.")) from None
    if not amount.is_finite():
        raise ValueError(_("Enter the budget as a number, like 25000."))
    return amount


@cache
def _tender_codes() -> frozenset[str]:
    """The currencies some country pays with today (no historic ones: no Deutsche Mark)."""
    codes: set[str] = set()
    today = date.today()
    for territory in Locale("en").territories:
        if len(territory) == 2 and territory.isalpha():
            try:
                codes.update(get_territory_currencies(territory, today))
            except Exception:  # a territory Babel has no currency data for
                continue
    return frozenset(codes)


@cache
def _currency_choices(language: str) -> list[tuple[str, str]]:
    try:
        names = Locale.parse(language).currencies
    except Exception:
        names = Locale("en").currencies
    return sorted(
        ((code, f"{code} – {names.get(code, code)}") for code in _tender_codes()),
        key=lambda item: item[0],
    )


def currency_choices() -> list[tuple[str, str]]:
    """(code, "EUR – Euro") for every currency in use today, by code."""
    return list(_currency_choices(current_language()))
