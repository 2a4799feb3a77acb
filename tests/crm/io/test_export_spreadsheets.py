"""CSV and XLSX exports read back with the csv module and openpyxl: names in every script,
typed cells, and nothing that a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import pytest
from export_office import FORMULAS, SCRIPTS, Office, office_fixture  # noqa: F401  (the fixture)

from crm.db.database import Database
from crm.io.export_csv import write_csv
from crm.io.export_model import Column, ExportRequest, ExportTable
from crm.io.export_run import export_to_file
from crm.io.export_safety import guard, is_risky, unguard
from crm.validation import format_phone


def read_csv(path: Path, separator: str = ";") -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte order mark"
    assert b"\r\n" in data
    text = data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))


def as_dicts(rows: list[list[str]]) -> list[dict[str, str]]:
    header, *body = rows
    return [dict(zip(header, row, strict=True)) for row in body]


@pytest.mark.parametrize("separator", [";", ","])
def test_people_csv_round_trip(
    db: Database, office: Office, tmp_path: Path, separator: str
) -> None:
    target = tmp_path / "people.csv"
    result = export_to_file(db, ExportRequest("people", "csv", separator=separator), target)
    assert result.records == len(SCRIPTS) + 1
    people = {row["No."]: row for row in as_dicts(read_csv(target, separator))}
    for given, family, original, latin, _language, _country in SCRIPTS:
        row = people[str(office.people[family])]
        assert (row["Given name"], row["Family name"]) == (given, family)
        assert row["Name as written"] == (original or "")
        assert row["Name in Latin letters"] == (latin or "")
        # Phones keep their digits and spacing behind the quote that keeps them text.
        assert row["Phone"] == "'+371 63 404 789"
        assert unguard(row["Phone"]) == format_phone("+37163404789", "")
        assert row["Other phones"] == "'+49 341 1232020"
        assert row["Mobile"] == "'+371 29 123 456"
        assert row["Fax"] == "'+371 63 404 790"
        assert row["Other emails"] == "private@example.net"
        assert row["Organisation"] == "Rīgas pilsētas dome"
        assert row["Department"] == "Protocol, Department"
        # Semicolons and commas inside a value are quoted, not split.
        assert row["Function"] == "Head of protocol; international relations, culture"
        assert row["City"] == "Liepāja"
        assert row["Changed"] == date.today().isoformat()
    assert people[str(office.people["Bērziņa"])]["Title"] == "Dr."
    assert people[str(office.people["Bērziņa"])]["Country"] == "Latvia"


def test_csv_quotes_formulas(db: Database, office: Office, tmp_path: Path) -> None:
    target = tmp_path / "people.csv"
    export_to_file(db, ExportRequest("people", "csv", ids=(office.formula_person_id,)), target)
    [row] = as_dicts(read_csv(target))
    assert row["Family name"] == "'" + FORMULAS[0]
    assert row["Given name"] == "'" + FORMULAS[1]
    assert row["Function"] == "'" + FORMULAS[2]
    assert row["Salutation"] == "'" + FORMULAS[3]
    assert row["Form of address"] == "'" + FORMULAS[6]
    assert row["Street"] == "'=1+1"
    assert row["City"] == "'@home"
    for value in row.values():
        assert not is_risky(value), value


def test_every_trigger_is_guarded() -> None:
    for value in [*FORMULAS, "\n=1", "＝1+1", "＋1", "－1", "＠A1", "\x00=1"]:
        assert guard(value).startswith("'")
        assert unguard(guard(value)) == value
    for value in ["Goldfuß", "'quoted", "", "0341 123", "a=b", "1-2"]:
        assert guard(value) == value
        assert unguard(value) == value


def test_csv_writer_quotes_by_rfc_4180() -> None:
    table = ExportTable(
        "T",
        [Column("A"), Column("B", "date"), Column("C", "int"), Column("D", "datetime")],
        iter(
            [
                [('say "hi"; ok', date(2026, 5, 12), 7, datetime(2026, 5, 12, 14, 30))],
                [("two\nlines", None, None, None)],
            ]
        ),
        2,
    )
    stream = io.StringIO(newline="")
    assert write_csv(table, stream, ";") == 2
    assert stream.getvalue() == (
        'A;B;C;D\r\n"say ""hi""; ok";2026-05-12;7;2026-05-12 14:30\r\n"two\nlines";;;\r\n'
    )


def test_people_xlsx_typed_and_formula_free(db: Database, office: Office, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "people.xlsx"
    export_to_file(db, ExportRequest("people", "xlsx"), target)
    book = load_workbook(target)
    sheet = book.active
    assert sheet.title == "People"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A1:")
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == ["No.", "Title", "Given name", "Family name"]
    assert all(cell.font.b for cell in sheet[1])
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert len(rows) == len(SCRIPTS) + 1
    for cells in sheet.iter_rows():
        for cell in cells:
            assert cell.data_type != "f", (cell.coordinate, cell.value)
    column = {title: index for index, title in enumerate(header)}
    for _given, family, original, latin, _language, _country in SCRIPTS:
        row = rows[office.people[family]]
        assert row[column["Family name"]].value == family
        assert row[column["Name as written"]].value == original
        assert row[column["Name in Latin letters"]].value == latin
        assert row[column["Phone"]].value == "+371 63 404 789"  # no quote needed: a string cell
        assert row[column["Phone"]].data_type == "s"
        changed = row[column["Changed"]]
        assert changed.is_date and isinstance(changed.value, datetime)
        assert changed.value.date() == date.today()
        assert isinstance(row[column["No."]].value, int)
    formula = rows[office.formula_person_id]
    assert formula[column["Family name"]].value == FORMULAS[0]
    assert formula[column["Given name"]].value == FORMULAS[1]
    assert formula[column["Street"]].value == "=1+1"
    widths = [sheet.column_dimensions[letter].width for letter in ("D", "H", "J")]
    assert all(width and width >= 15 for width in widths)


def test_other_lists_as_xlsx(db: Database, office: Office, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    for kind in ("organisations", "partnerships", "delegations", "correspondence"):
        target = tmp_path / f"{kind}.xlsx"
        export_to_file(db, ExportRequest(kind, "xlsx"), target)
        sheet = load_workbook(target).active
        for cells in sheet.iter_rows():
            for cell in cells:
                assert cell.data_type != "f"
    delegations = load_workbook(tmp_path / "delegations.xlsx").active
    header = [cell.value for cell in delegations[1]]
    rows = [[cell.value for cell in row] for row in delegations.iter_rows(min_row=2)]
    assert [row[header.index("Member")] for row in rows] == ["Vitali Klitschko", "Ji-woo Kim"]
    assert {row[header.index("Delegation")] for row in rows} == {
        "Besuch aus Kyjiw; Kultur, Bildung"
    }
    first = rows[0]
    assert first[header.index("From")] == datetime(2026, 3, 27)
    assert first[header.index("Rank")] == 1
    assert first[header.index("Name as written")] == "Віталій Кличко"
    assert first[header.index("Dietary needs")] == "vegetarian"
    assert isinstance(first[header.index("Arrival")], datetime)
    partnerships = load_workbook(tmp_path / "partnerships.xlsx").active
    header = [cell.value for cell in partnerships[1]]
    [row] = [[cell.value for cell in r] for r in partnerships.iter_rows(min_row=2)]
    assert row[header.index("Partner city")] == "Kiew"
    assert row[header.index("Name as written")] == "Київ"
    assert row[header.index("Since")] == 1961
    assert row[header.index("Themes")] == "culture, education"


def test_delegation_without_members_has_a_row(db: Database, office: Office, tmp_path: Path) -> None:
    from crm.services.delegations import DelegationInput, create_delegation

    empty, _changes = create_delegation(
        db,
        DelegationInput(
            title="Planned visit", start_date=date(2027, 1, 5), end_date=date(2027, 1, 6)
        ),
    )
    target = tmp_path / "delegations.csv"
    export_to_file(
        db, ExportRequest("delegations", "csv", ids=(empty, office.delegation_id)), target
    )
    rows = as_dicts(read_csv(target))
    assert [row["Delegation"] for row in rows] == ["Planned visit"] + [
        "Besuch aus Kyjiw; Kultur, Bildung"
    ] * 2
    assert rows[0]["Member"] == ""


def test_a_filtered_list_and_a_selection(db: Database, office: Office, tmp_path: Path) -> None:
    target = tmp_path / "people.csv"
    export_to_file(db, ExportRequest("people", "csv", query="Klitschko"), target)
    assert [row["Family name"] for row in as_dicts(read_csv(target))] == ["Klitschko"]
    chosen = (office.people["Kim"], office.people["Chen"])
    export_to_file(db, ExportRequest("people", "csv", ids=chosen), target)
    assert [row["Family name"] for row in as_dicts(read_csv(target))] == ["Kim", "Chen"]


def test_german_headers(db: Database, office: Office, tmp_path: Path) -> None:
    from crm import i18n

    i18n.set_language("de")
    target = tmp_path / "people.csv"
    export_to_file(db, ExportRequest("people", "csv"), target)
    header = read_csv(target)[0]
    assert header[:4] == ["Nr.", "Titel", "Vorname", "Familienname"]
