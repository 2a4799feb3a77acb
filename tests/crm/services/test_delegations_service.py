"""Delegations: a visit saved whole with members, programme and gifts; trash, restore, undo."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from crm.db.database import Database
from crm.search.query import search_records
from crm.services import delegation_lists as dl
from crm.services import trash
from crm.services.delegations import (
    DelegationInput,
    GiftInput,
    MemberInput,
    ProgrammeItemInput,
    create_delegation,
    get_delegation,
    update_delegation,
)
from crm.services.errors import Conflict, NotFound, ValidationError
from crm.services.partnerships import PartnershipInput, create_partnership
from crm.services.people import PersonInput, create_person


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 5, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def office(db: Database) -> dict[str, int]:
    ids = {}
    ids["liepaja"], _c = create_partnership(
        db, PartnershipInput(city_name="Liepāja", country="LV", since_year=1990)
    )
    for given, family in (
        ("Gunārs", "Ansiņš"),
        ("Inese", "Bērziņa"),
        ("Jānis", "Vītols"),
        ("Gabriele", "Goldfuß"),
    ):
        ids[family], _c = create_person(db, PersonInput(family_name=family, given_name=given))
    return ids


def visit(ids: dict[str, int]) -> DelegationInput:
    return DelegationInput(
        title="Delegation from Liepāja",
        direction="incoming",
        start_date=date(2026, 5, 4),
        end_date=date(2026, 5, 5),
        partnership_id=ids["liepaja"],
        purpose="Youth exchange",
        hotel="Hotel Fürstenhof",
        interpreters="Ms Ozola (Latvian–German)",
        languages="lv,de",
        members=[
            MemberInput(ids["Bērziņa"], "Head of international relations", 2),
            MemberInput(ids["Ansiņš"], "Mayor", 1, at(4, 8), at(5, 18), dietary_needs="Vegetarian"),
        ],
        programme=[
            ProgrammeItemInput(
                at(4, 9),
                "Golden Book",
                at(4, 9, 30),
                "golden_book",
                "Neues Rathaus",
                participant_ids=[ids["Goldfuß"]],
            ),
            ProgrammeItemInput(at(4, 12), "Lunch", at(4, 13, 30), "meal"),
        ],
        gifts=[
            GiftInput("received", "Amber bowl", date(2026, 5, 4), Decimal("80"), "eur"),
        ],
    )


def test_create_and_read_a_whole_visit(db: Database, office: dict[str, int]) -> None:
    delegation_id, changes = create_delegation(db, visit(office))
    assert changes.created == {"delegation": {delegation_id}}
    detail = get_delegation(db, delegation_id)
    assert detail.partnership_name == "Liepāja"
    # Protocol order: rank first.
    assert [(m.name, m.protocol_rank) for m in detail.members] == [
        ("Gunārs Ansiņš", 1),
        ("Inese Bērziņa", 2),
    ]
    assert detail.members[0].arrival == at(4, 8)
    assert [i.title for i in detail.programme] == ["Golden Book", "Lunch"]
    assert detail.programme[0].participants == ((office["Goldfuß"], "Gabriele Goldfuß"),)
    (gift,) = detail.gifts
    assert (gift.description, gift.value, gift.currency) == ("Amber bowl", Decimal("80.00"), "EUR")
    assert [h.id for h in search_records(db, "liepaja")][-1:] == [delegation_id] or any(
        h.kind == "delegation" for h in search_records(db, "liepaja")
    )


def test_round_trip_changes_nothing(db: Database, office: dict[str, int]) -> None:
    delegation_id, _c = create_delegation(db, visit(office))
    detail = get_delegation(db, delegation_id)
    changes = update_delegation(db, delegation_id, detail.to_input(), detail.version)
    assert changes.empty


def test_validation_names_the_fields(db: Database, office: dict[str, int]) -> None:
    data = visit(office)
    data.title = " "
    data.end_date = date(2026, 5, 1)
    data.members.append(MemberInput(office["Ansiņš"]))
    data.programme[1].ends_at = at(4, 11)
    data.gifts[0].currency = "euro"
    with pytest.raises(ValidationError) as raised:
        create_delegation(db, data)
    assert set(raised.value.errors) == {"title", "end_date", "members.2", "programme.1", "gifts.0"}


def test_editing_gifts_keeps_their_ids(db: Database, office: dict[str, int]) -> None:
    delegation_id, _c = create_delegation(db, visit(office))
    detail = get_delegation(db, delegation_id)
    data = detail.to_input()
    data.gifts[0].description = "Amber bowl with the city arms"
    data.gifts.append(GiftInput("given", "Leipzig porcelain", to_text="City of Liepāja"))
    update_delegation(db, delegation_id, data, detail.version)
    gifts = get_delegation(db, delegation_id).gifts
    assert gifts[0].id == detail.gifts[0].id
    assert [(g.description, g.to_name) for g in gifts][1] == (
        "Leipzig porcelain",
        "City of Liepāja",
    )
    data = get_delegation(db, delegation_id).to_input()
    data.gifts = data.gifts[1:]
    update_delegation(db, delegation_id, data)
    assert [g.description for g in get_delegation(db, delegation_id).gifts] == ["Leipzig porcelain"]


def test_a_stale_version_is_a_conflict(db: Database, office: dict[str, int]) -> None:
    delegation_id, _c = create_delegation(db, visit(office))
    detail = get_delegation(db, delegation_id)
    data = detail.to_input()
    data.status = "confirmed"
    update_delegation(db, delegation_id, data, detail.version)
    with pytest.raises(Conflict):
        update_delegation(db, delegation_id, data, detail.version)


def test_trash_and_restore_bring_back_the_whole_visit(db: Database, office: dict[str, int]) -> None:
    delegation_id, _c = create_delegation(db, visit(office))
    before = get_delegation(db, delegation_id)
    trash.delete_to_trash(db, "delegation", delegation_id)
    assert delegation_id not in dl.delegation_ids(db)
    with pytest.raises(NotFound):
        get_delegation(db, delegation_id)
    assert [i.label for i in trash.trash_items(db)] == ["Delegation from Liepāja"]
    trash.restore_from_trash(db, "delegation", delegation_id)
    after = get_delegation(db, delegation_id)
    assert (after.members, after.programme, after.gifts) == (
        before.members,
        before.programme,
        before.gifts,
    )
    assert any(h.id == delegation_id for h in search_records(db, "fürstenhof"))


def test_undo_of_an_edit_brings_back_members_programme_and_gifts(
    db: Database, office: dict[str, int]
) -> None:
    delegation_id, _c = create_delegation(db, visit(office))
    before = get_delegation(db, delegation_id)
    data = before.to_input()
    data.members = data.members[:1]
    data.programme = []
    data.gifts = []
    data.status = "cancelled"
    update_delegation(db, delegation_id, data)
    trash.undo_last(db)
    after = get_delegation(db, delegation_id)
    assert after.status == "planned"
    assert after.members == before.members
    assert after.programme == before.programme
    assert [(g.description, g.value) for g in after.gifts] == [("Amber bowl", Decimal("80.00"))]


def test_undo_of_a_delete_restores_it(db: Database, office: dict[str, int]) -> None:
    delegation_id, _c = create_delegation(db, visit(office))
    trash.delete_to_trash(db, "delegation", delegation_id)
    trash.undo_last(db)
    assert len(get_delegation(db, delegation_id).members) == 2
