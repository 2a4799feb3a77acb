"""``liaison backup`` and ``liaison restore`` as real processes on real files; bad input is one
line on stderr and exit status 2, with nothing changed."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from cli_helpers import BuiltDemo, Liaison


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count_people(path: Path) -> int:
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return int(connection.execute("SELECT count(*) FROM people").fetchone()[0])
    finally:
        connection.close()


@pytest.fixture
def office(leipzig_demo: BuiltDemo, tmp_path: Path) -> Path:
    path = tmp_path / "office.sqlite"
    shutil.copyfile(leipzig_demo.path, path)
    return path


def test_backup_list_and_restore(liaison: Liaison, office: Path, tmp_path: Path) -> None:
    result = liaison("backup", "--db", str(office), "--json")
    assert result.returncode == 0, result.stderr
    taken = json.loads(result.stdout)
    backup = Path(taken["file"])
    assert backup.parent.parent == tmp_path / "data" / "backups"
    assert taken["kind"] == "manual" and taken["good"] is True
    assert count_people(backup) == count_people(office)

    listed = liaison("backup", "--list", "--db", str(office))
    assert listed.returncode == 0 and "manual" in listed.stdout and str(backup) in listed.stdout

    people = count_people(office)
    connection = sqlite3.connect(office)
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute("DELETE FROM people")
    connection.commit()
    connection.close()
    restored = liaison("restore", str(backup), "--db", str(office))
    assert restored.returncode == 0, restored.stderr
    assert "Restored" in restored.stdout and "kept as" in restored.stdout
    assert count_people(office) == people
    kinds = [
        row["kind"]
        for row in json.loads(liaison("backup", "--list", "--db", str(office), "--json").stdout)[
            "backups"
        ]
    ]
    assert sorted(kinds) == ["before-restore", "manual"]


def test_backup_to_a_file(liaison: Liaison, office: Path, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "copy.sqlite"
    target.parent.mkdir()
    result = liaison("backup", "--db", str(office), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert str(target) in result.stdout and count_people(target) == count_people(office)
    assert liaison("check", "--db", str(target)).stdout.strip() == "ok"
    again = liaison("backup", "--db", str(office), "-o", str(target))
    assert again.returncode == 2 and "exists already" in again.stderr


def bad_inputs(tmp_path: Path, office: Path) -> list[tuple[list[str], str]]:
    text = tmp_path / "notes.sqlite"
    text.write_text("shopping list", encoding="utf-8")
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    other = tmp_path / "other.sqlite"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE notes (text)")
    connection.commit()
    connection.close()
    missing = str(tmp_path / "missing.sqlite")
    return [
        (["backup", "--db", missing], "no database"),
        (["backup", "--db", str(empty)], "no database"),
        (["backup", "--db", str(text)], "not an SQLite file"),
        (["backup", "--db", str(other)], "another program"),
        (["backup", "--db", str(tmp_path)], "folder"),
        (["backup", "--db", str(office), "-o", str(office)], "onto itself"),
        (["backup", "--db", str(office), "-o", str(tmp_path)], "folder"),
        (["backup", "--db", str(office), "-o", str(tmp_path / "no" / "x.sqlite")], "folder"),
        (["backup", "--db", str(office), "--list", "-o", "x.sqlite"], "together"),
        (["backup", "--db", "postgresql://host/liaison"], "server"),
        (["restore", missing, "--db", str(office)], "no backup file"),
        (["restore", str(text), "--db", str(office)], "not an SQLite file"),
        (["restore", str(empty), "--db", str(office)], "not a Liaison database"),
        (["restore", str(other), "--db", str(office)], "another program"),
        (["restore", str(office), "--db", str(office)], "from itself"),
        (["restore", str(office), "--db", str(tmp_path)], "folder"),
        (["restore", str(office), "--db", str(tmp_path / "no" / "x.sqlite")], "does not exist"),
        (["restore"], "FILE"),
    ]


def test_bad_input_is_one_line_and_exit_2(liaison: Liaison, office: Path, tmp_path: Path) -> None:
    before = digest(office)
    cases = bad_inputs(tmp_path, office)
    for args, words in cases:
        result = liaison(*args)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert result.stderr.count("\n") == 1, (args, result.stderr)
        assert words in result.stderr, (args, result.stderr)
    assert digest(office) == before
    assert not (tmp_path / "data" / "backups").exists() or not any(
        (tmp_path / "data" / "backups").rglob("*.sqlite")
    )


def test_a_damaged_database_is_named_on_stderr_and_not_written(
    liaison: Liaison, office: Path
) -> None:
    connection = sqlite3.connect(office)
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'organisations'")
    page = int(root.fetchone()[0])
    connection.close()
    data = bytearray(office.read_bytes())
    data[(page - 1) * 4096 : (page - 1) * 4096 + 8] = b"\x55" * 8
    office.write_bytes(bytes(data))
    before = digest(office)
    search = liaison("search", "Goldfuß", "--db", str(office))
    assert search.returncode == 0, search.stderr
    assert search.stderr.count("\n") == 1 and "damaged" in search.stderr
    assert "read-only" in search.stderr
    backup = liaison("backup", "--db", str(office))
    assert backup.returncode == 2 and "integrity check" in backup.stderr
    assert digest(office) == before
    assert sorted(p.name for p in office.parent.iterdir() if p.name.startswith("office")) == [
        "office.sqlite"
    ]


def test_an_import_takes_the_daily_backup_first(
    liaison: Liaison, office: Path, tmp_path: Path
) -> None:
    people = tmp_path / "people.csv"
    people.write_text("Last name,First name\nOzola,Ilze\n", encoding="utf-8")
    result = liaison("import", str(people), "--db", str(office))
    assert result.returncode == 0, result.stderr
    listed = json.loads(liaison("backup", "--list", "--db", str(office), "--json").stdout)
    assert [row["kind"] for row in listed["backups"]] == ["auto"]
    assert os.path.getsize(listed["backups"][0]["file"]) > 0
    # A search is not an occasion for a backup.
    liaison("search", "Ozola", "--db", str(office))
    listed = json.loads(liaison("backup", "--list", "--db", str(office), "--json").stdout)
    assert len(listed["backups"]) == 1
