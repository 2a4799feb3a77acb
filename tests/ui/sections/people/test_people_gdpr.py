"""The person editor's GDPR parts: the legal basis, "Export personal data…", "Erase person…"
and the retention review reached from the People section."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.gdpr.erasure import ErasurePreview
from crm.gdpr.retention import InactivePerson
from crm.services import lists
from crm.services.people import get_person
from ui.sections.people import gdpr_actions
from ui.sections.people.gdpr_actions import EraseDialog
from ui.sections.people.retention_dialog import RetentionDialog, RetentionModel


def open_person(window: Any, wait_idle: Callable[[Any], None], person_id: int) -> Any:
    window.go_to("people")
    wait_idle(window)
    section = window.section("people")
    section.show_record(person_id)
    wait_idle(window)
    return section


def test_the_legal_basis_is_edited_and_saved(
    qtbot: QtBot, sample: Any, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    person_id = sample.person_ids["Bērziņa"]
    editor = open_person(window, wait_idle, person_id).editor
    assert editor.legal_basis.value() is None
    assert editor.legal_basis.itemText(0) == "Not recorded"
    editor.legal_basis.set_value("consent")
    editor.consent_date.set_date(date(2026, 5, 12))
    qtbot.keyClicks(editor.lines["legal_basis_note"], "Formular beim Empfang")
    assert editor.is_dirty()
    window.save_action.trigger()
    wait_idle(window)
    detail = get_person(db, person_id)
    assert (detail.legal_basis, detail.consent_date, detail.legal_basis_note) == (
        "consent",
        date(2026, 5, 12),
        "Formular beim Empfang",
    )
    assert not editor.is_dirty()


def test_a_consent_date_that_is_no_date_is_marked(
    qtbot: QtBot, sample: Any, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    editor = open_person(window, wait_idle, sample.person_ids["Koval"]).editor
    qtbot.keyClicks(editor.consent_date, "gestern")
    window.save_action.trigger()
    wait_idle(window)
    assert get_person(db, sample.person_ids["Koval"]).consent_date is None
    assert editor.is_dirty()


def test_export_personal_data(
    sample: Any,
    window: Any,
    wait_idle: Callable[[Any], None],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "koval.json"
    asked: list[str] = []

    def choose(_parent: Any, name: str) -> Path:
        asked.append(name)
        return target

    monkeypatch.setattr(gdpr_actions, "choose_export_path", choose)
    editor = open_person(window, wait_idle, sample.person_ids["Koval"]).editor
    assert editor.gdpr.export_action.isEnabled()
    editor.gdpr.export_action.trigger()
    wait_idle(window)
    assert asked == ["Olena Koval"]
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["person"]["family_name"] == "Koval"
    pdf = tmp_path / "koval.pdf"
    monkeypatch.setattr(gdpr_actions, "choose_export_path", lambda _p, _n: pdf)
    editor.gdpr.export_action.trigger()
    wait_idle(window)
    assert pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("confirmed", [False, True])
def test_erase_person(
    confirmed: bool,
    sample: Any,
    window: Any,
    wait_idle: Callable[[Any], None],
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[ErasurePreview] = []

    def confirm(_parent: Any, preview: ErasurePreview) -> bool:
        shown.append(preview)
        return confirmed

    monkeypatch.setattr(gdpr_actions, "confirm_erasure", confirm)
    person_id = sample.person_ids["Goldfuß"]
    section = open_person(window, wait_idle, person_id)
    section.editor.gdpr.erase_action.trigger()
    wait_idle(window)
    [preview] = shown
    assert preview.name == "Gabriele Goldfuß"
    assert preview.counts["contact_points"] == 2 and preview.counts["affiliations"] == 1
    wait_idle(window)
    if not confirmed:
        assert person_id in lists.person_ids(db)
        return
    assert person_id not in lists.person_ids(db)
    assert section.editor.currentIndex() == 0  # the placeholder
    assert section.model.row_of(person_id) is None
    assert b"Goldfu" not in Path(str(db.path)).read_bytes()
    assert window.undo_action.isEnabled() is False or "Goldfuß" not in window.undo_action.text()


def test_the_erase_dialog_wants_the_name(qtbot: QtBot) -> None:
    preview = ErasurePreview(
        person_id=7,
        name="Inese Bērziņa",
        in_trash=False,
        counts={"contact_points": 2, "delegation_members": 1, "gifts": 0},
    )
    dialog = EraseDialog(preview)
    qtbot.addWidget(dialog)
    assert not dialog.erase_button.isEnabled()
    qtbot.keyClicks(dialog.typed, "Inese")
    assert not dialog.erase_button.isEnabled()
    qtbot.keyClicks(dialog.typed, " berzina")  # case and diacritics do not matter
    assert dialog.erase_button.isEnabled()


def _rows() -> list[InactivePerson]:
    return [
        InactivePerson(1, "Gabriele Goldfuß", "Referentin", date(2015, 1, 2), "record"),
        InactivePerson(2, "Олена Коваль", None, date(2019, 6, 30), "correspondence"),
    ]


def test_the_retention_model(qtmodeltester: Any) -> None:
    model = RetentionModel()
    qtmodeltester.check(model)
    model.set_rows(_rows())
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 4
    assert model.index(1, 3).data() == "Correspondence"
    assert model.index(1, 0).data(Qt.ItemDataRole.UserRole) == 2
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Last activity"


def test_the_retention_review_lists_and_opens(
    qtbot: QtBot, sample: Any, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    quiet = sample.person_ids["Koval"]
    with db.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE people SET created_at = '2012-01-01', updated_at = '2012-01-01' WHERE id = ?",
            (quiet,),
        )
        connection.exec_driver_sql(
            "UPDATE operations SET at = '2012-01-01' WHERE id IN (SELECT operation_id FROM "
            "changes WHERE entity = 'person' AND entity_id = ?)",
            (quiet,),
        )
    window.go_to("people")
    wait_idle(window)
    section = window.section("people")
    qtbot.mouseClick(section.retention_button, Qt.MouseButton.LeftButton)
    dialog: RetentionDialog = section.retention_dialog
    wait_idle(window)
    wait_idle(window)
    assert dialog.years.value() == 5
    assert [row.id for row in dialog.model.rows] == [quiet]
    assert dialog.count.text() == "1 person to review"
    with qtbot.waitSignal(window.context.open_record) as opened:
        dialog.open_person(0)
    assert opened.args == ["person", quiet]
    dialog.years.setValue(20)
    wait_idle(window)
    assert dialog.model.rows == [] and dialog.keep_button.isEnabled()
    dialog.keep_button.click()
    wait_idle(window)
    from crm.gdpr.retention import get_years

    assert get_years(db) == 20 and not dialog.keep_button.isEnabled()
    dialog.close()
