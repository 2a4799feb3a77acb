"""Art. 17: after erasing a person nothing of them is left in the database file, its -wal and
-shm, the search index or the history, and everyone else's records are as they were."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from gdpr_helpers import (
    DIET,
    EMAIL,
    FAMILY,
    NAME,
    Subject,
    byte_hits,
    database_files,
    prepare_subject,
)

from crm.db.database import Database
from crm.gdpr.erasure import erase_person, erasure_preview
from crm.search.query import search
from crm.services import people, trash
from crm.services.errors import NotFound, ServiceError

OTHER_TABLES = (
    "organisations",
    "partnerships",
    "partner_cities",
    "delegations",
    "correspondence",
    "gifts",
    "programme_items",
    "events",
    "projects",
)


def counts(db: Database, person_id: int) -> dict[str, int]:
    """Rows that belong to everyone but the person: they must all stay."""
    found = {t: db.raw_connection_execute(f"SELECT count(*) FROM {t}")[0][0] for t in OTHER_TABLES}
    for table, column in (
        ("people", "id"),
        ("contact_points", "person_id"),
        ("addresses", "person_id"),
        ("affiliations", "person_id"),
        ("delegation_members", "person_id"),
        ("programme_participants", "person_id"),
        ("correspondence_people", "person_id"),
    ):
        found[table] = db.raw_connection_execute(
            f"SELECT count(*) FROM {table} WHERE {column} IS NULL OR {column} <> ?", person_id
        )[0][0]
    return found


def others(db: Database, person_id: int) -> list[tuple[object, ...]]:
    """Every other person with their phones and emails, as stored."""
    return db.raw_connection_execute(
        "SELECT p.id, p.family_name, p.given_name, p.name_original, c.kind, c.value, c.normalized "
        "FROM people p LEFT JOIN contact_points c ON c.person_id = p.id "
        "WHERE p.id <> ? ORDER BY p.id, c.id",
        person_id,
    )


@pytest.fixture
def subject(office: Database) -> Subject:
    return prepare_subject(office)


def test_the_byte_search_finds_the_person_before_the_erasure(
    office: Database, office_path: Path, subject: Subject
) -> None:
    """The check below is not vacuous: before the erasure every needle is in the files."""
    hits = byte_hits(database_files(office_path))
    for text in (NAME, FAMILY, EMAIL, DIET, "+380442027601", "Тарас Мельник"):
        assert any(key.startswith(f"{text}@") for key in hits), text


def test_nothing_of_the_person_remains_in_the_file(
    office: Database, office_path: Path, subject: Subject
) -> None:
    before_others = others(office, subject.person_id)
    before_counts = counts(office, subject.person_id)
    result = erase_person(office, subject.person_id)
    assert result.compacted
    # While the database is open (its -wal and -shm there) and after it is closed.
    files = database_files(office_path)
    assert byte_hits(files) == {}
    assert files[1].exists() and files[1].stat().st_size == 0  # the WAL is truncated
    office.close()
    assert byte_hits(files) == {}

    reopened = Database.open(office_path)
    try:
        assert others(reopened, subject.person_id) == before_others
        assert counts(reopened, subject.person_id) == before_counts
        assert reopened.raw_connection_execute("PRAGMA integrity_check") == [("ok",)]
        assert reopened.raw_connection_execute("PRAGMA foreign_key_check") == []
    finally:
        reopened.close()


def test_others_keep_their_records(office: Database, subject: Subject) -> None:
    before = {row[0]: row for row in others(office, subject.person_id)}
    erase_person(office, subject.person_id)
    after = {row[0]: row for row in others(office, subject.person_id)}
    assert after == before  # names, phones, emails of everyone else, untouched
    colleague = people.get_person(office, subject.colleague_id)
    assert colleague.notes == "Vertritt [erased] in Abwesenheit."
    (reference, subject_line, counterpart, text) = office.raw_connection_execute(
        "SELECT reference, subject, counterpart_person_id, counterpart_text "
        "FROM correspondence WHERE id = ?",
        subject.letter_id,
    )[0]
    assert reference.startswith("IZ-")
    assert subject_line == "Einladung an [erased] zum Stadtfest"
    assert (counterpart, text) == (None, "[erased]")
    # The colleague is still concerned by the letter; the delegation keeps its other members.
    assert office.raw_connection_execute(
        "SELECT person_id FROM correspondence_people WHERE correspondence_id = ?",
        subject.letter_id,
    ) == [(subject.colleague_id,)]
    members = office.raw_connection_execute(
        "SELECT count(*) FROM delegation_members WHERE delegation_id = ?", subject.delegation_id
    )[0][0]
    assert members >= 1


def test_the_history_keeps_nothing_of_them(office: Database, subject: Subject) -> None:
    erase_person(office, subject.person_id)
    rows = office.raw_connection_execute(
        "SELECT entity, entity_id, action, label, old_values, new_values FROM changes"
    )
    about = [row for row in rows if row[0] == "person" and row[1] == subject.person_id]
    assert [row[2] for row in about] == ["purge"]
    assert FAMILY not in about[0][3]
    for entity, _id, _action, label, old, new in rows:
        for value in (label, old or "", new or ""):
            assert FAMILY not in value and EMAIL not in value and DIET not in value
        for values in (old, new):
            # The delegation's history keeps its other members, not theirs.
            if values and entity == "delegation":
                members = json.loads(values).get("members") or []
                assert all(m["person_id"] != subject.person_id for m in members)
    labels = [row[0] for row in office.raw_connection_execute("SELECT label FROM operations")]
    assert not any(FAMILY in label for label in labels)
    # Undo stops at the erasure: nothing before it can bring them back.
    with pytest.raises(ServiceError):
        trash.undo_last(office)


def test_search_no_longer_finds_them(office: Database, subject: Subject) -> None:
    assert any(hit.id == subject.person_id for hit in search(office, "melnyk"))
    erase_person(office, subject.person_id)
    assert search(office, "melnyk") == []
    assert search(office, "t.melnyk") == []
    assert search(office, "Kovalenko")  # others are still found


def test_the_preview_counts_what_goes(office: Database, subject: Subject) -> None:
    preview = erasure_preview(office, subject.person_id)
    assert preview.name == NAME and not preview.in_trash
    assert preview.counts["contact_points"] == 3
    assert preview.counts["delegation_members"] == 1
    assert preview.counts["gifts"] == 2
    assert preview.counts["correspondence"] >= 3
    assert preview.counts["attachments"] == 1
    assert preview.counts["history"] >= 2
    assert preview.counts["mentions"] >= 2  # the delegation's edit, the colleague's notes
    assert any("delegation membership" in line for line in preview.lines())
    # A preview changes nothing.
    assert people.get_person(office, subject.person_id).family_name == FAMILY


def test_a_person_in_the_trash_is_erased_too(office: Database, subject: Subject) -> None:
    trash.delete_to_trash(office, "person", subject.person_id)
    assert erasure_preview(office, subject.person_id).in_trash
    erase_person(office, subject.person_id)
    assert office.raw_connection_execute(
        "SELECT count(*) FROM trash WHERE entity = 'person' AND entity_id = ?", subject.person_id
    ) == [(0,)]
    with pytest.raises(NotFound):
        erasure_preview(office, subject.person_id)


def test_a_namesakes_name_is_left_alone(office: Database) -> None:
    """The family name alone is scrubbed only when no one else bears it."""
    first, _ = people.create_person(
        office, people.PersonInput(family_name="Schulz", given_name="Anna", notes="x")
    )
    second, _ = people.create_person(
        office,
        people.PersonInput(
            family_name="Schulz", given_name="Bernd", notes="Bruder von Anna Schulz"
        ),
    )
    erase_person(office, first)
    kept = people.get_person(office, second)
    assert (kept.family_name, kept.notes) == ("Schulz", "Bruder von [erased]")


def test_the_file_is_sound_and_the_wal_empty_with_a_reader_gone(
    office: Database, office_path: Path, subject: Subject
) -> None:
    reader = sqlite3.connect(office_path)
    try:
        reader.execute("SELECT count(*) FROM people").fetchall()  # no transaction kept open
        result = erase_person(office, subject.person_id)
    finally:
        reader.close()
    assert result.compacted
    assert byte_hits(database_files(office_path)) == {}
