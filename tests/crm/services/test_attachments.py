"""Attachments: any file, kept in the database once per content, read back for a viewer."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from test_correspondence_service import register

from crm.db.database import Database
from crm.services import attachments
from crm.services.correspondence import get_correspondence, update_correspondence
from crm.services.errors import ValidationError
from crm.services.trash import undo_last


def blob_count(db: Database) -> int:
    return int(db.raw_connection_execute("SELECT count(*) FROM attachment_blobs")[0][0])


def test_a_file_is_stored_with_its_hash_once(db: Database, tmp_path: Path) -> None:
    content = b"%PDF-1.7 Einladung " + bytes(range(256))
    letter = tmp_path / "Einladung Kiew.pdf"
    letter.write_bytes(content)
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(content)
    ref = attachments.store_file(db, letter)
    assert ref.sha256 == hashlib.sha256(content).hexdigest()
    assert (ref.filename, ref.mime_type, ref.size) == (
        "Einladung Kiew.pdf",
        "application/pdf",
        len(content),
    )
    again = attachments.store_file(db, copy)
    assert again.sha256 == ref.sha256 and again.filename == "copy.pdf"
    assert blob_count(db) == 1


def test_attach_to_an_entry_open_and_remove(db: Database, tmp_path: Path) -> None:
    scan = tmp_path / "Scan 2026-03-02.jpg"
    scan.write_bytes(b"\xff\xd8\xff scan")
    notes = tmp_path / "Gesprächsnotiz.docx"
    notes.write_bytes(b"PK notes")
    entry_id = register(
        db,
        "Einladung",
        date(2026, 3, 2),
        attachments=[attachments.store_file(db, scan), attachments.store_file(db, notes)],
    )
    detail = get_correspondence(db, entry_id)
    assert [a.filename for a in detail.attachments] == [
        "Scan 2026-03-02.jpg",
        "Gesprächsnotiz.docx",
    ]
    opened = attachments.copy_to_temp(db, detail.attachments[1].id)
    assert opened.name == "Gesprächsnotiz.docx"
    assert opened.read_bytes() == b"PK notes"

    kept = [a.ref() for a in detail.attachments[:1]]
    update_correspondence(db, entry_id, replace(detail.to_input(), attachments=kept))
    assert [a.filename for a in get_correspondence(db, entry_id).attachments] == [
        "Scan 2026-03-02.jpg"
    ]
    # The content stays, so undoing the removal brings the file back.
    undo_last(db)
    names = [a.filename for a in get_correspondence(db, entry_id).attachments]
    assert sorted(names) == ["Gesprächsnotiz.docx", "Scan 2026-03-02.jpg"]
    assert blob_count(db) == 2


def test_an_unsaved_file_can_be_opened_too(db: Database, tmp_path: Path) -> None:
    source = tmp_path / "Programm.txt"
    source.write_text("Tag 1: Empfang im Rathaus", encoding="utf-8")
    ref = attachments.store_file(db, source)
    copy = attachments.ref_to_temp(db, ref)
    assert copy.read_text(encoding="utf-8") == "Tag 1: Empfang im Rathaus"
    assert copy != source


def test_names_that_would_escape_the_temporary_folder_are_cleaned(db: Database) -> None:
    data = b"x"
    path = attachments.write_temp_copy("../../etc/passwd", data)
    assert path.name == "passwd" and path.parent.name.startswith("liaison-")
    assert attachments.write_temp_copy("a:b*c?.txt", data).name == "a_b_c_.txt"


def test_a_missing_file_is_a_message(db: Database, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as raised:
        attachments.store_file(db, tmp_path / "nicht da.pdf")
    assert set(raised.value.errors) == {"attachments"}


def test_a_ref_to_content_never_stored_is_refused(db: Database) -> None:
    ghost = attachments.AttachmentRef("0" * 64, "ghost.pdf")
    with pytest.raises(ValidationError) as raised:
        register(db, "Brief", date(2026, 1, 1), attachments=[ghost])
    assert set(raised.value.errors) == {"attachments"}
