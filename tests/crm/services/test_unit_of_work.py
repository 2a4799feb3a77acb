"""One transaction per user action: the history commits with the change or not at all."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from service_helpers import counts, operations

from crm.db.database import Database
from crm.db.enums import ChangeAction
from crm.db.models import Person
from crm.services.unit import ChangeSet, json_value, write


def test_changes_and_history_commit_together(db: Database) -> None:
    with write(db, "Import", actor="gabriele") as unit:
        person = Person(family_name="Ozola", sort_name="ozola")
        unit.session.add(person)
        unit.session.flush()
        unit.record(ChangeAction.CREATE, "person", person.id, "Ozola", new={"family_name": "Ozola"})
    (operation,) = operations(db)
    assert (operation.label, operation.actor) == ("Import", "gabriele")
    assert operation.changes[0].new == {"family_name": "Ozola"}
    assert unit.changes.operation_id == operation.id
    assert unit.changes.created == {"person": {person.id}}


def test_an_error_rolls_back_the_change_and_its_history(db: Database) -> None:
    before = counts(db)
    with pytest.raises(RuntimeError), write(db, "Half done") as unit:
        person = Person(family_name="Ozola", sort_name="ozola")
        unit.session.add(person)
        unit.session.flush()
        unit.record(ChangeAction.CREATE, "person", person.id, "Ozola", new={})
        raise RuntimeError("power cut")
    assert counts(db) == before


def test_an_action_without_changes_leaves_no_operation(db: Database) -> None:
    with write(db, "Look only") as unit:
        unit.session.flush()  # the operation row is written ...
        assert unit.operation.id is not None
    assert operations(db) == []  # ... and removed again, as nothing changed
    assert unit.changes.empty and unit.changes.operation_id is None


def test_update_records_only_the_changed_fields(db: Database) -> None:
    with write(db, "Edit") as unit:
        unit.record(
            ChangeAction.UPDATE,
            "person",
            1,
            "X",
            old={"a": 1, "b": 2, "c": [1]},
            new={"a": 1, "b": 3, "c": [1, 2]},
        )
        unit.record(ChangeAction.UPDATE, "person", 2, "Y", old={"a": 1}, new={"a": 1})
    (operation,) = operations(db)
    (change,) = operation.changes
    assert (change.old, change.new) == ({"b": 2, "c": [1]}, {"b": 3, "c": [1, 2]})


def test_history_keeps_text_as_written(db: Database) -> None:
    with write(db, "Київ") as unit:
        unit.record(ChangeAction.CREATE, "person", 1, "Київ", new={"name": "南京 Łódź"})
    raw = db.raw_connection_execute("SELECT new_values FROM changes")[0][0]
    assert "南京 Łódź" in raw
    assert json.loads(raw) == {"name": "南京 Łódź"}


def test_labels_are_cut_to_the_column_size(db: Database) -> None:
    with write(db, "x" * 400) as unit:
        unit.record(ChangeAction.CREATE, "person", 1, "y" * 400, new={})
    (operation,) = operations(db)
    assert len(operation.label) == 300 and len(operation.changes[0].label) == 300


def test_json_value() -> None:
    assert json_value({"d": date(2026, 5, 1), "n": Decimal("12.50"), "l": [date(2020, 1, 2)]}) == {
        "d": "2026-05-01",
        "n": "12.50",
        "l": ["2020-01-02"],
    }


def test_change_set() -> None:
    changes = ChangeSet()
    assert changes.empty
    changes.note(ChangeAction.CREATE, "person", 1)
    changes.note(ChangeAction.RESTORE, "person", 2)
    changes.note(ChangeAction.UPDATE, "organisation", 3)
    changes.note(ChangeAction.DELETE, "partnership", 4)
    changes.note(ChangeAction.PURGE, "partnership", 5)
    assert changes.created == {"person": {1, 2}}
    assert changes.updated == {"organisation": {3}}
    assert changes.deleted == {"partnership": {4, 5}}
    assert changes.kinds == {"person", "organisation", "partnership"}
    assert not changes.empty
