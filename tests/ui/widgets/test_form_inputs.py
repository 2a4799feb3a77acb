"""Dates and years as people type them; combo boxes that hand back stored values."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from crm.i18n import set_language
from ui.formats import format_date, parse_date, parse_year
from ui.widgets.choice_combo import ChoiceCombo, SearchableChoiceCombo
from ui.widgets.date_field import DateField


def test_dates_in_several_spellings() -> None:
    assert parse_date("2025-12-31") == date(2025, 12, 31)
    assert parse_date("31.12.2025") == date(2025, 12, 31)
    assert parse_date(" 1. 5. 2026 ") == date(2026, 5, 1)
    assert parse_date("") is None
    with pytest.raises(ValueError, match="no such day"):
        parse_date("31.02.2026")
    with pytest.raises(ValueError, match="Enter a date like 2025-12-31"):
        parse_date("next Tuesday")


def test_dates_are_shown_in_the_users_language() -> None:
    assert format_date(date(2026, 5, 1)) == "2026-05-01"
    set_language("de")
    assert format_date(date(2026, 5, 1)) == "01.05.2026"


def test_years() -> None:
    assert parse_year("1961") == 1961
    assert parse_year(" ") is None
    with pytest.raises(ValueError):
        parse_year("61")


def test_date_field_round_trip(qtbot: QtBot) -> None:
    field = DateField()
    qtbot.addWidget(field)
    field.set_date(date(2027, 6, 30))
    assert field.text() == "2027-06-30"
    assert field.date_value() == date(2027, 6, 30)
    field.set_date(None)
    assert field.date_value() is None


def test_choice_combo_values(qtbot: QtBot) -> None:
    combo = ChoiceCombo({"twin_city": "Twin city", "friendship_town": "Friendship town"}, "All")
    qtbot.addWidget(combo)
    assert combo.value() is None
    combo.set_value("friendship_town")
    assert combo.currentText() == "Friendship town" and combo.value() == "friendship_town"
    combo.set_value("sister_port")  # an unknown stored value is kept, not lost
    assert combo.value() == "sister_port"


def test_searchable_combo_accepts_a_typed_name(qtbot: QtBot) -> None:
    combo = SearchableChoiceCombo([("LV", "Latvia"), ("LT", "Lithuania")], "—")
    qtbot.addWidget(combo)
    combo.setEditText("latvia")
    assert combo.value() == "LV"
    combo.setEditText("Atlantis")
    assert combo.value() == "Atlantis"  # the service says what is wrong with it
    combo.setEditText("")
    assert combo.value() is None
