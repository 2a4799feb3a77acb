"""Country names as files write them ("Deutschland", "Latvia", "Lettland", "LV") to ISO codes."""

from __future__ import annotations

from functools import cache

from crm.text import fold

# The languages whose country names are recognised: those of the offices and their partners.
LANGUAGES = (
    "en", "de", "fr", "es", "it", "nl", "pl", "cs", "sv", "da", "nb", "fi", "et", "lv", "lt",
    "ru", "uk", "be", "el", "he", "zh", "ja", "ko", "tr", "hu", "pt",
)  # fmt: skip
ALIASES = {
    "usa": "US",
    "u.s.a.": "US",
    "u.s.": "US",
    "united states of america": "US",
    "vereinigte staaten von amerika": "US",
    "uk": "GB",
    "u.k.": "GB",
    "great britain": "GB",
    "grossbritannien": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "czech republic": "CZ",
    "tschechische republik": "CZ",
    "holland": "NL",
    "brd": "DE",
    "weissrussland": "BY",
}


@cache
def _names() -> dict[str, str]:
    from babel import Locale

    found: dict[str, str] = {}
    for language in LANGUAGES:
        territories = Locale.parse(language).territories
        for code, name in territories.items():
            if isinstance(code, str) and len(code) == 2 and code.isalpha():
                found.setdefault(fold(str(name)), code)
    for code in Locale("en").territories:
        if isinstance(code, str) and len(code) == 2 and code.isalpha():
            found[code.lower()] = code
    found.update(ALIASES)
    return found


def country_code(text: str | None) -> str | None:
    """The ISO 3166 code of a country as written, or None when it is not recognised."""
    if text is None or not text.strip():
        return None
    key = " ".join(fold(text).split())
    return _names().get(key)
