"""Delete for good: the record, its rows, its trash entry and its index row go; history stays."""

from __future__ import annotations

import pytest
from service_helpers import counts, operations, search_rows

from crm.db.database import Database
from crm.search.query import search_records
from crm.services import lists
from crm.services.contact_points import AddressInput, ContactPointInput
from crm.services.errors import NotFound, ServiceError
from crm.services.organisations import OrganisationInput, create_organisation, get_organisation
from crm.services.partnerships import PartnershipInput, create_partnership, get_partnership
from crm.services.people import AffiliationInput, PersonInput, create_person, get_person
from crm.services.progress import Cancelled, Progress
from crm.services.trash import (
    TrashFilter,
    delete_to_trash,
    last_undoable_label,
    purge,
    purge_many,
    restore_many,
    trash_ids,
    trash_items,
    trash_rows,
    undo_last,
)


@pytest.fixture
def organisation_id(db: Database) -> int:
    organisation_id, _changes = create_organisation(db, OrganisationInput(name="Rīgas dome"))
    return organisation_id


@pytest.fixture
def person_id(db: Database, organisation_id: int) -> int:
    person_id, _changes = create_person(
        db,
        PersonInput(
            family_name="Bērziņa",
            given_name="Inese",
            contact_points=[ContactPointInput("phone", "+371 6 34 04789")],
            addresses=[AddressInput(street="Rožu laukums 5", city="Liepāja", country="LV")],
            affiliations=[AffiliationInput(organisation_id, "Head of unit")],
        ),
    )
    return person_id


def test_purge_removes_the_person_and_their_rows(db: Database, person_id: int) -> None:
    before = counts(db)
    delete_to_trash(db, "person", person_id)
    changes = purge(db, "person", person_id)
    assert changes.deleted == {"person": {person_id}}
    after = counts(db)
    assert after["people"] == before["people"] - 1
    assert after["contact_points"] == before["contact_points"] - 1
    assert after["addresses"] == before["addresses"] - 1
    assert after["affiliations"] == before["affiliations"] - 1
    assert after["trash"] == 0
    assert trash_items(db) == []
    with pytest.raises(NotFound):
        get_person(db, person_id)


def test_purge_keeps_the_history_as_recorded(db: Database, person_id: int) -> None:
    delete_to_trash(db, "person", person_id)
    purge(db, "person", person_id)
    created, trashed, purged = operations(db)[-3:]
    assert created.label == "New person: Inese Bērziņa"
    assert created.changes[0].new is not None
    assert created.changes[0].new["family_name"] == "Bērziņa"
    assert trashed.label == "Move to trash: Inese Bērziņa"
    assert purged.label == "Delete for good: Inese Bērziņa"
    assert [(c.entity, c.entity_id, c.action) for c in purged.changes] == [
        ("person", person_id, "purge")
    ]


def test_purge_of_a_partnership_takes_its_city_and_index_row(db: Database) -> None:
    partnership_id, _changes = create_partnership(
        db, PartnershipInput(city_name="Herzliya", city_name_native="הרצליה", country="IL")
    )
    rows = search_rows(db)
    delete_to_trash(db, "partnership", partnership_id)
    purge(db, "partnership", partnership_id)
    assert counts(db)["partnerships"] == 0
    assert counts(db)["partner_cities"] == 0
    assert search_rows(db) == rows - 1
    assert search_records(db, "herzl") == []
    assert partnership_id not in lists.partnership_ids(db)
    with pytest.raises(NotFound):
        get_partnership(db, partnership_id)


def test_purge_of_an_organisation_leaves_its_people(
    db: Database, organisation_id: int, person_id: int
) -> None:
    delete_to_trash(db, "organisation", organisation_id)
    purge(db, "organisation", organisation_id)
    with pytest.raises(NotFound):
        get_organisation(db, organisation_id)
    person = get_person(db, person_id)
    assert person.affiliations == ()
    assert person.contact_points[0].normalized == "+37163404789"
    assert {hit.kind for hit in search_records(db, "rigas")} == set()


def test_only_records_in_the_trash_can_be_purged(db: Database, person_id: int) -> None:
    history = len(operations(db))
    with pytest.raises(ServiceError, match="Only records in the trash"):
        purge(db, "person", person_id)
    with pytest.raises(NotFound):
        purge(db, "person", 999)
    assert len(operations(db)) == history
    assert get_person(db, person_id).family_name == "Bērziņa"


def test_purge_cannot_be_undone_and_stops_undo(db: Database, person_id: int) -> None:
    delete_to_trash(db, "person", person_id)
    purge(db, "person", person_id)
    assert last_undoable_label(db) is None
    with pytest.raises(ServiceError, match="nothing to undo"):
        undo_last(db)


def test_purge_and_restore_several_in_one_step(db: Database, organisation_id: int) -> None:
    ids = [
        create_person(db, PersonInput(family_name=name))[0] for name in ("Ozola", "Koval", "Lee")
    ]
    for person_id in ids:
        delete_to_trash(db, "person", person_id)
    delete_to_trash(db, "organisation", organisation_id)
    changes = restore_many(db, [("person", ids[0]), ("organisation", organisation_id)])
    assert changes.created == {"person": {ids[0]}, "organisation": {organisation_id}}
    assert operations(db)[-1].label == "Restore 2 records from trash"
    changes = purge_many(db, [("person", ids[1]), ("person", ids[2])])
    assert changes.deleted == {"person": {ids[1], ids[2]}}
    assert operations(db)[-1].label == "Delete 2 records for good"
    assert trash_items(db) == []
    assert get_person(db, ids[0]).family_name == "Ozola"


def test_a_failed_purge_changes_nothing(db: Database, person_id: int) -> None:
    other, _changes = create_person(db, PersonInput(family_name="Koval"))
    delete_to_trash(db, "person", person_id)
    before = counts(db)
    with pytest.raises(ServiceError):
        purge_many(db, [("person", person_id), ("person", other)])  # other is not trashed
    assert counts(db) == before


def test_trash_list_ids_rows_and_filters(
    db: Database, person_id: int, organisation_id: int
) -> None:
    delete_to_trash(db, "person", person_id)
    delete_to_trash(db, "organisation", organisation_id)
    ids = trash_ids(db)
    rows = trash_rows(db, ids)
    assert [row.label for row in rows] == ["Rīgas dome", "Inese Bērziņa"]  # newest first
    assert [r.label for r in trash_rows(db, trash_ids(db, sort="name", descending=False))] == [
        "Inese Bērziņa",
        "Rīgas dome",
    ]
    berz = trash_rows(db, trash_ids(db, TrashFilter(text="berz")))  # without the diacritics
    assert [(r.entity, r.entity_id) for r in berz] == [("person", person_id)]
    organisations = trash_rows(db, trash_ids(db, TrashFilter(kind="organisation")))
    assert [r.entity_id for r in organisations] == [organisation_id]
    assert trash_ids(db, limit=1) == ids[:1]
    assert trash_rows(db, [ids[1], 999, ids[0]]) == [rows[1], rows[0]]


class _CancelAfter(Progress):
    """A watcher that presses Cancel once ``count`` records are done."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def advance(self, count: int = 1, text: str | None = None) -> None:
        if self.snapshot().done + count >= self.count:
            self.cancel()
        super().advance(count, text)


def test_a_cancelled_purge_deletes_none_of_them(db: Database) -> None:
    ids = [create_organisation(db, OrganisationInput(name=f"Verein {n}"))[0] for n in range(5)]
    for organisation_id in ids:
        delete_to_trash(db, "organisation", organisation_id)
    with pytest.raises(Cancelled):
        purge_many(db, [("organisation", i) for i in ids], _CancelAfter(3))
    assert sorted(item.entity_id for item in trash_items(db)) == sorted(ids)
    progress = Progress()
    purge_many(db, [("organisation", i) for i in ids], progress)
    assert trash_items(db) == []
    assert progress.snapshot().done == 5


def test_a_cancelled_restore_restores_none_of_them(db: Database) -> None:
    ids = [create_organisation(db, OrganisationInput(name=f"Verein {n}"))[0] for n in range(4)]
    for organisation_id in ids:
        delete_to_trash(db, "organisation", organisation_id)
    with pytest.raises(Cancelled):
        restore_many(db, [("organisation", i) for i in ids], _CancelAfter(2))
    assert len(trash_items(db)) == 4
