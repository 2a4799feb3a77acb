"""The history read back: the office-wide list, one operation's changes, one record's history."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from service_helpers import assert_plain

from crm.db.database import Database
from crm.services.contact_points import ContactPointInput
from crm.services.history import (
    HistoryFilter,
    actors,
    operation_changes,
    operation_ids,
    operation_rows,
    record_history,
)
from crm.services.organisations import OrganisationInput, create_organisation
from crm.services.partnerships import (
    PartnershipInput,
    create_partnership,
    get_partnership,
    update_partnership,
)
from crm.services.people import PersonInput, create_person, get_person, update_person
from crm.services.trash import delete_to_trash, purge, undo_last
from crm.services.unit import write


def make_person(db: Database) -> int:
    person_id, _changes = create_person(
        db,
        PersonInput(
            family_name="Goldfuß",
            given_name="Gabriele",
            contact_points=[ContactPointInput("phone", "0341 123-2020", "office")],
        ),
    )
    return person_id


def change_phone(db: Database, person_id: int, phone: str) -> None:
    data = get_person(db, person_id).to_input()
    data.contact_points = [ContactPointInput("phone", phone, "office")]
    update_person(db, person_id, data)


def test_the_list_is_newest_first_with_rows(db: Database) -> None:
    person_id = make_person(db)
    change_phone(db, person_id, "0341 123-9999")
    ids = operation_ids(db)
    rows = operation_rows(db, ids)
    assert_plain(rows)
    assert [row.label for row in rows] == [
        "Edit person: Gabriele Goldfuß",
        "New person: Gabriele Goldfuß",
    ]
    assert rows[0].kinds == ("person",)
    assert rows[0].change_count == 1
    assert rows[0].actor
    assert not rows[0].undone
    assert operation_ids(db, limit=1) == ids[:1]
    assert operation_ids(db, descending=False) == ids[::-1]
    assert operation_rows(db, [ids[1], 999, ids[0]]) == [rows[1], rows[0]]


def test_an_update_shows_each_field_with_old_and_new_value(db: Database) -> None:
    person_id = make_person(db)
    data = get_person(db, person_id).to_input()
    update_person(db, person_id, replace(data, function="Leiterin"))
    (change,) = operation_changes(db, operation_ids(db)[0])
    assert_plain(change)
    assert (change.entity, change.entity_id, change.action) == ("person", person_id, "update")
    assert [(f.field, f.old, f.new) for f in change.fields] == [("function", None, "Leiterin")]


def test_phones_are_shown_in_international_format(db: Database) -> None:
    person_id = make_person(db)
    change_phone(db, person_id, "0341 123-9999")
    (change,) = operation_changes(db, operation_ids(db)[0])
    (field,) = change.fields
    assert field.field == "contact_points"
    assert [p["display"] for p in field.old] == ["+49 341 1232020"]
    assert [p["display"] for p in field.new] == ["+49 341 1239999"]


def test_a_new_record_shows_the_fields_filled_in(db: Database) -> None:
    make_person(db)
    (change,) = operation_changes(db, operation_ids(db)[0])
    assert change.action == "create"
    assert {f.field for f in change.fields} == {"given_name", "family_name", "contact_points"}
    assert all(f.old is None for f in change.fields)


def test_ids_of_other_records_are_shown_by_their_names(db: Database) -> None:
    association, _changes = create_organisation(db, OrganisationInput(name="Leipzig-Kiew e.V."))
    partnership_id, _changes = create_partnership(
        db, PartnershipInput(city_name="Kiew", country="UA")
    )
    data = get_partnership(db, partnership_id).to_input()
    update_partnership(db, partnership_id, replace(data, association_id=association))
    (change,) = operation_changes(db, operation_ids(db)[0])
    assert [(f.field, f.old, f.new) for f in change.fields] == [
        ("association_id", None, "Leipzig-Kiew e.V.")
    ]
    # An id whose record is gone for good stays as recorded.
    delete_to_trash(db, "organisation", association)
    purge(db, "organisation", association)
    history = record_history(db, "partnership", partnership_id)
    edit = next(event for event in history if event.change.action == "update")
    assert [(f.field, f.new) for f in edit.change.fields] == [("association_id", association)]


def test_record_history_lists_every_step_newest_first(db: Database) -> None:
    person_id = make_person(db)
    other = make_person(db)
    change_phone(db, person_id, "0341 123-9999")
    delete_to_trash(db, "person", person_id)
    undo_last(db)
    events = record_history(db, "person", person_id)
    assert_plain(events)
    assert [(e.change.action, e.undone) for e in events] == [
        ("restore", False),
        ("delete", True),
        ("update", False),
        ("create", False),
    ]
    assert events[0].operation_label == "Undo: Move to trash: Gabriele Goldfuß"
    assert all(e.actor for e in events)
    assert len(record_history(db, "person", other)) == 1
    assert record_history(db, "person", 999) == []


def test_filters_by_kind_actor_text_and_dates(db: Database) -> None:
    person_id = make_person(db)
    create_partnership(db, PartnershipInput(city_name="Liepāja", country="LV"))
    with write(db, "Edit by someone else", actor="inese") as unit:
        from crm.db.enums import ChangeAction

        unit.record(ChangeAction.UPDATE, "person", person_id, "Gabriele Goldfuß", {}, {"x": 1})

    def labels(filters: HistoryFilter) -> list[str]:
        return [row.label for row in operation_rows(db, operation_ids(db, filters))]

    assert labels(HistoryFilter(kind="partnership")) == ["New partnership: Liepāja"]
    assert labels(HistoryFilter(actor="inese")) == ["Edit by someone else"]
    assert "inese" in actors(db)
    assert labels(HistoryFilter(text="liepāja")) == ["New partnership: Liepāja"]
    assert labels(HistoryFilter(text="liepaja")) == ["New partnership: Liepāja"]  # index, folded
    assert labels(HistoryFilter(text="1232020")) == ["New person: Gabriele Goldfuß"]  # a value
    today = date.today()
    assert len(labels(HistoryFilter(since=today, until=today))) == 3
    assert labels(HistoryFilter(until=today - timedelta(days=1))) == []
    assert labels(HistoryFilter(since=today + timedelta(days=1))) == []
