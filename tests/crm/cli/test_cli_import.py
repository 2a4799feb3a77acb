"""``liaison import``: vCards and spreadsheets into a real database file, the report as text
and JSON, a dry run that stores nothing, and bad input refused with one line."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from cli_helpers import Liaison, Result

DATA = Path(__file__).resolve().parents[1] / "io" / "data"


@pytest.fixture
def office(tmp_path: Path) -> Path:
    from crm.db.database import Database

    path = tmp_path / "office.sqlite"
    Database.open(path).close()
    return path


def stored(path: Path) -> tuple[int, int, int]:
    """People, history operations and search rows in the file."""
    connection = sqlite3.connect(path)
    try:
        return tuple(  # type: ignore[return-value]
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("people", "operations", "search_records")
        )
    finally:
        connection.close()


def refused(result: Result, message: str) -> None:
    assert result.returncode == 2, result
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("liaison") and "error: " in lines[0], lines[0]
    assert message in lines[0], lines[0]


def test_import_vcards(liaison: Liaison, office: Path) -> None:
    result = liaison("import", str(DATA / "broken.vcf"), "--db", str(office))
    assert result.returncode == 0, result
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "Import of people from broken.vcf",
        "Created: 3 · Updated: 0 · Skipped: 0 · Rejected: 2",
        "2 organisations were created: Bergen kommune, Helsingborgs stad",
        "1 photo was left out: Liaison keeps no photos.",
    ]
    # Only what was not simply created is listed, with its line and card.
    assert lines[5].startswith("Line 9 (card 2): rejected – Rūta Petrauskienė – The card has")
    assert lines[6].startswith("Line 15 (card 3): created – Darius Jankauskas – Line 20: the photo")
    assert lines[7].startswith("Line 33 (card 5): rejected – Anna Wiśniewska – The file ends")
    assert len(lines) == 8
    assert stored(office)[:2] == (3, 1)
    search = liaison("search", "jankauskas", "--db", str(office), "--json")
    assert [hit["name"] for hit in json.loads(search.stdout)] == ["Darius Jankauskas"]


def test_import_again_skips_the_known_ones_as_json(liaison: Liaison, office: Path) -> None:
    first = liaison("import", str(DATA / "outlook_21.vcf"), "--db", str(office), "--json")
    assert first.returncode == 0, first
    again = liaison("import", str(DATA / "outlook_21.vcf"), "--db", str(office), "--json")
    report = json.loads(again.stdout)
    assert report["summary"] == {"create": 0, "update": 0, "skip": 3, "reject": 0}
    assert [(r["line"], r["action"]) for r in report["records"]] == [
        (1, "skip"),
        (36, "skip"),
        (49, "skip"),
    ]
    assert report["records"][0]["reason"] == "“Dr. Gabriele Goldfuß” has the same email address"
    assert stored(office)[:2] == (3, 1)  # the second run changed nothing: no operation


def test_dry_run_stores_nothing(liaison: Liaison, office: Path) -> None:
    before = stored(office)
    result = liaison(
        "import", str(DATA / "excel_de.csv"), "--db", str(office), "--dry-run", "--json"
    )
    assert result.returncode == 0, result
    report = json.loads(result.stdout)
    assert report["dry_run"] is True
    assert [(r["line"], r["action"]) for r in report["records"]] == [
        (2, "create"),
        (3, "reject"),
        (4, "reject"),
        (5, "reject"),
    ]
    assert report["records"][2]["reason"] == "The record has no name."
    assert stored(office) == before


def test_organisations_from_a_google_export(liaison: Liaison, office: Path) -> None:
    result = liaison(
        "import", str(DATA / "google_contacts.csv"), "--kind", "organisations", "--db", str(office)
    )
    assert result.returncode == 0, result
    assert "Import of organisations from google_contacts.csv" in result.stdout


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.vcf", None, "There is no file"),
        ("notes.docx", b"PK-less text", "is not a file Liaison can import"),
        ("binary.csv", b"\x00\x01\x02\x03\xff\xfe\x00\x00", "not text in an encoding"),
        ("numbers.csv", b"a;b;c\n1;2;3\n", "No column of numbers.csv could be recognised"),
        ("empty.csv", b"", "empty.csv is empty."),
    ],
)
def test_bad_files_are_refused(
    liaison: Liaison,
    office: Path,
    tmp_path: Path,
    name: str,
    content: bytes | None,
    message: str,
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    before = stored(office)
    refused(liaison("import", str(path), "--db", str(office)), message)
    assert stored(office) == before


def test_bad_options_and_databases(liaison: Liaison, office: Path, tmp_path: Path) -> None:
    refused(
        liaison("import", str(DATA / "outlook_21.vcf"), "--kind", "cities", "--db", str(office)),
        "invalid choice",
    )
    nowhere = tmp_path / "nowhere.sqlite"
    refused(
        liaison("import", str(DATA / "outlook_21.vcf"), "--db", str(nowhere)),
        "There is no database",
    )
    assert not nowhere.exists()
