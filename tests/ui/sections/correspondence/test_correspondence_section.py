"""The Correspondence section as a user works it: register a letter with a follow-up and find
it under the follow-up filters when it is due; filters; move to the trash keeps the number."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services.correspondence import (
    CorrespondenceInput,
    create_correspondence,
    get_correspondence,
)
from crm.services.correspondence_lists import correspondence_ids
from crm.services.partnerships import PartnershipInput, create_partnership
from ui.formats import format_date


def open_register(window: Any, wait_idle: Callable[[Any], None]) -> Any:
    window.go_to("correspondence")
    wait_idle(window)
    return window.section("correspondence")


def column_texts(section: Any, key: str) -> list[str]:
    model = section.model
    position = [c.key for c in model.columns].index(key)
    return [model.index(row, position).data() for row in range(model.rowCount())]


def choose(combo: Any, value: str | None, wait: Callable[[], None]) -> None:
    """Pick an entry of a filter combo as a user would (by its position in the list)."""
    combo.setCurrentIndex(combo.findData(value))
    wait()


def test_register_an_incoming_letter_and_find_it_when_the_follow_up_is_due(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    section = open_register(window, wait_idle)
    assert section.empty_text() == "The register is empty — register a letter with Ctrl+N."
    qtbot.mouseClick(section.filter_bar.new_button, Qt.MouseButton.LeftButton)
    editor = section.editor
    assert editor.is_new and editor.subject.hasFocus()
    assert editor.subtitle.text() == "The reference number is drawn when you save."
    today = date.today()
    follow_up = today + timedelta(days=3)
    qtbot.keyClicks(editor.subject, "Invitation to the Kyiv Days 2026")
    assert editor.direction.value() == "incoming" and editor.channel.value() == "letter"
    qtbot.keyClicks(editor.counterpart_text, "Kyiv City Council, Department of Foreign Relations")
    qtbot.keyClicks(editor.dates["follow_up_date"], follow_up.isoformat())
    qtbot.keyClicks(editor.summary, "Reply with the names of our delegation.")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(window)

    [entry_id] = correspondence_ids(db)
    detail = get_correspondence(db, entry_id)
    reference = f"IZ-{today.year}-0001"
    assert (detail.reference, detail.direction, detail.channel) == (reference, "incoming", "letter")
    assert detail.follow_up_date == follow_up and detail.date == today
    assert section.current_id() == entry_id
    assert editor.title.text() == "Invitation to the Kyiv Days 2026"
    assert editor.subtitle.text().startswith(f"{reference} · Incoming letter · ")
    assert column_texts(section, "reference") == [reference]
    assert section.filter_bar.count.text() == "1 entry"

    # Due in three days: the Overview lists it among the follow-ups, and a click opens it.
    window.go_to("overview")
    wait_idle(window)
    overview = window.section("overview")
    [line] = [w for w in overview.follow_ups.line_widgets if w.line.kind == "correspondence"]
    assert line.line.text == "Invitation to the Kyiv Days 2026"
    assert line.line.tag == "in 3 days"
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert window.current_key == "correspondence" and section.current_id() == entry_id

    def settle() -> None:
        wait_idle(window)

    # Not due yet: it is open, but not among the follow-ups due.
    choose(section.state, "due", settle)
    assert section.model.rowCount() == 0
    assert section.empty_text() == "No entries match the filter."
    choose(section.state, "open", settle)
    assert section.model.ids() == [entry_id]

    # Four days later the follow-up is overdue: the filter finds it and the list says so.
    section.today = lambda: follow_up + timedelta(days=1)
    choose(section.state, "overdue", settle)
    assert section.model.ids() == [entry_id]
    [cell] = column_texts(section, "follow_up")
    assert cell == f"Overdue: {format_date(follow_up)}"
    choose(section.state, "due", settle)
    assert section.model.ids() == [entry_id]

    # Done: no longer open, no longer overdue.
    editor.status.setCurrentIndex(editor.status.findData("done"))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert section.model.rowCount() == 0
    choose(section.state, "done", settle)
    assert section.model.ids() == [entry_id]


def test_filters_by_partnership_year_and_direction(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    kyiv, _c = create_partnership(db, PartnershipInput(city_name="Kiew", country="UA"))
    last_year = date.today().year - 1
    entries = {}
    for subject, day, direction, partnership in (
        ("Neujahrsgrüße", date(last_year, 1, 3), "incoming", kyiv),
        ("Dankschreiben", date(last_year, 6, 3), "outgoing", kyiv),
        ("Anfrage", date.today(), "incoming", None),
    ):
        entries[subject], _c = create_correspondence(
            db,
            CorrespondenceInput(
                subject=subject, date=day, direction=direction, partnership_id=partnership
            ),
        )
    section = open_register(window, wait_idle)

    def settle() -> None:
        wait_idle(window)

    assert section.partnership.findData(str(kyiv)) > 0
    choose(section.partnership, str(kyiv), settle)
    assert section.model.ids() == [entries["Dankschreiben"], entries["Neujahrsgrüße"]]
    choose(section.direction, "outgoing", settle)
    assert section.model.ids() == [entries["Dankschreiben"]]
    section.filter_bar.reset()
    settle()
    choose(section.year, str(last_year), settle)
    assert section.model.ids() == [entries["Dankschreiben"], entries["Neujahrsgrüße"]]
    assert column_texts(section, "reference") == [f"IZ-{last_year}-0002", f"IZ-{last_year}-0001"]
    section.filter_bar.reset()
    settle()
    qtbot.keyClicks(section.filter_bar.text, "dank")
    section.filter_bar.flush()
    settle()
    assert section.model.ids() == [entries["Dankschreiben"]]


def test_move_to_trash_keeps_the_number_and_the_next_entry_takes_the_next(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], db: Database, answers: Any
) -> None:
    first, _c = create_correspondence(db, CorrespondenceInput(subject="Erster Brief"))
    section = open_register(window, wait_idle)
    section.show_record(first)
    wait_idle(window)
    qtbot.mouseClick(section.editor.delete_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    reference = f"IZ-{date.today().year}-0001"
    assert answers.asked == [("delete", f"{reference} Erster Brief")]
    assert section.model.rowCount() == 0
    section.new_record()
    qtbot.keyClicks(section.editor.subject, "Zweiter Brief")
    section.save()
    wait_idle(window)
    assert column_texts(section, "reference") == [f"IZ-{date.today().year}-0002"]


def test_a_missing_subject_is_shown_at_the_field(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    section = open_register(window, wait_idle)
    section.new_record()
    editor = section.editor
    editor.dates["follow_up_date"].setText("31.02.2026")
    section.save()
    wait_idle(window)
    assert editor.dates["follow_up_date"].property("invalid") is True
    editor.dates["follow_up_date"].clear()
    section.save()
    wait_idle(window)
    assert editor.subject.property("invalid") is True
    assert editor.subject.hasFocus()
    assert correspondence_ids(db) == []
