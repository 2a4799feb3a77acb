"""Moving a person to the trash, and getting them back with undo."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services import lists


def test_delete_to_trash_then_undo_brings_the_person_back(
    qtbot: QtBot,
    sample: Any,
    window: Any,
    wait_idle: Callable[[Any], None],
    db: Database,
    answers: Any,
) -> None:
    window.go_to("people")
    wait_idle(window)
    section = window.section("people")
    person_id = sample.person_ids["Bērziņa"]
    section.show_record(person_id)
    wait_idle(window)
    section.table.setFocus()
    qtbot.keyClick(section.table, Qt.Key.Key_Delete)
    wait_idle(window)

    assert answers.asked == [("delete", "Inese Bērziņa")]
    assert person_id not in lists.person_ids(db)
    assert section.model.row_of(person_id) is None
    assert section.model.rowCount() == 2
    assert "Moved “Inese Bērziņa” to the trash" in window.statusBar().currentMessage()
    assert window.undo_action.text() == "&Undo Move to trash: Inese Bērziņa"

    window.undo_action.trigger()
    wait_idle(window)
    assert person_id in lists.person_ids(db)
    assert section.model.row_of(person_id) is not None
    assert section.current_id() == person_id  # the restored person is shown again
    assert section.editor.record_id == person_id


def test_declining_the_confirmation_keeps_the_person(
    sample: Any, window: Any, wait_idle: Callable[[Any], None], db: Database, answers: Any
) -> None:
    answers.delete = False
    window.go_to("people")
    wait_idle(window)
    section = window.section("people")
    section.show_record(sample.person_ids["Koval"])
    wait_idle(window)
    window.delete_action.trigger()
    wait_idle(window)
    assert answers.asked == [("delete", "Olena Koval")]
    assert sample.person_ids["Koval"] in lists.person_ids(db)


def test_undo_of_an_edit_reloads_the_open_editor(
    qtbot: QtBot, sample: Any, window: Any, wait_idle: Callable[[Any], None]
) -> None:
    window.go_to("people")
    wait_idle(window)
    section = window.section("people")
    section.show_record(sample.person_ids["Koval"])
    wait_idle(window)
    qtbot.keyClicks(section.editor.lines["function"], "Mayor")
    section.save()
    wait_idle(window)
    assert section.editor.lines["function"].text() == "Mayor"
    window.undo()
    wait_idle(window)
    assert section.editor.lines["function"].text() == ""
    assert "Undone: Undo: Edit person: Olena Koval" in window.statusBar().currentMessage()


def test_an_ampersand_in_a_name_is_shown_not_made_a_shortcut(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    from crm.services.organisations import OrganisationInput, create_organisation
    from crm.services.people import AffiliationInput, PersonInput, create_person

    organisation_id, _ = create_organisation(db, OrganisationInput(name="Müller & Söhne"))
    person_id, _ = create_person(
        db,
        PersonInput(
            family_name="Müller & Co",
            affiliations=[AffiliationInput(organisation_id=organisation_id)],
        ),
    )
    window.go_to("people")
    wait_idle(window)
    section = window.section("people")
    section.show_record(person_id)
    wait_idle(window)
    section.table.setFocus()
    qtbot.keyClick(section.table, Qt.Key.Key_Delete)
    wait_idle(window)
    assert window.undo_action.text() == "&Undo Move to trash: Müller && Co"
