"""CSV files and Excel workbooks: reading their rows, and mapping their columns to fields.

The columns of a known export (Outlook in English or German, Google Contacts old and new) are
mapped without asking; other files get a guess from their column titles, which the user
corrects with the preview before anything is checked.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from crm.i18n import _
from crm.io.export_safety import unguard
from crm.io.import_model import (
    ADDRESS_COUNTRY,
    ADDRESS_PARTS,
    CITY,
    CONTACT_FIELDS,
    COUNTRY,
    DEPARTMENT,
    EMAIL,
    FAMILY_NAME,
    FAX,
    FORM_OF_ADDRESS,
    FULL_NAME,
    FUNCTION,
    GIVEN_NAME,
    HOME,
    IGNORE,
    LANGUAGES,
    MOBILE,
    NAME_LATIN,
    NAME_ORIGINAL,
    NOTES,
    OFFICE,
    ORGANISATION,
    ORGANISATIONS,
    PHONE,
    POSTCODE,
    PREFERRED_LANGUAGE,
    PRIVATE,
    REGION,
    SALUTATION,
    SHORT_NAME,
    STREET,
    TITLE,
    WEB,
    SourceAddress,
    SourceContact,
    SourceRecord,
    TableData,
    fields_for,
)
from crm.io.import_text import ImportFileError, detect_separator, read_text

OUTLOOK = "outlook"
GOOGLE = "google"
# Several values of one kind in one cell: Google writes " ::: ", Liaison's own lists "; ".
_VALUES_SEPARATOR = re.compile(r"\s*(?::::|;)\s*")
PREVIEW_ROWS = 5


@dataclass
class ColumnMapping:
    """Which field each column fills ("" leaves it out), and for Google's value columns the
    column that names their kind ("Phone 1 - Value" is typed by "Phone 1 - Label")."""

    targets: list[str]
    type_columns: dict[int, int] = field(default_factory=dict)

    def mapped(self) -> set[str]:
        return {target for target in self.targets if target}


# --- reading ----------------------------------------------------------------------------------


def read_csv(path: Path) -> tuple[TableData, str, str]:
    """The table in a CSV file, its encoding and its separator."""
    text, encoding = read_text(path)
    lines_skipped = 0
    first_line, _newline, rest = text.partition("\n")
    hint = re.fullmatch(r'"?sep=(.)"?\r?', first_line.strip("\ufeff"), re.IGNORECASE)
    if hint:  # Excel's "sep=;" line names the separator
        separator = hint.group(1)
        text = rest
        lines_skipped = 1
    else:
        separator = detect_separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            line = start + lines_skipped
            start = reader.line_num + 1
            if any(cell.strip() for cell in cells):
                # A leading quote that keeps a spreadsheet from reading "+371 …" as a formula
                # (Liaison's own export writes it) is not part of the value.
                rows.append((line, [unguard(_line_breaks(cell)).strip() for cell in cells]))
    except csv.Error as error:
        raise ImportFileError(
            _("The CSV file cannot be read near line {line}: {reason}").format(
                line=reader.line_num + lines_skipped, reason=error
            )
        ) from None
    return _table(rows), encoding, separator


def _line_breaks(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone number or postcode that Excel took for a number
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return _line_breaks(str(value)).strip()


def read_xlsx(path: Path) -> TableData:
    """The first sheet with data of an Excel workbook (read-only: large files stay cheap)."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, KeyError, ValueError, OSError) as error:
        raise ImportFileError(
            _("{name} is not an Excel workbook Liaison can read ({reason}).").format(
                name=path.name, reason=error
            )
        ) from None
    try:
        sheets = [workbook.active, *workbook.worksheets]
        for sheet in sheets:
            if sheet is None:
                continue
            rows: list[tuple[int, list[str]]] = []
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = [_cell_text(value) for value in values]
                if any(cells):
                    rows.append((number, cells))
            if rows:
                return _table(rows)
    finally:
        workbook.close()
    raise ImportFileError(_("The workbook {name} has no data.").format(name=path.name))


def _table(rows: list[tuple[int, list[str]]]) -> TableData:
    if not rows:
        raise ImportFileError(_("The file holds no rows."))
    header_line, header = rows[0]
    width = len(header)
    while width and not header[width - 1]:
        width -= 1
    headers = [cell or _("Column {number}").format(number=i + 1) for i, cell in enumerate(header)]
    body = [(line, (cells + [""] * width)[:width]) for line, cells in rows[1:]]
    return TableData(headers[:width], body, header_line)


# --- recognising the columns -----------------------------------------------------------------

_KNOWN: dict[str, str] = {
    # Outlook, English
    "title": TITLE,
    "first name": GIVEN_NAME,
    "middle name": GIVEN_NAME,
    "last name": FAMILY_NAME,
    "company": ORGANISATION,
    "department": DEPARTMENT,
    "job title": FUNCTION,
    "business street": STREET,
    "business street 2": STREET,
    "business street 3": STREET,
    "business city": CITY,
    "business state": REGION,
    "business postal code": POSTCODE,
    "business country/region": ADDRESS_COUNTRY,
    "business country": ADDRESS_COUNTRY,
    "home street": HOME + STREET,
    "home street 2": HOME + STREET,
    "home street 3": HOME + STREET,
    "home city": HOME + CITY,
    "home state": HOME + REGION,
    "home postal code": HOME + POSTCODE,
    "home country/region": HOME + ADDRESS_COUNTRY,
    "home country": HOME + ADDRESS_COUNTRY,
    "business fax": FAX,
    "business phone": PHONE,
    "business phone 2": PHONE,
    "company main phone": PHONE,
    "home phone": PHONE,
    "home phone 2": PHONE,
    "mobile phone": MOBILE,
    "home fax": FAX,
    "other phone": PHONE,
    "primary phone": PHONE,
    "e-mail address": EMAIL,
    "e-mail 2 address": EMAIL,
    "e-mail 3 address": EMAIL,
    "web page": WEB,
    # Outlook, German
    "anrede": TITLE,
    "vorname": GIVEN_NAME,
    "weitere vornamen": GIVEN_NAME,
    "nachname": FAMILY_NAME,
    "firma": ORGANISATION,
    "abteilung": DEPARTMENT,
    "position": FUNCTION,
    "straße geschäftlich": STREET,
    "straße geschäftlich 2": STREET,
    "straße geschäftlich 3": STREET,
    "ort geschäftlich": CITY,
    "region geschäftlich": REGION,
    "postleitzahl geschäftlich": POSTCODE,
    "land/region geschäftlich": ADDRESS_COUNTRY,
    "straße privat": HOME + STREET,
    "straße privat 2": HOME + STREET,
    "straße privat 3": HOME + STREET,
    "ort privat": HOME + CITY,
    "region privat": HOME + REGION,
    "postleitzahl privat": HOME + POSTCODE,
    "land/region privat": HOME + ADDRESS_COUNTRY,
    "fax geschäftlich": FAX,
    "telefon geschäftlich": PHONE,
    "telefon geschäftlich 2": PHONE,
    "telefon firma": PHONE,
    "telefon privat": PHONE,
    "telefon privat 2": PHONE,
    "mobiltelefon": MOBILE,
    "fax privat": FAX,
    "weiteres telefon": PHONE,
    "e-mail-adresse": EMAIL,
    "e-mail 2: adresse": EMAIL,
    "e-mail 3: adresse": EMAIL,
    "notizen": NOTES,
    "webseite": WEB,
    # Google Contacts (since 2023, and the older export)
    "name prefix": TITLE,
    "organization name": ORGANISATION,
    "organization title": FUNCTION,
    "organization department": DEPARTMENT,
    "given name": GIVEN_NAME,
    "additional name": GIVEN_NAME,
    "family name": FAMILY_NAME,
    # Common titles, English and German (Liaison's own lists among them)
    "name": FULL_NAME,
    "full name": FULL_NAME,
    "display name": FULL_NAME,
    "vollständiger name": FULL_NAME,
    "surname": FAMILY_NAME,
    "familienname": FAMILY_NAME,
    "titel": TITLE,
    "function": FUNCTION,
    "funktion": FUNCTION,
    "organisation": ORGANISATION,
    "organization": ORGANISATION,
    "institution": ORGANISATION,
    "email": EMAIL,
    "e-mail": EMAIL,
    "mail": EMAIL,
    "phone": PHONE,
    "telephone": PHONE,
    "telefon": PHONE,
    "tel.": PHONE,
    "mobile": MOBILE,
    "mobil": MOBILE,
    "handy": MOBILE,
    "fax": FAX,
    "telefax": FAX,
    "web": WEB,
    "website": WEB,
    "web address": WEB,
    "other emails": EMAIL,
    "other phones": PHONE,
    "address country": ADDRESS_COUNTRY,
    "address city": CITY,
    "homepage": WEB,
    "internet": WEB,
    "street": STREET,
    "address": STREET,
    "straße": STREET,
    "strasse": STREET,
    "anschrift": STREET,
    "adresse": STREET,
    "postcode": POSTCODE,
    "postal code": POSTCODE,
    "zip": POSTCODE,
    "zip code": POSTCODE,
    "plz": POSTCODE,
    "postleitzahl": POSTCODE,
    "city": CITY,
    "town": CITY,
    "ort": CITY,
    "stadt": CITY,
    "region": REGION,
    "state": REGION,
    "bundesland": REGION,
    "country": COUNTRY,
    "land": COUNTRY,
    "staat": COUNTRY,
    "notes": NOTES,
    "note": NOTES,
    "bemerkung": NOTES,
    "bemerkungen": NOTES,
    "anmerkungen": NOTES,
    "salutation": SALUTATION,
    "briefanrede": SALUTATION,
    "form of address": FORM_OF_ADDRESS,
    "languages": LANGUAGES,
    "sprachen": LANGUAGES,
    "preferred language": PREFERRED_LANGUAGE,
    "bevorzugte sprache": PREFERRED_LANGUAGE,
    "name as written": NAME_ORIGINAL,
    "name in latin letters": NAME_LATIN,
    "name (latin)": NAME_LATIN,
    "short name": SHORT_NAME,
    "kurzname": SHORT_NAME,
    "abkürzung": SHORT_NAME,
}
_GOOGLE_VALUE = re.compile(r"^(e-mail|phone|website) (\d+) - value$")
_GOOGLE_ADDRESS = re.compile(
    r"^address (\d+) - (street|city|region|postal code|country|extended address|po box)$"
)
_GOOGLE_ORGANISATION = re.compile(r"^organization 1 - (name|title|department)$")
_GOOGLE_ADDRESS_PARTS = {
    "street": STREET,
    "extended address": STREET,
    "po box": STREET,
    "city": CITY,
    "region": REGION,
    "postal code": POSTCODE,
    "country": ADDRESS_COUNTRY,
}


def _key(header: str) -> str:
    return " ".join(header.strip().strip("\ufeff").lower().split())


def recognise_preset(headers: list[str]) -> str | None:
    """ "outlook" or "google" when the header row is one of their exports, else None."""
    keys = {_key(header) for header in headers}
    if {"first name", "last name", "e-mail address"} <= keys or {
        "vorname",
        "nachname",
        "e-mail-adresse",
    } <= keys:
        return OUTLOOK
    if (
        "e-mail 1 - value" in keys
        or "phone 1 - value" in keys
        or "group membership" in keys
        or {"first name", "last name", "labels"} <= keys
    ):
        return GOOGLE
    return None


def _guess(key: str) -> tuple[str, str | None]:
    """The field for a column title, and (for Google) the title of its type column."""
    if key in _KNOWN:
        return _KNOWN[key], None
    match = _GOOGLE_VALUE.match(key)
    if match:
        kind = {"e-mail": EMAIL, "phone": PHONE, "website": WEB}[match.group(1)]
        return kind, f"{match.group(1)} {match.group(2)} - "
    match = _GOOGLE_ADDRESS.match(key)
    if match:
        part = _GOOGLE_ADDRESS_PARTS[match.group(2)]
        slot = "" if match.group(1) == "1" else HOME
        return slot + part, f"address {match.group(1)} - "
    match = _GOOGLE_ORGANISATION.match(key)
    if match:
        return {"name": ORGANISATION, "title": FUNCTION, "department": DEPARTMENT}[
            match.group(1)
        ], None
    return IGNORE, None


def guess_mapping(headers: list[str], kind: str) -> ColumnMapping:
    """The mapping that the column titles suggest, for importing ``kind``."""
    allowed = fields_for(kind)
    keys = [_key(header) for header in headers]
    targets: list[str] = []
    type_columns: dict[int, int] = {}
    for index, key in enumerate(keys):
        target, type_prefix = _guess(key)
        if kind == ORGANISATIONS and target == FULL_NAME:
            target = ORGANISATION
        if target not in allowed:
            target = IGNORE
        targets.append(target)
        if type_prefix is not None:
            for other, other_key in enumerate(keys):
                if other_key in (type_prefix + "type", type_prefix + "label"):
                    type_columns[index] = other
    # Google's old export has a "Name" beside the given and family names: one is enough.
    if FULL_NAME in targets and {GIVEN_NAME, FAMILY_NAME} <= set(targets):
        targets = [IGNORE if target == FULL_NAME else target for target in targets]
    return ColumnMapping(targets, type_columns)


# --- rows as records ---------------------------------------------------------------------------


def _label_of(text: str) -> str | None:
    """The label a column title or a Google type gives a phone, email or address."""
    lower = text.lower()
    if any(word in lower for word in ("home", "privat", "personal")):
        return PRIVATE
    if any(
        word in lower for word in ("business", "work", "geschäftlich", "firma", "büro", "arbeit")
    ):
        return OFFICE
    return None


def _typed_kind(kind: str, type_text: str) -> str:
    lower = type_text.lower()
    if kind in (PHONE, MOBILE, FAX):
        if "fax" in lower:
            return FAX
        if any(word in lower for word in ("mobil", "cell", "handy")):
            return MOBILE
    return kind


def table_records(table: TableData, mapping: ColumnMapping) -> list[SourceRecord]:
    """Every row as a record, by the mapping."""
    labels = [_label_of(header) for header in table.headers]
    targets = mapping.targets
    records: list[SourceRecord] = []
    for number, (line, cells) in enumerate(table.rows, start=1):
        record = SourceRecord(line, number)
        addresses: dict[str, SourceAddress] = {}
        for index, target in enumerate(targets):
            if not target or index >= len(cells) or not cells[index]:
                continue
            text = cells[index]
            type_text = ""
            if index in mapping.type_columns and mapping.type_columns[index] < len(cells):
                type_text = cells[mapping.type_columns[index]]
            if target in CONTACT_FIELDS:
                # Google types each of several values in one cell: "* Work ::: Home".
                types = _VALUES_SEPARATOR.split(type_text) if type_text else [""]
                values = [value for value in _VALUES_SEPARATOR.split(text) if value]
                for position, value in enumerate(values):
                    typed = types[min(position, len(types) - 1)]
                    record.contacts.append(
                        SourceContact(
                            _typed_kind(target, typed),
                            value,
                            _label_of(typed) or labels[index],
                            typed.startswith("*"),
                        )
                    )
                continue
            slot = HOME if target.startswith(HOME) else ""
            part = target.removeprefix(HOME)
            if part in ADDRESS_PARTS:
                address = addresses.setdefault(
                    slot, SourceAddress(label=PRIVATE if slot else (labels[index] or OFFICE))
                )
                if type_text:
                    address.label = _label_of(type_text) or address.label
                name = "country" if part == ADDRESS_COUNTRY else part
                old = getattr(address, name)
                if not old:
                    setattr(address, name, text)
                elif part == STREET:  # Outlook's "Business Street 2" and "3" go on the street
                    setattr(address, name, f"{old}, {text}")
                continue
            record.add_value(target, text, sep="\n" if target == NOTES else " ")
        record.addresses = [address for address in addresses.values() if not address.is_empty()]
        records.append(record)
    return records


def preview_rows(table: TableData, count: int = PREVIEW_ROWS) -> list[list[str]]:
    return [cells for _line, cells in table.rows[:count]]
