"""User text into ReportLab Paragraph markup: escaped, in visual order, a font per script.

Paragraph markup is a small XML language (``<b>``, ``<font>``, ``<img src=...>``), so a value
typed by a user must never reach it as it is: ``Müller & Söhne <GmbH>`` would break the
paragraph and ``<img src="/etc/passwd"/>`` would make ReportLab read a file. Every value goes
through ``markup``: control characters dropped, right-to-left lines put in visual order
(Arabic shaped first), the text cut into runs by script, each run escaped and, where it is
not the base font's, wrapped in ``<font name=...>``. What comes out is a ``Markup``; helpers
that take markup take only that, and escape any plain ``str`` they are given.

Right-to-left text is reordered line by line before ReportLab wraps it, so a field is in the
right order as long as it fits its line (names, cities, short fields do). Copying text out of
the PDF with a bidi-aware extractor (poppler's pdftotext, the viewers built on it) gives the
logical order back; Arabic comes back in its shaped presentation forms, which are the same
text under Unicode compatibility normalisation (NFKC).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from xml.sax.saxutils import escape

from crm.reports import fonts


class Markup(str):
    """Paragraph markup that is safe to print: built here, never straight from user input."""

    __slots__ = ()


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_OTHER_SCRIPT = re.compile(f"[{fonts.OTHER_SCRIPTS}]")
_RIGHT_TO_LEFT = re.compile(f"[{fonts.RIGHT_TO_LEFT}]")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")


def clean(value: object) -> str:
    """``value`` as text for print: no control characters; line breaks as ``\\n``."""
    text = "" if value is None else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    return _CONTROL.sub("", text)


@lru_cache(maxsize=4096)
def visual(line: str) -> str:
    """A line in the order it is drawn: right-to-left runs reversed, Arabic shaped."""
    if not _RIGHT_TO_LEFT.search(line):
        return line
    if _ARABIC.search(line):
        import arabic_reshaper

        line = arabic_reshaper.reshape(line)
    from bidi import get_display

    return str(get_display(line))


def runs(text: str) -> list[tuple[str, str]]:
    """``text`` cut into (script, text) runs; a space belongs to the run it stands in."""
    if not _OTHER_SCRIPT.search(text):
        return [(fonts.LATIN, text)] if text else []
    found: list[tuple[str, str]] = []
    script = ""
    start = 0
    for index, char in enumerate(text):
        char_script = script if char == " " and script else fonts.script_of(char)
        if char_script != script:
            if index > start:
                found.append((script, text[start:index]))
            script, start = char_script, index
    if len(text) > start:
        found.append((script, text[start:]))
    return found


def _line_markup(line: str, bold: bool) -> str:
    parts: list[str] = []
    for script, chunk in runs(visual(line)):
        escaped = escape(chunk)
        if script == fonts.LATIN and not bold:
            parts.append(escaped)  # the paragraph's own font
        else:
            parts.append(f'<font name="{fonts.ensure(script, bold)}">{escaped}</font>')
    return "".join(parts)


def markup(value: object, *, bold: bool = False) -> Markup:
    """``value`` (any user text) as safe Paragraph markup; line breaks are kept."""
    if isinstance(value, Markup):
        return value
    text = clean(value)
    if not bold and text.isascii() and "\n" not in text:
        return Markup(escape(text))  # the common case, without the work below
    return Markup("<br/>".join(_line_markup(line, bold) for line in text.split("\n")))


def join(parts: Iterable[object], separator: str = "<br/>") -> Markup:
    """Markup or text parts joined by ``separator`` (markup: a line break by default); the
    empty ones left out."""
    pieces = [markup(part) for part in parts if part is not None and part != ""]
    return Markup(separator.join(piece for piece in pieces if piece))


# Colours in markup by their CSS names: ReportLab reads a name many times faster than a "#hex".
MUTED_NAME = "dimgray"  # styles.MUTED


def small(value: object) -> Markup:
    """Text in the smaller, grey type of labels and notes."""
    return Markup(f'<font size="7.5" color="{MUTED_NAME}">{markup(value)}</font>')


def labelled(label: str, value: object) -> Markup:
    """ "Label: value" with the label in grey, for lines inside a table cell."""
    content = markup(value)
    if not content:
        return Markup("")
    return Markup(f'<font color="{MUTED_NAME}">{markup(label)}</font> {content}')


def strong(value: object) -> Markup:
    return markup(value, bold=True)
