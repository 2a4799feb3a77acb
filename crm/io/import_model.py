"""What an import reads from a file, before it is checked: records of named fields.

A vCard and a mapped spreadsheet row both become a ``SourceRecord``: the text of each field
(the same names for every format), the phones, emails and web addresses, the postal addresses,
and what went wrong while reading it. Whether the record becomes a person or an organisation is
decided later (crm.io.import_check), by the kind the user imports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from crm.i18n import _

PEOPLE = "people"
ORGANISATIONS = "organisations"
KINDS = (PEOPLE, ORGANISATIONS)

VCARD = "vcard"
CSV = "csv"
XLSX = "xlsx"

# Label of a contact point or address read from a file (the values the editors offer).
OFFICE = "office"
PRIVATE = "private"

# The fields a record can carry (a spreadsheet column is mapped to one of them).
TITLE = "title"
GIVEN_NAME = "given_name"
FAMILY_NAME = "family_name"
FULL_NAME = "full_name"  # split into given and family name when those are not given
NAME_ORIGINAL = "name_original"
NAME_LATIN = "name_latin"
FUNCTION = "function"
ORGANISATION = "organisation"  # a person's organisation, or the organisation's own name
DEPARTMENT = "department"
SHORT_NAME = "short_name"
SALUTATION = "salutation"
FORM_OF_ADDRESS = "form_of_address"
LANGUAGES = "languages"
PREFERRED_LANGUAGE = "preferred_language"
COUNTRY = "country"
NOTES = "notes"
# Contact points: the field is the contact kind.
EMAIL = "email"
PHONE = "phone"
MOBILE = "mobile"
FAX = "fax"
WEB = "web"
CONTACT_FIELDS = (EMAIL, PHONE, MOBILE, FAX, WEB)
# Address parts: the office address, and with the prefix "home_" a private one.
STREET = "street"
POSTCODE = "postcode"
CITY = "city"
REGION = "region"
ADDRESS_COUNTRY = "address_country"
ADDRESS_PARTS = (STREET, POSTCODE, CITY, REGION, ADDRESS_COUNTRY)
HOME = "home_"
IGNORE = ""


def field_labels() -> dict[str, str]:
    """Every field with its name for the user, in the order the mapping offers them."""
    return {
        IGNORE: _("(do not import)"),
        TITLE: _("Title (Dr., Prof.)"),
        GIVEN_NAME: _("Given name"),
        FAMILY_NAME: _("Family name"),
        FULL_NAME: _("Full name"),
        NAME_ORIGINAL: _("Name as written (own script)"),
        NAME_LATIN: _("Name in Latin letters"),
        FUNCTION: _("Function"),
        ORGANISATION: _("Organisation"),
        DEPARTMENT: _("Department"),
        SHORT_NAME: _("Short name"),
        SALUTATION: _("Salutation"),
        FORM_OF_ADDRESS: _("Form of address"),
        LANGUAGES: _("Languages"),
        PREFERRED_LANGUAGE: _("Preferred language"),
        COUNTRY: _("Country"),
        NOTES: _("Notes"),
        EMAIL: _("Email"),
        PHONE: _("Phone"),
        MOBILE: _("Mobile"),
        FAX: _("Fax"),
        WEB: _("Web address"),
        STREET: _("Street"),
        POSTCODE: _("Postcode"),
        CITY: _("City"),
        REGION: _("Region"),
        ADDRESS_COUNTRY: _("Country of the address"),
        HOME + STREET: _("Street (private)"),
        HOME + POSTCODE: _("Postcode (private)"),
        HOME + CITY: _("City (private)"),
        HOME + REGION: _("Region (private)"),
        HOME + ADDRESS_COUNTRY: _("Country of the address (private)"),
    }


PERSON_ONLY = frozenset(
    {
        TITLE,
        GIVEN_NAME,
        FAMILY_NAME,
        FULL_NAME,
        NAME_ORIGINAL,
        FUNCTION,
        DEPARTMENT,
        SALUTATION,
        FORM_OF_ADDRESS,
        LANGUAGES,
        PREFERRED_LANGUAGE,
    }
    | {HOME + part for part in ADDRESS_PARTS}
)
ORGANISATION_ONLY = frozenset({SHORT_NAME})


def fields_for(kind: str) -> dict[str, str]:
    """The fields a column can be mapped to when importing ``kind``, with their labels."""
    labels = field_labels()
    if kind == ORGANISATIONS:
        labels[ORGANISATION] = _("Name")
        labels[NAME_LATIN] = _("Name in Latin letters")
        return {key: label for key, label in labels.items() if key not in PERSON_ONLY}
    return {key: label for key, label in labels.items() if key not in ORGANISATION_ONLY}


@dataclass
class SourceContact:
    kind: str  # "email", "phone", "mobile", "fax", "web"
    value: str
    label: str | None = None
    preferred: bool = False


@dataclass
class SourceAddress:
    street: str | None = None
    postcode: str | None = None
    city: str | None = None
    region: str | None = None
    country: str | None = None  # as written: "LV", "Latvia", "Lettland"
    label: str | None = None
    preferred: bool = False

    def is_empty(self) -> bool:
        return not any((self.street, self.postcode, self.city, self.region, self.country))


@dataclass
class SourceRecord:
    """One record as the file has it."""

    line: int  # the line (a spreadsheet's row) where the record starts, from 1
    number: int  # the record's place in the file: card 3, row 3
    values: dict[str, str] = field(default_factory=dict)
    contacts: list[SourceContact] = field(default_factory=list)
    addresses: list[SourceAddress] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # why it cannot be imported at all
    warnings: list[str] = field(default_factory=list)  # what was left out, and why
    photo: bool = False  # it carried a photo (Liaison keeps none)
    organisation_card: bool = False  # a vCard that describes an organisation, not a person

    def add_value(self, key: str, text: str | None, sep: str = " ") -> None:
        """Set a field, or add to it when several columns or properties fill it."""
        if text is None or not text.strip():
            return
        text = text.strip()
        old = self.values.get(key)
        self.values[key] = f"{old}{sep}{text}" if old else text


@dataclass
class TableData:
    """A spreadsheet or CSV file: its header and its rows with their line numbers."""

    headers: list[str]
    rows: list[tuple[int, list[str]]]
    header_line: int = 1


@dataclass
class ImportSource:
    """What was read from a file: vCard records, or a table still to be mapped."""

    path: Path
    format: str  # VCARD, CSV or XLSX
    encoding: str | None = None  # for text files: the encoding that was detected
    separator: str | None = None  # for CSV: the field separator
    records: list[SourceRecord] = field(default_factory=list)
    table: TableData | None = None
    preset: str | None = None  # "outlook" or "google": a known export, mapped without asking
    warnings: list[str] = field(default_factory=list)  # about the file as a whole

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def photos(self) -> int:
        return sum(1 for record in self.records if record.photo)

    def describe(self) -> str:
        """The file as the user should see it recognised: "vCard", "CSV, Windows-1252, ;"."""
        if self.format == VCARD:
            return _("vCard file")
        if self.format == XLSX:
            return _("Excel workbook")
        separator = {";": ";", ",": ",", "\t": _("tab")}.get(self.separator or ",", ",")
        return _("CSV file ({encoding}, separated by “{separator}”)").format(
            encoding=encoding_name(self.encoding), separator=separator
        )


def encoding_name(encoding: str | None) -> str:
    return {
        "utf-8": "UTF-8",
        "utf-8-sig": _("UTF-8 with BOM"),
        "utf-16": "UTF-16",
        "utf-16-le": "UTF-16",
        "utf-16-be": "UTF-16",
        "cp1252": "Windows-1252",
        "latin-1": "ISO-8859-1",
    }.get(encoding or "", encoding or "?")


def preset_name(preset: str | None) -> str:
    return {"outlook": _("Outlook contacts export"), "google": _("Google Contacts export")}.get(
        preset or "", ""
    )
