"""People: create, read, update with history; phone and email validation; plain data out."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from service_helpers import assert_plain, counts, operations

from crm.db.database import Database
from crm.services.contact_points import AddressInput, ContactPointInput
from crm.services.errors import Conflict, NotFound, ValidationError
from crm.services.office import OfficeProfile, get_profile, save_profile
from crm.services.organisations import OrganisationInput, create_organisation
from crm.services.people import (
    AffiliationInput,
    PersonDetail,
    PersonInput,
    create_person,
    find_person_ids_by_name,
    get_person,
    update_person,
)
from crm.services.trash import delete_to_trash


def goldfuss(**changes: object) -> PersonInput:
    person = PersonInput(
        family_name="Goldfuß",
        given_name="Gabriele",
        title="Dr.",
        function="Leiterin Referat Internationale Zusammenarbeit",
        country="de",
        contact_points=[
            ContactPointInput("phone", "0341 123-2032", "office", True),
            ContactPointInput("email", "Gabriele.Goldfuss@Leipzig.de"),
        ],
        addresses=[AddressInput("Martin-Luther-Ring 4-6", "04109", "Leipzig", country="de")],
    )
    return replace(person, **changes)  # type: ignore[arg-type]


def test_create_and_read(db: Database) -> None:
    person_id, changes = create_person(db, goldfuss())
    assert changes.created == {"person": {person_id}}
    assert changes.operation_id is not None

    person = get_person(db, person_id)
    assert person.display_name == "Dr. Gabriele Goldfuß"
    assert person.country == "DE"
    assert person.version == 1
    phone, email = person.contact_points
    assert (phone.value, phone.normalized, phone.display) == (
        "0341 123-2032",
        "+493411232032",
        "+49 341 1232032",
    )
    assert phone.is_primary and phone.label == "office"
    assert email.normalized == "gabriele.goldfuss@leipzig.de"
    assert person.addresses[0].country == "DE"
    assert person.addresses[0].lines() == ["Martin-Luther-Ring 4-6", "04109 Leipzig", "DE"]


def test_text_is_tidied(db: Database) -> None:
    person_id, _changes = create_person(
        db, PersonInput(family_name="  Ozola ", given_name="   ", notes="", title=" H.E. ")
    )
    person = get_person(db, person_id)
    assert (person.family_name, person.given_name, person.notes, person.title) == (
        "Ozola",
        None,
        None,
        "H.E.",
    )


def test_result_is_plain_data_usable_after_close(db: Database) -> None:
    organisation_id, _changes = create_organisation(db, OrganisationInput(name="Stadt Leipzig"))
    person_id, _changes = create_person(
        db, goldfuss(affiliations=[AffiliationInput(organisation_id, "Leiterin", is_primary=True)])
    )
    person = get_person(db, person_id)
    db.close()
    assert isinstance(person, PersonDetail)
    assert type(person).__module__ == "crm.services.people"
    assert_plain(person)
    assert person.affiliations[0].organisation_name == "Stadt Leipzig"
    assert person.contact_points[0].display == "+49 341 1232032"
    assert person.to_input().contact_points[0].value == "0341 123-2032"


def test_create_writes_its_history_in_the_same_transaction(db: Database) -> None:
    person_id, changes = create_person(db, goldfuss())
    (operation,) = operations(db)
    assert operation.id == changes.operation_id
    assert operation.label == "New person: Dr. Gabriele Goldfuß"
    assert operation.actor
    (change,) = operation.changes
    assert (change.entity, change.entity_id, change.action) == ("person", person_id, "create")
    assert change.old is None and change.new is not None
    assert change.new["family_name"] == "Goldfuß"
    assert change.new["contact_points"][0]["value"] == "0341 123-2032"
    assert change.new["contact_points"][0]["normalized"] == "+493411232032"


def test_update_records_old_and_new_values_of_what_changed(db: Database) -> None:
    person_id, _changes = create_person(db, goldfuss())
    before = get_person(db, person_id)
    data = before.to_input()
    data.function = "Amtsleiterin"
    data.contact_points[0] = ContactPointInput("phone", "+49 341 123-2000", "office", True)
    changes = update_person(db, person_id, data, expected_version=before.version)
    assert changes.updated == {"person": {person_id}}

    change = operations(db)[-1].changes[0]
    assert change.action == "update"
    assert change.old is not None and change.new is not None
    assert set(change.old) == set(change.new) == {"function", "contact_points"}
    assert change.old["function"] == "Leiterin Referat Internationale Zusammenarbeit"
    assert change.new["function"] == "Amtsleiterin"
    assert change.new["contact_points"][0]["normalized"] == "+493411232000"

    after = get_person(db, person_id)
    assert after.version == before.version + 1
    assert after.updated_at >= before.updated_at


def test_update_without_changes_writes_no_history(db: Database) -> None:
    person_id, _changes = create_person(db, goldfuss())
    before = counts(db)
    person = get_person(db, person_id)
    changes = update_person(db, person_id, person.to_input(), expected_version=person.version)
    assert changes.empty
    assert counts(db) == before
    assert len(operations(db)) == 1
    assert get_person(db, person_id).version == person.version


def test_changing_only_a_phone_moves_the_version(db: Database) -> None:
    """Child rows alone must still bump the version, or a concurrent edit goes unnoticed."""
    person_id, _changes = create_person(db, goldfuss())
    first_reader = get_person(db, person_id)
    second_reader = get_person(db, person_id)

    data = first_reader.to_input()
    data.contact_points[0] = ContactPointInput("phone", "0341 123-9999")
    update_person(db, person_id, data, expected_version=first_reader.version)
    assert get_person(db, person_id).version == first_reader.version + 1

    stale = second_reader.to_input()
    stale.function = "Something else"
    with pytest.raises(Conflict, match="changed by someone else"):
        update_person(db, person_id, stale, expected_version=second_reader.version)
    assert get_person(db, person_id).contact_points[0].normalized == "+493411239999"


def test_version_conflict(db: Database) -> None:
    person_id, _changes = create_person(db, goldfuss())
    person = get_person(db, person_id)
    update_person(db, person_id, replace(person.to_input(), function="A"), person.version)
    history = len(operations(db))
    with pytest.raises(Conflict):
        update_person(db, person_id, replace(person.to_input(), function="B"), person.version)
    assert get_person(db, person_id).function == "A"
    assert len(operations(db)) == history


# --- phones in the office's home country ----------------------------------------------------


def phone_of(db: Database, value: str) -> tuple[str | None, str]:
    person_id, _changes = create_person(
        db, PersonInput(family_name="Test", contact_points=[ContactPointInput("phone", value)])
    )
    point = get_person(db, person_id).contact_points[0]
    return point.normalized, point.display


def test_german_office_reads_national_numbers_as_german(db: Database) -> None:
    assert get_profile(db).country == "DE"
    assert phone_of(db, "0341 123-2032") == ("+493411232032", "+49 341 1232032")


def test_foreign_number_stays_foreign_in_a_german_office(db: Database) -> None:
    assert phone_of(db, "+ 371 6 34 04789") == ("+37163404789", "+371 63 404 789")


def test_latvian_office_reads_national_numbers_as_latvian(db: Database) -> None:
    save_profile(db, OfficeProfile(office_name="Liepāja", city="Liepāja", country="lv"))
    assert get_profile(db).country == "LV"
    assert phone_of(db, "6 34 04789") == ("+37163404789", "+371 63 404 789")
    assert phone_of(db, "+49 341 1232032")[0] == "+493411232032"


def test_fax_and_mobile_are_phones(db: Database) -> None:
    person_id, _changes = create_person(
        db,
        PersonInput(
            family_name="Test",
            contact_points=[
                ContactPointInput("fax", "0341 123-2025"),
                ContactPointInput("mobile", "0170 1234567"),
                ContactPointInput("web", "https://www.leipzig.de"),
            ],
        ),
    )
    fax, mobile, web = get_person(db, person_id).contact_points
    assert fax.normalized == "+493411232025"
    assert mobile.display == "+49 170 1234567"
    assert web.normalized == "https://www.leipzig.de"


def test_stored_number_keeps_its_country_when_the_office_moves(db: Database) -> None:
    """Editing another field must not re-read an unchanged national number in a new country."""
    person_id, _changes = create_person(db, goldfuss())
    save_profile(db, OfficeProfile(country="LV"))
    person = get_person(db, person_id)
    update_person(db, person_id, replace(person.to_input(), function="Amtsleiterin"))
    updated = get_person(db, person_id)
    assert updated.function == "Amtsleiterin"
    assert updated.contact_points[0].normalized == "+493411232032"


def test_only_one_primary_per_kind(db: Database) -> None:
    person_id, _changes = create_person(
        db,
        PersonInput(
            family_name="Test",
            contact_points=[
                ContactPointInput("phone", "0341 1232001", is_primary=True),
                ContactPointInput("phone", "0341 1232002", is_primary=True),
                ContactPointInput("email", "a@example.org", is_primary=True),
            ],
        ),
    )
    assert [p.is_primary for p in get_person(db, person_id).contact_points] == [True, False, True]


# --- validation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "keys"),
    [
        (PersonInput(family_name=""), {"family_name"}),
        (PersonInput(family_name="   "), {"family_name"}),
        (PersonInput(family_name="X", country="Germany"), {"country"}),
        (
            PersonInput(family_name="X", contact_points=[ContactPointInput("phone", "12")]),
            {"contact_points.0"},
        ),
        (
            PersonInput(
                family_name="X",
                contact_points=[
                    ContactPointInput("email", "ok@example.org"),
                    ContactPointInput("email", "not an email"),
                ],
            ),
            {"contact_points.1"},
        ),
        (
            PersonInput(family_name="X", contact_points=[ContactPointInput("pager", "123")]),
            {"contact_points.0"},
        ),
        (
            PersonInput(family_name="X", addresses=[AddressInput(city="Riga", country="Latvia")]),
            {"addresses.0"},
        ),
        (
            PersonInput(family_name="X", affiliations=[AffiliationInput(organisation_id=999)]),
            {"affiliations.0"},
        ),
        (
            PersonInput(
                family_name="",
                contact_points=[
                    ContactPointInput("phone", "abc"),
                    ContactPointInput("email", "@nowhere"),
                ],
            ),
            {"family_name", "contact_points.0", "contact_points.1"},
        ),
    ],
)
def test_invalid_input_is_refused_and_nothing_is_written(
    db: Database, data: PersonInput, keys: set[str]
) -> None:
    before = counts(db)
    with pytest.raises(ValidationError) as caught:
        create_person(db, data)
    assert set(caught.value.errors) == keys
    assert all(caught.value.errors.values())
    assert counts(db) == before


def test_invalid_update_leaves_the_record_as_it_was(db: Database) -> None:
    person_id, _changes = create_person(db, goldfuss())
    before = counts(db)
    person = get_person(db, person_id)
    data = person.to_input()
    data.family_name = "Neu"
    data.contact_points.append(ContactPointInput("email", "broken@"))
    with pytest.raises(ValidationError) as caught:
        update_person(db, person_id, data)
    assert set(caught.value.errors) == {"contact_points.2"}
    assert counts(db) == before
    assert get_person(db, person_id) == person


def test_bad_affiliation_date_is_a_validation_error(db: Database) -> None:
    organisation_id, _changes = create_organisation(db, OrganisationInput(name="Rīgas dome"))
    data = PersonInput(family_name="X", affiliations=[AffiliationInput(organisation_id)])
    values_with_text_date = replace(data.affiliations[0], start_date="2020-13-45")  # type: ignore[arg-type]
    data.affiliations = [values_with_text_date]
    with pytest.raises(ValidationError) as caught:
        create_person(db, data)
    assert set(caught.value.errors) == {"affiliations.0"}


def test_affiliation_dates_from_text(db: Database) -> None:
    organisation_id, _changes = create_organisation(db, OrganisationInput(name="Rīgas dome"))
    affiliation = AffiliationInput(organisation_id, start_date="2020-01-15")  # type: ignore[arg-type]
    person_id, _changes = create_person(
        db, PersonInput(family_name="X", affiliations=[affiliation])
    )
    assert get_person(db, person_id).affiliations[0].start_date == date(2020, 1, 15)


# --- not found ------------------------------------------------------------------------------


def test_unknown_or_trashed_person_is_not_found(db: Database) -> None:
    with pytest.raises(NotFound):
        get_person(db, 12345)
    person_id, _changes = create_person(db, goldfuss())
    delete_to_trash(db, "person", person_id)
    with pytest.raises(NotFound):
        get_person(db, person_id)
    with pytest.raises(NotFound):
        update_person(db, person_id, goldfuss())


def test_find_person_ids_by_name(db: Database) -> None:
    goldfuss_id, _changes = create_person(db, goldfuss())
    other_id, _changes = create_person(db, PersonInput(family_name="Gold_"))
    assert find_person_ids_by_name(db, "GOLDFUSS") == [goldfuss_id]
    assert find_person_ids_by_name(db, "gold_") == [other_id]  # "_" is no wildcard
    assert find_person_ids_by_name(db, "%") == []


def test_text_longer_than_its_column_is_refused(db: Database) -> None:
    """PostgreSQL would refuse it at commit; SQLite would keep it: both get the same message."""
    before = counts(db)
    with pytest.raises(ValidationError) as caught:
        create_person(
            db,
            PersonInput(
                family_name="x" * 201,
                title="y" * 81,
                contact_points=[ContactPointInput("email", "a@example.org", label="z" * 101)],
                addresses=[AddressInput(postcode="1" * 21)],
            ),
        )
    assert set(caught.value.errors) == {"family_name", "title", "contact_points.0", "addresses.0"}
    assert "200" in caught.value.errors["family_name"]
    assert counts(db) == before


def test_longest_names_fit_everywhere(db: Database) -> None:
    """Derived text (sort key, history and trash labels) is cut to its column."""
    person_id, _changes = create_person(
        db, PersonInput(family_name="ß" * 200, given_name="ẞ" * 200, title="Dr." * 26)
    )
    delete_to_trash(db, "person", person_id)
    (sort_name,) = db.raw_connection_execute("SELECT sort_name FROM people")[0]
    assert len(sort_name) == 400
    for table in ("operations", "changes", "trash"):
        for (label,) in db.raw_connection_execute(f"SELECT label FROM {table}"):
            assert len(label) <= 300
