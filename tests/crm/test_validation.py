"""Checking and normalising phone numbers, emails, web addresses and countries."""

from __future__ import annotations

import pytest

from crm.validation import (
    InvalidValue,
    NormalisedPhone,
    format_phone,
    normalise_country,
    normalise_email,
    normalise_phone,
    normalise_web,
)


@pytest.mark.parametrize(
    ("text", "region", "e164", "international"),
    [
        ("0341 123-2032", "DE", "+493411232032", "+49 341 1232032"),
        ("0341 123-2055", "de", "+493411232055", "+49 341 1232055"),
        ("(0341) 123 2032", "DE", "+493411232032", "+49 341 1232032"),
        ("+49 (0)341 1232032", "DE", "+493411232032", "+49 341 1232032"),
        ("0049 341 1232032", "DE", "+493411232032", "+49 341 1232032"),
        ("+ 371 6 34 04789", "DE", "+37163404789", "+371 63 404 789"),
        ("+ 371 6 34 04777", "LV", "+37163404777", "+371 63 404 777"),
        ("6 34 04789", "LV", "+37163404789", "+371 63 404 789"),
        ("031-368 00 00", "SE", "+46313680000", "+46 31 368 00 00"),
        ("+86 25 8366 8888", "DE", "+862583668888", "+86 25 8366 8888"),
        ("+1 212 555 0100", None, "+12125550100", "+1 212-555-0100"),
    ],
)
def test_normalise_phone(text: str, region: str | None, e164: str, international: str) -> None:
    assert normalise_phone(text, region) == NormalisedPhone(e164, international)


@pytest.mark.parametrize(
    ("text", "region", "message"),
    [
        ("", "DE", "Enter a phone number"),
        ("   ", "DE", "Enter a phone number"),
        ("abc", "DE", "not a phone number"),
        ("12", "DE", "not a possible phone number"),
        ("0341", "DE", "not a possible phone number"),
        ("0341 123456789012345", "DE", "not"),
        ("0341 1232032", None, "no country code"),
        ("0341 1232032", "", "no country code"),
        ("+999 1234567", "DE", "no country code"),
    ],
)
def test_invalid_phone(text: str, region: str | None, message: str) -> None:
    with pytest.raises(InvalidValue, match=message):
        normalise_phone(text, region)


def test_format_phone() -> None:
    assert format_phone("+493411232032", "0341 123-2032") == "+49 341 1232032"
    assert format_phone(None, "as typed") == "as typed"
    assert format_phone("", "as typed") == "as typed"
    assert format_phone("garbage", "as typed") == "as typed"


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("international@dome.liepaja.lv", "international@dome.liepaja.lv"),
        ("  Gabriele.Goldfuss@Leipzig.DE ", "Gabriele.Goldfuss@leipzig.de"),
        ("jürgen@münchen.de", "jürgen@münchen.de"),
    ],
)
def test_normalise_email(text: str, normalised: str) -> None:
    assert normalise_email(text) == normalised


@pytest.mark.parametrize("text", ["", "no-at-sign", "a@", "@b.de", "a b@c.de", "a@b..de"])
def test_invalid_email(text: str) -> None:
    with pytest.raises(InvalidValue, match="not an email address"):
        normalise_email(text)


def test_normalise_web() -> None:
    assert normalise_web(" https://www.leipzig.de ") == "https://www.leipzig.de"
    assert normalise_web("liepaja.lv") == "liepaja.lv"
    for text in ("leipzig", "www.leipzig .de", ""):
        with pytest.raises(InvalidValue):
            normalise_web(text)


def test_normalise_country() -> None:
    assert normalise_country("de") == "DE"
    assert normalise_country(" lv ") == "LV"
    assert normalise_country(None) is None
    assert normalise_country("  ") is None
    for text in ("Germany", "DEU", "XX", "D"):
        with pytest.raises(InvalidValue, match="two-letter country code"):
            normalise_country(text)


def test_messages_quote_the_value() -> None:
    with pytest.raises(InvalidValue) as caught:
        normalise_phone("abc", "DE")
    assert "abc" in str(caught.value)
