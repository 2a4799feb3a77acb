"""The Projects and events section as a user works it: create a project with its budget, find it
by the filters, switch to the events, plan an event for it, and move between a partnership, its
projects and events by the related links, and back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services import project_lists as pl
from crm.services import trash
from crm.services.event_lists import event_ids
from crm.services.events import EventInput, create_event, get_event
from crm.services.projects import ProjectInput, create_project, get_project
from tests.ui.sections.delegations.visit_helpers import pick, type_into
from ui.dialogs import Unsaved


def open_section(window: Any, wait_idle: Callable[[Any], None]) -> Any:
    window.go_to("projects")
    wait_idle(window)
    return window.section("projects")


def column_texts(pane: Any, key: str) -> list[str]:
    model = pane.model
    position = [c.key for c in model.columns].index(key)
    return [model.index(row, position).data() for row in range(model.rowCount())]


def error_text(editor: Any, key: str) -> str:
    """The message shown under the field ``key``."""
    field = dict(editor.errors._entries)[key]
    return str(field.error.text()) if field.error.isVisible() else ""


def choose(combo: Any, value: str | None, settle: Callable[[], None]) -> None:
    combo.setCurrentIndex(combo.findData(value))
    settle()


def test_create_a_project_with_its_budget_and_find_it_again(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], db: Database, sample: Any
) -> None:
    section = open_section(window, wait_idle)
    pane = section.projects
    assert section.kind == "project" and section.switch.currentIndex() == 0
    assert pane.empty_text() == "No projects yet — create one with Ctrl+N."
    qtbot.mouseClick(pane.filter_bar.new_button, Qt.MouseButton.LeftButton)
    editor = pane.editor
    assert editor.is_new and editor.name.hasFocus()
    assert editor.currency.value() == "EUR"  # the office's currency
    qtbot.keyClicks(editor.name, "Nachhaltige Stadtentwicklung Kiew")
    pick(qtbot, editor.partnership, "kiew")
    pick(qtbot, editor.funder, "referat")
    editor.theme.setEditText("Stadtentwicklung")
    editor.status.setCurrentIndex(editor.status.findData("running"))
    type_into(qtbot, editor.dates["start_date"], "2025-01-01")
    type_into(qtbot, editor.dates["end_date"], "2027-12-31")
    type_into(qtbot, editor.budget, "248,000")
    editor.budget.editingFinished.emit()
    assert editor.budget.text() == "248,000.00"  # shown as the language writes it
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(window)

    [project_id] = pl.project_ids(db)
    detail = get_project(db, project_id)
    assert (detail.name, detail.partnership_id, detail.funder_id) == (
        "Nachhaltige Stadtentwicklung Kiew",
        sample.partnership_ids["Kiew"],
        sample.organisation_id,
    )
    assert (detail.budget, detail.currency, detail.theme, detail.status) == (
        Decimal("248000.00"),
        "EUR",
        "Stadtentwicklung",
        "running",
    )
    assert (detail.start_date, detail.end_date) == (date(2025, 1, 1), date(2027, 12, 31))
    assert pane.current_id() == project_id
    assert editor.title.text() == "Nachhaltige Stadtentwicklung Kiew"
    assert editor.subtitle.text() == ("Running · Kiew · 2025-01-01 – 2027-12-31 · €248,000.00")
    assert column_texts(pane, "budget") == ["€248,000.00"]
    assert pane.filter_bar.count.text() == "1 project"
    assert not editor.is_dirty()

    create_project(db, ProjectInput(name="Internationales Haus", start_date=date(2030, 1, 1)))
    pane.model.reload()

    def settle() -> None:
        wait_idle(window)

    settle()
    assert pane.model.rowCount() == 2
    choose(pane.status, "running", settle)
    assert pane.model.ids() == [project_id]
    choose(pane.status, None, settle)
    pane.reload_choices()
    settle()
    choose(pane.partnership, str(sample.partnership_ids["Kiew"]), settle)
    assert pane.model.ids() == [project_id]
    pane.filter_bar.reset()
    settle()
    choose(pane.year, "2030", settle)
    assert column_texts(pane, "name") == ["Internationales Haus"]
    pane.filter_bar.reset()
    settle()
    qtbot.keyClicks(pane.filter_bar.text, "stadtentw")
    pane.filter_bar.flush()
    settle()
    assert pane.model.ids() == [project_id]


def test_problems_are_shown_at_their_fields(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    section = open_section(window, wait_idle)
    section.new_record()
    editor = section.projects.editor
    qtbot.keyClicks(editor.name, "Jugendaustausch")
    type_into(qtbot, editor.budget, "zehn Euro")
    section.save()
    wait_idle(window)
    assert editor.budget.property("invalid") is True
    assert error_text(editor, "budget") == "Enter the budget as a number, like 25000."
    editor.budget.clear()
    type_into(qtbot, editor.budget, "-5")
    editor.currency.setEditText("XYZ")
    type_into(qtbot, editor.dates["start_date"], "2026-05-01")
    type_into(qtbot, editor.dates["end_date"], "2026-04-01")
    section.save()
    wait_idle(window)
    for widget in (editor.budget, editor.currency, editor.dates["end_date"]):
        assert widget.property("invalid") is True
    assert error_text(editor, "budget") == "The budget cannot be negative."
    assert error_text(editor, "currency") == "“XYZ” is not a currency code (like EUR, SEK or USD)."
    assert error_text(editor, "end_date") == "The project ends before it starts."
    assert pl.project_ids(db) == []
    editor.budget.clear()
    editor.dates["end_date"].clear()
    section.save()
    wait_idle(window)
    assert len(pl.project_ids(db)) == 1  # a currency without an amount is not kept


def test_events_of_a_project_and_the_switch_between_the_lists(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    db: Database,
    sample: Any,
    answers: Any,
) -> None:
    project_id, _c = create_project(
        db, ProjectInput(name="Kiew-Tage", partnership_id=sample.partnership_ids["Kiew"])
    )
    section = open_section(window, wait_idle)
    section.show_record(project_id)
    wait_idle(window)
    section.projects.editor.description.setPlainText("Unsaved words")
    assert section.has_unsaved_changes()

    # Switching asks about the unsaved project; cancelling stays on it.
    answers.unsaved = Unsaved.CANCEL
    section.switch.setCurrentIndex(1)
    wait_idle(window)
    assert section.kind == "project" and section.switch.currentIndex() == 0
    assert answers.kinds() == ["unsaved"]
    answers.unsaved = Unsaved.DISCARD
    section.switch.setCurrentIndex(1)
    wait_idle(window)
    assert section.kind == "event" and section.stack.currentWidget() is section.events
    assert not section.has_unsaved_changes()

    pane = section.events
    assert pane.empty_text() == "No events yet — add one with Ctrl+N."
    section.new_record()
    editor = pane.editor
    assert editor.is_new and editor.lines["name"].hasFocus()
    type_into(qtbot, editor.lines["name"], "Kiew-Tage: Eröffnung")
    editor.kind_choice.setCurrentIndex(editor.kind_choice.findData("festival"))
    type_into(qtbot, editor.starts.day, "2031-05-29")
    type_into(qtbot, editor.starts.clock, "1730")
    type_into(qtbot, editor.ends.clock, "21:00")  # the same day
    type_into(qtbot, editor.lines["city"], "Leipzig")
    pick(qtbot, editor.project, "kiew")
    section.save()
    wait_idle(window)

    [event_id] = event_ids(db)
    detail = get_event(db, event_id)
    local = datetime(2031, 5, 29, 17, 30).astimezone()
    assert detail.starts_at == local.astimezone(UTC)
    assert detail.ends_at == local.replace(hour=21, minute=0).astimezone(UTC)
    assert (detail.kind, detail.project_id, detail.city) == ("festival", project_id, "Leipzig")
    assert column_texts(pane, "when") == ["2031-05-29 17:30–21:00"]
    assert editor.title.text() == "Kiew-Tage: Eröffnung"
    assert section.current_record_id() == -event_id  # an event's place in Back and Forward

    # The event's related project is one click away, and the project leads back to it.
    qtbot.waitUntil(lambda: len(editor.related.links) == 1, timeout=3000)
    qtbot.mouseClick(editor.related.links[0], Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert section.kind == "project"
    assert section.projects.editor.record_id == project_id
    project_links = section.projects.editor.related
    qtbot.waitUntil(lambda: len(project_links.links) == 2, timeout=3000)
    assert [b.text() for b in project_links.links] == ["Kiew", "Kiew-Tage: Eröffnung"]
    window.go_back()
    wait_idle(window)
    assert section.kind == "event" and section.events.editor.record_id == event_id
    window.go_forward()
    wait_idle(window)
    assert section.kind == "project"


def test_from_a_partnership_to_its_projects_and_events_and_back(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], db: Database, sample: Any
) -> None:
    kiew = sample.partnership_ids["Kiew"]
    project_id, _c = create_project(db, ProjectInput(name="Stadtentwicklung", partnership_id=kiew))
    event_id, _c = create_event(
        db,
        EventInput(
            name="65 Jahre Partnerschaft",
            kind="anniversary",
            starts_at=datetime(2026, 12, 23, 17, tzinfo=UTC),
            partnership_id=kiew,
        ),
    )
    window.open_record("partnership", kiew)
    wait_idle(window)
    related = window.section("partnerships").editor.related
    qtbot.waitUntil(lambda: len(related.links) == 2, timeout=3000)
    by_text = {button.text(): button for button in related.links}
    qtbot.mouseClick(by_text["65 Jahre Partnerschaft"], Qt.MouseButton.LeftButton)
    wait_idle(window)
    section = window.section("projects")
    assert window.current_key == "projects" and section.kind == "event"
    assert section.events.editor.record_id == event_id
    links = section.events.editor.related
    qtbot.waitUntil(lambda: len(links.links) == 1, timeout=3000)
    qtbot.mouseClick(links.links[0], Qt.MouseButton.LeftButton)  # back to the partnership
    wait_idle(window)
    assert window.current_key == "partnerships"
    window.open_record("project", project_id)
    wait_idle(window)
    assert section.kind == "project" and section.projects.editor.record_id == project_id


def test_move_an_event_to_the_trash_and_undo(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], db: Database, answers: Any
) -> None:
    event_id, _c = create_event(
        db, EventInput(name="EUROCITIES", starts_at=datetime(2026, 6, 28, 7, tzinfo=UTC))
    )
    window.open_record("event", event_id)
    wait_idle(window)
    section = window.section("projects")
    qtbot.mouseClick(section.events.editor.delete_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert answers.asked == [("delete", "EUROCITIES")]
    assert event_ids(db) == [] and section.events.model.rowCount() == 0
    assert [(i.entity, i.label) for i in trash.trash_items(db)] == [("event", "EUROCITIES")]
    window.undo_action.trigger()
    wait_idle(window)
    assert event_ids(db) == [event_id]
    assert section.kind == "event" and section.events.editor.record_id == event_id


def test_the_search_box_opens_projects_and_events(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    event_id, _c = create_event(
        db, EventInput(name="Fête des Lumières", starts_at=datetime(2026, 12, 8, 17, tzinfo=UTC))
    )
    window.find_action.trigger()
    qtbot.keyClicks(window.search, "lumieres")
    qtbot.waitUntil(window.search.is_settled, timeout=5000)
    assert window.search.model.rowCount() == 1
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    qtbot.keyClick(window.search, Qt.Key.Key_Enter)
    wait_idle(window)
    section = window.section("projects")
    assert window.current_key == "projects" and section.kind == "event"
    assert section.events.editor.record_id == event_id


def test_the_list_on_show_is_remembered(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], tmp_path: Any
) -> None:
    from PySide6.QtCore import QSettings

    section = open_section(window, wait_idle)
    section.switch.setCurrentIndex(1)
    wait_idle(window)
    settings = QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat)
    section.save_state(settings)
    from ui.sections.projects.section import ProjectsSection

    again = ProjectsSection(window.context)
    qtbot.addWidget(again)
    again.restore_state(settings)
    assert again.kind == "event" and again.stack.currentWidget() is again.events
