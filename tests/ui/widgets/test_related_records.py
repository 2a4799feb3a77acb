"""Related records under the editors: a partnership's responsible officer is one click away,
and the person's page leads back to the partnership."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services.partnerships import PartnershipInput, create_partnership


def test_from_a_partnership_to_its_officer_and_back(
    qtbot: QtBot,
    window: Any,
    sample: Any,
    db: Database,
    wait_idle: Callable[[Any], None],
) -> None:
    officer = sample.person_ids["Bērziņa"]
    partnership_id, _ = create_partnership(
        db,
        PartnershipInput(
            "Liepāja", "LV", "twin_city", since_year=2006, responsible_officer_id=officer
        ),
    )
    window.go_to("partnerships")
    wait_idle(window)
    partnerships = window.section("partnerships")
    partnerships.show_record(partnership_id)
    wait_idle(window)
    panel = partnerships.editor.related
    assert [b.text() for b in panel.links] == ["Inese Bērziņa"]

    qtbot.mouseClick(panel.links[0], Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert window.current_key == "people"
    people = window.section("people")
    assert people.editor.record_id == officer
    back_links = [b.text() for b in people.editor.related.links]
    assert "Liepāja" in back_links

    window.go_back()
    wait_idle(window)
    assert window.current_key == "partnerships"
    assert partnerships.editor.record_id == partnership_id


def test_a_new_record_has_nothing_related(window: Any, wait_idle: Callable[[Any], None]) -> None:
    window.go_to("people")
    wait_idle(window)
    people = window.section("people")
    people.new_record()
    wait_idle(window)
    assert people.editor.related.links == []
