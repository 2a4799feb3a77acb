"""The import wizard driven like a user: File ▸ Import…, a file, the columns, the check with
an action per record, the import with progress (and Cancel), the report saved as text."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QStyleOptionViewItem, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from crm.db.database import Database
from crm.db.models import Operation, Person
from crm.io import import_write
from crm.io.import_check import Action
from crm.io.import_source import check_source, open_source
from crm.services.contact_points import ContactPointInput
from crm.services.people import PersonInput, create_person
from ui.import_wizard import check_page, file_page
from ui.import_wizard.check_model import ACTION, CHOICES_ROLE, ActionDelegate, CheckModel
from ui.import_wizard.wizard import CHECK_PAGE, FILE_PAGE, MAPPING_PAGE, REPORT_PAGE, ImportWizard

DATA = Path(__file__).resolve().parents[2] / "crm" / "io" / "data"
WAIT_MS = 10_000


def people_count(db: Database) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(Person)) or 0)


def operations(db: Database) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(Operation)) or 0)


def the_wizard() -> ImportWizard:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportWizard)]
    assert len(found) == 1
    return found[0]


@pytest.fixture
def choose_file(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    def choose(path: Path) -> None:
        monkeypatch.setattr(file_page, "choose_import_file", lambda _parent: str(path))

    return choose


def open_file(qtbot: QtBot, wizard: ImportWizard, path: Path) -> None:
    wizard.file_page.choose.click()
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=WAIT_MS)


def go_to_check(qtbot: QtBot, wizard: ImportWizard) -> None:
    wizard.next()
    if wizard.currentId() == MAPPING_PAGE:
        wizard.next()
    assert wizard.currentId() == CHECK_PAGE
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=WAIT_MS)


def test_vcards_from_the_file_menu(
    qtbot: QtBot,
    window: Any,
    db: Database,
    choose_file: Callable[[Path], None],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    create_person(
        db,
        PersonInput(
            family_name="Reinhardt",
            given_name="Klaus",
            contact_points=[ContactPointInput("email", "klaus.reinhardt@darmstadt.de")],
        ),
    )
    window.go_to("people")
    qtbot.waitUntil(window.worker.is_idle, timeout=WAIT_MS)
    assert window.import_action.isEnabled()
    choose_file(DATA / "outlook_21.vcf")
    window.import_action.trigger()
    wizard = the_wizard()
    assert wizard.kind == "people" and wizard.file_page.people.isChecked()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    open_file(qtbot, wizard, DATA / "outlook_21.vcf")
    assert wizard.file_page.status.text() == "vCard file with 3 cards"
    go_to_check(qtbot, wizard)  # a vCard has no columns to match
    page = wizard.check_page
    assert page.summary.text() == "2 to create · 0 to update · 1 to skip · 0 rejected"
    model = page.model
    assert [model.index(row, 1).data() for row in range(3)] == [
        "Dr. Gabriele Goldfuß",
        "Klaus Reinhardt",
        "Natalja Vecvagare",
    ]
    assert model.index(1, ACTION).data() == "Skip"
    assert model.index(1, 3).data() == "Klaus Reinhardt (similar name, same email address)"
    # The user updates Klaus Reinhardt instead, with the combo box of his row.
    delegate = page.table.itemDelegateForColumn(ACTION)
    assert isinstance(delegate, ActionDelegate)
    editor = delegate.createEditor(page.table.viewport(), QStyleOptionViewItem(), model.index(1, 2))
    assert isinstance(editor, QComboBox)
    assert [editor.itemText(i) for i in range(editor.count())] == [
        "Create new",
        "Update “Klaus Reinhardt”",
        "Skip",
    ]
    delegate.setEditorData(editor, model.index(1, ACTION))
    assert editor.currentText() == "Skip"
    editor.setCurrentIndex(1)
    delegate.setModelData(editor, model, model.index(1, ACTION))
    editor.deleteLater()
    assert model.index(1, ACTION).data() == "Update “Klaus Reinhardt”"
    assert page.summary.text() == "2 to create · 1 to update · 0 to skip · 0 rejected"
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.text() == "Import" and commit.isEnabled()
    commit.click()
    qtbot.waitUntil(lambda: wizard.currentId() == REPORT_PAGE, timeout=WAIT_MS)
    report_page = wizard.report_page
    assert report_page.summary.text() == "Created: 2 · Updated: 1 · Skipped: 0 · Rejected: 0"
    assert "1 photo was left out" in report_page.notes.text()
    assert "Line 36 (card 2): updated – Klaus Reinhardt – into “Klaus Reinhardt”" in (
        report_page.text.toPlainText()
    )
    assert people_count(db) == 3
    # The list shows the new people without being asked.
    people = window.sections["people"]
    qtbot.waitUntil(lambda: people.model.rowCount() == 3, timeout=WAIT_MS)
    assert window.statusBar().currentMessage().startswith("Import of people from outlook_21.vcf")
    # The report, saved as text.
    target = tmp_path / "report.txt"
    monkeypatch.setattr(check_page, "choose_report_path", lambda _parent, _name: str(target))
    report_page.save_button.click()
    assert target.read_text(encoding="utf-8").startswith("Import of people from outlook_21.vcf\n")
    assert report_page.saved.text() == "The report was saved."
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()
    wizard.button(QWizard.WizardButton.FinishButton).click()


def test_columns_of_a_german_excel_file(
    qtbot: QtBot, window: Any, db: Database, choose_file: Callable[[Path], None]
) -> None:
    choose_file(DATA / "excel_de.csv")
    window.import_records()
    wizard = the_wizard()
    open_file(qtbot, wizard, DATA / "excel_de.csv")
    assert wizard.file_page.status.text() == (
        "CSV file (Windows-1252, separated by “;”) with 4 rows"
    )
    wizard.next()
    assert wizard.currentId() == MAPPING_PAGE
    page = wizard.mapping_page
    assert [page.columns.item(row, 0).text() for row in range(3)] == [
        "Nachname",
        "Vorname",
        "Titel",
    ]
    assert page.columns.item(0, 1).text() == "Bärwald · Weiß · Schröder"
    assert [combo.currentText() for combo in page.combos[:3]] == [
        "Family name",
        "Given name",
        "Title (Dr., Prof.)",
    ]
    assert page.preview.horizontalHeaderItem(0).text() == "Nachname\n→ Family name"
    assert page.preview.item(0, 0).text() == "Bärwald"
    # Without a name column the wizard cannot go on.
    page.combos[0].setCurrentIndex(page.combos[0].findData(""))
    assert not page.isComplete() and page.warning.isVisibleTo(page)
    assert page.preview.horizontalHeaderItem(0).text() == "Nachname\n–"
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.combos[0].setCurrentIndex(page.combos[0].findData("family_name"))
    assert page.isComplete()
    go_to_check(qtbot, wizard)
    model = wizard.check_page.model
    assert [model.index(row, 0).data() for row in range(4)] == ["2", "3", "4", "5"]
    assert model.index(1, 4).data().startswith("“sophie.weiss@leipzig” is not an email")
    assert model.index(1, ACTION).data() == "Rejected"
    assert not model.flags(model.index(1, ACTION)) & Qt.ItemFlag.ItemIsEditable
    # Only the rejected records, then all again.
    filter_combo = wizard.check_page.filter
    filter_combo.setCurrentIndex(filter_combo.findData("rejected"))
    assert model.rowCount() == 3
    filter_combo.setCurrentIndex(filter_combo.findData("all"))
    # Back to the columns: the choices are kept, the check is made again.
    wizard.back()
    assert wizard.currentId() == MAPPING_PAGE and wizard.plan is None
    go_to_check(qtbot, wizard)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == REPORT_PAGE, timeout=WAIT_MS)
    assert people_count(db) == 1
    wizard.close()


def test_a_file_that_cannot_be_read(
    qtbot: QtBot, window: Any, choose_file: Callable[[Path], None], tmp_path: Path
) -> None:
    path = tmp_path / "notes.docx"
    path.write_bytes(b"not a contact list")
    choose_file(path)
    window.import_records()
    wizard = the_wizard()
    wizard.file_page.choose.click()
    qtbot.waitUntil(lambda: "cannot import" in wizard.file_page.status.text() or (
        "is not a file" in wizard.file_page.status.text()), timeout=WAIT_MS)  # fmt: skip
    assert wizard.file_page.status.objectName() == "fieldError"
    assert not wizard.file_page.isComplete()
    wizard.close()


def test_cancel_during_the_import_stores_nothing(
    qtbot: QtBot,
    window: Any,
    db: Database,
    choose_file: Callable[[Path], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = (people_count(db), operations(db))
    started, release = threading.Event(), threading.Event()
    real_create = import_write._Writer.create

    def slow_create(self: Any, batch: Any) -> list[int]:
        started.set()
        release.wait(WAIT_MS / 1000)
        return real_create(self, batch)

    monkeypatch.setattr(import_write._Writer, "create", slow_create)
    choose_file(DATA / "android_21.vcf")
    window.import_records()
    wizard = the_wizard()
    open_file(qtbot, wizard, DATA / "android_21.vcf")
    go_to_check(qtbot, wizard)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(started.is_set, timeout=WAIT_MS)
    run = wizard.check_page.run
    assert run is not None
    run.cancel()
    release.set()
    qtbot.waitUntil(lambda: run.finished, timeout=WAIT_MS)
    assert wizard.currentId() == CHECK_PAGE
    assert wizard.check_page.cancelled.text() == "Cancelled; nothing was changed."
    assert (people_count(db), operations(db)) == before
    wizard.close()


def test_import_from_the_lists_context_menu(
    qtbot: QtBot, window: Any, choose_file: Callable[[Path], None]
) -> None:
    for key, kind in (("people", "people"), ("organisations", "organisations")):
        window.go_to(key)
        qtbot.waitUntil(window.worker.is_idle, timeout=WAIT_MS)
        section = window.sections[key]
        entries = [a.text() for a in section.context_menu_actions() if a is not None]
        assert "Import…" in entries
        action = next(a for a in section.context_menu_actions() if a and a.text() == "Import…")
        action.trigger()
        wizard = the_wizard()
        assert wizard.kind == kind
        assert wizard.currentId() == FILE_PAGE
        wizard.close()
        wizard.deleteLater()
        qtbot.waitUntil(
            lambda: not [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportWizard)],
            timeout=WAIT_MS,
        )
    window.go_to("partnerships")
    qtbot.waitUntil(window.worker.is_idle, timeout=WAIT_MS)
    entries = [a.text() for a in window.sections["partnerships"].context_menu_actions() if a]
    assert "Import…" not in entries


def test_the_check_model(qtmodeltester: Any, db: Database) -> None:
    create_person(
        db,
        PersonInput(
            family_name="Ozols",
            given_name="Kārlis",
            contact_points=[ContactPointInput("mobile", "+37129876543")],
        ),
    )
    plan = check_source(db, open_source(DATA / "broken.vcf"), "people")
    model = CheckModel()
    model.set_plan(plan)
    qtmodeltester.check(model)
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "Card 1"
    assert model.index(1, ACTION).data(CHOICES_ROLE) == [("reject", "Rejected")]
    model.set_filter("problems")
    assert model.rowCount() == 3
    qtmodeltester.check(model)
    plan = check_source(db, open_source(DATA / "android_21.vcf"), "people")
    model.set_filter("all")
    model.set_plan(plan)
    assert plan.records[1].action == Action.SKIP  # Kārlis Ozols' mobile is known
    assert model.choose_rows([0, 1, 2], Action.UPDATE) == 1
    assert plan.records[1].action == Action.UPDATE
    assert not model.setData(model.index(0, ACTION), "update:999")
    assert model.setData(model.index(0, ACTION), "skip")
    qtmodeltester.check(model)
