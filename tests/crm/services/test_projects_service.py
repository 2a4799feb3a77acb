"""Projects: create, read, edit, the checks on period, budget and currency, history, search,
trash, restore and undo through the registered kind."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from service_helpers import assert_plain, operations, search_rows

from crm.db.database import Database
from crm.search.query import search_records
from crm.services import trash
from crm.services.errors import Conflict, NotFound, ValidationError
from crm.services.organisations import OrganisationInput, create_organisation
from crm.services.partnerships import (
    PartnershipInput,
    create_partnership,
    get_partnership,
    update_partnership,
)
from crm.services.project_fields import default_currency
from crm.services.projects import (
    ProjectInput,
    create_project,
    get_project,
    update_project,
)
from crm.services.records import record_kind


@pytest.fixture
def office(db: Database) -> dict[str, int]:
    lviv, _c = create_partnership(
        db, PartnershipInput(city_name="Lemberg", city_name_native="Львів", country="UA")
    )
    skew, _c = create_organisation(
        db, OrganisationInput(name="Servicestelle Kommunen in der Einen Welt", kind="funder")
    )
    return {"lviv": lviv, "skew": skew}


def nakopa(ids: dict[str, int]) -> ProjectInput:
    return ProjectInput(
        name="  Nachhaltige Mobilität Lemberg–Leipzig (Nakopa) ",
        partnership_id=ids["lviv"],
        theme="Nachhaltige Mobilität",
        funder_id=ids["skew"],
        budget=Decimal("248000"),
        currency="eur",
        start_date=date(2024, 3, 1),
        end_date=date(2026, 12, 31),
        status="running",
        description="Radverkehrskonzept mit den LVB.",
    )


def test_create_and_read_a_project(db: Database, office: dict[str, int]) -> None:
    project_id, changes = create_project(db, nakopa(office))
    assert changes.created == {"project": {project_id}}
    detail = get_project(db, project_id)
    assert_plain(replace(detail, budget=None))  # plain data; the budget a Decimal
    assert detail.name == "Nachhaltige Mobilität Lemberg–Leipzig (Nakopa)"
    assert (detail.partnership_name, detail.funder_name) == (
        "Lemberg",
        "Servicestelle Kommunen in der Einen Welt",
    )
    assert (detail.budget, detail.currency) == (Decimal("248000.00"), "EUR")
    assert detail.theme == "Nachhaltige Mobilität"
    assert (detail.status, detail.event_count, detail.version) == ("running", 0, 1)
    [operation] = operations(db)[-1:]
    assert operation.label == "New project: Nachhaltige Mobilität Lemberg–Leipzig (Nakopa)"
    [change] = operation.changes
    assert change.new is not None
    assert (change.new["budget"], change.new["start_date"]) == ("248000.00", "2024-03-01")
    assert change.new["theme"] == "Nachhaltige Mobilität"


def test_edit_records_only_what_changed(db: Database, office: dict[str, int]) -> None:
    project_id, _c = create_project(db, nakopa(office))
    data = get_project(db, project_id).to_input()
    assert update_project(db, project_id, data).empty  # nothing changed, nothing written
    data.budget = Decimal("260000.555")  # to the cent
    data.status = "completed"
    data.theme = "Klima"
    changes = update_project(db, project_id, data, expected_version=1)
    assert changes.updated == {"project": {project_id}}
    detail = get_project(db, project_id)
    assert (detail.budget, detail.status, detail.theme, detail.version) == (
        Decimal("260000.56"),
        "completed",
        "Klima",
        2,
    )
    change = operations(db)[-1].changes[0]
    assert change.old == {
        "budget": "248000.00",
        "status": "running",
        "theme": "Nachhaltige Mobilität",
    }
    assert change.new == {"budget": "260000.56", "status": "completed", "theme": "Klima"}
    with pytest.raises(Conflict):
        update_project(db, project_id, data, expected_version=1)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": "  "}, "name", "Enter the project's name."),
        (
            {"start_date": date(2026, 1, 1), "end_date": date(2025, 12, 31)},
            "end_date",
            "The project ends before it starts.",
        ),
        ({"budget": Decimal("-1")}, "budget", "The budget cannot be negative."),
        ({"budget": "zehn"}, "budget", "Enter the budget as a number, like 25000."),
        ({"budget": Decimal("1e15")}, "budget", "The budget is too large."),
        ({"currency": "XYZ"}, "currency", "“XYZ” is not a currency code (like EUR, SEK or USD)."),
        ({"currency": "EURO"}, "currency", "“EURO” is not a currency code (like EUR, SEK or USD)."),
        ({"currency": None}, "currency", "Choose the currency of the budget."),
        ({"status": "dreaming"}, "status", "Choose a value from the list."),
        ({"partnership_id": 999}, "partnership_id", "The partnership no longer exists."),
        ({"funder_id": 999}, "funder_id", "The funder no longer exists."),
        ({"name": "x" * 301}, "name", "This is too long: at most 300 characters."),
    ],
)
def test_what_cannot_be_stored_is_said_at_its_field(
    db: Database, office: dict[str, int], changes: dict[str, object], field: str, message: str
) -> None:
    data = nakopa(office)
    for name, value in changes.items():
        setattr(data, name, value)
    with pytest.raises(ValidationError) as raised:
        create_project(db, data)
    assert raised.value.errors[field] == message
    assert operations(db)[-1].label != "New project"  # nothing was written


def test_a_currency_without_an_amount_is_not_kept(db: Database) -> None:
    project_id, _c = create_project(
        db, ProjectInput(name="Internationales Haus", currency="EUR", start_date=date(2027, 1, 1))
    )
    detail = get_project(db, project_id)
    assert (detail.budget, detail.currency, detail.end_date) == (None, None, None)
    assert detail.status == "planned"


def test_a_link_to_a_trashed_partnership_stays_but_none_is_made(
    db: Database, office: dict[str, int]
) -> None:
    project_id, _c = create_project(db, nakopa(office))
    trash.delete_to_trash(db, "partnership", office["lviv"])
    data = get_project(db, project_id).to_input()
    assert get_project(db, project_id).partnership_name == "Lemberg"
    data.description = "Still linked while the partnership is in the trash."
    update_project(db, project_id, data)  # the link may stay as it is
    with pytest.raises(ValidationError) as raised:
        create_project(db, nakopa(office))
    assert raised.value.errors == {"partnership_id": "The partnership no longer exists."}


def test_found_by_name_city_theme_and_funder(db: Database, office: dict[str, int]) -> None:
    project_id, _c = create_project(db, nakopa(office))
    for query in ("nakopa", "lemberg", "львів", "mobilitat", "servicestelle"):
        hits = search_records(db, query, kinds=("project",))
        assert [(h.kind, h.id) for h in hits] == [("project", project_id)], query
    [hit] = search_records(db, "nakopa", kinds=("project",))
    assert hit.detail == "Lemberg · 2024-03-01 – 2026-12-31"


def test_renaming_the_partnership_or_funder_reaches_the_project(
    db: Database, office: dict[str, int]
) -> None:
    project_id, _c = create_project(db, nakopa(office))
    data = get_partnership(db, office["lviv"]).to_input()
    data.city_name = "Lviv"
    update_partnership(db, office["lviv"], data)
    [hit] = search_records(db, "lviv", kinds=("project",))
    assert (hit.id, hit.detail) == (project_id, "Lviv · 2024-03-01 – 2026-12-31")
    trash.delete_to_trash(db, "organisation", office["skew"])
    assert search_records(db, "servicestelle", kinds=("project",)) == []
    trash.restore_from_trash(db, "organisation", office["skew"])
    assert [h.id for h in search_records(db, "servicestelle", kinds=("project",))] == [project_id]


def test_trash_restore_and_undo(db: Database, office: dict[str, int]) -> None:
    assert record_kind("project").name == "project"
    project_id, _c = create_project(db, nakopa(office))
    rows = search_rows(db)
    changes = trash.delete_to_trash(db, "project", project_id)
    assert changes.deleted == {"project": {project_id}}
    assert search_rows(db) == rows - 1
    with pytest.raises(NotFound):
        get_project(db, project_id)
    assert [(i.entity, i.label) for i in trash.trash_items(db)] == [
        ("project", "Nachhaltige Mobilität Lemberg–Leipzig (Nakopa)")
    ]
    trash.restore_from_trash(db, "project", project_id)
    assert get_project(db, project_id).budget == Decimal("248000.00")
    assert search_rows(db) == rows

    data = get_project(db, project_id).to_input()
    data.budget, data.currency = Decimal("1000"), "UAH"
    update_project(db, project_id, data)
    trash.undo_last(db)  # the edit is taken back
    detail = get_project(db, project_id)
    assert (detail.budget, detail.currency) == (Decimal("248000.00"), "EUR")

    trash.delete_to_trash(db, "project", project_id)
    trash.purge(db, "project", project_id)
    assert trash.trash_items(db) == []
    assert search_records(db, "nakopa") == []


def test_the_office_currency_is_the_default(db: Database) -> None:
    assert default_currency(db) == "EUR"  # Leipzig's, the default office profile
