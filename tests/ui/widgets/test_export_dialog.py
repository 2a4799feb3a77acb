"""Export… from the lists: File ▸ Export… and the list's context menu, the dialog's choices,
the file written through the worker, a selection of rows, and Cancel leaving no file."""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from ui.widgets import export_dialog
from ui.widgets.export_dialog import ExportDialog

WAIT_MS = 5000


@pytest.fixture
def chosen_paths(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Any]:
    """The file dialog answered with a file in out/ (named like the suggestion); the
    suggestions are kept. Put None in the list to answer Cancel."""
    folder = tmp_path / "out"
    folder.mkdir()
    answers: list[Any] = []

    def choose(_parent: Any, suggested: Path, format_: str) -> str | None:
        answers.append(suggested)
        if None in answers[:-1]:
            return None
        return str(folder / suggested.name)

    monkeypatch.setattr(export_dialog, "choose_export_path", choose)
    return answers


def open_dialog(window: Any, key: str, wait_idle: Callable[[Any], None]) -> ExportDialog:
    window.go_to(key)
    wait_idle(window)
    window.export_action.trigger()
    dialog = window.sections[key]._export_dialog
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    return dialog


def rows_of(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_file_export_writes_the_list(
    qtbot: QtBot,
    window: Any,
    sample: Any,
    wait_idle: Callable[[Any], None],
    chosen_paths: list[Any],
    tmp_path: Path,
) -> None:
    section_key = "people"
    dialog = open_dialog(window, section_key, wait_idle)
    assert dialog.format.value() == "csv"
    assert not dialog.chosen.isVisible()
    assert "3 people" in dialog.whole.text()
    section = window.sections[section_key]
    with qtbot.waitSignal(section.exported, timeout=WAIT_MS) as exported:
        dialog.export_button.click()
    path = Path(exported.args[0])
    assert chosen_paths[0].name.startswith("people-") and path.suffix == ".csv"
    assert not dialog.isVisible()
    rows = rows_of(path)
    assert [row[3] for row in rows[1:]] == ["Bērziņa", "Goldfuß", "Koval"]
    wait_idle(window)
    assert "Exported 3 records" in window.statusBar().currentMessage()


def test_the_rows_chosen_as_vcards(
    qtbot: QtBot,
    window: Any,
    sample: Any,
    wait_idle: Callable[[Any], None],
    chosen_paths: list[Any],
) -> None:
    import vobject
    from PySide6.QtCore import QItemSelectionModel

    window.go_to("people")
    wait_idle(window)
    section = window.sections["people"]
    selection = section.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (0, 2):
        selection.select(section.model.index(row, 0), flags)
    assert len(section.selected_ids()) == 2
    section.export_list()
    dialog = section._export_dialog
    assert dialog.chosen.isVisible() and dialog.chosen.isChecked()
    dialog.format.set_value("vcf")
    assert dialog.vcard_version.isVisibleTo(dialog) and not dialog.separator.isVisibleTo(dialog)
    dialog.vcard_version.set_value("4.0")
    with qtbot.waitSignal(section.exported, timeout=WAIT_MS) as exported:
        dialog.start_export()
    cards = list(vobject.readComponents(Path(exported.args[0]).read_text("utf-8")))
    assert sorted(card.n.value.family for card in cards) == ["Bērziņa", "Koval"]
    assert {card.version.value for card in cards} == {"4.0"}


def test_cancelling_the_file_dialog_keeps_the_dialog(
    window: Any, sample: Any, wait_idle: Callable[[Any], None], chosen_paths: list[Any]
) -> None:
    chosen_paths.append(None)
    dialog = open_dialog(window, "organisations", wait_idle)
    dialog.start_export()
    assert dialog.isVisible()
    assert dialog.run is None


def test_cancel_leaves_no_file(
    qtbot: QtBot,
    window: Any,
    sample: Any,
    wait_idle: Callable[[Any], None],
    chosen_paths: list[Any],
    tmp_path: Path,
) -> None:
    dialog = open_dialog(window, "partnerships", wait_idle)
    dialog.format.set_value("xlsx")
    release = threading.Event()
    window.context.run(lambda _db: release.wait(WAIT_MS / 1000), busy=False)
    dialog.start_export()
    assert dialog.run is not None
    dialog.run.cancel()
    release.set()
    qtbot.waitUntil(lambda: dialog.run is not None and dialog.run.finished, timeout=WAIT_MS)
    wait_idle(window)
    assert list((tmp_path / "out").iterdir()) == []
    assert "Cancelled" in window.statusBar().currentMessage()


def test_context_menu_of_every_list(
    window: Any, sample: Any, wait_idle: Callable[[Any], None]
) -> None:
    for key in ("people", "organisations", "partnerships", "delegations", "correspondence"):
        window.go_to(key)
        wait_idle(window)
        section = window.sections[key]
        texts = [action.text() for action in section.context_menu_actions() if action]
        assert "Export…" in texts, key
        assert window.export_action.isEnabled(), key
    window.go_to("overview")
    wait_idle(window)
    assert not window.export_action.isEnabled()
    window.go_to("projects")
    wait_idle(window)
    projects = window.sections["projects"]
    panes = [child for child in projects.findChildren(object) if hasattr(child, "export_kind")]
    assert panes and all(pane.export_kind() is None for pane in panes)


def test_a_delegation_programme_as_ical(
    qtbot: QtBot,
    window: Any,
    db: Database,
    wait_idle: Callable[[Any], None],
    chosen_paths: list[Any],
) -> None:
    from datetime import UTC, date, datetime

    import icalendar

    from crm.services.delegation_parts import ProgrammeItemInput
    from crm.services.delegations import DelegationInput, create_delegation

    delegation_id, _changes = create_delegation(
        db,
        DelegationInput(
            title="Besuch aus Kyjiw",
            start_date=date(2026, 5, 11),
            end_date=date(2026, 5, 13),
            programme=[
                ProgrammeItemInput(datetime(2026, 5, 12, 8, tzinfo=UTC), "Empfang im Rathaus")
            ],
        ),
    )
    window.open_record("delegation", delegation_id)
    wait_idle(window)
    section = window.sections["delegations"]
    section.export_list()
    dialog = section._export_dialog
    dialog.format.set_value("ics")
    assert dialog.calendar.value() == "programme"
    assert "Besuch aus Kyjiw" in dialog.calendar.currentText()
    assert not dialog.whole.isEnabled()
    with qtbot.waitSignal(section.exported, timeout=WAIT_MS) as exported:
        dialog.start_export()
    assert chosen_paths[-1].name == "Besuch aus Kyjiw.ics"
    calendar = icalendar.Calendar.from_ical(Path(exported.args[0]).read_bytes())
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Empfang im Rathaus"
