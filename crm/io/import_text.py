"""Reading a text file whatever wrote it: the encoding and a CSV file's separator.

Excel in a German office saves CSV as Windows-1252 with ``;``, Outlook as Windows-1252 or
UTF-8 with a BOM, Google's old export as UTF-16 with a BOM, LibreOffice as UTF-8. The BOM says
it when there is one; without it, text that is valid UTF-8 is UTF-8 (Windows-1252 text with
umlauts almost never is), and everything else is Windows-1252.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from crm.i18n import _
from crm.services.errors import ServiceError

UTF8 = "utf-8"
UTF8_BOM = "utf-8-sig"
UTF16_LE = "utf-16-le"
UTF16_BE = "utf-16-be"
WINDOWS = "cp1252"
LATIN1 = "latin-1"
SEPARATORS = (";", ",", "\t", "|")


class ImportFileError(ServiceError):
    """The file cannot be read at all (missing, unknown format, not text); nothing is stored."""


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(_("There is no file {path}.").format(path=path)) from None
    except IsADirectoryError:
        raise ImportFileError(_("{path} is a folder, not a file.").format(path=path)) from None
    except OSError as error:
        raise ImportFileError(
            _("{path} cannot be read: {reason}").format(path=path, reason=error.strerror or error)
        ) from None


def detect_encoding(data: bytes) -> str:
    """The encoding of ``data``: by its BOM, else UTF-8 if it decodes, else Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        return UTF8_BOM
    if data.startswith(codecs.BOM_UTF16_LE):
        return UTF16_LE
    if data.startswith(codecs.BOM_UTF16_BE):
        return UTF16_BE
    sample = data[:4096]
    if 0 in sample:
        # UTF-16 without a BOM: every other byte of Latin text is zero. Other text has none.
        zeros_odd = sample[1::2].count(0)
        zeros_even = sample[0::2].count(0)
        if zeros_odd > len(sample) // 4 and zeros_even == 0:
            return UTF16_LE
        if zeros_even > len(sample) // 4 and zeros_odd == 0:
            return UTF16_BE
        raise ImportFileError(
            _("The file is not text in an encoding Liaison knows (UTF-8, Windows-1252, UTF-16).")
        )
    try:
        data.decode(UTF8)
    except UnicodeDecodeError:
        return WINDOWS
    return UTF8


def decode(data: bytes, encoding: str) -> str:
    """``data`` as text; a BOM is dropped. Windows-1252's five unused bytes read as Latin-1."""
    if encoding in (UTF16_LE, UTF16_BE):
        bom = codecs.BOM_UTF16_LE if encoding == UTF16_LE else codecs.BOM_UTF16_BE
        body = data[len(bom) :] if data.startswith(bom) else data
        try:
            return body.decode(encoding)
        except UnicodeDecodeError:
            raise ImportFileError(
                _("The file says it is UTF-16 but is not: it cannot be read.")
            ) from None
    if encoding == WINDOWS:
        try:
            return data.decode(WINDOWS)
        except UnicodeDecodeError:
            return data.decode(LATIN1)
    return data.decode(encoding)


def read_text(path: Path) -> tuple[str, str]:
    """The file's text and the encoding it was read with."""
    data = read_bytes(path)
    encoding = detect_encoding(data)
    return decode(data, encoding), encoding


def detect_separator(text: str) -> str:
    """The field separator of a CSV text: the one that splits the first lines most evenly.

    Counted outside quotes, over the first lines: a ``;`` file whose names hold commas
    ("Goldfuß, Gabriele") is still a ``;`` file because every line has the same number of them.
    """
    lines = _first_records(text, 20)
    if not lines:
        return ","
    best, best_score = ",", (-1, -1)
    for separator in SEPARATORS:
        counts = [_count_outside_quotes(line, separator) for line in lines]
        header = counts[0]
        if header == 0:
            continue
        consistent = sum(1 for count in counts if count == header)
        score = (consistent, header)
        if score > best_score:
            best, best_score = separator, score
    return best


def _first_records(text: str, limit: int) -> list[str]:
    """The first ``limit`` records of a CSV text (a quoted field may hold line breaks)."""
    records: list[str] = []
    current: list[str] = []
    quoted = False
    for line in text.splitlines():
        current.append(line)
        quoted ^= line.count('"') % 2 == 1
        if not quoted:
            record = "\n".join(current)
            current = []
            if record.strip():
                records.append(record)
            if len(records) >= limit:
                break
    return records


def _count_outside_quotes(line: str, separator: str) -> int:
    count = 0
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == separator and not quoted:
            count += 1
    return count
