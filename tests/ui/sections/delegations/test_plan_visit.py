"""Planning an incoming delegation from Liepāja: five members, two days, the Golden Book."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services import delegation_lists as dl
from crm.services.delegations import get_delegation
from crm.text import fold
from tests.ui.sections.delegations.visit_helpers import LATVIANS, liepaja_office, pick, type_into


def test_plan_an_incoming_delegation_from_liepaja(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], db: Database, answers: Any
) -> None:
    ids = liepaja_office(db)
    window.go_to("delegations")
    wait_idle(window)
    section = window.section("delegations")
    qtbot.mouseClick(section.filter_bar.new_button, Qt.MouseButton.LeftButton)
    editor = section.editor
    type_into(qtbot, editor.lines["title"], "Delegation of the City of Liepāja")
    type_into(qtbot, editor.start_date, "2026-06-08")
    type_into(qtbot, editor.end_date, "2026-06-09")
    pick(qtbot, editor.partnership, "liep")
    assert editor.partnership.value() == ids["liepaja"]
    for rank, (_given, family, function) in enumerate(LATVIANS, start=1):
        qtbot.mouseClick(editor.members.add_button, Qt.MouseButton.LeftButton)
        row = editor.members.rows[-1]
        pick(qtbot, row.person, fold(family)[:4])  # as typed: without diacritics
        type_into(qtbot, row.function, function)
        assert row.rank.value() == rank  # the head first, the others in the order added
    mayor = editor.members.rows[0]
    type_into(qtbot, mayor.arrival.clock, "10:15")
    type_into(qtbot, mayor.arrival.day, "2026-06-08")
    type_into(qtbot, mayor.dietary, "Vegetarian")

    def appointment(day: str, start: str, end: str, title: str, kind_key: str) -> Any:
        qtbot.mouseClick(editor.programme.add_button, Qt.MouseButton.LeftButton)
        row = editor.programme.rows[-1]
        if day:
            type_into(qtbot, row.day, day)
        type_into(qtbot, row.start, start)
        type_into(qtbot, row.end, end)
        type_into(qtbot, row.title, title)
        row.kind.setFocus()
        qtbot.keyClicks(row.kind, kind_key)
        return row

    # A new appointment starts on the first day of the visit.
    golden = appointment("", "10:00", "10:30", "Entry in the Golden Book", "G")
    assert golden.day.date_value().isoformat() == "2026-06-08"
    assert golden.kind.value() == "golden_book"
    pick(qtbot, golden.participants.picker, "goldf")
    qtbot.waitUntil(lambda: golden.participants.ids() == [ids["Goldfuß"]], timeout=2000)
    type_into(qtbot, golden.dress_code, "Dark suit")
    lunch = appointment("", "10:15", "11:30", "Press talk", "P")
    pick(qtbot, lunch.participants.picker, "goldf")
    # Dr. Goldfuß cannot be at the Golden Book and the press talk at once: both say so.
    qtbot.waitUntil(lambda: not golden.hint.isHidden(), timeout=2000)
    assert "Booked twice: Dr. Gabriele Goldfuß also at “Press talk”." in golden.hint.text()
    assert not lunch.hint.isHidden()
    assert not editor.clash_summary.isHidden()
    type_into(qtbot, lunch.start, "11:00")
    type_into(qtbot, lunch.end, "11:45")
    assert golden.hint.isHidden() and editor.clash_summary.isHidden()
    # The second day: its heading appears above its first appointment.
    visit = appointment("2026-06-09", "09:00", "12:00", "Visit to the Leipzig Zoo", "V")
    assert not visit.heading.isHidden() and "June" in visit.heading.text()
    assert not golden.heading.isHidden() and lunch.heading.isHidden()
    # An appointment after the visit is pointed out, then corrected.
    type_into(qtbot, visit.day, "2026-06-10")
    assert "Outside the dates of the visit." in visit.hint.text()
    type_into(qtbot, visit.day, "2026-06-09")
    assert visit.hint.isHidden()

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert answers.asked == []
    (delegation_id,) = dl.delegation_ids(db)
    detail = get_delegation(db, delegation_id)
    assert detail.direction == "incoming" and detail.status == "planned"
    assert detail.partnership_name == "Liepāja"
    assert [m.name for m in detail.members] == [f"{g} {f}" for g, f, _fn in LATVIANS]
    assert [m.protocol_rank for m in detail.members] == [1, 2, 3, 4, 5]
    assert detail.members[0].dietary_needs == "Vegetarian"
    assert detail.members[0].arrival is not None
    assert [(i.title, i.kind) for i in detail.programme] == [
        ("Entry in the Golden Book", "golden_book"),
        ("Press talk", "press"),
        ("Visit to the Leipzig Zoo", "visit"),
    ]
    assert {i.starts_at.astimezone().date().isoformat() for i in detail.programme} == {
        "2026-06-08",
        "2026-06-09",
    }
    assert detail.programme[0].dress_code == "Dark suit"
    # The list shows it, and the page shows it saved.
    wait_idle(window)
    assert section.model.row_of(delegation_id) is not None
    assert editor.record_id == delegation_id and not editor.is_dirty()
    assert editor.title.text() == "Delegation of the City of Liepāja"
    assert "Incoming · Liepāja" in editor.subtitle.text()


def test_a_member_typed_but_not_picked_is_pointed_out(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    liepaja_office(db)
    window.go_to("delegations")
    wait_idle(window)
    section = window.section("delegations")
    qtbot.mouseClick(section.filter_bar.new_button, Qt.MouseButton.LeftButton)
    editor = section.editor
    type_into(qtbot, editor.lines["title"], "Visit")
    type_into(qtbot, editor.start_date, "2026-06-08")
    type_into(qtbot, editor.end_date, "2026-06-07")
    qtbot.mouseClick(editor.members.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.members.rows[0].person, "Nobody")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert editor.members.rows[0].error.text() == "Choose the member from the list."
    assert dl.delegation_ids(db) == []
    editor.members.rows[0].person.clear()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert editor.errors  # the service's answer goes to the field
    assert dl.delegation_ids(db) == []
