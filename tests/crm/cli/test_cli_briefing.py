"""``liaison briefing``: a delegation's sheet as a PDF, found by number or by words."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from cli_helpers import BuiltDemo, Liaison, Result


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder for the PDFs (tmp_path holds the test's data and config folders)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def pdf_text(path: Path) -> str:
    completed = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, timeout=60
    )
    text = re.sub("[\u202a-\u202e]", "", completed.stdout.decode("utf-8"))  # bidi marks
    return " ".join(text.split())


def assert_refused(result: Result, folder: Path, *words: str) -> None:
    assert result.returncode == 2, result
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("liaison: error: ")
    for word in words:
        assert word in result.stderr
    assert list(folder.iterdir()) == []


def test_briefing_by_words(liaison: Liaison, leipzig_demo: BuiltDemo, out: Path) -> None:
    target = out / "herzliya.pdf"
    result = liaison(
        "briefing", "Herzliya", "--db", str(leipzig_demo.path), "-o", str(target), "--lang", "en"
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert str(target) in result.stdout
    text = pdf_text(target)
    assert "Besuch aus Herzliya: Jugendaustausch und Erinnerungskultur" in text
    assert "Members of the delegation, in protocol order" in text
    assert "אבי לוי" in text
    assert "CONFIDENTIAL" not in text
    assert [path.name for path in out.iterdir()] == ["herzliya.pdf"]


def test_briefing_by_number_on_letter_paper_marked_confidential(
    liaison: Liaison, leipzig_demo: BuiltDemo, out: Path
) -> None:
    target = out / "nanjing.pdf"
    result = liaison(
        "briefing",
        "5",
        "--db",
        str(leipzig_demo.path),
        "-o",
        str(target),
        "--page-size",
        "Letter",
        "--confidential",
    )
    assert result.returncode == 0, result.stderr
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True)
    assert "(letter)" in info.stdout
    text = pdf_text(target)
    assert "Delegation der Stadt Nanjing" in text and "陈建国" in text
    assert "CONFIDENTIAL" in text or "VERTRAULICH" in text


@pytest.mark.parametrize(
    ("delegation", "words"),
    [
        ("Timbuktu", ["No delegation matches “Timbuktu”"]),
        ("9999", ["no delegation with the number 9999"]),
        ("Besuch", ["matches 2 delegations", "Gwangju", "Herzliya", "Give the number"]),
    ],
)
def test_an_unknown_or_ambiguous_delegation_is_refused(
    liaison: Liaison, leipzig_demo: BuiltDemo, out: Path, delegation: str, words: list[str]
) -> None:
    result = liaison(
        "briefing", delegation, "--db", str(leipzig_demo.path), "-o", str(out / "x.pdf")
    )
    assert_refused(result, out, *words)


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
    result = liaison("briefing", "2", "--db", str(leipzig_demo.path), "-o", str(target))
    assert result.returncode == 2, result
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert sorted(path.name for path in out.iterdir()) == ["notes.txt"]


def test_bad_arguments_and_a_missing_database(liaison: Liaison, out: Path) -> None:
    target = out / "x.pdf"
    missing = liaison("briefing", "2", "--db", str(out / "none.sqlite"), "-o", str(target))
    assert_refused(missing, out, "There is no database")
    no_output = liaison("briefing", "2", "--db", str(out / "none.sqlite"))
    assert no_output.returncode == 2 and len(no_output.stderr.splitlines()) == 1
    french = liaison("briefing", "2", "--lang", "fr", "-o", str(target))
    assert french.returncode == 2 and len(french.stderr.splitlines()) == 1
    assert not target.exists()
