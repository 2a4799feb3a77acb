"""A realistic subject for the GDPR tests: a person of the demo office with history entries,
correspondence (with an attached letter that names them), a delegation membership with
dietary needs, gifts, a namesake-free family name and a colleague whose notes mention them."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from crm.db.database import Database
from crm.db.models import DelegationMember
from crm.services import contact_points as cp
from crm.services import correspondence, delegations, people
from crm.services.attachments import AttachmentRef, store_blob

NAME = "Taras Melnyk"
FAMILY = "Melnyk"
CYRILLIC = "Тарас Мельник"
EMAIL = "t.melnyk@kyivcity.gov.ua"
PHONE_TYPED = "+380 44 202 7601"
PHONE_E164 = "+380442027601"
MOBILE_TYPED = "+380 67 555 12 34"
MOBILE_E164 = "+380675551234"
DIET = "vegetarisch, Nussallergie"
LETTER = b"%PDF-1.4 Sehr geehrter Herr Taras Melnyk, vielen Dank ... t.melnyk@kyivcity.gov.ua"


@dataclass(frozen=True)
class Subject:
    person_id: int
    colleague_id: int  # Olena Kovalenko: works with them, her notes mention them
    letter_id: int  # a register entry with them as counterpart
    delegation_id: int


def prepare_subject(db: Database) -> Subject:
    (person_id,) = people.find_person_ids_by_name(db, FAMILY)
    (colleague_id,) = people.find_person_ids_by_name(db, "Kovalenko")
    detail = people.get_person(db, person_id)
    data = detail.to_input()
    data.contact_points.append(cp.ContactPointInput("mobile", MOBILE_TYPED, "privat"))
    data.legal_basis = "consent"
    data.consent_date = date(2025, 3, 1)
    data.legal_basis_note = "Visitenkarte beim Empfang 2025"
    people.update_person(db, person_id, data)
    data = people.get_person(db, person_id).to_input()
    data.notes = "Spricht Deutsch; Ansprechpartner für Stadtentwicklung."
    people.update_person(db, person_id, data)

    colleague = people.get_person(db, colleague_id).to_input()
    colleague.notes = f"Vertritt {NAME} in Abwesenheit."
    people.update_person(db, colleague_id, colleague)

    with db.read() as session:
        delegation_id = session.scalar(
            select(DelegationMember.delegation_id).where(DelegationMember.person_id == person_id)
        )
    assert delegation_id is not None
    visit = delegations.get_delegation(db, delegation_id).to_input()
    visit.members = [
        dataclasses.replace(m, dietary_needs=DIET) if m.person_id == person_id else m
        for m in visit.members
    ]
    delegations.update_delegation(db, delegation_id, visit)

    with db.write_session() as session:
        digest = store_blob(session, LETTER)
        session.commit()
    letter_id, _changes = correspondence.create_correspondence(
        db,
        correspondence.CorrespondenceInput(
            subject=f"Einladung an {NAME} zum Stadtfest",
            summary=f"Antwort bitte an {EMAIL} oder {PHONE_TYPED}.",
            counterpart_person_id=person_id,
            person_ids=[person_id, colleague_id],
            delegation_id=delegation_id,
            attachments=[
                AttachmentRef(digest, "Einladung_Melnyk.pdf", "application/pdf", len(LETTER))
            ],
        ),
    )
    return Subject(person_id, colleague_id, letter_id, delegation_id)


def needles() -> dict[str, list[bytes]]:
    """What must not be found in the file after the erasure, in every encoding it could have."""
    strings = [
        NAME,
        FAMILY,
        FAMILY.lower(),
        CYRILLIC,
        "Мельник",
        EMAIL,
        PHONE_TYPED,
        PHONE_E164,
        "380442027601",
        MOBILE_TYPED,
        MOBILE_E164,
        DIET,
        "Sehr geehrter Herr Melnyk",
    ]
    return {
        text: [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]
        for text in strings
    }


def byte_hits(paths: list[Path]) -> dict[str, int]:
    """How often each needle occurs in the files, by ``text@file``; zero counts left out."""
    found: dict[str, int] = {}
    for path in paths:
        if not path.exists():
            continue
        data = path.read_bytes()
        for text, forms in needles().items():
            count = sum(data.count(form) for form in forms)
            if count:
                found[f"{text}@{path.name}"] = count
    return found


def database_files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
