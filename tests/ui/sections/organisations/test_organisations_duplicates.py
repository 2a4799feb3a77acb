"""Organisations entered twice: the question before saving a new one, and “Merge into…”."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services import organisation_lists
from crm.services.organisations import OrganisationInput, create_organisation, get_organisation
from crm.services.people import AffiliationInput, PersonInput, create_person, get_person
from ui.widgets.duplicate_dialog import DuplicateChoice


def open_organisations(window: Any, wait_idle: Callable[[Any], None]) -> Any:
    window.go_to("organisations")
    wait_idle(window)
    return window.section("organisations")


def test_a_similar_name_is_asked_about_and_saved_anyway(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    db: Database,
    sample: Any,
    questions: Any,
) -> None:
    questions.duplicates = DuplicateChoice.SAVE
    section = open_organisations(window, wait_idle)
    window.new_action.trigger()
    qtbot.keyClicks(
        section.editor.lines["name"], "STADT LEIPZIG, Referat Internationale Zusammenarbeit"
    )
    window.save_action.trigger()
    wait_idle(window)
    [(question, (kind, found))] = questions.asked
    assert (question, kind) == ("duplicates", "organisation")
    assert [(d.id, d.reasons) for d in found] == [(sample.organisation_id, ("name",))]
    wait_idle(window)
    assert len(organisation_lists.organisation_ids(db)) == 2
    assert not section.editor.is_new


def test_merge_into_moves_the_people_and_updates_the_list(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    db: Database,
    sample: Any,
    questions: Any,
) -> None:
    twin, _changes = create_organisation(db, OrganisationInput("Referat IZ", city="Leipzig"))
    person, _changes = create_person(
        db, PersonInput("Wendler", "Thomas", affiliations=[AffiliationInput(twin, "Officer")])
    )
    section = open_organisations(window, wait_idle)
    assert section.model.rowCount() == 2
    section.show_record(twin)
    wait_idle(window)
    questions.keep = sample.organisation_id
    section.editor.merge_button.action.trigger()
    wait_idle(window)
    wait_idle(window)

    assert questions.kinds() == ["pick", "confirm"]
    preview = questions.asked[1][1]
    assert preview.moves == ("1 person who works there",)
    assert preview.filled == ("city",)
    assert [a.organisation_id for a in get_person(db, person).affiliations] == [
        sample.organisation_id
    ]
    assert get_organisation(db, sample.organisation_id).city == "Leipzig"
    assert section.model.rowCount() == 1 and section.model.row_of(twin) is None
    assert section.filter_bar.count.text() == "1 organisation"
    editor = section.editor
    assert editor.record_id == sample.organisation_id
    names = [p.person_name for p in get_organisation(db, sample.organisation_id).people]
    assert "Thomas Wendler" in names
