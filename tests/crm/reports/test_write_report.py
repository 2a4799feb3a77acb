"""Saving a report: all or nothing, and ReportLab loaded only when a report is made."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from briefing_fixture import BuiltOffice

from crm.db.database import Database
from crm.reports import ReportRequest, write_report
from crm.services.errors import ServiceError

ROOT = Path(__file__).resolve().parents[3]


def request(office: BuiltOffice) -> ReportRequest:
    return ReportRequest("briefing", language="en", delegation_id=office.fixture.delegation_id)


def test_written_whole_with_a_normal_file_mode(
    office_db: Database, briefing_office: BuiltOffice, tmp_path: Path
) -> None:
    target = tmp_path / "briefing.pdf"
    write_report(office_db, request(briefing_office), target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["briefing.pdf"]
    if os.name == "posix":
        umask = os.umask(0)
        os.umask(umask)
        assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_an_existing_file_is_replaced(
    office_db: Database, briefing_office: BuiltOffice, tmp_path: Path
) -> None:
    target = tmp_path / "briefing.pdf"
    target.write_bytes(b"old")
    write_report(office_db, request(briefing_office), target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert [path.name for path in tmp_path.iterdir()] == ["briefing.pdf"]


def test_bad_input_leaves_nothing_and_keeps_the_old_file(
    office_db: Database, tmp_path: Path
) -> None:
    target = tmp_path / "briefing.pdf"
    target.write_bytes(b"old")
    with pytest.raises(ServiceError):
        write_report(office_db, ReportRequest("briefing", delegation_id=424242), target)
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["briefing.pdf"]


def test_a_failure_while_writing_leaves_nothing(
    office_db: Database,
    briefing_office: BuiltOffice,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ServiceError, match="No space left on device"):
        write_report(office_db, request(briefing_office), tmp_path / "briefing.pdf")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("where", ["missing folder", "file as folder", "folder as file"])
def test_a_place_that_cannot_be_written_is_a_clear_error(
    office_db: Database, briefing_office: BuiltOffice, tmp_path: Path, where: str
) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    target = {
        "missing folder": tmp_path / "missing" / "briefing.pdf",
        "file as folder": tmp_path / "notes.txt" / "briefing.pdf",
        "folder as file": tmp_path / "folder",
    }[where]
    with pytest.raises(ServiceError, match="cannot be saved"):
        write_report(office_db, request(briefing_office), target)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["folder", "notes.txt"]
    assert list((tmp_path / "folder").iterdir()) == []


def test_reportlab_is_not_loaded_at_start_up() -> None:
    code = (
        "import sys\n"
        "import crm.reports, crm.cli.main\n"
        "crm.cli.main.build_parser()\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('reportlab', 'bidi', 'arabic_reshaper', 'crm') and "
        "(not m.startswith('crm') or m.startswith('crm.reports.')))\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
