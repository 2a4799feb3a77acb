"""The Partnerships section: create through the editor, filter, sort (in SQL)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services import lists
from crm.services.lists import PartnershipFilter
from crm.services.partnerships import get_partnership


def open_partnerships(window: Any, wait_idle: Callable[[Any], None]) -> Any:
    window.go_to("partnerships")
    wait_idle(window)
    return window.section("partnerships")


def column_texts(section: Any, key: str) -> list[str]:
    model = section.model
    position = [c.key for c in model.columns].index(key)
    return [model.index(row, position).data() for row in range(model.rowCount())]


def test_create_a_partnership(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    section = open_partnerships(window, wait_idle)
    assert section.empty_text() == "No partnerships yet — create one with Ctrl+N."
    section.filter_bar.new_button.click()
    editor = section.editor
    assert editor.lines["city_name"].hasFocus() or editor.is_new
    editor.lines["city_name"].insert("Liepāja")  # QTest types ASCII and Latin-1 only
    editor.country.set_value("LV")
    editor.kind_combo.set_value("twin_city")
    editor.rating.set_value("AA")
    qtbot.keyClicks(editor.since_year, "1998")
    qtbot.keyClicks(editor.themes.line, "culture,youth,")
    qtbot.keyClicks(editor.dates["next_evaluation"], "2027-06-30")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(window)

    [partnership_id] = lists.partnership_ids(db)
    detail = get_partnership(db, partnership_id)
    assert (detail.city_name, detail.country, detail.since_year) == ("Liepāja", "LV", 1998)
    assert detail.activity_rating == "AA"
    assert set(detail.themes) == {"culture", "youth"}
    assert str(detail.next_evaluation) == "2027-06-30"
    assert section.current_id() == partnership_id
    assert column_texts(section, "name") == ["Liepāja"]
    assert column_texts(section, "country") == ["Latvia"]
    assert editor.title.text() == "Liepāja"
    assert editor.subtitle.text() == "Latvia · Twin city · since 1998"
    assert section.country.count() == 2  # "All countries" and Latvia, now that there is one


def test_missing_country_and_a_bad_date_are_shown_inline(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    section = open_partnerships(window, wait_idle)
    section.new_record()
    editor = section.editor
    qtbot.keyClicks(editor.lines["city_name"], "Nynashamn")
    qtbot.keyClicks(editor.dates["renewal_date"], "31.02.2027")
    section.save()
    wait_idle(window)
    assert editor.dates["renewal_date"].property("invalid") is True
    assert editor.dates["renewal_date"].hasFocus()
    editor.dates["renewal_date"].clear()
    section.save()
    wait_idle(window)
    assert editor.country.property("invalid") is True
    assert lists.partnership_ids(db) == []
    assert editor.lines["city_name"].text() == "Nynashamn"


def test_filter_by_rating(
    qtbot: QtBot, sample: Any, window: Any, wait_idle: Callable[[Any], None]
) -> None:
    section = open_partnerships(window, wait_idle)
    assert section.model.rowCount() == 4
    section.rating.set_value("AAA")
    wait_idle(window)
    assert sorted(column_texts(section, "name")) == ["Houston", "Nanjing"]
    assert section.filter_bar.count.text() == "2 partnerships"
    section.kind.set_value("cooperation_city")
    wait_idle(window)
    assert column_texts(section, "name") == ["Houston"]
    section.filter_bar.reset()
    wait_idle(window)
    assert section.model.rowCount() == 4


def test_text_filter_finds_names_without_diacritics(
    qtbot: QtBot, sample: Any, window: Any, wait_idle: Callable[[Any], None]
) -> None:
    section = open_partnerships(window, wait_idle)
    qtbot.keyClicks(section.filter_bar.text, "nanj")
    qtbot.waitUntil(lambda: section.model.rowCount() == 1, timeout=3000)
    assert column_texts(section, "name") == ["Nanjing"]
    section.filter_bar.text.clear()
    qtbot.waitUntil(lambda: section.model.rowCount() == 4, timeout=3000)


def test_sort_by_since_column_comes_from_sql(
    qtbot: QtBot,
    sample: Any,
    window: Any,
    wait_idle: Callable[[Any], None],
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    section = open_partnerships(window, wait_idle)
    asked: list[tuple[str, bool]] = []
    original = lists.partnership_ids

    def spy(
        database: Database, filters: PartnershipFilter, sort: str, desc: bool, limit: int | None
    ) -> list[int]:
        asked.append((sort, desc))
        return original(database, filters, sort, desc, limit)

    monkeypatch.setattr(lists, "partnership_ids", spy)
    header = section.table.horizontalHeader()
    since = [c.key for c in section.model.columns].index("since_year")
    point = QPoint(header.sectionViewportPosition(since) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    wait_idle(window)
    assert asked == [("since", False)]
    assert column_texts(section, "since_year") == ["1961", "1988", "1993", "2011"]
    assert section.model.ids() == original(db, PartnershipFilter(), "since", False)
    assert header.sortIndicatorSection() == since
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    wait_idle(window)
    assert asked[-1] == ("since", True)
    assert column_texts(section, "since_year") == ["2011", "1993", "1988", "1961"]
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    themes = [c.key for c in section.model.columns].index("themes")
    point = QPoint(header.sectionViewportPosition(themes) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    wait_idle(window)
    assert len(asked) == 2  # themes cannot be sorted: nothing asked, the arrow stays
    assert header.sortIndicatorSection() == since
