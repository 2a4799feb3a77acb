from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from crm.services.unit import ChangeSet
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.filter_choices import FilterChoices, partnership_choice, year_choice


def test_choices_are_read_when_shown_and_again_after_a_related_change(
    qtbot: QtBot, context: Any
) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    partnerships = [(3, "Kiew"), (7, "Nanjing")]
    reads: list[str] = []

    def read_partnerships(_db: Any) -> list[tuple[int, str]]:
        reads.append("partnerships")
        return list(partnerships)

    combo = ChoiceCombo([], empty="All partnerships")
    years = ChoiceCombo([], empty="All years")
    choices = FilterChoices(context, {"partnership"}, owner)
    choices.add(combo, read_partnerships, partnership_choice)
    choices.add(years, lambda _db: [2026, 2025], year_choice)
    context.announce(ChangeSet(updated={"partnership": {3}}))
    assert reads == []  # not shown yet: nothing is read
    choices.start()
    qtbot.waitUntil(lambda: combo.count() == 3 and years.count() == 3)
    assert [years.itemText(i) for i in range(3)] == ["All years", "2026", "2025"]
    combo.set_value("7")
    emitted: list[int] = []
    combo.currentIndexChanged.connect(emitted.append)
    context.announce(ChangeSet(updated={"person": {1}}))  # unrelated: no read
    partnerships.insert(0, (1, "Addis Abeba"))
    context.announce(ChangeSet(created={"partnership": {1}}))
    qtbot.waitUntil(lambda: combo.count() == 4)
    assert reads == ["partnerships", "partnerships"]
    assert combo.value() == "7" and emitted == []  # kept, and the filter was not re-run
