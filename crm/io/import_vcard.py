"""A tolerant, streaming vCard reader: 2.1 (Outlook, Android), 3.0 and 4.0.

It works on the file's bytes, because a vCard 2.1 names the character set of each property
(``N;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:M=FCller``) and one file may hold cards
from several programs. Lines end in CRLF, LF or CR, mixed; folded lines (a continuation starts
with a space or tab) and quoted-printable soft line breaks (a line ending in ``=``) are joined;
a base64 photo may run over thousands of lines. Cards come out one by one, each with the line
it starts on; a card that is cut off or lacks its END is reported as broken, and the reader
goes on with the next one. vobject reads 10,000 cards in about ten seconds and refuses
Outlook's quoted-printable; this reads them in a fraction of a second.
"""

from __future__ import annotations

import binascii
import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from crm.i18n import _
from crm.io.import_model import (
    DEPARTMENT,
    EMAIL,
    FAMILY_NAME,
    FAX,
    FULL_NAME,
    FUNCTION,
    GIVEN_NAME,
    LANGUAGES,
    MOBILE,
    NAME_LATIN,
    NAME_ORIGINAL,
    NOTES,
    OFFICE,
    ORGANISATION,
    PHONE,
    PREFERRED_LANGUAGE,
    PRIVATE,
    SHORT_NAME,
    TITLE,
    WEB,
    SourceAddress,
    SourceContact,
    SourceRecord,
)
from crm.text import join_nonempty

_LINE_END = re.compile(rb"\r\n|\r|\n")
_BASE64_LINE = re.compile(rb"^[A-Za-z0-9+/=]+$")
_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)
_ESCAPED = {"n": "\n", "N": "\n", ",": ",", ";": ";", "\\": "\\", ":": ":"}
BINARY_PROPERTIES = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})


@dataclass
class Property:
    line: int
    group: str
    name: str  # upper case, without the group
    params: dict[str, list[str]]  # upper-case keys; bare 2.1 parameters are under TYPE
    raw: bytes  # the value as in the file (joined, still encoded)

    @property
    def types(self) -> set[str]:
        return {value.upper() for value in self.params.get("TYPE", [])}

    @property
    def encoding(self) -> str:
        values = self.params.get("ENCODING", [])
        return values[0].upper() if values else ""

    @property
    def preferred(self) -> bool:
        return "PREF" in self.types or "PREF" in self.params


@dataclass
class Card:
    line: int
    number: int
    properties: list[Property] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# --- lines ------------------------------------------------------------------------------------


def _lines(data: bytes) -> Iterator[tuple[int, bytes]]:
    """The physical lines with their numbers (from 1), whatever ends them."""
    start = 0
    number = 1
    for match in _LINE_END.finditer(data):
        yield number, data[start : match.start()]
        start = match.end()
        number += 1
    if start < len(data):
        yield number, data[start:]


def _split_name(line: bytes) -> tuple[bytes, bytes] | None:
    """(name with parameters, value) at the first colon outside double quotes."""
    colon = line.find(b":")
    if colon < 0:
        return None
    quote = line.find(b'"')
    if quote < 0 or quote > colon:
        return line[:colon], line[colon + 1 :]
    quoted = False
    for index, byte in enumerate(line):
        if byte == 0x22:
            quoted = not quoted
        elif byte == 0x3A and not quoted:
            return line[:index], line[index + 1 :]
    return None


def _split_params(head: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for char in head:
        if char == '"':
            quoted = not quoted
            current.append(char)
        elif char == ";" and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _property(line_number: int, line: bytes) -> Property | None:
    split = _split_name(line)
    if split is None:
        return None
    head_bytes, raw = split
    head = head_bytes.decode("latin-1").strip()
    parts = _split_params(head)
    name = parts[0].strip()
    group = ""
    if "." in name:
        group, name = name.rsplit(".", 1)
    params: dict[str, list[str]] = {}
    for part in parts[1:]:
        part = part.strip()
        if not part:
            continue
        if "=" in part:
            key, value = part.split("=", 1)
            key = key.strip().upper()
        else:
            key, value = "TYPE", part
            if part.upper() in ("QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT", "B"):
                key = "ENCODING"
        values = [v.strip().strip('"') for v in value.strip().strip('"').split(",")]
        params.setdefault(key, []).extend(v for v in values if v)
    return Property(line_number, group, name.upper(), params, raw)


def _is_quoted_printable(head: bytes) -> bool:
    return b"QUOTED-PRINTABLE" in head.upper()


def _is_base64(head: bytes) -> bool:
    upper = head.upper()
    return b"BASE64" in upper or b"ENCODING=B" in upper


def _logical_lines(data: bytes) -> Iterator[tuple[int, bytes]]:
    """Unfolded property lines, each with the number of its first physical line."""
    parts: list[bytes] = []
    first = 0
    quoted_printable = False
    base64 = False
    for number, raw in _lines(data):
        if parts:
            if quoted_printable and parts[-1].endswith(b"="):
                parts[-1] = parts[-1][:-1]  # a soft line break: the value goes on
                parts.append(raw)
                continue
            if raw[:1] in (b" ", b"\t"):
                parts.append(raw[1:])
                continue
            if base64 and raw and _BASE64_LINE.match(raw) and b":" not in raw:
                parts.append(raw)  # base64 continued without the folding space (old phones)
                continue
            yield first, b"".join(parts)
            parts = []
        if not raw.strip():
            continue
        parts = [raw]
        first = number
        head = raw.split(b":", 1)[0]
        quoted_printable = _is_quoted_printable(head)
        base64 = _is_base64(head)
    if parts:
        yield first, b"".join(parts)


# --- cards ------------------------------------------------------------------------------------


def read_cards(data: bytes) -> Iterator[Card]:
    """The cards in ``data``, one at a time; broken ones carry their problems."""
    card: Card | None = None
    number = 0
    for line_number, line in _logical_lines(data):
        upper = line.strip().upper()
        if upper == b"BEGIN:VCARD":
            if card is not None:
                card.problems.append(
                    _(
                        "The card has no END:VCARD before the next card begins on line {line}."
                    ).format(line=line_number)
                )
                yield card
            number += 1
            card = Card(line_number, number)
            continue
        if upper == b"END:VCARD":
            if card is not None:
                yield card
                card = None
            continue
        if card is None:
            continue  # text between cards: nothing to read there
        prop = _property(line_number, line)
        if prop is None:
            card.warnings.append(
                _("Line {line} is not a vCard property and was left out.").format(line=line_number)
            )
            continue
        card.properties.append(prop)
    if card is not None:
        card.problems.append(
            _("The file ends inside this card: END:VCARD is missing (the file may be cut off).")
        )
        yield card


# --- values -----------------------------------------------------------------------------------


def _charset(prop: Property) -> str | None:
    values = prop.params.get("CHARSET")
    if not values:
        return None
    try:
        return codecs.lookup(values[0]).name
    except LookupError:
        return None


def _text(prop: Property, card: Card) -> str:
    """The property's value as text: quoted-printable and base64 undone, decoded by its
    CHARSET (or UTF-8, falling back to Windows-1252)."""
    raw = prop.raw
    encoding = prop.encoding
    if encoding == "QUOTED-PRINTABLE":
        raw = binascii.a2b_qp(raw)
    elif encoding in ("BASE64", "B"):
        try:
            raw = binascii.a2b_base64(raw)
        except binascii.Error:
            card.warnings.append(
                _("Line {line}: {name} is not valid base64 and was left out.").format(
                    line=prop.line, name=prop.name
                )
            )
            return ""
    charset = _charset(prop)
    if prop.params.get("CHARSET") and charset is None:
        card.warnings.append(
            _("Line {line}: the character set “{charset}” is unknown; read as UTF-8.").format(
                line=prop.line, charset=prop.params["CHARSET"][0]
            )
        )
    for candidate in (charset, "utf-8", "cp1252"):
        if candidate is None:
            continue
        try:
            return raw.decode(candidate)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return _UNESCAPE.sub(lambda match: _ESCAPED.get(match.group(1), "\\" + match.group(1)), text)


def _components(text: str) -> list[str]:
    """A structured value (N, ADR, ORG) split at its unescaped semicolons."""
    parts: list[str] = []
    current: list[str] = []
    escaped = False
    for char in text:
        if escaped:
            current.append("\\" + char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == ";":
            parts.append(_unescape("".join(current)).strip())
            current = []
        else:
            current.append(char)
    parts.append(_unescape("".join(current)).strip())
    return parts


def _check_photo(prop: Property, card: Card) -> None:
    """A photo is not kept; one that cannot be read is still worth a word in the report."""
    raw = prop.raw.strip()
    if raw[:5].lower() == b"data:":  # vCard 4.0: a data URI
        _head, _comma, raw = raw.partition(b",")
    elif prop.encoding not in ("BASE64", "B"):
        return  # a link to a picture elsewhere
    try:
        binascii.a2b_base64(b"".join(raw.split()), strict_mode=True)
    except binascii.Error:
        card.warnings.append(
            _(
                "Line {line}: the photo cannot be read (it is not valid base64); it was left out."
            ).format(line=prop.line)
        )


# --- a card as a record ---------------------------------------------------------------------


def _label(types: set[str]) -> str | None:
    if "WORK" in types:
        return OFFICE
    if "HOME" in types:
        return PRIVATE
    return None


def _phone_kind(types: set[str]) -> str:
    if "FAX" in types:
        return FAX
    if "CELL" in types or "MOBILE" in types:
        return MOBILE
    return PHONE


def _strip_scheme(value: str, scheme: str) -> str:
    return value[len(scheme) :] if value.lower().startswith(scheme) else value


def card_record(card: Card) -> SourceRecord:
    """The record a card describes (a broken card keeps its problems)."""
    record = SourceRecord(
        card.line, card.number, problems=list(card.problems), warnings=list(card.warnings)
    )
    titles: list[str] = []
    roles: list[str] = []
    for prop in card.properties:
        name = prop.name
        if name in BINARY_PROPERTIES:
            if name == "PHOTO":
                record.photo = True
                _check_photo(prop, card)
            continue
        if name in ("VERSION", "PRODID", "REV", "UID"):
            continue
        if name == "N":
            parts = _components(_text(prop, card)) + [""] * 5
            record.add_value(FAMILY_NAME, parts[0])
            record.add_value(GIVEN_NAME, join_nonempty(parts[1], parts[2]))
            record.add_value(TITLE, parts[3])
        elif name == "FN":
            record.values.setdefault(FULL_NAME, _unescape(_text(prop, card)).strip())
        elif name == "ORG":
            parts = [part for part in _components(_text(prop, card)) if part]
            if parts:
                record.values.setdefault(ORGANISATION, parts[0])
                record.add_value(DEPARTMENT, ", ".join(parts[1:]), sep=", ")
        elif name == "TITLE":
            titles.append(_unescape(_text(prop, card)).strip())
        elif name == "ROLE":
            roles.append(_unescape(_text(prop, card)).strip())
        elif name == "NOTE":
            record.add_value(NOTES, _unescape(_text(prop, card)), sep="\n")
        elif name == "TEL":
            value = _unescape(_text(prop, card)).strip()
            if value.lower().startswith("tel:"):  # vCard 4.0: a URI, "tel:+49-341-123-2020"
                value = value[4:].split(";")[0].replace("-", " ")
            if value:
                types = prop.types
                record.contacts.append(
                    SourceContact(_phone_kind(types), value, _label(types), prop.preferred)
                )
        elif name == "EMAIL":
            value = _strip_scheme(_unescape(_text(prop, card)).strip(), "mailto:")
            if value:
                types = prop.types
                record.contacts.append(SourceContact(EMAIL, value, _label(types), prop.preferred))
        elif name == "URL":
            value = _unescape(_text(prop, card)).strip()
            if value:
                record.contacts.append(SourceContact(WEB, value, _label(prop.types)))
        elif name == "ADR":
            parts = _components(_text(prop, card)) + [""] * 7
            street = join_nonempty(", ".join(parts[2].splitlines()), parts[1], parts[0], sep=", ")
            address = SourceAddress(
                street=street or None,
                city=parts[3] or None,
                region=parts[4] or None,
                postcode=parts[5] or None,
                country=parts[6] or None,
                label=_label(prop.types),
                preferred=prop.preferred,
            )
            if not address.is_empty():
                record.addresses.append(address)
        elif name == "LANG":
            code = _unescape(_text(prop, card)).strip().split("-")[0].lower()
            if code:
                record.add_value(LANGUAGES, code, sep=",")
                if prop.preferred:
                    record.values[PREFERRED_LANGUAGE] = code
                else:
                    record.values.setdefault(PREFERRED_LANGUAGE, code)
        elif name == "NICKNAME":
            record.values.setdefault(SHORT_NAME, _unescape(_text(prop, card)).strip())
        elif name == "KIND":
            kind = _text(prop, card).strip().lower()
            record.organisation_card = kind in ("org", "organization", "organisation")
        elif name == "X-ABSHOWAS":
            record.organisation_card = _text(prop, card).strip().upper() == "COMPANY"
        elif name in ("X-LIAISON-NAME-LATIN", "X-NAME-LATIN"):
            record.add_value(NAME_LATIN, _unescape(_text(prop, card)))
        elif name in ("X-LIAISON-NAME-ORIGINAL", "X-NAME-ORIGINAL"):
            record.add_value(NAME_ORIGINAL, _unescape(_text(prop, card)))
    record.add_value(FUNCTION, ", ".join(titles or roles), sep=", ")
    # Warnings found while decoding values (an unknown charset, bad base64) came after the copy.
    record.warnings = list(card.warnings)
    return record


def read_vcards(data: bytes) -> Iterator[SourceRecord]:
    """The records of a vCard file's bytes (UTF-16 files are re-encoded as UTF-8 first)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = data.decode("utf-16").encode("utf-8")
    elif data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    for card in read_cards(data):
        yield card_record(card)


def looks_like_vcard(data: bytes) -> bool:
    head = data[:2048]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    return b"BEGIN:VCARD" in head.upper()
