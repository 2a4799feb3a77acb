"""``liaison export``: the Leipzig demo's lists as CSV, Excel, vCard and iCalendar files, run as
a real process; bad input refused with one line on stderr, status 2 and no file."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from cli_helpers import BuiltDemo, Liaison, Result
from test_cli_briefing import assert_refused as assert_refused_by_liaison


def assert_refused(result: Result, folder: Path, *words: str) -> None:
    """As the other commands refuse; argparse's own refusals name the command too."""
    if result.stderr.startswith("liaison export: error: "):
        result = Result(result.returncode, result.stdout, result.stderr.replace(" export", "", 1))
    assert_refused_by_liaison(result, folder, *words)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def export(liaison: Liaison, demo: BuiltDemo, kind: str, target: Path, *options: str) -> Result:
    return liaison("export", kind, "--db", str(demo.path), "-o", str(target), *options)


def made(result: Result, target: Path) -> int:
    assert result.returncode == 0, result
    assert result.stderr == ""
    assert str(target) in result.stdout
    return int(result.stdout.split()[1])


def test_people_as_csv(liaison: Liaison, leipzig_demo: BuiltDemo, out: Path) -> None:
    target = out / "people.csv"
    count = made(export(liaison, leipzig_demo, "people", target, "--format", "csv"), target)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert len(rows) == count + 1 > 50
    header = rows[0]
    written = {row[header.index("Name as written")] for row in rows[1:]}
    assert {"Марта Гнатів", "ሙሉጌታ አለሙ", "陈建国", "יעל כהן", "Ελένη Γεωργίου", "김민준"} <= written
    assert list(out.iterdir()) == [target]


def test_a_query_with_a_comma(liaison: Liaison, leipzig_demo: BuiltDemo, out: Path) -> None:
    target = out / "register.csv"
    result = export(
        liaison,
        leipzig_demo,
        "correspondence",
        target,
        "--format",
        "csv",
        "--separator",
        ",",
        "--query",
        "Herzliya",
    )
    count = made(result, target)
    rows = list(csv.reader(io.StringIO(target.read_text("utf-8-sig"), newline="")))
    assert rows[0][:2] == ["Reference", "Date"]
    assert 0 < count == len(rows) - 1


def test_organisations_as_xlsx(liaison: Liaison, leipzig_demo: BuiltDemo, out: Path) -> None:
    from openpyxl import load_workbook

    target = out / "organisations.xlsx"
    count = made(export(liaison, leipzig_demo, "organisations", target, "--format", "xlsx"), target)
    sheet = load_workbook(target).active
    assert sheet.max_row == count + 1
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_chosen_people_as_vcard_4(liaison: Liaison, leipzig_demo: BuiltDemo, out: Path) -> None:
    import vobject

    target = out / "people.vcf"
    result = export(
        liaison,
        leipzig_demo,
        "people",
        target,
        "--format",
        "vcf",
        "--vcard-version",
        "4.0",
        "--id",
        "3",
        "1",
    )
    assert made(result, target) == 2
    cards = list(vobject.readComponents(target.read_text("utf-8")))
    assert [card.version.value for card in cards] == ["4.0", "4.0"]


def test_a_programme_as_ical(liaison: Liaison, leipzig_demo: BuiltDemo, out: Path) -> None:
    import icalendar

    target = out / "programme.ics"
    result = export(
        liaison,
        leipzig_demo,
        "delegations",
        target,
        "--format",
        "ics",
        "--delegation",
        "Herzliya",
        "--timezone",
        "Europe/Berlin",
    )
    made(result, target)
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    assert calendar.walk("VTIMEZONE")
    assert calendar.walk("VEVENT")


def test_visits_as_ical(liaison: Liaison, leipzig_demo: BuiltDemo, out: Path) -> None:
    import icalendar

    target = out / "visits.ics"
    count = made(export(liaison, leipzig_demo, "delegations", target, "--format", "ics"), target)
    assert len(icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")) == count > 3


@pytest.mark.parametrize(
    ("kind", "options", "words"),
    [
        ("people", ["--format", "ics"], ["cannot be exported as ics"]),
        ("partnerships", ["--format", "vcf"], ["vcf"]),
        ("people", ["--format", "csv", "--separator", "|"], ["semicolon"]),
        ("people", ["--format", "xlsx", "--separator", ";"], ["--separator"]),
        ("people", ["--format", "vcf", "--vcard-version", "2.1"], ["2.1"]),
        ("people", ["--format", "csv", "--vcard-version", "4.0"], ["--vcard-version"]),
        ("people", ["--format", "csv", "--delegation", "1"], ["--delegation"]),
        ("delegations", ["--format", "ics", "--delegation", "no such visit"], ["No delegation"]),
        ("delegations", ["--format", "ics", "--delegation", "9999"], ["9999"]),
        ("delegations", ["--format", "ics", "--timezone", "Mars/Olympus"], ["Mars/Olympus"]),
        ("delegations", ["--format", "csv", "--timezone", "Europe/Berlin"], ["--timezone"]),
        ("people", ["--format", "csv", "--id", "1", "--query", "x"], ["--id"]),
        ("people", ["--format", "csv", "--id", "0"], ["0"]),
        ("people", ["--format", "pdf"], ["pdf"]),
        ("gifts", ["--format", "csv"], ["gifts"]),
    ],
)
def test_bad_input(
    liaison: Liaison,
    leipzig_demo: BuiltDemo,
    out: Path,
    kind: str,
    options: list[str],
    words: list[str],
) -> None:
    result = export(liaison, leipzig_demo, kind, out / "x.file", *options)
    assert_refused(result, out, *words)


def test_bad_targets(liaison: Liaison, leipzig_demo: BuiltDemo, out: Path) -> None:
    assert_refused(export(liaison, leipzig_demo, "people", out, "--format", "csv"), out, "folder")
    missing = out / "missing" / "x.csv"
    assert_refused(
        export(liaison, leipzig_demo, "people", missing, "--format", "csv"), out, "does not exist"
    )
    result = liaison(
        "export",
        "people",
        "--db",
        str(out / "none.sqlite"),
        "--format",
        "csv",
        "-o",
        str(out / "x.csv"),
    )
    assert_refused(result, out, "no database")
