"""Art. 15: everything held on a person, as complete UTF-8 JSON and as a readable PDF."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from gdpr_helpers import CYRILLIC, DIET, EMAIL, LETTER, NAME, PHONE_E164, Subject, prepare_subject

from crm.db.database import Database
from crm.gdpr.export import format_of, person_data, write_export
from crm.services import trash
from crm.services.errors import NotFound, ServiceError


@pytest.fixture
def subject(office: Database) -> Subject:
    return prepare_subject(office)


def test_the_json_holds_everything(office: Database, subject: Subject, tmp_path: Path) -> None:
    path = tmp_path / "melnyk.json"
    size = write_export(office, subject.person_id, path)
    raw = path.read_bytes()
    assert size == len(raw)
    assert CYRILLIC.encode("utf-8") in raw  # UTF-8 as it is, not \u escapes
    data = json.loads(raw.decode("utf-8"))
    assert data["format"] == "liaison-gdpr-art15"
    assert data["person"]["name_original"] == CYRILLIC
    assert data["legal_basis"] == {
        "code": "consent",
        "label": "Consent (Art. 6(1)(a) GDPR)",
        "note": "Visitenkarte beim Empfang 2025",
        "consent_date": "2025-03-01",
    }
    assert {p["normalized"] for p in data["contact_points"]} >= {PHONE_E164, EMAIL}
    assert data["affiliations"][0]["organisation_name"]
    [membership] = data["delegation_memberships"]
    assert membership["delegation"]["id"] == subject.delegation_id
    assert membership["member"]["dietary_needs"] == DIET
    assert {g["role"] for g in data["gifts"]} == {"giver", "receiver"}
    letter = next(c for c in data["correspondence"] if c["entry"]["id"] == subject.letter_id)
    assert letter["role"] == "counterpart"
    assert letter["attachments"] == [
        {
            "filename": "Einladung_Melnyk.pdf",
            "mime_type": "application/pdf",
            "size": len(LETTER),
            "sha256": hashlib.sha256(LETTER).hexdigest(),
            "added_at": letter["attachments"][0]["added_at"],
        }
    ]
    assert len(data["history"]) >= 2
    assert any((e["new_values"] or {}).get("legal_basis") == "consent" for e in data["history"])
    entities = {m["entity"] for m in data["history_mentions"]}
    assert {"delegation", "person", "correspondence"} <= entities  # the colleague's notes too
    assert data["trash"] is None
    assert "tags" in data and "partnerships_responsible" in data


def test_a_person_in_the_trash_is_exported(office: Database, subject: Subject) -> None:
    trash.delete_to_trash(office, "person", subject.person_id)
    data = person_data(office, subject.person_id)
    assert data["trash"]["deleted_by"]


def test_the_pdf_reads_and_escapes(office: Database, subject: Subject, tmp_path: Path) -> None:
    from crm.services import people

    data = people.get_person(office, subject.person_id).to_input()
    data.notes = 'Mag <b>Kaffee</b> & "Tee" <img src="/etc/passwd"/>'
    people.update_person(office, subject.person_id, data)
    path = tmp_path / "melnyk.pdf"
    write_export(office, subject.person_id, path, language="de")
    assert path.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    for expected in (NAME, CYRILLIC, EMAIL, DIET, "<b>Kaffee</b>", "Einladung_Melnyk.pdf"):
        assert expected in text, expected
    # Written for a reader: the gift's value in German, the edit's fields by name, not as JSON.
    assert "45,00 €" in text.replace("\xa0", " ")
    assert "notes:" in text and '{"notes"' not in text


def test_formats_by_extension_or_as_given(tmp_path: Path) -> None:
    assert format_of(tmp_path / "a.JSON") == "json"
    assert format_of(tmp_path / "a.pdf") == "pdf"
    assert format_of(tmp_path / "a.txt", "pdf") == "pdf"
    with pytest.raises(ServiceError):
        format_of(tmp_path / "a.txt")


def test_nothing_is_written_on_error(office: Database, tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        write_export(office, 99999, tmp_path / "nobody.json")
    with pytest.raises(ServiceError):
        write_export(office, 1, tmp_path / "missing" / "a.json")
    assert list(tmp_path.iterdir()) == [
        tmp_path / "leipzig.sqlite",
        *sorted(tmp_path.glob("leipzig.sqlite-*")),
    ]


def test_other_records_history_gives_only_what_concerns_them(
    office: Database, subject: Subject
) -> None:
    """Art. 15(4): the delegation's history entry shows their membership, not the others'."""
    data = person_data(office, subject.person_id)
    visit = next(m for m in data["history_mentions"] if m["entity"] == "delegation")
    members = visit["new_values"]["members"]
    assert [m["person_id"] for m in members] == [subject.person_id]
    assert members[0]["dietary_needs"] == DIET
    colleague = next(m for m in data["history_mentions"] if m["entity"] == "person")
    assert colleague["entity_id"] == subject.colleague_id
    assert colleague["new_values"] == {"notes": f"Vertritt {NAME} in Abwesenheit."}
