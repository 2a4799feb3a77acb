"""The catalogs cover every string the code marks, and the compiled files match them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}


def _code_messages() -> set[tuple[str | None, str]]:
    found: set[tuple[str | None, str]] = set()
    for package in ("crm", "ui"):
        for _file, _line, message, _comments, context in extract_from_dir(
            ROOT / package, keywords=KEYWORDS, comment_tags=()
        ):
            msgid = message[0] if isinstance(message, tuple) else message
            found.add((context, msgid))
    return found


@pytest.mark.parametrize("language", ["de", "en", "sv"])
def test_catalog_has_every_string_translated(language: str) -> None:
    with (TRANSLATIONS / language / "LC_MESSAGES" / "liaison.po").open("rb") as stream:
        catalog = read_po(stream)
    missing = []
    for context, msgid in sorted(_code_messages(), key=lambda item: item[1]):
        message = catalog.get(msgid, context=context)
        strings = message.string if message is not None else None
        translated = all(strings) if isinstance(strings, tuple) else bool(strings)
        if message is None or not translated or message.fuzzy:
            missing.append(msgid)
    assert not missing, f"{language}: untranslated: {missing[:20]} (+{max(0, len(missing) - 20)})"


def _plain(value: Any) -> Any:
    # Babel reads plural forms as tuples from a .po file and as lists from a .mo file.
    return value if isinstance(value, str) else tuple(value)


def _done(message: Any) -> bool:
    """Translated: a plural entry needs every form (an untranslated one reads ("", ""))."""
    string = message.string
    return all(string) if isinstance(string, (tuple, list)) else bool(string)


def _key(message: Any) -> tuple[str | None, Any]:
    ident = _plain(message.id)
    context = message.context  # read_mo gives it as bytes
    return context.decode() if isinstance(context, bytes) else context, ident


@pytest.mark.parametrize("language", ["de", "en", "sv"])
def test_compiled_catalog_matches_source(language: str) -> None:
    folder = TRANSLATIONS / language / "LC_MESSAGES"
    with (folder / "liaison.po").open("rb") as stream:
        source = {_key(m): _plain(m.string) for m in read_po(stream) if m.id and _done(m)}
    with (folder / "liaison.mo").open("rb") as stream:
        compiled = {_key(m): _plain(m.string) for m in read_mo(stream) if m.id and _done(m)}
    stale = {key: value for key, value in source.items() if compiled.get(key) != value}
    assert not stale, "run scripts/translations.sh to compile the catalogs"


def test_german_is_used_when_chosen() -> None:
    from crm import i18n

    assert i18n.set_language("de") == "de"
    try:
        assert i18n._("Enter the family name.") == "Bitte den Familiennamen eingeben."
    finally:
        i18n.set_language("en")


def test_no_translated_string_hides_inside_an_f_string() -> None:
    # The extractor does not look into f-strings: a _() there never reaches the catalogs.
    import re

    pattern = re.compile(r"""\bf(["'])[^"']*\{[^}"']*(?<![\w.])(?:_|ngettext|pgettext)\(""")
    hidden = [
        f"{path.relative_to(ROOT)}:{number}"
        for package in ("crm", "ui")
        for path in (ROOT / package).rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]
    assert not hidden, hidden


def test_swedish_is_started_with_the_main_screens_words() -> None:
    with (TRANSLATIONS / "sv" / "LC_MESSAGES" / "liaison.po").open("rb") as stream:
        catalog = read_po(stream)
    for english, swedish in (
        ("Overview", "Översikt"),
        ("&Save", "&Spara"),
        ("Trash", "Papperskorg"),
    ):
        message = catalog.get(english)
        assert message is not None and message.string == swedish
