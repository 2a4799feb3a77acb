"""The commands on real SQLite files, through real processes."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import ROOT, BuiltDemo, Liaison

from crm.cli.output import display_width
from crm.db.database import Database
from crm.db.schema import HEAD_REVISION


def test_version(liaison: Liaison) -> None:
    result = liaison("--version")
    assert (result.returncode, result.stdout, result.stderr) == (0, "liaison 0.1.0\n", "")


def test_cli_main_runs_as_a_module() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "crm.cli.main", "--version"],
        env=os.environ.copy(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (completed.returncode, completed.stdout) == (0, "liaison 0.1.0\n")


def test_start_up_does_not_load_the_heavy_libraries() -> None:
    code = (
        "import sys, crm.cli.main; "
        "print([m for m in ('sqlalchemy', 'alembic', 'reportlab', 'PySide6') if m in sys.modules])"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert completed.stdout.strip() == "[]"


def password_of(demo: BuiltDemo) -> str:
    from sqlalchemy import make_url

    if isinstance(demo.path, Path):
        return "\0"  # a file has none
    return make_url(str(demo.path)).password or "\0"


def test_demo_reports_what_it_built(leipzig_demo: BuiltDemo) -> None:
    summary = json.loads(leipzig_demo.result.stdout)
    assert summary["office"] == "leipzig"
    # A server's URL is shown without its password.
    assert summary["database"] == str(leipzig_demo.path).replace(password_of(leipzig_demo), "***")
    for key in ("partnerships", "organisations", "people", "delegations", "correspondence"):
        assert summary[key] > 0, key
    assert "gifts" in summary
    assert leipzig_demo.result.stderr == ""


def test_demo_text_summary_and_refusal_to_build_twice(liaison: Liaison, tmp_path: Path) -> None:
    path = tmp_path / "göteborg office.sqlite"
    result = liaison("demo", "--office", "Göteborg", "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert "Göteborg" in result.stdout
    assert str(path) in result.stdout
    assert any(line.split()[:1] == ["People"] for line in result.stdout.splitlines())

    before = path.read_bytes()
    again = liaison("demo", "--db", str(path))
    assert again.returncode == 2
    assert len(again.stderr.splitlines()) == 1
    assert "Traceback" not in again.stderr
    assert path.read_bytes() == before


def test_search_json_finds_goldfuss(liaison: Liaison, demo_db: Path) -> None:
    result = liaison("search", "goldf", "--json", "--db", str(demo_db))
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert isinstance(hits, list)
    for hit in hits:
        assert {"kind", "id", "name", "detail"} <= hit.keys()
        assert isinstance(hit["id"], int)
    people = [hit for hit in hits if hit["kind"] == "person"]
    assert any("Gabriele Goldfuß" in hit["name"] for hit in people), hits
    assert hits[0]["kind"] == "person"


def test_search_global_db_option_and_limit(liaison: Liaison, demo_db: Path) -> None:
    result = liaison("--db", str(demo_db), "search", "leip", "--json", "--limit", "2")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 2


def test_search_text_output_has_aligned_columns(liaison: Liaison, demo_db: Path) -> None:
    result = liaison("search", "goldf", "--db", str(demo_db))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("Person") and "Gabriele Goldfuß" in line for line in lines)

    many = liaison("search", "leip", "--db", str(demo_db)).stdout.splitlines()
    assert len(many) > 1
    # Every row is kind, name, detail; names start in the same column.
    columns = set()
    for line in many:
        kind = line.split("  ")[0]
        rest = line[len(kind) :]
        columns.add(display_width(kind) + len(rest) - len(rest.lstrip(" ")))
    assert len(columns) == 1, many


def test_search_without_hits(liaison: Liaison, demo_db: Path) -> None:
    text = liaison("search", "zzzqqq", "--db", str(demo_db))
    assert (text.returncode, text.stderr) == (0, "")
    assert "zzzqqq" in text.stdout
    as_json = liaison("search", "zzzqqq", "--json", "--db", str(demo_db))
    assert (as_json.returncode, json.loads(as_json.stdout)) == (0, [])


def test_output_is_utf8_whatever_the_locale(liaison: Liaison, demo_db: Path) -> None:
    env = os.environ.copy()
    env.update({"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii"})
    env.pop("PYTHONUTF8", None)
    result = liaison("search", "Київ", "--db", str(demo_db), env=env)
    assert result.returncode == 0, result.stderr
    assert "Київ" in result.stdout
    as_json = liaison("search", "Київ", "--json", "--db", str(demo_db), env=env)
    assert as_json.returncode == 0, as_json.stderr
    assert "Київ" in as_json.stdout
    assert any(hit["kind"] == "partnership" for hit in json.loads(as_json.stdout))


@pytest.mark.sqlite_only  # "liaison check" checks SQLite files
def test_check_a_sound_database(liaison: Liaison, demo_db: Path) -> None:
    before = demo_db.read_bytes()
    result = liaison("check", "--db", str(demo_db))
    assert (result.returncode, result.stdout, result.stderr) == (0, "ok\n", "")
    as_json = liaison("check", "--json", "--db", str(demo_db))
    assert as_json.returncode == 0
    assert json.loads(as_json.stdout) == {"integrity": [], "foreign_keys": [], "ok": True}
    assert demo_db.read_bytes() == before


@pytest.mark.sqlite_only
def test_check_finds_a_dangling_foreign_key(liaison: Liaison, demo_db: Path) -> None:
    connection = sqlite3.connect(demo_db)
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute(
        "INSERT INTO affiliations (person_id, organisation_id, is_primary) VALUES (?, ?, 0)",
        (987654, 987653),
    )
    connection.commit()
    connection.close()

    result = liaison("check", "--db", str(demo_db))
    assert result.returncode == 1
    assert result.stdout != "ok\n"
    assert "affiliations" in result.stdout
    assert len(result.stdout.splitlines()) == 2  # the person and the organisation are missing

    as_json = json.loads(liaison("check", "--json", "--db", str(demo_db)).stdout)
    assert as_json["ok"] is False
    assert as_json["integrity"] == []
    assert {row["table"] for row in as_json["foreign_keys"]} == {"affiliations"}
    assert {row["parent"] for row in as_json["foreign_keys"]} == {"people", "organisations"}


def test_db_upgrade_on_a_fresh_database(liaison: Liaison, tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite"
    Database.open(path).close()
    result = liaison("db", "upgrade", "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert HEAD_REVISION in result.stdout
    as_json = liaison("db", "upgrade", "--json", "--db", str(path))
    assert json.loads(as_json.stdout) == {"database": str(path), "revision": HEAD_REVISION}
    assert liaison("check", "--db", str(path)).stdout == "ok\n"


@pytest.mark.sqlite_only  # a file next to the demo's
def test_default_database_comes_from_the_setting(liaison: Liaison, demo_db: Path) -> None:
    config = Path(os.environ["LIAISON_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    moved = demo_db.with_name("from setting.sqlite")
    shutil.move(demo_db, moved)
    (config / "settings.json").write_text(json.dumps({"database": str(moved)}), encoding="utf-8")
    result = liaison("search", "goldf", "--json")
    assert result.returncode == 0, result.stderr
    assert any(hit["kind"] == "person" for hit in json.loads(result.stdout))
