"""The history models: the office-wide list of operations and the changes field by field."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services.history import (
    ChangeDetail,
    FieldChange,
    HistoryFilter,
    operation_changes,
    operation_ids,
)
from crm.services.people import get_person, update_person
from crm.services.trash import undo_last
from ui.models.history_model import (
    ChangesModel,
    HistoryModel,
    field_label,
    format_value,
    lines_of,
)


def loaded(qtbot: QtBot, context: Any) -> HistoryModel:
    model = HistoryModel(context)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    return model


def column(model: HistoryModel, key: str) -> list[str]:
    position = [c.key for c in model.columns].index(key)
    return [model.index(row, position).data() for row in range(model.rowCount())]


def test_history_model_passes_qt_model_tester(
    qtbot: QtBot, qtmodeltester: Any, context: Any, sample: Any
) -> None:
    model = loaded(qtbot, context)
    assert model.rowCount() == 8  # the sample: one organisation, three people, four partnerships
    qtmodeltester.check(model)


def test_newest_first_and_undone_marked(
    qtbot: QtBot, context: Any, sample: Any, db: Database
) -> None:
    person_id = sample.person_ids["Koval"]
    person = get_person(db, person_id)
    update_person(db, person_id, replace(person.to_input(), function="Mayor"))
    model = loaded(qtbot, context)
    assert column(model, "label")[0] == "Edit person: Olena Koval"
    assert column(model, "kinds")[0] == "Person"
    with qtbot.waitSignal(model.loaded, timeout=5000):
        context.announce(undo_last(db))
    assert column(model, "label")[:2] == [
        "Undo: Edit person: Olena Koval",
        "Edit person: Olena Koval (undone)",
    ]
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filters(HistoryFilter(kind="partnership"))
    assert model.rowCount() == 4


def test_changes_model_passes_qt_model_tester(
    qtmodeltester: Any, sample: Any, db: Database
) -> None:
    model = ChangesModel()
    qtmodeltester.check(model)
    (change,) = operation_changes(db, operation_ids(db)[0])
    model.set_lines(lines_of(change))
    assert model.rowCount() > 1
    record_model = ChangesModel(per_record=True)
    record_model.set_lines(lines_of(change, actor="inese"))
    qtmodeltester.check(record_model)


def texts(model: ChangesModel) -> list[list[str]]:
    return [
        [model.index(row, c).data() for c in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_fields_and_values_are_readable() -> None:
    change = ChangeDetail(
        "partnership",
        7,
        "update",
        "Kiew",
        (
            FieldChange("kind", "cooperation_city", "twin_city"),
            FieldChange("renewal_date", None, "2027-03-31"),
            FieldChange("country", "UA", "UA"),
            FieldChange("funder_ids", ["SKEW"], ["SKEW", "Sida"]),
        ),
    )
    model = ChangesModel()
    model.set_lines(lines_of(change))
    assert texts(model) == [
        ["Partnership · Kiew", "Kind", "Cooperation city", "Twin city"],
        ["Partnership · Kiew", "Renewal due", "", "2027-03-31"],
        ["Partnership · Kiew", "Country", "Ukraine", "Ukraine"],
        ["Partnership · Kiew", "Funders", "SKEW", "SKEW, Sida"],
    ]
    assert field_label("some_new_field_id") == "Some new field"
    assert format_value("person", "affiliations", [{"organisation_id": "Rīgas dome"}]) == (
        "Rīgas dome"
    )


def test_a_changed_phone_reads_as_old_and_new_number() -> None:
    email = {"kind": "email", "value": "a@example.org", "label": None}
    old = {"kind": "phone", "value": "0341 1", "display": "+49 341 1", "label": "office"}
    new = {"kind": "phone", "value": "0341 2", "display": "+49 341 2", "label": "office"}
    change = ChangeDetail(
        "person", 1, "update", "Koval", (FieldChange("contact_points", [old, email], [new, email]),)
    )
    model = ChangesModel()
    model.set_lines(lines_of(change))
    assert texts(model) == [
        [
            "Person · Koval",
            "Phone, fax, email and web",
            "Phone: +49 341 1 (office)",
            "Phone: +49 341 2 (office)",
        ]
    ]


def test_trash_and_restore_lines_say_what_happened() -> None:
    model = ChangesModel()
    model.set_lines(lines_of(ChangeDetail("person", 1, "delete", "Olena Koval", ())))
    assert texts(model) == [["Person · Olena Koval", "Moved to the trash", "", ""]]
