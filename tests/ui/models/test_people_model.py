"""The People list model: lazy pages over an id list, sorting and filtering in SQL."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services import lists
from crm.services.lists import PeopleFilter
from crm.services.people import PersonInput, create_person, get_person, update_person
from ui.models import id_list_model
from ui.models.id_list_model import ID_ROLE
from ui.models.people_model import PeopleModel


def loaded_model(qtbot: QtBot, context: Any) -> PeopleModel:
    model = PeopleModel(context)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    return model


def column(model: PeopleModel, key: str) -> int:
    return [c.key for c in model.columns].index(key)


def texts(model: PeopleModel, key: str) -> list[str]:
    return [model.index(row, column(model, key)).data() for row in range(model.rowCount())]


def test_model_passes_qt_model_tester(
    qtbot: QtBot, qtmodeltester: Any, context: Any, sample: Any
) -> None:
    model = loaded_model(qtbot, context)
    assert model.rowCount() == 3
    qtmodeltester.check(model)


def test_rows_show_names_contacts_and_country_names(
    qtbot: QtBot, context: Any, sample: Any
) -> None:
    model = loaded_model(qtbot, context)
    row = model.row_of(sample.person_ids["Bērziņa"])
    assert row is not None
    cells = {c.key: model.index(row, i).data() for i, c in enumerate(model.columns)}
    assert cells["name"] == "Inese Bērziņa"
    assert cells["phone"] == "+371 63 404 789"
    assert cells["email"] == "inese@example.org"
    assert cells["organisation"].startswith("Stadt Leipzig")
    assert cells["country"] == "Latvia"
    assert model.index(row, 0).data(ID_ROLE) == sample.person_ids["Bērziņa"]


def test_rows_are_fetched_a_page_at_a_time(
    qtbot: QtBot, context: Any, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(id_list_model, "PAGE_SIZE", 5)
    for number in range(12):
        create_person(db, PersonInput(family_name=f"Person {number:02d}"))
    model = loaded_model(qtbot, context)
    fetched: list[int] = []
    original = model.fetch_rows

    def counting(database: Database, ids: Any) -> Any:
        fetched.append(len(ids))
        return original(database, ids)

    monkeypatch.setattr(model, "fetch_rows", counting)
    assert model.rowCount() == 12
    # The first page came with the ids from the worker: painting it reads nothing here.
    assert model.index(0, 0).data() == "Person 00"
    assert model.index(4, 0).data() == "Person 04"
    assert fetched == []
    assert model.index(5, 0).data() == "Person 05"
    assert model.index(9, 0).data() == "Person 09"
    assert fetched == [5]  # one page served both
    assert model.index(11, 0).data() == "Person 11"
    assert fetched == [5, 2]


def test_an_empty_list_shows_the_first_page_before_the_rest(
    qtbot: QtBot, qtmodeltester: Any, context: Any, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(id_list_model, "PAGE_SIZE", 5)
    for number in range(12):
        create_person(db, PersonInput(family_name=f"Person {number:02d}"))
    model = PeopleModel(context)
    qtmodeltester.check(model)  # checks every change the model signals from here on
    resets: list[int] = []
    inserted: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    assert resets == [5]  # the preview: the first page, already with its rows
    assert inserted == [(5, 11)]  # the rest appended, not a second reset
    assert texts(model, "name") == [f"Person {number:02d}" for number in range(12)]


def test_a_shown_list_reloads_without_a_preview(
    qtbot: QtBot, context: Any, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(id_list_model, "PAGE_SIZE", 5)
    for number in range(12):
        create_person(db, PersonInput(family_name=f"Person {number:02d}"))
    model = loaded_model(qtbot, context)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filters(PeopleFilter(text="Person 1"))
    assert resets == [2]  # one reset, straight to the filtered list
    assert texts(model, "name") == ["Person 10", "Person 11"]


def test_sorting_requeries_the_ids_in_sql(
    qtbot: QtBot, context: Any, db: Database, sample: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = loaded_model(qtbot, context)
    asked: list[tuple[str, bool]] = []
    original = lists.person_ids

    def spy(
        database: Database, filters: PeopleFilter, sort: str, descending: bool, limit: int | None
    ) -> list[int]:
        asked.append((sort, descending))
        return original(database, filters, sort, descending, limit)

    monkeypatch.setattr(lists, "person_ids", spy)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.sort(column(model, "country"), Qt.SortOrder.DescendingOrder)
    assert asked == [("country", True)]
    assert model.ids() == original(db, PeopleFilter(), "country", True)
    assert texts(model, "country") == ["Ukraine", "Latvia", "Germany"]


def test_unsortable_columns_are_left_alone(qtbot: QtBot, context: Any, sample: Any) -> None:
    model = loaded_model(qtbot, context)
    before = model.ids()
    model.sort(column(model, "email"))
    assert not model.is_loading
    assert model.ids() == before


def test_filtering_requeries(qtbot: QtBot, context: Any, sample: Any) -> None:
    model = loaded_model(qtbot, context)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filters(PeopleFilter(country="LV"))
    assert texts(model, "name") == ["Inese Bērziņa"]
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filters(PeopleFilter(text="goldf"))
    assert texts(model, "name") == ["Gabriele Goldfuß"]


def test_refresh_updates_only_the_changed_row(
    qtbot: QtBot, context: Any, db: Database, sample: Any
) -> None:
    model = loaded_model(qtbot, context)
    person_id = sample.person_ids["Koval"]
    row = model.row_of(person_id)
    assert row is not None
    assert model.index(row, column(model, "function")).data() == ""
    detail = get_person(db, person_id)
    data = detail.to_input()
    data.function = "Head of International Relations"
    changes = update_person(db, person_id, data, detail.version)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(model.dataChanged, timeout=1000) as signal:
        context.announce(changes)
    top, bottom = signal.args[0], signal.args[1]
    assert top.row() == bottom.row() == row
    assert model.index(row, column(model, "function")).data() == "Head of International Relations"
    qtbot.waitUntil(lambda: not model.is_loading, timeout=5000)
    assert resets == []  # the same people: no reset, the selection stays


def test_new_records_reload_the_ids(qtbot: QtBot, context: Any, db: Database, sample: Any) -> None:
    model = loaded_model(qtbot, context)
    _person_id, changes = create_person(
        db, PersonInput(family_name="Albers", given_name="Dorothee")
    )
    with qtbot.waitSignal(model.loaded, timeout=5000):
        context.announce(changes)
    assert texts(model, "name")[0] == "Dorothee Albers"
    assert model.rowCount() == 4
