"""The language of the app: chosen in the Settings menu or section, taken at the next start."""

from __future__ import annotations

from dataclasses import replace

from crm.i18n import _, current_language, system_language
from crm.settings import load_settings, save_settings


def language_choices() -> list[tuple[str, str]]:
    # Each language is named in itself, so whoever needs it can find it.
    return [("", _("Follow the system")), ("de", "Deutsch"), ("en", "English"), ("sv", "Svenska")]


def chosen_language() -> str:
    """The setting: "" follows the system."""
    return load_settings().language


def save_language(code: str) -> bool:
    """Remember ``code``; True when the running app shows another language (restart)."""
    settings = load_settings()
    if settings.language != code:
        save_settings(replace(settings, language=code))
    return (code or system_language()) != current_language()
