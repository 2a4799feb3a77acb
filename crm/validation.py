"""Checking and normalising what people type: phone numbers, emails, names, countries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crm.i18n import _


@dataclass(frozen=True)
class NormalisedPhone:
    e164: str  # +493411232032
    international: str  # +49 341 1232032


class InvalidValue(ValueError):
    """A value that cannot be accepted; the message is for the user."""


def normalise_phone(text: str, default_region: str | None) -> NormalisedPhone:
    """Parse a phone number as an office worker types it.

    Numbers without a country code are read in the office's home country
    (``0341 123-2032`` in Leipzig is +49 341 1232032); ``+ 371 6 34 04789`` stays Latvian.
    """
    import phonenumbers

    cleaned = text.strip()
    if not cleaned:
        raise InvalidValue(_("Enter a phone number."))
    region = (default_region or "").upper() or None
    try:
        number = phonenumbers.parse(cleaned, region)
    except phonenumbers.NumberParseException as error:
        if error.error_type == phonenumbers.NumberParseException.INVALID_COUNTRY_CODE:
            raise InvalidValue(
                _("“{value}” has no country code; start it with + and the country code.").format(
                    value=cleaned
                )
            ) from None
        raise InvalidValue(_("“{value}” is not a phone number.").format(value=cleaned)) from None
    if not _plausible(number):
        raise InvalidValue(
            _("“{value}” is not a possible phone number (too short or too long).").format(
                value=cleaned
            )
        )
    return NormalisedPhone(
        e164=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        international=phonenumbers.format_number(
            number, phonenumbers.PhoneNumberFormat.INTERNATIONAL
        ),
    )


# A number that the numbering plan does not know yet is accepted when it is possible and not so
# short that it is more likely a typing slip ("12", or an area code alone like "0341").
_MIN_UNKNOWN_DIGITS = 6


def _plausible(number: Any) -> bool:
    import phonenumbers

    if phonenumbers.is_valid_number(number):
        return True
    digits = phonenumbers.national_significant_number(number)
    return bool(phonenumbers.is_possible_number(number)) and len(digits) >= _MIN_UNKNOWN_DIGITS


def format_phone(e164: str | None, fallback: str) -> str:
    """Display a stored number in international format."""
    if not e164:
        return fallback
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return fallback
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


def normalise_email(text: str) -> str:
    """Check an email address's syntax (no DNS lookup: offices work offline too)."""
    from email_validator import EmailNotValidError, validate_email

    cleaned = text.strip()
    try:
        result = validate_email(cleaned, check_deliverability=False)
    except EmailNotValidError as error:
        raise InvalidValue(
            _("“{value}” is not an email address: {reason}").format(value=cleaned, reason=error)
        ) from None
    return str(result.normalized)


def normalise_web(text: str) -> str:
    cleaned = text.strip()
    if " " in cleaned or "." not in cleaned:
        raise InvalidValue(_("“{value}” is not a web address.").format(value=cleaned))
    return cleaned


def normalise_country(text: str | None) -> str | None:
    """An ISO 3166 alpha-2 code, upper case, or None."""
    if text is None or not text.strip():
        return None
    code = text.strip().upper()
    from babel import Locale

    if len(code) != 2 or code not in Locale("en").territories:
        raise InvalidValue(_("“{value}” is not a two-letter country code.").format(value=text))
    return code
