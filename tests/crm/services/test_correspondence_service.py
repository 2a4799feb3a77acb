"""The correspondence register service: register, read, edit, history, trash, undo, search."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import pytest
from service_helpers import assert_plain, operations

from crm.db.database import Database
from crm.search.query import search_correspondence
from crm.services.correspondence import (
    CorrespondenceInput,
    create_correspondence,
    delete_correspondence,
    get_correspondence,
    update_correspondence,
)
from crm.services.errors import Conflict, NotFound, ValidationError
from crm.services.organisations import OrganisationInput, create_organisation
from crm.services.partnerships import PartnershipInput, create_partnership
from crm.services.people import PersonInput, create_person
from crm.services.trash import delete_to_trash, restore_from_trash, trash_items, undo_last


@dataclass(frozen=True)
class Office:
    kyiv: int
    herzliya: int
    olena: int
    inese: int
    embassy: int


def make_office(db: Database) -> Office:
    kyiv, _c = create_partnership(db, PartnershipInput(city_name="Kiew", country="UA"))
    herzliya, _c = create_partnership(db, PartnershipInput(city_name="Herzliya", country="IL"))
    olena, _c = create_person(db, PersonInput(family_name="Koval", given_name="Olena"))
    inese, _c = create_person(db, PersonInput(family_name="Bērziņa", given_name="Inese"))
    embassy, _c = create_organisation(db, OrganisationInput(name="Botschaft der Ukraine"))
    return Office(kyiv, herzliya, olena, inese, embassy)


def register(db: Database, subject: str, day: date, **values: object) -> int:
    data = CorrespondenceInput(subject=subject, date=day)
    entry_id, _changes = create_correspondence(db, replace(data, **values))  # type: ignore[arg-type]
    return entry_id


def test_register_an_incoming_letter_with_everything(db: Database) -> None:
    office = make_office(db)
    data = CorrespondenceInput(
        subject="Einladung zum Jubiläum 65 Jahre Partnerschaft",
        direction="incoming",
        channel="letter",
        date=date(2026, 3, 2),
        summary="Der Bürgermeister lädt zum Festakt im September ein.",
        counterpart_person_id=office.olena,
        counterpart_organisation_id=office.embassy,
        partnership_id=office.kyiv,
        follow_up_date=date(2026, 3, 16),
        person_ids=[office.inese, office.olena, office.inese],
    )
    entry_id, changes = create_correspondence(db, data)
    assert changes.created == {"correspondence": {entry_id}}
    detail = get_correspondence(db, entry_id)
    assert_plain(detail)
    assert detail.reference == "IZ-2026-0001"
    assert detail.counterpart == "Olena Koval, Botschaft der Ukraine"
    assert detail.partnership_name == "Kiew"
    assert [name for _id, name in detail.people] == ["Inese Bērziņa", "Olena Koval"]
    assert detail.status == "open"
    assert detail.is_overdue(date(2026, 3, 17)) and not detail.is_overdue(date(2026, 3, 16))
    assert sorted(detail.to_input().person_ids) == sorted(data.person_ids[:2])
    [operation] = operations(db)[-1:]
    assert (
        operation.label
        == "New register entry: IZ-2026-0001 Einladung zum Jubiläum 65 Jahre Partnerschaft"
    )
    assert operation.changes[0].new is not None
    assert operation.changes[0].new["follow_up_date"] == "2026-03-16"


def test_free_text_counterpart_and_phone_note(db: Database) -> None:
    entry_id = register(
        db,
        "Rückfrage Ankunftszeit",
        date(2026, 1, 5),
        channel="phone",
        counterpart_text="Hotel Fürstenhof, Rezeption",
    )
    detail = get_correspondence(db, entry_id)
    assert (detail.channel, detail.counterpart) == ("phone", "Hotel Fürstenhof, Rezeption")


def test_what_cannot_be_stored_is_named_by_field(db: Database) -> None:
    office = make_office(db)
    delete_to_trash(db, "person", office.olena)
    bad = CorrespondenceInput(
        subject="  ",
        direction="sideways",
        channel="pigeon",
        date=date(2026, 5, 1),
        follow_up_date=date(2026, 4, 1),
        counterpart_person_id=office.olena,
        partnership_id=999,
    )
    with pytest.raises(ValidationError) as raised:
        create_correspondence(db, bad)
    assert set(raised.value.errors) == {
        "subject",
        "direction",
        "channel",
        "follow_up_date",
        "counterpart_person_id",
        "partnership_id",
    }
    assert db.raw_connection_execute("SELECT count(*) FROM correspondence") == [(0,)]


def test_edit_records_old_and_new_values_and_detects_conflicts(db: Database) -> None:
    office = make_office(db)
    entry_id = register(db, "Anfrage Schüleraustausch", date(2026, 2, 1))
    detail = get_correspondence(db, entry_id)
    changed = replace(
        detail.to_input(), status="done", partnership_id=office.herzliya, person_ids=[office.inese]
    )
    changes = update_correspondence(db, entry_id, changed, detail.version)
    assert changes.updated == {"correspondence": {entry_id}}
    after = get_correspondence(db, entry_id)
    assert (after.status, after.partnership_name, after.reference) == (
        "done",
        "Herzliya",
        detail.reference,
    )
    assert after.version > detail.version
    change = operations(db)[-1].changes[0]
    assert change.old == {"status": "open", "partnership_id": None, "person_ids": []}
    assert change.new == {
        "status": "done",
        "partnership_id": office.herzliya,
        "person_ids": [office.inese],
    }
    with pytest.raises(Conflict):
        update_correspondence(db, entry_id, detail.to_input(), detail.version)
    # Saving what is there already changes nothing and leaves no history entry.
    count = len(operations(db))
    assert update_correspondence(db, entry_id, after.to_input(), after.version).empty
    assert len(operations(db)) == count


def test_a_trashed_entry_keeps_its_number_and_comes_back_whole(db: Database) -> None:
    first = register(db, "Erster Brief", date(2026, 1, 2))
    second = register(db, "Zweiter Brief", date(2026, 1, 3))
    changes = delete_correspondence(db, first)
    assert changes.deleted == {"correspondence": {first}}
    with pytest.raises(NotFound):
        get_correspondence(db, first)
    [item] = trash_items(db)
    assert item.label == "IZ-2026-0001 Erster Brief"
    third = register(db, "Dritter Brief", date(2026, 1, 4))
    assert get_correspondence(db, third).reference == "IZ-2026-0003"  # 0001 is not drawn again
    restore_from_trash(db, "correspondence", first)
    assert get_correspondence(db, first).reference == "IZ-2026-0001"
    assert get_correspondence(db, second).reference == "IZ-2026-0002"


def test_undo_an_edit_and_a_registration(db: Database) -> None:
    entry_id = register(db, "Programmentwurf", date(2026, 4, 1))
    detail = get_correspondence(db, entry_id)
    update_correspondence(db, entry_id, replace(detail.to_input(), subject="Programm, 2. Entwurf"))
    undo_last(db)
    assert get_correspondence(db, entry_id).subject == "Programmentwurf"
    undo_last(db)  # the next undo takes back the registration: the entry goes to the trash
    with pytest.raises(NotFound):
        get_correspondence(db, entry_id)


def test_search_finds_entries_and_forgets_trashed_ones(db: Database) -> None:
    entry_id = register(db, "Verbalnote der Botschaft", date(2026, 6, 1), summary="Visum Kyjiw")
    assert [hit.id for hit in search_correspondence(db, "verbalnote")] == [entry_id]
    assert [hit.id for hit in search_correspondence(db, "IZ-2026-0001")] == [entry_id]
    detail = get_correspondence(db, entry_id)
    update_correspondence(db, entry_id, replace(detail.to_input(), subject="Note verbale"))
    assert search_correspondence(db, "verbalnote") == []
    assert [hit.id for hit in search_correspondence(db, "verbale")] == [entry_id]
    delete_correspondence(db, entry_id)
    assert search_correspondence(db, "verbale") == []


def test_dates_in_the_past_and_future_years(db: Database) -> None:
    today = date.today()
    entry_id = register(db, "Heute", today, follow_up_date=today + timedelta(days=3))
    assert get_correspondence(db, entry_id).reference == f"IZ-{today.year}-0001"
