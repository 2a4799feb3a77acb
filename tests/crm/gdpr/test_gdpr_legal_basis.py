"""The legal basis per person (GDPR Art. 6(1)): stored, checked, in the history, undone."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from crm.db.database import Database
from crm.db.enums import LegalBasis
from crm.services import people, trash
from crm.services.errors import ValidationError
from crm.vocabulary import legal_bases


def test_every_basis_has_a_label() -> None:
    assert set(legal_bases()) == {basis.value for basis in LegalBasis}
    assert all("Art. 6(1)" in text for text in legal_bases().values())


def test_stored_and_read_back(db: Database) -> None:
    person_id, _ = people.create_person(
        db,
        people.PersonInput(
            family_name="Bērziņa",
            legal_basis="consent",
            legal_basis_note=" Formular vom Empfang ",
            consent_date=date(2026, 1, 15),
        ),
    )
    detail = people.get_person(db, person_id)
    assert (detail.legal_basis, detail.legal_basis_note, detail.consent_date) == (
        "consent",
        "Formular vom Empfang",
        date(2026, 1, 15),
    )
    assert detail.to_input().consent_date == date(2026, 1, 15)


def test_wrong_values_are_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as error:
        people.create_person(
            db,
            people.PersonInput(
                family_name="X",
                legal_basis="vital_interests_of_the_cat",
                consent_date=date.today() + timedelta(days=3),
            ),
        )
    assert set(error.value.errors) == {"legal_basis", "consent_date"}


def test_a_change_is_undone(db: Database) -> None:
    person_id, _ = people.create_person(db, people.PersonInput(family_name="Ozols"))
    data = people.get_person(db, person_id).to_input()
    data.legal_basis = "public_task"
    data.consent_date = date(2025, 5, 5)
    people.update_person(db, person_id, data)
    trash.undo_last(db)
    detail = people.get_person(db, person_id)
    assert (detail.legal_basis, detail.consent_date) == (None, None)
    trash.redo_last(db)
    detail = people.get_person(db, person_id)
    assert (detail.legal_basis, detail.consent_date) == ("public_task", date(2025, 5, 5))
