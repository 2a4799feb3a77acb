"""Events: create, read, edit, the checks on times, place and links, search, trash, restore and
undo through the registered kind; the related records of projects and events."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from service_helpers import assert_plain, operations

from crm.db.database import Database
from crm.search.query import search_records
from crm.services import trash
from crm.services.errors import NotFound, ValidationError
from crm.services.events import EventInput, create_event, get_event, update_event
from crm.services.organisations import OrganisationInput, create_organisation
from crm.services.partnerships import PartnershipInput, create_partnership
from crm.services.projects import ProjectInput, create_project, get_project, update_project
from crm.services.related import event_related, partnership_related, project_related

BERLIN_WINTER = timezone(timedelta(hours=1))


@pytest.fixture
def office(db: Database) -> dict[str, int]:
    ids = {}
    ids["kiew"], _c = create_partnership(
        db, PartnershipInput(city_name="Kiew", city_name_native="Київ", country="UA")
    )
    ids["iz"], _c = create_organisation(
        db, OrganisationInput(name="Referat Internationale Zusammenarbeit", city="Leipzig")
    )
    ids["skew"], _c = create_organisation(db, OrganisationInput(name="SKEW", kind="funder"))
    ids["project"], _c = create_project(
        db,
        ProjectInput(
            name="Nachhaltige Stadtentwicklung Kiew",
            partnership_id=ids["kiew"],
            funder_id=ids["skew"],
            start_date=date(2025, 1, 1),
            end_date=date(2027, 12, 31),
            status="running",
        ),
    )
    return ids


def reception(ids: dict[str, int]) -> EventInput:
    return EventInput(
        name="65 Jahre Städtepartnerschaft Leipzig–Kiew: Festempfang",
        kind="anniversary",
        starts_at=datetime(2026, 12, 23, 18, 0, tzinfo=BERLIN_WINTER),
        ends_at=datetime(2026, 12, 23, 21, 0, tzinfo=BERLIN_WINTER),
        venue=" Neues Rathaus, Festsaal ",
        city="Leipzig",
        country="de",
        partnership_id=ids["kiew"],
        project_id=ids["project"],
        organiser_id=ids["iz"],
    )


def test_create_and_read_an_event(db: Database, office: dict[str, int]) -> None:
    event_id, changes = create_event(db, reception(office))
    assert changes.created == {"event": {event_id}}
    detail = get_event(db, event_id)
    assert_plain(detail)
    assert detail.starts_at == datetime(2026, 12, 23, 17, 0, tzinfo=UTC)
    assert detail.starts_at.tzinfo is not None
    assert (detail.venue, detail.country, detail.kind) == (
        "Neues Rathaus, Festsaal",
        "DE",
        "anniversary",
    )
    assert (detail.partnership_name, detail.project_name, detail.organiser_name) == (
        "Kiew",
        "Nachhaltige Stadtentwicklung Kiew",
        "Referat Internationale Zusammenarbeit",
    )
    change = operations(db)[-1].changes[0]
    assert change.new is not None
    assert change.new["starts_at"] == "2026-12-23T17:00:00+00:00"
    assert get_project(db, office["project"]).event_count == 1


def test_edit_and_undo(db: Database, office: dict[str, int]) -> None:
    event_id, _c = create_event(db, reception(office))
    data = get_event(db, event_id).to_input()
    assert update_event(db, event_id, data).empty
    data.venue = "Altes Rathaus"
    data.kind = "reception"
    changes = update_event(db, event_id, data, expected_version=1)
    assert changes.updated == {"event": {event_id}}
    assert operations(db)[-1].changes[0].old == {
        "kind": "anniversary",
        "venue": "Neues Rathaus, Festsaal",
    }
    trash.undo_last(db)
    detail = get_event(db, event_id)
    assert (detail.kind, detail.venue, detail.version) == (
        "anniversary",
        "Neues Rathaus, Festsaal",
        3,
    )


def test_a_time_without_a_zone_is_taken_as_this_computers(db: Database) -> None:
    naive = datetime(2026, 6, 28, 9, 0)
    event_id, _c = create_event(db, EventInput(name="EUROCITIES", starts_at=naive))
    assert get_event(db, event_id).starts_at == naive.astimezone().astimezone(UTC)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "Enter the event's name."),
        ({"starts_at": None}, "starts_at", "Enter when the event starts."),
        ({"starts_at": "soon"}, "starts_at", "“soon” is not a date and time."),
        (
            {"ends_at": datetime(2026, 12, 23, 17, 0, tzinfo=BERLIN_WINTER)},
            "ends_at",
            "The event ends before it starts.",
        ),
        ({"kind": "party"}, "kind", "Choose a value from the list."),
        ({"country": "Deutschland"}, "country", "“Deutschland” is not a two-letter country code."),
        ({"project_id": 999}, "project_id", "The project no longer exists."),
        ({"organiser_id": 999}, "organiser_id", "The organiser no longer exists."),
        ({"partnership_id": 999}, "partnership_id", "The partnership no longer exists."),
    ],
)
def test_what_cannot_be_stored_is_said_at_its_field(
    db: Database, office: dict[str, int], changes: dict[str, object], field: str, message: str
) -> None:
    data = reception(office)
    for name, value in changes.items():
        setattr(data, name, value)
    with pytest.raises(ValidationError) as raised:
        create_event(db, data)
    assert raised.value.errors[field] == message


def test_found_by_name_place_partner_city_and_project(db: Database, office: dict[str, int]) -> None:
    event_id, _c = create_event(db, reception(office))
    for query in ("festempfang", "rathaus", "київ", "stadtentwicklung", "internationale"):
        hits = search_records(db, query, kinds=("event",))
        assert [(h.kind, h.id) for h in hits] == [("event", event_id)], query
    [hit] = search_records(db, "festempfang", kinds=("event",))
    assert hit.detail == "2026-12-23 · Leipzig"
    # Renaming the project reaches the events that belong to it.
    data = get_project(db, office["project"]).to_input()
    data.name = "Grüne Stadt Kiew"
    update_project(db, office["project"], data)
    assert [h.id for h in search_records(db, "grune", kinds=("event",))] == [event_id]
    assert search_records(db, "stadtentwicklung", kinds=("event",)) == []


def test_trash_and_restore(db: Database, office: dict[str, int]) -> None:
    event_id, _c = create_event(db, reception(office))
    trash.delete_to_trash(db, "event", event_id)
    with pytest.raises(NotFound):
        get_event(db, event_id)
    assert search_records(db, "festempfang") == []
    assert get_project(db, office["project"]).event_count == 0
    trash.restore_from_trash(db, "event", event_id)
    assert [h.id for h in search_records(db, "festempfang")] == [event_id]
    # A project in the trash can be deleted for good: its events stay, without it.
    trash.delete_to_trash(db, "project", office["project"])
    trash.purge(db, "project", office["project"])
    assert get_event(db, event_id).project_id is None


def test_related_records_lead_both_ways(db: Database, office: dict[str, int]) -> None:
    event_id, _c = create_event(db, reception(office))
    by_kind = {g.kind: g for g in project_related(db, office["project"])}
    assert [(link.kind, link.label) for link in by_kind["partnership"].links] == [
        ("partnership", "Kiew")
    ]
    assert [link.label for link in by_kind["organisation"].links] == ["SKEW"]
    assert [(link.id, link.detail) for link in by_kind["event"].links] == [(event_id, "2026-12-23")]
    by_kind = {g.kind: g for g in event_related(db, event_id)}
    assert [link.id for link in by_kind["project"].links] == [office["project"]]
    assert [link.detail for link in by_kind["project"].links] == ["2025-01-01 – 2027-12-31"]
    assert [link.label for link in by_kind["organisation"].links] == [
        "Referat Internationale Zusammenarbeit"
    ]
    assert by_kind["partnership"].total == 1
    # And from the partnership to them.
    by_kind = {g.kind: g for g in partnership_related(db, office["kiew"])}
    assert [link.id for link in by_kind["project"].links] == [office["project"]]
    assert [link.id for link in by_kind["event"].links] == [event_id]
    # Records in the trash are not offered.
    trash.delete_to_trash(db, "organisation", office["skew"])
    by_kind = {g.kind: g for g in project_related(db, office["project"])}
    assert by_kind["organisation"].total == 0
    trash.delete_to_trash(db, "event", event_id)
    with pytest.raises(NotFound):
        event_related(db, event_id)
