"""The Partnerships list model: labels for the vocabularies, country names, sort in SQL."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.i18n import set_language
from crm.services import lists
from crm.services.lists import PartnershipFilter
from ui.models.id_list_model import VALUE_ROLE
from ui.models.partnerships_model import PartnershipsModel


def loaded_model(qtbot: QtBot, context: Any) -> PartnershipsModel:
    model = PartnershipsModel(context)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    return model


def column(model: PartnershipsModel, key: str) -> int:
    return [c.key for c in model.columns].index(key)


def test_model_passes_qt_model_tester(
    qtbot: QtBot, qtmodeltester: Any, context: Any, sample: Any
) -> None:
    model = loaded_model(qtbot, context)
    assert model.rowCount() == 4
    qtmodeltester.check(model)


def test_cells_show_labels_not_stored_values(qtbot: QtBot, context: Any, sample: Any) -> None:
    model = loaded_model(qtbot, context)
    row = model.row_of(sample.partnership_ids["Houston"])
    assert row is not None
    cells = {c.key: model.index(row, i).data() for i, c in enumerate(model.columns)}
    assert cells["name"] == "Houston"
    assert cells["country"] == "United States"
    assert cells["kind"] == "Cooperation city"
    assert cells["since_year"] == "1993"
    assert cells["activity_rating"] == "AAA"
    assert cells["status"] == "Active"
    assert cells["themes"] == "culture, education"
    assert model.index(row, column(model, "status")).data(VALUE_ROLE) == "active"


def test_names_in_their_own_script(qtbot: QtBot, context: Any, sample: Any) -> None:
    model = loaded_model(qtbot, context)
    natives = {
        model.index(row, 0).data(): model.index(row, column(model, "name_native")).data()
        for row in range(model.rowCount())
    }
    assert natives == {"Herzliya": "הרצליה", "Houston": "", "Kiew": "Київ", "Nanjing": "南京"}


def test_country_names_follow_the_language(qtbot: QtBot, context: Any, sample: Any) -> None:
    set_language("de")
    model = loaded_model(qtbot, context)
    row = model.row_of(sample.partnership_ids["Kiew"])
    assert model.index(row, column(model, "country")).data() == "Ukraine"
    row = model.row_of(sample.partnership_ids["Houston"])
    assert model.index(row, column(model, "country")).data() == "Vereinigte Staaten"


def test_sort_by_since_comes_from_sql(
    qtbot: QtBot, context: Any, db: Database, sample: Any
) -> None:
    model = loaded_model(qtbot, context)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.sort(column(model, "since_year"), Qt.SortOrder.DescendingOrder)
    years = [model.index(row, column(model, "since_year")).data() for row in range(4)]
    assert years == ["2011", "1993", "1988", "1961"]
    assert model.ids() == lists.partnership_ids(db, PartnershipFilter(), "since", True)
