"""The people of an organisation, shown under its editor: one click opens a person."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services.people import AffiliationInput, get_person, update_person
from crm.services.trash import delete_to_trash


def open_organisation(window: Any, wait_idle: Callable[[Any], None], organisation_id: int) -> Any:
    window.go_to("organisations")
    wait_idle(window)
    section = window.section("organisations")
    section.show_record(organisation_id)
    wait_idle(window)
    return section


def shown_names(section: Any) -> list[str]:
    return [link.text() for link in section.editor.people.links]


def test_the_people_are_listed_with_their_function_and_phone(
    sample: Any, window: Any, wait_idle: Callable[[Any], None]
) -> None:
    section = open_organisation(window, wait_idle, sample.organisation_id)
    panel = section.editor.people
    assert shown_names(section) == ["Inese Bērziņa", "Gabriele Goldfuß", "Olena Koval"]
    assert section.editor.people_section.title.text() == "People · 3"
    [berzina] = [p for p in panel.people if p.name == "Inese Bērziņa"]
    assert berzina.function == "Officer"
    assert berzina.phone == "+371 63 404 789"
    assert berzina.email == "inese@example.org"
    assert not section.editor.is_dirty()  # showing people does not touch the form


def test_clicking_a_person_opens_them_and_back_returns(
    qtbot: QtBot, sample: Any, window: Any, wait_idle: Callable[[Any], None]
) -> None:
    section = open_organisation(window, wait_idle, sample.organisation_id)
    [koval] = [link for link in section.editor.people.links if link.text() == "Olena Koval"]
    qtbot.mouseClick(koval, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert window.current_key == "people"
    people = window.section("people")
    assert people.editor.record_id == sample.person_ids["Koval"]
    assert people.editor.title.text() == "Olena Koval"

    window.back_action.trigger()
    wait_idle(window)
    assert window.current_key == "organisations"
    assert section.editor.record_id == sample.organisation_id


def test_changes_to_people_show_on_the_organisation(
    sample: Any, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    section = open_organisation(window, wait_idle, sample.organisation_id)
    person_id = sample.person_ids["Koval"]
    detail = get_person(db, person_id)
    data = detail.to_input()
    data.affiliations = [
        AffiliationInput(sample.organisation_id, "Interpreter", end_date=date(2020, 12, 31))
    ]
    window.context.announce(update_person(db, person_id, data, detail.version))
    wait_idle(window)
    # She left: listed after the current people, with the date she left.
    assert shown_names(section)[-1] == "Olena Koval"
    [koval] = [p for p in section.editor.people.people if p.person_id == person_id]
    assert (koval.function, koval.is_former()) == ("Interpreter", True)

    window.context.announce(delete_to_trash(db, "person", sample.person_ids["Goldfuß"]))
    wait_idle(window)
    assert shown_names(section) == ["Inese Bērziņa", "Olena Koval"]
    assert section.editor.people_section.title.text() == "People · 2"
    model = section.model
    row = model.row_of(sample.organisation_id)
    column = [c.key for c in model.columns].index("people")
    assert model.index(row, column).data() == "2"


def test_a_new_organisation_says_where_people_are_added(
    window: Any, wait_idle: Callable[[Any], None]
) -> None:
    window.go_to("organisations")
    wait_idle(window)
    section = window.section("organisations")
    section.new_record()
    wait_idle(window)
    assert section.editor.people.links == []
    assert section.editor.people_section.title.text() == "People"
