"""The Trash list model: every kind, newest first, refreshed when records come and go."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services.trash import TrashFilter, delete_to_trash, restore_from_trash
from ui.models.trash_model import TrashModel


def loaded(qtbot: QtBot, context: Any) -> TrashModel:
    model = TrashModel(context)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    return model


def cells(model: TrashModel, row: int) -> dict[str, str]:
    return {c.key: model.index(row, i).data() for i, c in enumerate(model.columns)}


def test_model_passes_qt_model_tester(
    qtbot: QtBot, qtmodeltester: Any, context: Any, sample: Any, db: Database
) -> None:
    delete_to_trash(db, "person", sample.person_ids["Koval"])
    delete_to_trash(db, "partnership", sample.partnership_ids["Herzliya"])
    model = loaded(qtbot, context)
    assert model.rowCount() == 2
    qtmodeltester.check(model)


def test_rows_show_kind_name_when_and_who(
    qtbot: QtBot, context: Any, sample: Any, db: Database
) -> None:
    delete_to_trash(db, "person", sample.person_ids["Koval"])
    delete_to_trash(db, "partnership", sample.partnership_ids["Herzliya"])
    model = loaded(qtbot, context)
    first, second = cells(model, 0), cells(model, 1)
    assert (first["kind"], first["name"]) == ("Partnership", "Herzliya")  # newest first
    assert (second["kind"], second["name"]) == ("Person", "Olena Koval")
    assert first["by"]
    assert len(first["deleted"]) == len("2026-01-31 12:00")


def test_filters_and_refresh_on_changes(
    qtbot: QtBot, context: Any, sample: Any, db: Database
) -> None:
    model = loaded(qtbot, context)
    assert model.rowCount() == 0
    koval = sample.person_ids["Koval"]
    with qtbot.waitSignal(model.loaded, timeout=5000):
        context.announce(delete_to_trash(db, "person", koval))
    assert [r.entity_id for r in model.items([0])] == [koval]
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filters(TrashFilter(kind="partnership"))
    assert model.rowCount() == 0
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filters(TrashFilter(text="koval"))
    assert model.rowCount() == 1
    with qtbot.waitSignal(model.loaded, timeout=5000):
        context.announce(restore_from_trash(db, "person", koval))
    assert model.rowCount() == 0
