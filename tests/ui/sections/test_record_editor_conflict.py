"""Saving a record someone else saved meanwhile: the editor notices (expected_version), says
who saved it, when and what (from the history), and the user chooses: reload, keep editing, or
save theirs over. Two Database objects on one file stand for two Liaison processes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services import (
    correspondence,
    delegations,
    events,
    history,
    organisations,
    partnerships,
    people,
    projects,
)
from crm.services.unit import current_actor
from tests.ui.conftest import DialogRecorder
from ui import dialogs
from ui.dialogs import ConflictChoice

WAIT_MS = 5000
REAL_CONFLICT = dialogs.conflict  # before the tests' recorder replaces it


@pytest.fixture
def other(db_path: Path, db: Database) -> Iterator[Database]:
    """The second process's connection to the same file."""
    second = Database.open(db_path)
    assert not getattr(second, "read_only", False)
    yield second
    second.close()


@dataclass(frozen=True)
class Kind:
    name: str
    editor: str  # module:class
    make: Callable[[Database], int]
    get: Callable[[Database, int], Any]
    update: Callable[..., Any]


def _person(db: Database) -> int:
    person_id, _c = people.create_person(
        db, people.PersonInput(family_name="Goldfuß", given_name="Gabriele", function="Officer")
    )
    return person_id


def _organisation(db: Database) -> int:
    record_id, _c = organisations.create_organisation(
        db, organisations.OrganisationInput(name="Stadt Leipzig")
    )
    return record_id


def _partnership(db: Database) -> int:
    record_id, _c = partnerships.create_partnership(
        db, partnerships.PartnershipInput(city_name="Kiew", country="UA", since_year=1961)
    )
    return record_id


def _delegation(db: Database) -> int:
    record_id, _c = delegations.create_delegation(
        db,
        delegations.DelegationInput(
            title="Delegation aus Kiew", start_date=date(2027, 5, 3), end_date=date(2027, 5, 6)
        ),
    )
    return record_id


def _correspondence(db: Database) -> int:
    record_id, _c = correspondence.create_correspondence(
        db, correspondence.CorrespondenceInput(subject="Einladung", date=date(2026, 11, 2))
    )
    return record_id


def _project(db: Database) -> int:
    record_id, _c = projects.create_project(db, projects.ProjectInput(name="Jugendaustausch"))
    return record_id


def _event(db: Database) -> int:
    record_id, _c = events.create_event(
        db,
        events.EventInput(
            name="Partnerschaftsfest", starts_at=datetime(2027, 6, 1, 17, tzinfo=UTC)
        ),
    )
    return record_id


KINDS = [
    Kind(
        "person",
        "ui.sections.people.editor:PersonEditor",
        _person,
        people.get_person,
        people.update_person,
    ),
    Kind(
        "organisation",
        "ui.sections.organisations.editor:OrganisationEditor",
        _organisation,
        organisations.get_organisation,
        organisations.update_organisation,
    ),
    Kind(
        "partnership",
        "ui.sections.partnerships.editor:PartnershipEditor",
        _partnership,
        partnerships.get_partnership,
        partnerships.update_partnership,
    ),
    Kind(
        "delegation",
        "ui.sections.delegations.editor:DelegationEditor",
        _delegation,
        delegations.get_delegation,
        delegations.update_delegation,
    ),
    Kind(
        "correspondence",
        "ui.sections.correspondence.editor:CorrespondenceEditor",
        _correspondence,
        correspondence.get_correspondence,
        correspondence.update_correspondence,
    ),
    Kind(
        "project",
        "ui.sections.projects.project_editor:ProjectEditor",
        _project,
        projects.get_project,
        projects.update_project,
    ),
    Kind(
        "event",
        "ui.sections.projects.event_editor:EventEditor",
        _event,
        events.get_event,
        events.update_event,
    ),
]


def input_of(detail: Any) -> Any:
    if hasattr(detail, "to_input"):
        return detail.to_input()
    fields = {name: getattr(detail, name) for name in organisations.TEXT_FIELDS}
    return organisations.OrganisationInput(**fields)


def save_elsewhere(other: Database, kind: Kind, record_id: int, text_field: str, text: str) -> None:
    """The other process opens the record, changes one text field and saves it properly."""
    detail = kind.get(other, record_id)
    data = input_of(detail)
    setattr(data, text_field, text)
    kind.update(other, record_id, data, expected_version=detail.version)


def name_field(detail: Any) -> str:
    for name in ("family_name", "city_name", "name", "title", "subject"):
        if hasattr(detail, name):
            return name
    raise AssertionError(detail)


def notes_field(detail: Any) -> str:
    for name in ("notes", "description", "summary", "purpose"):
        if hasattr(detail, name):
            return name
    raise AssertionError(detail)


def open_editor(qtbot: QtBot, context: Any, kind: Kind, record_id: int) -> Any:
    module_name, class_name = kind.editor.split(":")
    module = __import__(module_name, fromlist=[class_name])
    editor = getattr(module, class_name)(context)
    qtbot.addWidget(editor)
    editor.resize(900, 800)
    editor.show()
    with qtbot.waitSignal(editor.shown, timeout=WAIT_MS):
        editor.load(record_id)
    return editor


def wait_idle(qtbot: QtBot, context: Any) -> None:
    qtbot.waitUntil(context.worker.is_idle, timeout=WAIT_MS)


def type_mine(qtbot: QtBot, editor: Any, name: str, text: str) -> None:
    """Add to the record's name in the form, as a user would."""
    lines = getattr(editor, "lines", {})
    line = lines[name] if name in lines else getattr(editor, name)
    assert isinstance(line, QLineEdit), type(line)
    line.setFocus()
    line.end(False)
    qtbot.keyClicks(line, text)
    assert editor.is_dirty()


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
def test_every_editor_notices_a_save_elsewhere_and_can_save_over_it(
    qtbot: QtBot,
    db: Database,
    other: Database,
    context: Any,
    answers: DialogRecorder,
    kind: Kind,
) -> None:
    record_id = kind.make(db)
    editor = open_editor(qtbot, context, kind, record_id)
    loaded = kind.get(db, record_id)
    name, notes = name_field(loaded), notes_field(loaded)
    original_name = getattr(loaded, name)

    save_elsewhere(other, kind, record_id, notes, "Their note")
    type_mine(qtbot, editor, name, " (mine)")
    answers.conflict_choice = ConflictChoice.SAVE_MINE
    editor.save()
    wait_idle(qtbot, context)
    qtbot.waitUntil(lambda: not editor._saving, timeout=WAIT_MS)
    wait_idle(qtbot, context)

    # The editor sent the version it had loaded: the other save was noticed, with who and what.
    assert answers.kinds() == ["conflict"]
    message = answers.asked[0][1]
    assert "changed by someone else meanwhile" in message
    assert f"Saved by {current_actor()} at " in message
    # Saved over: the form's content (the name typed, the note as the form showed it).
    saved = kind.get(other, record_id)
    assert getattr(saved, name) == f"{original_name} (mine)"
    assert getattr(saved, notes) == getattr(loaded, notes)
    assert saved.version > loaded.version
    # Recorded in the history as an edit like any other: their note replaced by the form's.
    events = history.record_history(other, kind.name, record_id)
    assert [event.change.action for event in events][:2] == ["update", "update"]
    newest = {change.field: change for change in events[0].change.fields}
    assert newest[name].new == f"{original_name} (mine)"
    assert newest[notes].old == "Their note"
    assert not editor.is_dirty()


@pytest.fixture
def person_editor(qtbot: QtBot, db: Database, context: Any) -> tuple[Any, int]:
    person_id = _person(db)
    return open_editor(qtbot, context, KINDS[0], person_id), person_id


def _conflict(
    qtbot: QtBot, context: Any, other: Database, editor: Any, person_id: int
) -> people.PersonDetail:
    save_elsewhere(other, KINDS[0], person_id, "function", "Head of Office")
    editor.lines["family_name"].setText("Goldfuß-Berg")
    assert editor.is_dirty()
    editor.save()
    wait_idle(qtbot, context)
    qtbot.waitUntil(lambda: not editor._saving, timeout=WAIT_MS)
    wait_idle(qtbot, context)
    return people.get_person(other, person_id)


def test_reload_shows_theirs_and_drops_mine(
    qtbot: QtBot,
    other: Database,
    context: Any,
    answers: DialogRecorder,
    person_editor: tuple[Any, int],
) -> None:
    editor, person_id = person_editor
    answers.conflict_choice = ConflictChoice.RELOAD
    current = _conflict(qtbot, context, other, editor, person_id)
    assert answers.kinds() == ["conflict"]
    assert "Function" in answers.asked[0][1]  # what they changed
    assert current.family_name == "Goldfuß" and current.function == "Head of Office"
    assert editor.lines["function"].text() == "Head of Office"
    assert editor.lines["family_name"].text() == "Goldfuß"
    assert editor.detail.version == current.version
    assert not editor.is_dirty()


def test_keep_editing_changes_nothing(
    qtbot: QtBot,
    other: Database,
    context: Any,
    answers: DialogRecorder,
    person_editor: tuple[Any, int],
) -> None:
    editor, person_id = person_editor
    answers.conflict_choice = ConflictChoice.KEEP_EDITING
    current = _conflict(qtbot, context, other, editor, person_id)
    assert answers.kinds() == ["conflict"]
    assert current.family_name == "Goldfuß" and current.function == "Head of Office"
    assert editor.lines["family_name"].text() == "Goldfuß-Berg"  # the form as it was
    assert editor.lines["function"].text() == "Officer"
    assert editor.is_dirty()
    # Saving again is again a conflict: nothing is overwritten without asking.
    answers.conflict_choice = ConflictChoice.SAVE_MINE
    editor.save()
    wait_idle(qtbot, context)
    qtbot.waitUntil(lambda: not editor._saving, timeout=WAIT_MS)
    wait_idle(qtbot, context)
    assert answers.kinds() == ["conflict", "conflict"]
    saved = people.get_person(other, person_id)
    assert saved.family_name == "Goldfuß-Berg" and saved.function == "Officer"


def test_save_mine_meets_a_third_save_and_asks_again(
    qtbot: QtBot,
    other: Database,
    context: Any,
    answers: DialogRecorder,
    person_editor: tuple[Any, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Between reading the current version and saving over it someone saves again: that is a
    conflict too, and asked about, not overwritten."""
    editor, person_id = person_editor
    choices = iter([ConflictChoice.SAVE_MINE, ConflictChoice.KEEP_EDITING])
    asked: list[str] = []

    def conflict(_parent: Any, message: str, saved_meanwhile: str = "") -> ConflictChoice:
        asked.append(saved_meanwhile)
        return next(choices)

    monkeypatch.setattr(dialogs, "conflict", conflict)
    real_get = people.get_person

    def get_then_someone_saves(db: Database, record_id: int) -> people.PersonDetail:
        detail = real_get(db, record_id)
        if len(asked) == 1:  # the editor reads the current version to save over it
            save_elsewhere(other, KINDS[0], person_id, "function", "Mayor's Office")
        return detail

    monkeypatch.setattr(editor, "load_function", lambda: get_then_someone_saves)
    current = _conflict(qtbot, context, other, editor, person_id)
    assert len(asked) == 2
    assert current.function == "Mayor's Office" and current.family_name == "Goldfuß"
    assert editor.is_dirty()


def test_the_dialog_offers_three_choices(qtbot: QtBot) -> None:
    """The real dialog: each button gives its choice (clicked from a timer while it is open)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    texts = {
        "Reload": ConflictChoice.RELOAD,
        "Keep editing": ConflictChoice.KEEP_EDITING,
        "Save mine anyway": ConflictChoice.SAVE_MINE,
    }
    seen: list[QMessageBox] = []
    for text, choice in texts.items():

        def click(text: str = text) -> None:
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox)
            seen.append(box)
            buttons = {b.text(): b for b in box.findChildren(QPushButton)}
            assert set(texts) <= set(buttons)
            buttons[text].click()

        QTimer.singleShot(0, click)
        answer = REAL_CONFLICT(
            parent, "Goldfuß was changed by someone else meanwhile.", "Saved by anna at 10:12."
        )
        assert answer is choice
    assert "Saved by anna at 10:12." in seen[0].informativeText()
    assert seen[0].defaultButton().text() == "Reload"


def test_a_press_on_the_save_button_after_a_conflict_is_not_lost(
    qtbot: QtBot,
    other: Database,
    context: Any,
    answers: DialogRecorder,
    person_editor: tuple[Any, int],
) -> None:
    """Save mine, through the button, as the user does."""
    editor, person_id = person_editor
    answers.conflict_choice = ConflictChoice.SAVE_MINE
    save_elsewhere(other, KINDS[0], person_id, "function", "Head of Office")
    editor.lines["family_name"].setText("Goldfuß-Berg")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context)
    qtbot.waitUntil(lambda: not editor._saving, timeout=WAIT_MS)
    wait_idle(qtbot, context)
    saved = people.get_person(other, person_id)
    assert saved.family_name == "Goldfuß-Berg" and saved.function == "Officer"
    assert editor.lines["family_name"].text() == "Goldfuß-Berg"
