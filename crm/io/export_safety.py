"""Spreadsheet safety: no exported text ever becomes a formula (OWASP "CSV injection").

Excel, LibreOffice Calc and Google Sheets read a CSV field that begins with ``=``, ``+``,
``-`` or ``@`` (or a tab, carriage return or line feed before one) as a formula, whatever the
quoting; ``=HYPERLINK(…)`` or a DDE call then runs on the reader's machine. The rule here:

- CSV: a text field whose first character is one of ``= + - @``, their full-width forms
  (``＝ ＋ － ＠``), a tab, a carriage return, a line feed or NUL gets a single quote ``'`` in
  front. No exception is made, not even for phone numbers: ``+371 6 34 04789`` is written as
  ``'+371 6 34 04789``, which every spreadsheet shows as text, digits and spacing intact (left
  alone, Excel turns ``+4934112345`` into the number 4934112345 and makes a formula of the cell
  as soon as it is edited). Numbers and dates that Liaison itself writes (record numbers, years,
  ISO dates) are not text from users and are written as they are.
- XLSX: every text cell is written as a string cell (XlsxWriter's ``write_string``), which a
  spreadsheet never evaluates; no quote is added, so the text stays exactly as stored.

``unguard`` undoes the CSV rule for Liaison's own import of its own files.
"""

from __future__ import annotations

# The first characters that make a spreadsheet read a field as a formula.
TRIGGERS = frozenset("=+-@\t\r\n\x00\uff1d\uff0b\uff0d\uff20")
QUOTE = "'"


def is_risky(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula."""
    return bool(text) and text[0] in TRIGGERS


def guard(text: str) -> str:
    """``text`` as a CSV field that opens as text: a quote in front of a formula trigger."""
    if text and text[0] in TRIGGERS:
        return QUOTE + text
    return text


def unguard(text: str) -> str:
    """The value ``guard`` was given: a leading quote before a formula trigger is dropped."""
    if len(text) > 1 and text[0] == QUOTE and text[1] in TRIGGERS:
        return text[1:]
    return text
