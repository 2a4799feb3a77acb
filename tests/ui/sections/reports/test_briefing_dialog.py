"""From a delegation, its briefing: the Briefing… button (or Ctrl+P) in the delegation's header
opens the briefing's preview, to print or save; unsaved changes are saved first."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services.delegations import get_delegation
from crm.services.office import OfficeProfile, save_profile
from tests.ui.sections.delegations.visit_helpers import liepaja_office, saved_visit
from tests.ui.sections.reports.conftest import Output
from tests.ui.sections.reports.fake_reports import FakeReports, pdf_page_count
from ui.sections.reports.briefing_dialog import BriefingDialog
from ui.sections.reports.building import ReportOptions

WAIT_MS = 5000


def briefing_dialogs() -> list[BriefingDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, BriefingDialog)]


@pytest.fixture
def delegation(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> tuple[Any, int]:
    delegation_id = saved_visit(db, liepaja_office(db))
    window.go_to("delegations")
    wait_idle(window)
    section = window.section("delegations")
    section.show_record(delegation_id)
    wait_idle(window)
    return section.editor, delegation_id


def open_dialog(qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None]) -> BriefingDialog:
    qtbot.waitUntil(lambda: len(briefing_dialogs()) == 1, timeout=WAIT_MS)
    dialog = briefing_dialogs()[0]
    wait_idle(window)
    return dialog


def test_the_briefing_button_opens_the_preview(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    fake_reports: FakeReports,
    delegation: tuple[Any, int],
) -> None:
    editor, delegation_id = delegation
    button = editor.briefing_button
    assert button.isVisible()
    assert button.text() == "&Briefing…"
    buttons = editor.header.buttons
    # Just before Move to trash and Save.
    assert buttons.indexOf(button) == buttons.indexOf(editor.header.delete_button) - 1
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, window, wait_idle)

    assert dialog.windowTitle() == "Briefing: Liepāja city council"
    assert fake_reports.calls == [ReportOptions("briefing", delegation_id=delegation_id)]
    assert dialog.pane.preview.page_count() == 2
    qtbot.waitUntil(dialog.pane.preview.all_visible_drawn, timeout=WAIT_MS)
    dialog.close()


def test_ctrl_p_in_the_delegation_opens_it_too(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    fake_reports: FakeReports,
    delegation: tuple[Any, int],
) -> None:
    editor, _delegation_id = delegation
    editor.lines["hotel"].setFocus()
    qtbot.keyClick(editor.lines["hotel"], Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = open_dialog(qtbot, window, wait_idle)
    assert dialog.pane.preview.page_count() == 2
    dialog.close()
    qtbot.waitUntil(lambda: briefing_dialogs() == [], timeout=WAIT_MS)

    # From the list beside the editor as well.
    table = window.section("delegations").table
    window.activateWindow()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=WAIT_MS)
    qtbot.keyClick(table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = open_dialog(qtbot, window, wait_idle)
    dialog.close()


def test_ctrl_p_elsewhere_opens_no_briefing(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    fake_reports: FakeReports,
    delegation: tuple[Any, int],
) -> None:
    window.go_to("partnerships")
    wait_idle(window)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    wait_idle(window)
    assert briefing_dialogs() == []
    assert fake_reports.calls == []


def test_language_paper_and_confidential_make_it_again(
    qtbot: QtBot,
    db: Database,
    window: Any,
    wait_idle: Callable[[Any], None],
    fake_reports: FakeReports,
    delegation: tuple[Any, int],
) -> None:
    save_profile(db, OfficeProfile(language="en", country="CA"))
    editor, delegation_id = delegation
    editor.open_briefing()
    dialog = open_dialog(qtbot, window, wait_idle)
    assert fake_reports.calls[-1] == ReportOptions(
        "briefing", language="en", page_size="Letter", delegation_id=delegation_id
    )
    qtbot.mouseClick(dialog.confidential, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert fake_reports.calls[-1].confidential
    dialog.language.set_value("de")
    wait_idle(window)
    dialog.paper.set_value("A4")
    wait_idle(window)
    assert fake_reports.calls[-1] == ReportOptions(
        "briefing", language="de", page_size="A4", delegation_id=delegation_id, confidential=True
    )
    assert len(fake_reports.calls) == 4
    dialog.close()


def test_print_and_save_from_the_briefing(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    fake_reports: FakeReports,
    output: Output,
    delegation: tuple[Any, int],
) -> None:
    editor, _delegation_id = delegation
    fake_reports.pages = 3
    editor.open_briefing()
    dialog = open_dialog(qtbot, window, wait_idle)
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    wait_idle(window)
    assert pdf_page_count(output.printed) == 3
    qtbot.mouseClick(dialog.pane.save_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert output.kinds() == ["print", "save"]
    assert output.asked[1][1].name == "Briefing – Liepāja city council.pdf"
    assert pdf_page_count(output.folder / "report.pdf") == 3
    assert len(fake_reports.calls) == 1
    dialog.close()


def test_unsaved_changes_are_saved_before_the_briefing(
    qtbot: QtBot,
    db: Database,
    window: Any,
    wait_idle: Callable[[Any], None],
    fake_reports: FakeReports,
    delegation: tuple[Any, int],
) -> None:
    editor, delegation_id = delegation
    editor.lines["hotel"].setText("Hotel Fürstenhof")
    assert editor.is_dirty()
    qtbot.mouseClick(editor.briefing_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, window, wait_idle)
    assert get_delegation(db, delegation_id).hotel == "Hotel Fürstenhof"
    assert not editor.is_dirty()
    assert fake_reports.calls == [ReportOptions("briefing", delegation_id=delegation_id)]
    dialog.close()


def test_the_briefing_follows_edits_of_the_visit(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    fake_reports: FakeReports,
    delegation: tuple[Any, int],
) -> None:
    editor, _delegation_id = delegation
    editor.open_briefing()
    dialog = open_dialog(qtbot, window, wait_idle)
    editor.lines["hotel"].setText("Hotel Fürstenhof")
    editor.save()
    wait_idle(window)
    assert len(fake_reports.calls) == 2
    assert dialog.pane.preview.page_count() == 2
    dialog.close()


def test_a_form_with_mistakes_opens_no_briefing(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    fake_reports: FakeReports,
    delegation: tuple[Any, int],
) -> None:
    editor, _delegation_id = delegation
    editor.start_date.setText("31.02.2026")
    editor.open_briefing()
    wait_idle(window)
    assert briefing_dialogs() == []
    assert fake_reports.calls == []


def test_the_builder_refusing_is_said_in_the_dialog(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    fake_reports: FakeReports,
    delegation: tuple[Any, int],
) -> None:
    fake_reports.error = "not yet"
    editor, _delegation_id = delegation
    editor.open_briefing()
    dialog = open_dialog(qtbot, window, wait_idle)
    assert dialog.pane.banner.isVisible()
    assert dialog.pane.banner.text() == "not yet"
    assert dialog.pane.preview.page_count() == 0
    dialog.close()


def test_the_real_briefing_when_it_is_there(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    delegation: tuple[Any, int],
) -> None:
    pytest.importorskip("crm.reports.briefing")
    editor, _delegation_id = delegation
    editor.open_briefing()
    dialog = open_dialog(qtbot, window, wait_idle)
    qtbot.waitUntil(lambda: not dialog.pane.is_busy(), timeout=WAIT_MS)
    assert not dialog.pane.banner.isVisible(), dialog.pane.banner.text()
    assert dialog.pane.preview.page_count() >= 1
    dialog.close()
