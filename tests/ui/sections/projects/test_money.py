"""Budgets read and written as the user's language does."""

from __future__ import annotations

from decimal import Decimal

import pytest

from crm import i18n
from ui.sections.projects.money import currency_choices, format_budget, parse_amount


@pytest.mark.parametrize(
    ("language", "typed", "amount"),
    [
        ("en", "248000", "248000"),
        ("en", "248,000.50", "248000.50"),
        ("en", "248.000", "248.000"),
        ("en", "1 000", "1000"),
        ("de", "248.000", "248000"),
        ("de", "248.000,50", "248000.50"),
        ("de", "1000,5", "1000.5"),
        ("de", "1000.50", "1000.50"),
        ("de", "12.345.678", "12345678"),
        ("de", "", None),
    ],
)
def test_amounts_are_read_as_typed(language: str, typed: str, amount: str | None) -> None:
    i18n.set_language(language)
    try:
        assert parse_amount(typed) == (Decimal(amount) if amount is not None else None)
    finally:
        i18n.set_language("en")


def test_what_is_no_number_is_said() -> None:
    with pytest.raises(ValueError, match="Enter the budget as a number"):
        parse_amount("zehn Euro")


def test_budgets_are_written_in_the_users_language() -> None:
    assert format_budget(Decimal("248000"), "EUR") == "€248,000.00"
    assert format_budget(Decimal("95000"), "UAH") == "UAH\u00a095,000.00"
    assert format_budget(None, "EUR") == ""
    i18n.set_language("de")
    try:
        assert format_budget(Decimal("248000"), "EUR") == "248.000,00\u00a0€"
        assert ("SEK", "SEK – Schwedische Krone") in currency_choices()
    finally:
        i18n.set_language("en")
    assert ("EUR", "EUR – Euro") in currency_choices()
    assert "DEM" not in dict(currency_choices())  # no historic currencies
