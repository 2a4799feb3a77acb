"""Country names in the user's language (Babel's CLDR data), for lists, filters and forms."""

from __future__ import annotations

import unicodedata
from functools import cache

from babel import Locale, UnknownLocaleError

from crm.i18n import current_language

# Codes CLDR names that are not countries one writes on a letter.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "QO", "UN", "XA", "XB", "ZZ"})


def fold(text: str) -> str:
    """Lower case without diacritics, for matching what the user typed ("turkiye" = Türkiye)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def _names(language: str) -> dict[str, str]:
    try:
        territories = Locale.parse(language).territories
    except (UnknownLocaleError, ValueError):
        territories = Locale("en").territories
    return {
        code: str(name)
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    }


def country_name(code: str | None) -> str:
    """``LV`` -> "Latvia" (or "Lettland" in German); unknown codes are shown as they are."""
    if not code:
        return ""
    return _names(current_language()).get(code.upper(), code)


def country_choices(codes: list[str] | None = None) -> list[tuple[str, str]]:
    """(code, name) pairs sorted by name as the user reads it; all countries unless ``codes``."""
    names = _names(current_language())
    wanted = names if codes is None else {code: names.get(code, code) for code in codes if code}
    return sorted(wanted.items(), key=lambda item: fold(item[1]))


def country_code(text: str) -> str | None:
    """The code for what the user typed: a name in their language, or a code. None if unknown."""
    cleaned = text.strip()
    if not cleaned:
        return None
    names = _names(current_language())
    if len(cleaned) == 2 and cleaned.upper() in names:
        return cleaned.upper()
    wanted = fold(cleaned)
    for code, name in names.items():
        if fold(name) == wanted:
            return code
    return None
