"""``liaison gdpr``: export, erase with confirmation, retention, and bad input refused."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from cli_helpers import Liaison

from crm.cli.main import main


def test_export_json_and_pdf(liaison: Liaison, demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "melnyk.json"
    result = liaison("gdpr", "export", "Melnyk", "-o", str(out), "--db", str(demo_db))
    assert result.returncode == 0, result.stderr
    assert "Taras Melnyk" in result.stdout and result.stderr == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["person"]["family_name"] == "Melnyk"
    pdf = tmp_path / "melnyk.data"
    result = liaison(
        "gdpr",
        "export",
        str(data["person"]["id"]),
        "-o",
        str(pdf),
        "--format",
        "pdf",
        "--db",
        str(demo_db),
    )
    assert result.returncode == 0, result.stderr
    assert pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.sqlite_only  # reads and writes the file's bytes itself
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("export", "Melnyk", "-o", "{tmp}/x.txt"), ".json or .pdf"),
        (("export", "99999", "-o", "{tmp}/x.json"), "no person with the number 99999"),
        (("export", "a", "-o", "{tmp}/x.json"), "Give the number"),
        (("export", "Zzyzx", "-o", "{tmp}/x.json"), "No person matches"),
        (("export", "Melnyk", "-o", "{tmp}/nowhere/x.json"), "does not exist"),
        (("export", "Melnyk", "-o", "{tmp}"), "is a folder"),
        (("erase", "Melnyk"), "--yes"),
        (("erase", "99999", "--yes"), "no person with the number 99999"),
        (("retention", "--years", "0"), "number of years"),
        (("retention", "--years", "many"), "number of years"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    liaison: Liaison, demo_db: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    before = demo_db.read_bytes()
    folder = tmp_path / "out"
    folder.mkdir()
    argv = [a.format(tmp=folder) for a in args]
    result = liaison("gdpr", *argv, "--db", str(demo_db))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert result.stdout == ""
    assert list(folder.iterdir()) == []  # nothing written
    assert demo_db.read_bytes() == before  # nothing erased


@pytest.mark.sqlite_only  # reads and writes the file's bytes itself
def test_erase_with_yes(liaison: Liaison, demo_db: Path) -> None:
    result = liaison("gdpr", "erase", "Melnyk", "--yes", "--db", str(demo_db))
    assert result.returncode == 0, result.stderr
    assert "Taras Melnyk" in result.stdout
    assert b"Melnyk" not in demo_db.read_bytes()
    again = liaison("gdpr", "export", "Melnyk", "-o", "/dev/null", "--db", str(demo_db))
    assert again.returncode == 2


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.sqlite_only  # reads and writes the file's bytes itself
def test_erase_asks_for_the_name_on_a_terminal(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", _Terminal("Taras\n"))
    assert main(["gdpr", "erase", "Melnyk", "--db", str(demo_db)]) == 2
    assert "was not erased" in capsys.readouterr().err
    assert b"Melnyk" in demo_db.read_bytes()
    monkeypatch.setattr(sys, "stdin", _Terminal("taras  MELNYK\n"))
    assert main(["gdpr", "erase", "Melnyk", "--db", str(demo_db)]) == 0
    output = capsys.readouterr().out
    assert "delegation membership" in output and "is erased" in output
    assert b"Melnyk" not in demo_db.read_bytes()


@pytest.mark.sqlite_only  # reads and writes the file's bytes itself
def test_retention(liaison: Liaison, demo_db: Path) -> None:
    result = liaison("gdpr", "retention", "--db", str(demo_db))
    assert result.returncode == 0, result.stderr
    assert "5 years" in result.stdout  # the demo's people are all recent
    import sqlite3

    connection = sqlite3.connect(demo_db)
    with connection:
        connection.execute("UPDATE people SET updated_at = '2001-01-01' WHERE family_name = 'Jung'")
    connection.close()
    result = liaison("gdpr", "retention", "--years", "3", "--json", "--db", str(demo_db))
    data = json.loads(result.stdout)
    assert data["years"] == 3
    assert data["people"] == []  # Jung's gifts and letters are recent: not quiet
    connection = sqlite3.connect(demo_db)
    with connection:
        connection.execute(
            "UPDATE people SET updated_at = '2001-01-01', created_at = '2001-01-01' "
            "WHERE id NOT IN (SELECT person_id FROM delegation_members) "
            "AND id NOT IN (SELECT person_id FROM correspondence_people) "
            "AND id NOT IN (SELECT coalesce(counterpart_person_id, 0) FROM correspondence) "
            "AND id NOT IN (SELECT coalesce(from_person_id, 0) FROM gifts) "
            "AND id NOT IN (SELECT coalesce(to_person_id, 0) FROM gifts) "
            "AND id NOT IN (SELECT coalesce(host_person_id, 0) FROM delegations) "
            "AND id NOT IN (SELECT person_id FROM programme_participants) "
            "AND id NOT IN (SELECT entity_id FROM changes WHERE entity = 'person')"
        )
        quiet = connection.execute("SELECT changes()").fetchone()[0]
    connection.close()
    result = liaison("gdpr", "retention", "--json", "--db", str(demo_db))
    data = json.loads(result.stdout)
    assert len(data["people"]) == quiet > 0
    assert all(p["last_activity"] == "2001-01-01" for p in data["people"])
