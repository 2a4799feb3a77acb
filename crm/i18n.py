"""Translations for the core and the desktop app (gettext).

Every user-facing string goes through ``_`` (or ``ngettext`` / ``pgettext``).
The language is chosen once at start-up: the setting if there is one, else the
system's locale; English is the source language.
"""

from __future__ import annotations

import gettext
import locale
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from crm.paths import resource_path

DOMAIN = "liaison"
SUPPORTED_LANGUAGES = ("en", "de", "sv")

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"
# A language for one piece of work (a printed report in English while the app is in German):
# per thread and task, so the app's own language is never changed meanwhile.
_override: ContextVar[tuple[str, gettext.NullTranslations] | None] = ContextVar(
    "liaison_language_override", default=None
)


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


def _catalog(code: str) -> gettext.NullTranslations:
    return gettext.translation(
        DOMAIN, localedir=str(resource_path("translations")), languages=[code], fallback=True
    )


def set_language(language: str | None) -> str:
    """Install the catalog for ``language`` (None: the system's); returns the code used."""
    global _translation, _language
    code = language if language in SUPPORTED_LANGUAGES else system_language()
    _translation = _catalog(code)
    _language = code
    return code


@contextmanager
def language_override(language: str) -> Iterator[str]:
    """Translate into ``language`` inside the block, in this thread only; yields the code used.

    The app's language (``set_language``) stays as it is, for other threads too.
    """
    code = language if language in SUPPORTED_LANGUAGES else "en"
    token = _override.set((code, _catalog(code)))
    try:
        yield code
    finally:
        _override.reset(token)


def _active() -> gettext.NullTranslations:
    override = _override.get()
    return _translation if override is None else override[1]


def current_language() -> str:
    override = _override.get()
    return _language if override is None else override[0]


def _(message: str) -> str:
    return _active().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _active().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _active().pgettext(context, message)


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated where it is shown."""
    return message
