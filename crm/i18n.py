"""Translations for the core and the desktop app (gettext).

Every user-facing string goes through ``_`` (or ``ngettext`` / ``pgettext``).
The language is chosen once at start-up: the setting if there is one, else the
system's locale; English is the source language.
"""

from __future__ import annotations

import gettext
import locale
import os

from crm.paths import resource_path

DOMAIN = "liaison"
SUPPORTED_LANGUAGES = ("en", "de")

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def system_language() -> str:
    """The first supported language among the user's locale settings."""
    candidates: list[str] = []
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            candidates.extend(value.split(":"))
    try:
        loc = locale.getlocale()[0]
    except ValueError:
        loc = None
    if loc:
        candidates.append(loc)
    for candidate in candidates:
        code = candidate.split(".")[0].split("_")[0].lower()
        if code in SUPPORTED_LANGUAGES:
            return code
    return "en"


def set_language(language: str | None) -> str:
    """Install the catalog for ``language`` (None: the system's); returns the code used."""
    global _translation, _language
    code = language if language in SUPPORTED_LANGUAGES else system_language()
    _translation = gettext.translation(
        DOMAIN, localedir=str(resource_path("translations")), languages=[code], fallback=True
    )
    _language = code
    return code


def current_language() -> str:
    return _language


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _translation.pgettext(context, message)


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated where it is shown."""
    return message
