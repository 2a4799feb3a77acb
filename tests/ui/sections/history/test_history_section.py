"""The History section: an edit made in People shows up with its old and new values."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.db.models import Operation
from crm.services.trash import delete_to_trash
from ui.sections.history.section import period_range


def click_row(qtbot: QtBot, table: Any, row: int, column: int = 2) -> None:
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def labels(section: Any) -> list[str]:
    model = section.model
    return [model.index(row, 2).data() for row in range(model.rowCount())]


def change_texts(section: Any) -> list[list[str]]:
    model = section.changes_model
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_an_edited_phone_shows_with_its_old_and_new_number(
    qtbot: QtBot, sample: Any, window: Any, wait_idle: Callable[[Any], None]
) -> None:
    window.go_to("people")
    wait_idle(window)
    people = window.section("people")
    people.show_record(sample.person_ids["Goldfuß"])
    wait_idle(window)
    phone = people.editor.contacts.rows[0].value
    phone.setFocus()
    qtbot.keyClick(phone, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(phone, "0341 123-4567")
    qtbot.mouseClick(people.editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(window)

    window.go_to("history")
    wait_idle(window)
    history = window.section("history")
    assert window.sidebar.currentItem().text() == "History"
    assert labels(history)[0] == "Edit person: Gabriele Goldfuß"
    assert history.filter_bar.count.text() == "9 entries"
    click_row(qtbot, history.table, 0)
    wait_idle(window)
    assert history.title.text() == "Edit person: Gabriele Goldfuß"
    assert " by " in history.subtitle.text()
    assert change_texts(history) == [
        [
            "Person · Gabriele Goldfuß",
            "Phone, fax, email and web",
            "Phone: +49 341 1232020 (office)",
            "Phone: +49 341 1234567 (office)",
        ]
    ]


def test_filter_by_kind_and_text_and_follow_new_changes(
    qtbot: QtBot, sample: Any, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    window.go_to("history")
    wait_idle(window)
    history = window.section("history")
    history.kind.set_value("partnership")
    wait_idle(window)
    assert len(labels(history)) == 4
    assert all(label.startswith("New partnership") for label in labels(history))
    qtbot.keyClicks(history.filter_bar.text, "nanj")
    history.filter_bar.flush()
    wait_idle(window)
    assert labels(history) == ["New partnership: Nanjing"]
    click_row(qtbot, history.table, 0)
    wait_idle(window)
    fields = [row[1] for row in change_texts(history)]
    assert fields[0] == "Created"
    assert "Partner city" in fields and "Name in own script" in fields
    assert ["Partnership · Nanjing", "Activity rating", "", "AAA"] in change_texts(history)

    history.filter_bar.reset()
    wait_idle(window)
    window.context.announce(delete_to_trash(db, "person", sample.person_ids["Koval"]))
    wait_idle(window)
    assert labels(history)[0] == "Move to trash: Olena Koval"
    history.actor.set_value(history.actor.itemData(1))  # the one person who changed anything
    wait_idle(window)
    assert len(labels(history)) == 9


def test_double_click_on_a_change_opens_the_record(
    qtbot: QtBot, sample: Any, window: Any, wait_idle: Callable[[Any], None]
) -> None:
    window.go_to("history")
    wait_idle(window)
    history = window.section("history")
    click_row(qtbot, history.table, 0)  # the newest: Houston was made last
    wait_idle(window)
    rect = history.changes.visualRect(history.changes_model.index(0, 0))
    qtbot.mouseClick(history.changes.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(history.changes.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(window)
    assert window.current_key == "partnerships"
    assert window.section("partnerships").current_record_id() == sample.partnership_ids["Houston"]


def test_the_when_filter_narrows_the_history_to_a_period(
    qtbot: QtBot, sample: Any, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    with db.write_session() as session, session.begin():
        # An edit from last year, as an older office file holds.
        last_year = datetime(date.today().year - 1, 6, 15, 9, 30, tzinfo=UTC)
        session.add(Operation(at=last_year, actor="k.sommer", label="Edit person: Olena Koval"))
    window.go_to("history")
    wait_idle(window)
    history = window.section("history")
    everything = len(labels(history))
    history.period.set_value("today")
    wait_idle(window)
    assert len(labels(history)) == everything - 1  # the sample was made today
    assert "Edit person: Olena Koval" not in labels(history)
    history.period.set_value("last_year")
    wait_idle(window)
    assert labels(history) == ["Edit person: Olena Koval"]
    history.period.set_value(None)
    wait_idle(window)
    assert len(labels(history)) == everything


def test_periods_cover_whole_days() -> None:
    today = date(2026, 12, 5)
    assert period_range("today", today) == {"since": today}
    assert period_range("week", today) == {"since": date(2026, 11, 29)}
    assert period_range("year", today) == {"since": date(2026, 1, 1)}
    assert period_range("last_year", today) == {
        "since": date(2025, 1, 1),
        "until": date(2025, 12, 31),
    }
    assert period_range(None, today) == {}
