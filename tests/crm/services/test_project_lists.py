"""The projects and events lists: order and filters in SQL, rows by the page, filter choices."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from crm.db.database import Database
from crm.services import event_lists as el
from crm.services import project_lists as pl
from crm.services import trash
from crm.services.event_lists import EventFilter
from crm.services.events import EventInput, create_event
from crm.services.organisations import OrganisationInput, create_organisation
from crm.services.partnerships import PartnershipInput, create_partnership
from crm.services.project_lists import ProjectFilter
from crm.services.projects import ProjectInput, create_project

TODAY = date(2026, 5, 1)
NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def office(db: Database) -> dict[str, int]:
    ids = {}
    ids["lviv"], _c = create_partnership(db, PartnershipInput(city_name="Lemberg", country="UA"))
    ids["addis"], _c = create_partnership(
        db, PartnershipInput(city_name="Addis Abeba", country="ET")
    )
    ids["skew"], _c = create_organisation(db, OrganisationInput(name="SKEW", kind="funder"))
    for key, name, partnership, start, end, status, budget in (
        ("now", "Mobilität Lemberg", "lviv", date(2025, 1, 1), date(2026, 12, 31), "running", 248),
        ("later", "Haus", None, date(2027, 3, 1), None, "planned", None),
        ("old", "Rettungswesen", "addis", date(2022, 1, 1), date(2023, 6, 30), "completed", 95),
        ("soon", "Jugendaustausch", "addis", date(2026, 9, 1), date(2026, 9, 30), "planned", 12),
        ("undated", "Idee", None, None, None, "planned", None),
        ("open", "Klimapartnerschaft", "lviv", date(2024, 5, 1), None, "running", 10),
    ):
        ids[key], _c = create_project(
            db,
            ProjectInput(
                name=name,
                partnership_id=ids[partnership] if partnership else None,
                funder_id=ids["skew"] if budget else None,
                budget=Decimal(budget * 1000) if budget else None,
                currency="EUR" if budget else None,
                start_date=start,
                end_date=end,
                status=status,
                theme="Mobilität" if key == "now" else None,
            ),
        )
    return ids


def test_running_projects_first_then_those_to_come_then_the_past(
    db: Database, office: dict[str, int]
) -> None:
    order = ["now", "open", "undated", "soon", "later", "old"]
    assert pl.project_ids(db, today=TODAY) == [office[k] for k in order]
    assert pl.project_ids(db, today=TODAY, limit=2) == [office["now"], office["open"]]
    assert pl.project_ids(db, sort="name", today=TODAY) == [
        office[k] for k in ("later", "undated", "soon", "open", "now", "old")
    ]
    by_budget = pl.project_ids(db, sort="budget", descending=True, today=TODAY)
    assert by_budget[:2] == [office["now"], office["old"]]


def test_project_filters(db: Database, office: dict[str, int]) -> None:
    def ids(**filters: object) -> set[int]:
        return set(pl.project_ids(db, ProjectFilter(**filters), today=TODAY))

    assert ids(partnership_id=office["lviv"]) == {office["now"], office["open"]}
    assert ids(status="planned") == {office["later"], office["soon"], office["undated"]}
    assert ids(year=2023) == {office["old"]}
    assert ids(year=2024) == {office["open"]}
    assert ids(year=2027) == {office["later"], office["open"]}  # an open end runs on
    assert ids(text="lemberg") == {office["now"], office["open"]}  # by name or partner city
    assert ids(text="mobilit") == {office["now"]}
    assert ids(funder_id=office["skew"], status="running") == {office["now"], office["open"]}
    trash.delete_to_trash(db, "project", office["now"])
    assert ids(partnership_id=office["lviv"]) == {office["open"]}


def test_project_rows_and_choices(db: Database, office: dict[str, int]) -> None:
    wanted = [office["old"], 999, office["now"]]
    rows = pl.project_rows(db, wanted)
    assert [r.id for r in rows] == [office["old"], office["now"]]
    now = rows[1]
    assert (now.name, now.partnership, now.funder, now.theme) == (
        "Mobilität Lemberg",
        "Lemberg",
        "SKEW",
        "Mobilität",
    )
    assert (now.budget, now.currency, now.status) == (Decimal("248000.00"), "EUR", "running")
    assert pl.project_years(db, today=TODAY) == [2027, 2026, 2025, 2024, 2023, 2022]
    assert pl.project_partnerships(db) == [
        (office["addis"], "Addis Abeba"),
        (office["lviv"], "Lemberg"),
    ]
    names = [name for _id, name in pl.project_choices(db)]
    assert names[-1] == "Rettungswesen"  # the one over comes last
    assert [name for _id, name in pl.project_choices(db, "mobil")] == ["Mobilität Lemberg"]


@pytest.fixture
def events(db: Database, office: dict[str, int]) -> dict[str, int]:
    ids = {}
    for key, name, kind, starts, ends, partnership, project in (
        ("past", "Asienkonferenz", "conference", datetime(2021, 3, 1, 8), None, None, "old"),
        (
            "now",
            "Tagung",
            "network_meeting",
            datetime(2026, 4, 30, 8),
            datetime(2026, 5, 2, 12),
            None,
            None,
        ),
        ("soon", "Festempfang", "anniversary", datetime(2026, 5, 8, 17), None, "lviv", "now"),
        ("later", "Fest", "festival", datetime(2026, 9, 1, 9), None, "addis", None),
        ("ago", "Empfang", "reception", datetime(2025, 12, 31, 23, 30), None, "lviv", None),
    ):
        ids[key], _c = create_event(
            db,
            EventInput(
                name=name,
                kind=kind,
                starts_at=starts.replace(tzinfo=UTC),
                ends_at=ends.replace(tzinfo=UTC) if ends else None,
                city="Leipzig",
                partnership_id=office[partnership] if partnership else None,
                project_id=office[project] if project else None,
                organiser_id=office["skew"] if key == "past" else None,
            ),
        )
    return ids


def test_upcoming_events_first_then_the_past_latest_first(
    db: Database, events: dict[str, int]
) -> None:
    order = ["now", "soon", "later", "ago", "past"]
    assert el.event_ids(db, now=NOW) == [events[k] for k in order]
    assert el.event_ids(db, sort="start", now=NOW) == [
        events[k] for k in ("past", "ago", "now", "soon", "later")
    ]
    assert el.event_ids(db, sort="name", descending=True, now=NOW)[0] == events["now"]


def test_event_filters(db: Database, office: dict[str, int], events: dict[str, int]) -> None:
    def ids(**filters: object) -> set[int]:
        return set(el.event_ids(db, EventFilter(**filters), now=NOW))

    assert ids(kind="festival") == {events["later"]}
    assert ids(partnership_id=office["lviv"]) == {events["soon"], events["ago"]}
    assert ids(project_id=office["now"]) == {events["soon"]}
    assert ids(year=2021) == {events["past"]}
    assert ids(text="festempfang") == {events["soon"]}
    assert ids(text="lemberg") == {events["soon"], events["ago"]}  # the partner city
    assert ids(text="skew") == {events["past"]}  # the organiser


def test_event_rows_years_and_partnerships(
    db: Database, office: dict[str, int], events: dict[str, int]
) -> None:
    [row] = el.event_rows(db, [events["soon"]])
    assert (row.name, row.kind, row.partnership, row.project, row.city) == (
        "Festempfang",
        "anniversary",
        "Lemberg",
        "Mobilität Lemberg",
        "Leipzig",
    )
    assert row.starts_at == datetime(2026, 5, 8, 17, tzinfo=UTC)
    years = el.event_years(db)
    assert years[-1] == 2021 and years == sorted(years, reverse=True)
    assert date.today().year in years
    assert el.event_partnerships(db) == [
        (office["addis"], "Addis Abeba"),
        (office["lviv"], "Lemberg"),
    ]
    trash.delete_to_trash(db, "event", events["later"])
    assert el.event_partnerships(db) == [(office["lviv"], "Lemberg")]
    assert el.event_rows(db, [events["later"]]) == []
