"""Forms are never cut off at the right: short vocabularies show their longest entry and the
editor's scroll area asks for the width its content needs."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.form import Field
from ui.widgets.vertical_scroll_area import VerticalScrollArea

KINDS = [("twin_city", "Städtepartnerschaft"), ("national", "Nationale Partnerstadt")]


def test_a_short_list_in_a_form_is_as_wide_as_its_longest_entry(qtbot: QtBot) -> None:
    combo = ChoiceCombo(KINDS, empty="—")
    field = Field("Art", combo)
    qtbot.addWidget(field)
    longest = combo.fontMetrics().horizontalAdvance("Nationale Partnerstadt")
    assert combo.minimumSizeHint().width() > longest
    assert field.minimumSizeHint().width() > longest


def test_a_long_list_may_get_narrow(qtbot: QtBot) -> None:
    countries = [(f"C{i}", f"Country with a long name number {i}") for i in range(100)]
    combo = ChoiceCombo(countries)
    field = Field("Land", combo)
    qtbot.addWidget(field)
    longest = combo.fontMetrics().horizontalAdvance(countries[-1][1])
    assert combo.minimumSizeHint().width() < longest


def test_the_scroll_area_asks_for_its_content_width(qtbot: QtBot) -> None:
    area = VerticalScrollArea()
    qtbot.addWidget(area)
    content = QWidget()
    column = QVBoxLayout(content)
    wide = QLineEdit()
    wide.setMinimumWidth(300)
    column.addWidget(wide)
    area.setWidget(content)
    assert area.minimumSizeHint().width() >= 300
    wide.setMinimumWidth(640)  # a row grows: the area asks again
    qtbot.waitUntil(lambda: area.minimumSizeHint().width() >= 640, timeout=2000)
