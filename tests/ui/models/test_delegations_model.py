"""The Delegations list model: rows, cells, filters and refresh after a change."""

from __future__ import annotations

from datetime import date
from typing import Any

from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services.delegation_lists import DelegationFilter
from crm.services.delegations import (
    DelegationInput,
    MemberInput,
    create_delegation,
    get_delegation,
    update_delegation,
)
from ui.models.delegations_model import DelegationsModel


def test_model_shows_the_visits(
    qtbot: QtBot, qtmodeltester: Any, context: Any, sample: Any, db: Database
) -> None:
    kiew = sample.partnership_ids["Kiew"]
    first, _c = create_delegation(
        db,
        DelegationInput(
            title="Bürgermeisterbesuch in Kiew",
            direction="outgoing",
            start_date=date(2030, 9, 1),
            end_date=date(2030, 9, 3),
            partnership_id=kiew,
            members=[MemberInput(sample.person_ids["Goldfuß"], "Head", 1)],
        ),
    )
    create_delegation(
        db,
        DelegationInput(
            title="Tag der Partnerstädte", start_date=date(2020, 5, 1), end_date=date(2020, 5, 1)
        ),
    )
    model = DelegationsModel(context)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    keys = [c.key for c in model.columns]
    row = [model.index(0, column).data() for column in range(len(keys))]
    assert row == [
        "2030-09-01 – 2030-09-03",
        "Bürgermeisterbesuch in Kiew",
        "Kiew",
        "Outgoing",
        "Gabriele Goldfuß",
        "1",
        "Planned",
    ]
    assert model.index(1, keys.index("dates")).data() == "2020-05-01"
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filters(DelegationFilter(direction="incoming"))
    assert model.rowCount() == 1

    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filters(DelegationFilter())
    data = get_delegation(db, first).to_input()
    data.status = "confirmed"
    with qtbot.waitSignal(model.loaded, timeout=5000):
        context.announce(update_delegation(db, first, data))
    assert model.index(model.row_of(first) or 0, keys.index("status")).data() == "Confirmed"
    qtmodeltester.check(model)
