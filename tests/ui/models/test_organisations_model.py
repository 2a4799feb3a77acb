"""The Organisations list model: lazy pages over an id list, sorting and filtering in SQL."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services import organisation_lists
from crm.services.contact_points import ContactPointInput
from crm.services.organisation_lists import OrganisationFilter
from crm.services.organisations import (
    OrganisationInput,
    create_organisation,
    get_organisation,
    update_organisation,
)
from crm.services.people import AffiliationInput, PersonInput, create_person
from ui.models.id_list_model import ID_ROLE
from ui.models.organisations_model import OrganisationsModel


@pytest.fixture
def offices(db: Database, sample: Any) -> dict[str, int]:
    """Leipzig's office (from ``sample``, three people) and two more organisations."""
    liepaja, _changes = create_organisation(
        db,
        OrganisationInput(
            "Liepājas pilsētas dome",
            name_latin="Liepaja City Council",
            kind="city_administration",
            city="Liepāja",
            country="LV",
            contact_points=[
                ContactPointInput("fax", "+371 63404777"),
                ContactPointInput("phone", "+371 6 34 04789"),
                ContactPointInput("email", "info@liepaja.lv"),
            ],
        ),
    )
    network, _changes = create_organisation(
        db, OrganisationInput("Union of Baltic Cities", kind="network", city="Gdańsk", country="PL")
    )
    return {"leipzig": sample.organisation_id, "liepaja": liepaja, "ubc": network}


def loaded_model(qtbot: QtBot, context: Any) -> OrganisationsModel:
    model = OrganisationsModel(context)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    return model


def column(model: OrganisationsModel, key: str) -> int:
    return [c.key for c in model.columns].index(key)


def texts(model: OrganisationsModel, key: str) -> list[str]:
    return [model.index(row, column(model, key)).data() for row in range(model.rowCount())]


def test_model_passes_qt_model_tester(
    qtbot: QtBot, qtmodeltester: Any, context: Any, offices: dict[str, int]
) -> None:
    model = OrganisationsModel(context)
    qtmodeltester.check(model)  # checks every change the model signals from here on
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    assert model.rowCount() == 3
    qtmodeltester.check(model)


def test_rows_show_names_kind_place_contacts_and_people(
    qtbot: QtBot, context: Any, offices: dict[str, int]
) -> None:
    model = loaded_model(qtbot, context)
    assert texts(model, "name") == [
        "Liepājas pilsētas dome",
        "Stadt Leipzig, Referat Internationale Zusammenarbeit",
        "Union of Baltic Cities",
    ]
    row = model.row_of(offices["liepaja"])
    assert row is not None
    cells = {c.key: model.index(row, i).data() for i, c in enumerate(model.columns)}
    assert cells == {
        "name": "Liepājas pilsētas dome",
        "name_latin": "Liepaja City Council",
        "kind": "City administration",
        "city": "Liepāja",
        "country": "Latvia",
        "people": "",
        "phone": "+371 63 404 789",  # the phone, not the fax
        "email": "info@liepaja.lv",
    }
    assert model.index(row, 0).data(ID_ROLE) == offices["liepaja"]
    leipzig = model.row_of(offices["leipzig"])
    assert leipzig is not None
    assert model.index(leipzig, column(model, "people")).data() == "3"
    people_column = model.headerData(column(model, "people"), Qt.Orientation.Horizontal)
    assert people_column == "People"


def test_sorting_and_filtering_requery_in_sql(
    qtbot: QtBot, context: Any, db: Database, offices: dict[str, int], monkeypatch: Any
) -> None:
    model = loaded_model(qtbot, context)
    asked: list[tuple[str, bool]] = []
    original = organisation_lists.organisation_ids

    def spy(
        database: Database,
        filters: OrganisationFilter,
        sort: str,
        descending: bool,
        limit: int | None,
    ) -> list[int]:
        asked.append((sort, descending))
        return original(database, filters, sort, descending, limit)

    monkeypatch.setattr(organisation_lists, "organisation_ids", spy)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.sort(column(model, "people"), Qt.SortOrder.DescendingOrder)
    assert asked == [("people", True)]
    assert model.ids()[0] == offices["leipzig"]
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filters(OrganisationFilter(kind="network"))
    assert texts(model, "name") == ["Union of Baltic Cities"]
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filters(OrganisationFilter(text="liepaja"))
    assert texts(model, "name") == ["Liepājas pilsētas dome"]
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filters(OrganisationFilter(country="PL"))
    assert texts(model, "city") == ["Gdańsk"]


def test_unsortable_columns_are_left_alone(
    qtbot: QtBot, context: Any, offices: dict[str, int]
) -> None:
    model = loaded_model(qtbot, context)
    before = model.ids()
    model.sort(column(model, "email"))
    assert not model.is_loading
    assert model.ids() == before


def test_an_edit_refreshes_its_row(
    qtbot: QtBot, context: Any, db: Database, offices: dict[str, int]
) -> None:
    model = loaded_model(qtbot, context)
    organisation_id = offices["ubc"]
    detail = get_organisation(db, organisation_id)
    data = OrganisationInput("Union of Baltic Cities", short_name="UBC", kind="ngo", country="PL")
    changes = update_organisation(db, organisation_id, data, detail.version)
    row = model.row_of(organisation_id)
    assert row is not None
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        context.announce(changes)
    assert model.index(row, column(model, "kind")).data() == "NGO"
    assert model.index(row, column(model, "city")).data() == ""
    qtbot.waitUntil(lambda: not model.is_loading, timeout=5000)


def test_a_person_joining_updates_the_count(
    qtbot: QtBot, context: Any, db: Database, offices: dict[str, int]
) -> None:
    model = loaded_model(qtbot, context)
    row = model.row_of(offices["liepaja"])
    assert row is not None
    _person_id, changes = create_person(
        db,
        PersonInput("Vecvagare", "Natalja", affiliations=[AffiliationInput(offices["liepaja"])]),
    )
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        context.announce(changes)
    assert model.index(row, column(model, "people")).data() == "1"
