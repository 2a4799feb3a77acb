"""A new person who is probably there already: the editor asks before saving; and “Merge into…”
for two records of one person."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services import lists
from crm.services.delegations import DelegationInput, MemberInput, create_delegation, get_delegation
from crm.services.people import get_person
from crm.services.trash import trash_items
from ui.widgets.duplicate_dialog import DuplicateChoice


def new_person(qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], email: str) -> Any:
    window.go_to("people")
    wait_idle(window)
    section = window.section("people")
    window.new_action.trigger()
    editor = section.editor
    qtbot.keyClicks(editor.lines["given_name"], "Ilze")
    qtbot.keyClicks(editor.lines["family_name"], "Ozola")
    qtbot.mouseClick(editor.contacts.add_button, Qt.MouseButton.LeftButton)
    row = editor.contacts.rows[0]
    row.kind.set_value("email")
    qtbot.keyClicks(row.value, email)
    window.save_action.trigger()
    wait_idle(window)
    return section


def test_an_existing_email_is_asked_about_and_open_shows_that_person(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    db: Database,
    sample: Any,
    questions: Any,
) -> None:
    questions.duplicates = DuplicateChoice.OPEN
    section = new_person(qtbot, window, wait_idle, "INESE@example.org")
    [(question, (kind, found))] = questions.asked
    assert (question, kind) == ("duplicates", "person")
    inese = sample.person_ids["Bērziņa"]
    assert [(d.id, d.label, d.reasons) for d in found] == [(inese, "Inese Bērziņa", ("email",))]
    wait_idle(window)
    assert len(lists.person_ids(db)) == 3  # nothing new was saved
    assert section.editor.record_id == inese and not section.editor.is_new
    assert section.editor.title.text() == "Inese Bērziņa"
    assert section.current_id() == inese
    assert not section.editor.is_dirty()


def test_save_anyway_creates_the_person(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    db: Database,
    sample: Any,
    questions: Any,
) -> None:
    questions.duplicates = DuplicateChoice.SAVE
    section = new_person(qtbot, window, wait_idle, "inese@example.org")
    assert [kind for kind, _found in questions.asked] == ["duplicates"]
    ids = lists.person_ids(db)
    assert len(ids) == 4
    [created] = set(ids) - set(sample.person_ids.values())
    assert get_person(db, created).display_name == "Ilze Ozola"
    assert section.editor.record_id == created and not section.editor.is_new


def test_cancel_goes_back_to_the_form(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    db: Database,
    sample: Any,
    questions: Any,
) -> None:
    section = new_person(qtbot, window, wait_idle, "inese@example.org")
    assert len(questions.asked) == 1
    assert len(lists.person_ids(db)) == 3
    editor = section.editor
    assert editor.is_new and editor.is_dirty()
    assert editor.lines["family_name"].text() == "Ozola"


def test_no_question_without_a_likely_duplicate_nor_when_editing(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    db: Database,
    sample: Any,
    questions: Any,
) -> None:
    section = new_person(qtbot, window, wait_idle, "ilze.ozola@liepaja.lv")
    assert questions.asked == []
    assert len(lists.person_ids(db)) == 4
    # Editing a person whose name another one shares is no new record: saved at once.
    section.show_record(sample.person_ids["Koval"])
    wait_idle(window)
    qtbot.keyClicks(section.editor.lines["function"], "Mayor")
    window.save_action.trigger()
    wait_idle(window)
    assert questions.asked == []
    assert get_person(db, sample.person_ids["Koval"]).function == "Mayor"


def test_merge_into_moves_the_links_and_shows_the_kept_person(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    db: Database,
    sample: Any,
    questions: Any,
) -> None:
    koval, inese = sample.person_ids["Koval"], sample.person_ids["Bērziņa"]
    visit, _changes = create_delegation(
        db,
        DelegationInput(
            "Kyiv delegation",
            start_date=get_person(db, koval).created_at.date(),
            end_date=get_person(db, koval).created_at.date(),
            members=[MemberInput(koval, "Deputy mayor", 2)],
        ),
    )
    window.go_to("people")
    wait_idle(window)
    section = window.section("people")
    editor = section.editor
    window.new_action.trigger()
    assert not editor.merge_button.action.isEnabled()  # a new person: nothing to merge yet
    editor.show_placeholder()
    section.show_record(koval)
    wait_idle(window)
    assert editor.merge_button.button.isEnabled()
    assert editor.merge_button.action.isEnabled()
    assert editor.merge_button.action.text() == "Merge into…"
    # Merge first; the GDPR actions (export, erase) follow it in the menu.
    assert editor.merge_button.button.menu().actions()[0] == editor.merge_button.action
    questions.keep = inese
    editor.merge_button.action.trigger()
    wait_idle(window)
    wait_idle(window)

    pick, confirm = questions.asked
    assert pick == ("pick", ("person", koval, "Olena Koval"))
    preview = confirm[1]
    assert (preview.keep_label, preview.merge_label) == ("Inese Bērziņa", "Olena Koval")
    assert "1 delegation" in preview.moves
    # The links moved, the merged person is in the trash and out of the list.
    assert [m.person_id for m in get_delegation(db, visit).members] == [inese]
    assert "olena@example.org" in [p.value for p in get_person(db, inese).contact_points]
    assert ("person", koval) in {(i.entity, i.entity_id) for i in trash_items(db)}
    assert section.model.row_of(koval) is None
    assert section.filter_bar.count.text() == "2 people"
    # The kept person is on screen, and the merge can be undone.
    assert editor.record_id == inese and editor.title.text() == "Inese Bērziņa"
    assert section.current_id() == inese
    assert window.undo_action.text() == "&Undo Merge “Olena Koval” into “Inese Bērziņa”"


def test_merge_cancelled_changes_nothing(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    db: Database,
    sample: Any,
    questions: Any,
) -> None:
    koval = sample.person_ids["Koval"]
    window.go_to("people")
    wait_idle(window)
    section = window.section("people")
    section.show_record(koval)
    wait_idle(window)
    questions.keep, questions.merge = sample.person_ids["Goldfuß"], False
    section.editor.merge_button.action.trigger()
    wait_idle(window)
    assert [kind for kind, _what in questions.asked] == ["pick", "confirm"]
    assert get_person(db, koval).display_name == "Olena Koval"
    assert section.editor.record_id == koval
    questions.asked.clear()
    questions.keep = None  # the picker cancelled
    section.editor.merge_button.action.trigger()
    wait_idle(window)
    assert [kind for kind, _what in questions.asked] == ["pick"]
