"""Redo: what undo took back is applied again, step by step, until a new change clears it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from service_helpers import operations

from crm.db.database import Database
from crm.search.query import search, search_records
from crm.services.correspondence import CorrespondenceInput, create_correspondence
from crm.services.errors import NotFound, ServiceError
from crm.services.history import operation_rows, record_history
from crm.services.people import PersonInput, create_person, get_person, update_person
from crm.services.trash import (
    delete_to_trash,
    last_redoable_label,
    last_undoable_label,
    purge,
    redo_last,
    trash_items,
    undo_last,
)


def found(db: Database, query: str) -> set[tuple[str, int]]:
    return {(hit.kind, hit.id) for hit in search_records(db, query)}


@pytest.fixture
def person_id(db: Database) -> int:
    person_id, _changes = create_person(
        db, PersonInput(family_name="Goldfuß", given_name="Gabriele", function="Referentin")
    )
    return person_id


def set_function(db: Database, person_id: int, function: str, **more: str) -> None:
    person = get_person(db, person_id)
    update_person(db, person_id, replace(person.to_input(), function=function, **more))


def function_of(db: Database, person_id: int) -> str | None:
    return get_person(db, person_id).function


def test_nothing_to_redo_before_an_undo(db: Database, person_id: int) -> None:
    assert last_redoable_label(db) is None
    with pytest.raises(ServiceError, match="nothing to redo"):
        redo_last(db)
    set_function(db, person_id, "Referatsleiterin")
    assert last_redoable_label(db) is None


def test_undo_then_redo_restores_the_edit(db: Database, person_id: int) -> None:
    set_function(db, person_id, "Referatsleiterin", family_name="Goldfuss")
    undo_last(db)
    assert function_of(db, person_id) == "Referentin"
    assert last_redoable_label(db) == "Edit person: Gabriele Goldfuss"

    changes = redo_last(db)
    assert changes.updated == {"person": {person_id}}
    assert changes.label == "Redo: Edit person: Gabriele Goldfuss"
    person = get_person(db, person_id)
    assert (person.function, person.family_name) == ("Referatsleiterin", "Goldfuss")
    assert found(db, "goldfuss") == {("person", person_id)}
    assert last_redoable_label(db) is None
    # The edit is back on the undo stack: undo takes it back once more, and redo again.
    assert last_undoable_label(db) == "Edit person: Gabriele Goldfuss"
    undo_last(db)
    assert function_of(db, person_id) == "Referentin"
    redo_last(db)
    assert function_of(db, person_id) == "Referatsleiterin"


def test_redo_is_recorded_as_its_own_operation(db: Database, person_id: int) -> None:
    set_function(db, person_id, "Referatsleiterin")
    undo_last(db)
    redo_last(db)
    *_, edit, undo, redo = operations(db)
    assert redo.label == "Redo: Edit person: Gabriele Goldfuß"
    assert redo.undoes_id == undo.id and undo.undone_by_id == redo.id
    assert edit.undone_by_id is None  # applied again: no longer undone
    (change,) = redo.changes
    assert (change.action, change.old, change.new) == (
        "update",
        {"function": "Referentin"},
        {"function": "Referatsleiterin"},
    )
    rows = {row.id: row for row in operation_rows(db, [edit.id, undo.id, redo.id])}
    assert (rows[edit.id].undone, rows[undo.id].undone, rows[redo.id].undone) == (
        False,
        True,
        False,
    )
    assert [e.operation_label for e in record_history(db, "person", person_id)][:3] == [
        "Redo: Edit person: Gabriele Goldfuß",
        "Undo: Edit person: Gabriele Goldfuß",
        "Edit person: Gabriele Goldfuß",
    ]


def test_a_new_edit_after_undo_clears_redo(db: Database, person_id: int) -> None:
    set_function(db, person_id, "Referatsleiterin")
    undo_last(db)
    assert last_redoable_label(db) is not None
    set_function(db, person_id, "Sachgebietsleiterin")
    assert last_redoable_label(db) is None
    with pytest.raises(ServiceError, match="nothing to redo"):
        redo_last(db)
    assert function_of(db, person_id) == "Sachgebietsleiterin"
    # Undoing the new edit offers that one to redo, never the cleared one.
    undo_last(db)
    assert last_redoable_label(db) == "Edit person: Gabriele Goldfuß"
    redo_last(db)
    assert function_of(db, person_id) == "Sachgebietsleiterin"
    assert last_redoable_label(db) is None


def test_redo_of_a_move_to_the_trash(db: Database, person_id: int) -> None:
    delete_to_trash(db, "person", person_id)
    undo_last(db)
    assert get_person(db, person_id).family_name == "Goldfuß"
    assert last_redoable_label(db) == "Move to trash: Gabriele Goldfuß"

    changes = redo_last(db)
    assert changes.deleted == {"person": {person_id}}
    with pytest.raises(NotFound):
        get_person(db, person_id)
    assert found(db, "goldf") == set()
    assert [(item.entity, item.entity_id) for item in trash_items(db)] == [("person", person_id)]
    undo_last(db)  # and back again
    assert get_person(db, person_id).family_name == "Goldfuß"
    assert trash_items(db) == []


def test_redo_of_a_creation_brings_the_record_back(db: Database) -> None:
    entry_id, _changes = create_correspondence(
        db, CorrespondenceInput(subject="Einladung zum Lichtfest")
    )
    undo_last(db)
    assert [hit.id for hit in search(db, "lichtfest")] == []
    changes = redo_last(db)
    assert changes.created == {"correspondence": {entry_id}}
    assert [(hit.kind, hit.id) for hit in search(db, "lichtfest")] == [("correspondence", entry_id)]


def test_several_undos_then_redos_in_order(db: Database, person_id: int) -> None:
    for function in ("B", "C", "D"):
        set_function(db, person_id, function)
    for expected in ("C", "B", "Referentin"):
        undo_last(db)
        assert function_of(db, person_id) == expected
    labels = []
    for expected in ("B", "C", "D"):
        labels.append(last_redoable_label(db))
        redo_last(db)
        assert function_of(db, person_id) == expected
    assert labels == ["Edit person: Gabriele Goldfuß"] * 3
    assert last_redoable_label(db) is None
    # The undo stack is whole again: three undos walk back to the start.
    for expected in ("C", "B", "Referentin"):
        undo_last(db)
        assert function_of(db, person_id) == expected


def test_undo_and_redo_interleaved_follow_the_stack(db: Database, person_id: int) -> None:
    set_function(db, person_id, "B")
    set_function(db, person_id, "C")
    undo_last(db)  # C -> B
    undo_last(db)  # B -> Referentin
    redo_last(db)  # -> B
    undo_last(db)  # B -> Referentin again
    redo_last(db)  # -> B
    assert function_of(db, person_id) == "B"
    redo_last(db)  # -> C
    assert function_of(db, person_id) == "C"
    assert last_redoable_label(db) is None
    assert last_undoable_label(db) == "Edit person: Gabriele Goldfuß"


def test_a_deletion_for_good_clears_redo(db: Database, person_id: int) -> None:
    other, _changes = create_person(db, PersonInput(family_name="Ozola"))
    delete_to_trash(db, "person", other)
    set_function(db, person_id, "Referatsleiterin")
    undo_last(db)
    purge(db, "person", other)
    assert last_redoable_label(db) is None
