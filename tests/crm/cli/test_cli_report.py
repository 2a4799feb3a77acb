"""``liaison report``: the partnership overview, the evaluation, contact sheets and the gift
register of the Leipzig demo as PDF files; bad input refused with one line and no file."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from cli_helpers import BuiltDemo, Liaison, Result
from test_cli_briefing import assert_refused, pdf_text


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def report(liaison: Liaison, demo: BuiltDemo, kind: str, target: Path, *options: str) -> Result:
    return liaison("report", kind, "--db", str(demo.path), "-o", str(target), *options)


def made(result: Result, target: Path) -> str:
    assert result.returncode == 0, result
    assert result.stderr == ""
    assert str(target) in result.stdout
    assert target.read_bytes().startswith(b"%PDF-")
    return pdf_text(target)


def test_partnership_overview(liaison: Liaison, leipzig_demo: BuiltDemo, out: Path) -> None:
    target = out / "partnerships.pdf"
    text = made(report(liaison, leipzig_demo, "partnerships", target, "--lang", "en"), target)
    assert "Partnership overview" in text and "21 partnerships" in text
    for city in ("Київ", "Kyiv", "南京", "הרצליה", "Θεσσαλονίκη", "광주", "አዲስ አበባ", "Gdańsk"):
        assert city in text, city
    assert "Twin city" in text and "AAA" in text
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True)
    assert "(A4)" in info.stdout
    assert [path.name for path in out.iterdir()] == ["partnerships.pdf"]


def test_partnership_overview_in_german_on_letter(
    liaison: Liaison, leipzig_demo: BuiltDemo, out: Path
) -> None:
    target = out / "partnerschaften.pdf"
    result = report(
        liaison, leipzig_demo, "partnerships", target, "--lang", "de", "--page-size", "Letter"
    )
    text = made(result, target)
    assert "Partnerschaftsübersicht" in text and "Städtepartnerschaft" in text
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True)
    assert "(letter)" in info.stdout


def test_evaluation_for_a_period(liaison: Liaison, leipzig_demo: BuiltDemo, out: Path) -> None:
    target = out / "evaluation.pdf"
    result = report(
        liaison,
        leipzig_demo,
        "evaluation",
        target,
        "--lang",
        "en",
        "--from",
        "01.01.2026",
        "--to",
        "2026-12-31",
    )
    text = made(result, target)
    assert "1 January 2026 – 31 December 2026" in text
    assert "Activity per partnership" in text
    assert "How the suggested rating is worked out" in text


def test_evaluation_without_dates(liaison: Liaison, leipzig_demo: BuiltDemo, out: Path) -> None:
    target = out / "evaluation.pdf"
    text = made(report(liaison, leipzig_demo, "evaluation", target, "--lang", "en"), target)
    assert "Evaluation of the partnerships" in text and "Summary" in text


def test_contacts_of_a_delegation(liaison: Liaison, leipzig_demo: BuiltDemo, out: Path) -> None:
    target = out / "herzliya.pdf"
    result = report(
        liaison, leipzig_demo, "contacts", target, "--delegation", "Herzliya", "--lang", "en"
    )
    text = made(result, target)
    assert "Contact sheet" in text and "אבי לוי" in text and "avi.levi@herzliya.muni.il" in text


def test_contacts_of_people_and_organisations(
    liaison: Liaison, leipzig_demo: BuiltDemo, out: Path
) -> None:
    target = out / "selection.pdf"
    result = report(
        liaison,
        leipzig_demo,
        "contacts",
        target,
        "--person",
        "1",
        "2",
        "--organisation",
        "1",
        "--lang",
        "en",
    )
    text = made(result, target)
    assert "Gabriele Goldfuß" in text and "Katrin Sommer" in text
    assert "Stadt Leipzig, Referat Internationale Zusammenarbeit" in text
    assert "2 people · 1 organisation" in text


def test_gift_register(liaison: Liaison, leipzig_demo: BuiltDemo, out: Path) -> None:
    whole = out / "gifts.pdf"
    text = made(report(liaison, leipzig_demo, "gifts", whole, "--lang", "en"), whole)
    assert "Gift register" in text and "All dates · 13 gifts" in text and "Totals" in text
    year = out / "gifts-2025.pdf"
    result = report(
        liaison, leipzig_demo, "gifts", year, "--from", "2025-01-01", "--to", "2025-12-31"
    )
    text = made(result, year)
    assert "Yunjin-Brokat" in text and "Kelim" not in text  # 2025 only


@pytest.mark.parametrize(
    ("kind", "options", "words"),
    [
        ("evaluation", ["--from", "2026-13-01"], ["“2026-13-01” is not a date"]),
        ("gifts", ["--to", "yesterday"], ["“yesterday” is not a date"]),
        ("gifts", ["--from", "2026-05-01", "--to", "2026-01-01"], ["ends before it starts"]),
        ("evaluation", ["--from", "2099-01-01"], ["ends before it starts"]),
        ("contacts", [], ["needs --delegation"]),
        ("contacts", ["--person", "9999"], ["no person with the number 9999"]),
        ("contacts", ["--person", "9998", "9999"], ["no people with the numbers 9998, 9999"]),
        ("contacts", ["--organisation", "9999"], ["no organisation with the number 9999"]),
        ("contacts", ["--person", "abc"], ["“abc” is not a record number"]),
        ("contacts", ["--delegation", "Timbuktu"], ["No delegation matches “Timbuktu”"]),
        ("contacts", ["--delegation", "9999"], ["no delegation with the number 9999"]),
        ("partnerships", ["--from", "2026-01-01"], ["--from and --to are for"]),
        ("gifts", ["--delegation", "2"], ["for the contact sheet only"]),
        ("letters", [], ["invalid choice"]),
        ("partnerships", ["--lang", "fr"], ["invalid choice"]),
    ],
)
def test_bad_input_is_refused(
    liaison: Liaison,
    leipzig_demo: BuiltDemo,
    out: Path,
    kind: str,
    options: list[str],
    words: list[str],
) -> None:
    result = report(liaison, leipzig_demo, kind, out / "x.pdf", "--lang", "en", *options)
    assert result.returncode == 2, result
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("liaison")
    for word in words:
        assert word in result.stderr
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("where", ["file as folder", "missing folder", "a folder"])
def test_a_place_that_cannot_be_written_is_refused(
    liaison: Liaison, leipzig_demo: BuiltDemo, out: Path, where: str
) -> None:
    notes = out / "notes.txt"
    notes.write_text("x", encoding="utf-8")
    target = {
        "file as folder": notes / "x.pdf",
        "missing folder": out / "missing" / "x.pdf",
        "a folder": out,
    }[where]
    result = report(liaison, leipzig_demo, "partnerships", target)
    assert_refused_keeping(result, out, ["notes.txt"])


def test_bad_input_keeps_an_existing_file(
    liaison: Liaison, leipzig_demo: BuiltDemo, out: Path
) -> None:
    target = out / "contacts.pdf"
    target.write_bytes(b"old")
    result = report(liaison, leipzig_demo, "contacts", target, "--person", "9999")
    assert_refused_keeping(result, out, ["contacts.pdf"])
    assert target.read_bytes() == b"old"


def test_a_missing_database(liaison: Liaison, out: Path) -> None:
    result = liaison("report", "gifts", "--db", str(out / "none.sqlite"), "-o", str(out / "x.pdf"))
    assert_refused(result, out, "There is no database")


def assert_refused_keeping(result: Result, folder: Path, names: list[str]) -> None:
    assert result.returncode == 2, result
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert sorted(path.name for path in folder.iterdir()) == names
