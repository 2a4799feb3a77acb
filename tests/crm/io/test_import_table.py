"""CSV files and workbooks: encodings and separators found out, Outlook's and Google's exports
mapped without asking, other columns guessed from their titles."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest

from crm.io.import_model import (
    ADDRESS_COUNTRY,
    CITY,
    EMAIL,
    FAMILY_NAME,
    FAX,
    FULL_NAME,
    GIVEN_NAME,
    IGNORE,
    MOBILE,
    OFFICE,
    ORGANISATION,
    PHONE,
    PRIVATE,
    STREET,
)
from crm.io.import_source import open_source, source_records
from crm.io.import_table import guess_mapping, table_records
from crm.io.import_text import detect_encoding, detect_separator

DATA = Path(__file__).resolve().parent / "data"


def test_google_contacts_csv() -> None:
    source = open_source(DATA / "google_contacts.csv")
    assert source.preset == "google"
    assert (source.encoding, source.separator) == ("utf-8", ",")
    ek, nkosi, li, bergstrom = source_records(source, "people")
    assert (ek.values["given_name"], ek.values["family_name"]) == ("Karin", "Ek")
    assert ek.values["organisation"] == "Sveriges ambassad i Riga"
    assert ek.values["function"] == "Counsellor"
    assert [(c.kind, c.value, c.label) for c in ek.contacts] == [
        (EMAIL, "karin.ek@gov.se", OFFICE),
        (PHONE, "6 76 86 600", OFFICE),
        (MOBILE, "+46 70 123 45 67", None),
        ("web", "https://www.swedenabroad.se/riga", OFFICE),
    ]
    assert ek.contacts[0].preferred  # "* Work"
    assert (ek.addresses[0].street, ek.addresses[0].city, ek.addresses[0].country) == (
        "Pumpura iela 8",
        "Rīga",
        "Latvia",
    )
    # Several values in one cell, typed one by one; the formatted address is not needed.
    assert [(c.kind, c.value, c.label) for c in nkosi.contacts] == [
        (EMAIL, "tnkosi@mandelametro.gov.za", OFFICE),
        (EMAIL, "thandi.nkosi@gmail.com", PRIVATE),
        (PHONE, "+27 41 506 2270", OFFICE),
        (MOBILE, "+27 82 555 0134", None),
    ]
    assert nkosi.values["department"] == "Office of the Executive Mayor"
    assert nkosi.line == 5  # Karin Ek's formatted address runs over three lines
    assert li.values["organisation"] == "上海市人民政府外事办公室"
    assert li.contacts[-1].kind == FAX  # "Work Fax"
    assert bergstrom.values["family_name"] == "Bergström"


def test_outlook_csv_in_english() -> None:
    source = open_source(DATA / "outlook_contacts.csv")
    assert source.preset == "outlook"
    assert source.encoding == "utf-8-sig"
    park, ozola, sorensen = source_records(source, "people")
    assert park.values["organisation"] == "City of Bellevue"
    assert park.values["function"] == "Sister Cities Coordinator"
    assert park.addresses[0].country == "United States of America"
    assert park.addresses[0].region == "WA"
    assert ozola.values["title"] == "Dr."
    assert (
        ozola.values["notes"]
        == "Prefers letters in German or English.\nVisited Leipzig in May 2025."
    )
    assert [(c.kind, c.label) for c in sorensen.contacts] == [
        (PHONE, OFFICE),
        (PHONE, PRIVATE),
        (EMAIL, None),
        (EMAIL, None),
    ]
    # Birthday "0/0/00", gender, sensitivity and the like are not imported.
    assert set(park.values) <= {
        "given_name",
        "family_name",
        "organisation",
        "function",
        "title",
    }


def test_outlook_csv_in_german_from_windows_1252() -> None:
    source = open_source(DATA / "outlook_de.csv")
    assert (source.preset, source.encoding) == ("outlook", "cp1252")
    goldfuss, mueller = source_records(source, "people")
    assert goldfuss.values["family_name"] == "Goldfuß"
    assert goldfuss.values["title"] == "Frau"
    assert goldfuss.values["notes"] == "Städtepartnerschaften; Grüße an das Büro."
    assert mueller.values["given_name"] == "Jörg Peter"  # "Weitere Vornamen" joins the given name
    assert mueller.values["family_name"] == "Müller-Lüdenscheidt"
    office, home = mueller.addresses
    assert (office.street, office.label) == ("Könneritzstraße 12", OFFICE)
    assert (home.street, home.city, home.label) == ("Gohliser Straße 3", "Leipzig", PRIVATE)
    assert [(c.kind, c.label) for c in mueller.contacts] == [
        (PHONE, OFFICE),
        (PHONE, PRIVATE),
        (MOBILE, None),
        (EMAIL, None),
    ]


def test_german_excel_csv_with_semicolons() -> None:
    source = open_source(DATA / "excel_de.csv")
    assert (source.preset, source.encoding, source.separator) == (None, "cp1252", ";")
    assert source.describe() == "CSV file (Windows-1252, separated by “;”)"
    baerwald, weiss, ingrid, schroeder = source_records(source, "people")
    assert baerwald.values["family_name"] == "Bärwald"
    assert baerwald.values["notes"] == "Zuständig für Gästebuch, Geschenke und Fahnen"
    assert baerwald.values["country"] == "Deutschland"
    assert baerwald.addresses[0].street == "Martin-Luther-Ring 4-6"
    assert weiss.values["title"] == "Dr."
    assert "family_name" not in ingrid.values
    assert schroeder.values["organisation"] == "Freundeskreis Leipzig–Herzliya e.V."
    assert [line for line, _cells in source.table.rows] == [2, 3, 4, 5]  # type: ignore[union-attr]


def test_utf16_tab_separated_text_from_excel() -> None:
    source = open_source(DATA / "kontakte_unicode.txt")
    assert (source.encoding, source.separator) == ("utf-16-le", "\t")
    koval, kovalyova, zhang, levi = source_records(source, "people")
    assert koval.values["organisation"] == "Київська міська державна адміністрація"
    assert kovalyova.values["function"] == "Отдел внешних связей"
    assert zhang.values["organisation"] == "上海市人民政府外事办公室"
    assert koval.addresses[0].city == "Київ"
    assert levi.values["organisation"] == "עיריית הרצליה"


def test_excel_workbook(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Nachname", "Vorname", "E-Mail", "Telefon", "PLZ", "Geburtstag", "Land"])
    sheet.append(["Vecvagare", "Natalja", "natalja.vecvagare@dome.liepaja.lv", 37163404789,
                  3401, date(1975, 4, 2), "Lettland"])  # fmt: skip
    sheet.append([None, None, None, None, None, None, None])
    sheet.append(["Ozols", "Kārlis", None, "+371 29 876 543", None, None, "LV"])
    path = tmp_path / "kontakte.xlsx"
    workbook.save(path)
    source = open_source(path)
    assert source.format == "xlsx" and source.describe() == "Excel workbook"
    vecvagare, ozols = source_records(source, "people")
    assert vecvagare.contacts[1].value == "37163404789"  # a number, not "3.7e10"
    assert vecvagare.addresses[0].postcode == "3401"
    assert vecvagare.values["country"] == "Lettland"
    assert (vecvagare.line, ozols.line) == (2, 4)  # the empty row is passed over


def test_guessing_columns_for_organisations() -> None:
    headers = ["Name", "Name in Latin letters", "City", "Country", "Email", "Phone", "Address city"]
    mapping = guess_mapping(headers, "organisations")
    assert mapping.targets[0] == ORGANISATION
    assert mapping.targets[2] == CITY
    assert mapping.targets[6] == CITY
    people = guess_mapping(headers, "people")
    assert people.targets[0] == FULL_NAME


def test_a_mapping_chosen_by_hand() -> None:
    source = open_source(DATA / "excel_de.csv")
    assert source.table is not None
    mapping = guess_mapping(source.table.headers, "people")
    assert mapping.targets[:2] == [FAMILY_NAME, GIVEN_NAME]
    mapping.targets[0], mapping.targets[1] = GIVEN_NAME, FAMILY_NAME  # the user swaps them
    mapping.targets[10] = ADDRESS_COUNTRY
    mapping.targets[7] = IGNORE
    first = table_records(source.table, mapping)[0]
    assert (first.values["given_name"], first.values["family_name"]) == ("Bärwald", "Jürgen")
    assert first.addresses[0].country == "Deutschland" and first.addresses[0].street is None
    assert STREET not in first.values


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + "Müller".encode(), "utf-8-sig"),
        ("Müller".encode(), "utf-8"),
        ("Müller".encode("cp1252"), "cp1252"),
        (codecs.BOM_UTF16_LE + "Müller".encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + "Müller".encode("utf-16-be"), "utf-16-be"),
        ("Name;Ort\r\nMüller;Leipzig\r\n".encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_encodings(data: bytes, encoding: str) -> None:
    assert detect_encoding(data) == encoding


@pytest.mark.parametrize(
    ("text", "separator"),
    [
        ('Name;Ort\n"Goldfuß, Gabriele";Leipzig\n', ";"),
        ("Name,Ort\nGoldfuß,Leipzig\n", ","),
        ("Name\tOrt\nGoldfuß\tLeipzig\n", "\t"),
        ('Name,Notiz\n"a;b;c",x\n"d",y\n', ","),
    ],
)
def test_separators(text: str, separator: str) -> None:
    assert detect_separator(text) == separator


def test_excel_separator_line_and_mixed_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    path.write_bytes(b"sep=,\r\nNachname,Vorname\r\nOzols,K\xe4rlis\nOzola,Dace\rBerzina,Ilze\r\n")
    source = open_source(path)
    assert source.separator == ","
    lines = [(line, cells[0]) for line, cells in source.table.rows]  # type: ignore[union-attr]
    assert lines == [(3, "Ozols"), (4, "Ozola"), (5, "Berzina")]
