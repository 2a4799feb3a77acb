"""Saving whole or not at all: what the user finds after a failed or a successful save."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from crm.files import replacing, save_atomically
from crm.services.errors import ServiceError


def _message(path: Path, error: OSError) -> str:
    return f"cannot save {path.name}: {error.strerror}"


def test_a_failed_save_leaves_the_old_file_and_no_leftovers(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"the old report")
    with pytest.raises(RuntimeError), replacing(target, _message) as temporary:
        temporary.write_bytes(b"half a rep")
        raise RuntimeError("the disk is full")
    assert target.read_bytes() == b"the old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_a_folder_that_cannot_be_written_is_a_message(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "export.csv"
    with pytest.raises(ServiceError, match=r"cannot save export\.csv"):
        save_atomically(target, b"x", _message)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_private_files_are_for_their_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "personal-data.json"
    save_atomically(target, b"{}", _message, private=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes() == b"{}"


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "contacts.csv"
    target.write_bytes(b"old")
    target.chmod(0o640)
    save_atomically(target, b"new", _message)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_bytes() == b"new"
