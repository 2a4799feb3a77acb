"""Delete to trash, restore, and undo step by step, with the search index kept in step."""

from __future__ import annotations

from dataclasses import replace

import pytest
from service_helpers import counts, operations
from sqlalchemy import text

from crm.db.database import Database
from crm.search.query import search_records
from crm.services.contact_points import ContactPointInput
from crm.services.errors import NotFound, ServiceError, ValidationError
from crm.services.office import OfficeProfile, save_profile
from crm.services.organisations import (
    OrganisationInput,
    create_organisation,
    get_organisation,
)
from crm.services.partnerships import PartnershipInput, create_partnership, get_partnership
from crm.services.people import (
    AffiliationInput,
    PersonInput,
    create_person,
    get_person,
    update_person,
)
from crm.services.trash import (
    delete_to_trash,
    last_undoable_label,
    restore_from_trash,
    trash_items,
    undo_last,
)
from crm.services.unit import write


def found(db: Database, query: str) -> set[tuple[str, int]]:
    return {(hit.kind, hit.id) for hit in search_records(db, query)}


@pytest.fixture
def person_id(db: Database) -> int:
    person_id, _changes = create_person(
        db,
        PersonInput(
            family_name="Goldfuß",
            given_name="Gabriele",
            contact_points=[ContactPointInput("phone", "0341 123-2032")],
        ),
    )
    return person_id


# --- trash and restore ------------------------------------------------------------------------


def test_delete_to_trash_and_restore(db: Database, person_id: int) -> None:
    changes = delete_to_trash(db, "person", person_id)
    assert changes.deleted == {"person": {person_id}}
    with pytest.raises(NotFound):
        get_person(db, person_id)
    assert found(db, "goldf") == set()
    (item,) = trash_items(db)
    assert (item.entity, item.entity_id, item.label) == ("person", person_id, "Gabriele Goldfuß")
    assert item.deleted_by

    changes = restore_from_trash(db, "person", person_id)
    assert changes.created == {"person": {person_id}}
    assert get_person(db, person_id).contact_points[0].normalized == "+493411232032"
    assert found(db, "goldf") == {("person", person_id)}
    assert trash_items(db) == []


def test_trash_keeps_the_record_and_its_contacts(db: Database, person_id: int) -> None:
    before = counts(db)
    delete_to_trash(db, "person", person_id)
    after = counts(db)
    assert after["people"] == before["people"]
    assert after["contact_points"] == before["contact_points"]
    assert after["trash"] == 1


def test_history_of_trash_and_restore(db: Database, person_id: int) -> None:
    delete_to_trash(db, "person", person_id)
    restore_from_trash(db, "person", person_id)
    *_, deleted, restored = operations(db)
    assert deleted.label == "Move to trash: Gabriele Goldfuß"
    assert [(c.entity, c.entity_id, c.action) for c in deleted.changes] == [
        ("person", person_id, "delete")
    ]
    assert restored.label == "Restore from trash: Gabriele Goldfuß"
    assert [c.action for c in restored.changes] == ["restore"]


def test_trash_twice_and_restore_twice_are_refused(db: Database, person_id: int) -> None:
    with pytest.raises(NotFound):
        restore_from_trash(db, "person", person_id)
    delete_to_trash(db, "person", person_id)
    history = len(operations(db))
    with pytest.raises(NotFound):
        delete_to_trash(db, "person", person_id)
    assert len(operations(db)) == history
    restore_from_trash(db, "person", person_id)
    with pytest.raises(NotFound):
        restore_from_trash(db, "person", person_id)


def test_trash_again_after_restore(db: Database, person_id: int) -> None:
    """The trash holds one entry per record; a second trip must not collide with the first."""
    delete_to_trash(db, "person", person_id)
    restore_from_trash(db, "person", person_id)
    delete_to_trash(db, "person", person_id)
    assert [item.entity_id for item in trash_items(db)] == [person_id]


def test_unknown_record_or_kind(db: Database) -> None:
    with pytest.raises(NotFound):
        delete_to_trash(db, "person", 999)
    with pytest.raises(NotFound):
        delete_to_trash(db, "spaceship", 1)
    assert operations(db) == []


def test_trash_of_each_kind(db: Database) -> None:
    organisation_id, _changes = create_organisation(db, OrganisationInput(name="Århus Kommune"))
    partnership_id, _changes = create_partnership(
        db, PartnershipInput(city_name="Århus", country="DK")
    )
    assert found(db, "arhus") == {
        ("organisation", organisation_id),
        ("partnership", partnership_id),
    }
    delete_to_trash(db, "organisation", organisation_id)
    delete_to_trash(db, "partnership", partnership_id)
    assert found(db, "arhus") == set()
    assert {(i.entity, i.entity_id) for i in trash_items(db)} == {
        ("organisation", organisation_id),
        ("partnership", partnership_id),
    }
    undo_last(db)
    undo_last(db)
    assert get_organisation(db, organisation_id).name == "Århus Kommune"
    assert get_partnership(db, partnership_id).name == "Århus"
    assert found(db, "arhus") == {
        ("organisation", organisation_id),
        ("partnership", partnership_id),
    }


# --- undo ---------------------------------------------------------------------------------


def test_undo_walks_back_step_by_step(db: Database) -> None:
    person_id, _changes = create_person(db, PersonInput(family_name="Vecvagare", function="A"))
    person = get_person(db, person_id)
    update_person(db, person_id, replace(person.to_input(), function="B"))
    update_person(db, person_id, replace(person.to_input(), function="C", family_name="Ozola"))
    assert last_undoable_label(db) == "Edit person: Ozola"

    changes = undo_last(db)
    assert changes.updated == {"person": {person_id}}
    assert (get_person(db, person_id).function, get_person(db, person_id).family_name) == (
        "B",
        "Vecvagare",
    )
    assert found(db, "ozola") == set()
    assert found(db, "vecva") == {("person", person_id)}

    undo_last(db)
    assert get_person(db, person_id).function == "A"

    changes = undo_last(db)  # the creation: the person goes to the trash
    assert changes.deleted == {"person": {person_id}}
    with pytest.raises(NotFound):
        get_person(db, person_id)
    assert found(db, "vecva") == set()

    assert last_undoable_label(db) is None
    with pytest.raises(ServiceError, match="nothing to undo"):
        undo_last(db)


def test_undo_is_itself_recorded(db: Database, person_id: int) -> None:
    person = get_person(db, person_id)
    update_person(db, person_id, replace(person.to_input(), function="Leiterin"))
    undo_last(db)
    *_, edit, undo = operations(db)
    assert undo.label == "Undo: Edit person: Gabriele Goldfuß"
    assert undo.undoes_id == edit.id
    assert edit.undone_by_id == undo.id
    (change,) = undo.changes
    assert (change.action, change.old, change.new) == (
        "update",
        {"function": "Leiterin"},
        {"function": None},
    )


def test_undo_moves_the_version(db: Database, person_id: int) -> None:
    person = get_person(db, person_id)
    data = person.to_input()
    data.contact_points = [ContactPointInput("phone", "0341 123-9999")]
    update_person(db, person_id, data)
    edited = get_person(db, person_id)
    undo_last(db)
    undone = get_person(db, person_id)
    assert undone.contact_points[0].normalized == "+493411232032"
    assert undone.version == edited.version + 1


def test_undo_of_delete_restores_and_reindexes(db: Database, person_id: int) -> None:
    delete_to_trash(db, "person", person_id)
    assert found(db, "goldf") == set()
    changes = undo_last(db)
    assert changes.created == {"person": {person_id}}
    assert get_person(db, person_id).family_name == "Goldfuß"
    assert found(db, "goldf") == {("person", person_id)}
    assert trash_items(db) == []


def test_undo_of_restore_trashes_again(db: Database, person_id: int) -> None:
    delete_to_trash(db, "person", person_id)
    restore_from_trash(db, "person", person_id)
    undo_last(db)
    with pytest.raises(NotFound):
        get_person(db, person_id)
    undo_last(db)  # the trashing, undone: back again
    assert get_person(db, person_id).family_name == "Goldfuß"


def test_undo_revalidates_and_fails_without_a_trace(db: Database) -> None:
    """Old values that can no longer be stored are refused, and nothing changes."""
    organisation_id, _changes = create_organisation(db, OrganisationInput(name="Rīgas dome"))
    person_id, _changes = create_person(
        db, PersonInput(family_name="Ozola", affiliations=[AffiliationInput(organisation_id)])
    )
    person = get_person(db, person_id)
    update_person(db, person_id, replace(person.to_input(), affiliations=[]))
    with write(db, "Erase organisation for good") as unit:  # as a GDPR erasure would
        unit.session.execute(
            text("DELETE FROM organisations WHERE id = :id"), {"id": organisation_id}
        )
    before = counts(db)
    history = operations(db)
    with pytest.raises(ValidationError) as caught:
        undo_last(db)
    assert set(caught.value.errors) == {"affiliations.0"}
    assert counts(db) == before
    assert operations(db) == history
    assert get_person(db, person_id).affiliations == ()


def test_undo_keeps_a_phone_in_its_country_after_the_office_moved(db: Database) -> None:
    person_id, _changes = create_person(
        db,
        PersonInput(
            family_name="Goldfuß", contact_points=[ContactPointInput("phone", "0341 1232032")]
        ),
    )
    person = get_person(db, person_id)
    update_person(db, person_id, replace(person.to_input(), contact_points=[]))
    save_profile(db, OfficeProfile(country="LV"))
    undo_last(db)
    assert get_person(db, person_id).contact_points[0].normalized == "+493411232032"


def test_profile_changes_do_not_block_undo(db: Database, person_id: int) -> None:
    save_profile(db, OfficeProfile(country="LV"))
    assert last_undoable_label(db) == "New person: Gabriele Goldfuß"
