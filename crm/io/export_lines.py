"""Content lines as vCard (RFC 2426, RFC 6350) and iCalendar (RFC 5545) write them: text
escaped, lines folded at 75 octets without splitting a character, CRLF line ends; and the
stable identifiers records carry from one export to the next."""

from __future__ import annotations

import uuid

LINE_OCTETS = 75
CRLF = "\r\n"
_NAMESPACE = uuid.UUID("5b0c5e3e-7f52-4a0e-9a43-2f0d6c1b8e51")  # Liaison's, fixed once


def escape(text: str) -> str:
    """A TEXT value: backslash, semicolon and comma escaped, line breaks as ``\\n``."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )


def structured(*parts: str | None) -> str:
    """A structured value (N, ADR, ORG): each part escaped, joined by semicolons."""
    return ";".join(escape(part or "") for part in parts)


def fold(line: str) -> str:
    """``line`` with CRLF, folded so no physical line is longer than 75 octets; a folded line
    goes on after CRLF and one space. UTF-8 sequences are never split."""
    if len(line) <= LINE_OCTETS // 4:
        return line + CRLF
    data = line.encode("utf-8")
    if len(data) <= LINE_OCTETS:
        return line + CRLF
    pieces = []
    start, limit = 0, LINE_OCTETS
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and data[end] & 0xC0 == 0x80:  # inside a character
            end -= 1
        pieces.append(data[start:end])
        start, limit = end, LINE_OCTETS - 1  # the leading space takes one octet
    return b"\r\n ".join(pieces).decode("utf-8") + CRLF


def content_line(name: str, value: str, *params: str) -> str:
    """``NAME;PARAM=…:value``, folded; ``value`` must already be escaped."""
    head = ";".join((name, *(p for p in params if p)))
    return fold(f"{head}:{value}")


def stable_uid(office: str, kind: str, record_id: int) -> str:
    """The same UUID for the same record of the same office in every export, so address
    books and calendars update an entry instead of adding it twice."""
    return str(uuid.uuid5(_NAMESPACE, f"{office}\x1f{kind}\x1f{record_id}"))


def office_key(office_name: str, city: str) -> str:
    return f"{office_name.strip()}|{city.strip()}".casefold()
