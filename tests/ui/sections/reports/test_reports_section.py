"""The Reports section: choose a report, preview it (built on the worker), print it, save it as
PDF; mistakes in the form and refusals of the report builder are said plainly."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services.office import OfficeProfile, save_profile
from tests.ui.conftest import Sample
from tests.ui.sections.delegations.visit_helpers import liepaja_office, saved_visit
from tests.ui.sections.reports.conftest import Output
from tests.ui.sections.reports.fake_reports import FakeReports, pdf_page_count
from ui.sections.reports.building import ReportOptions
from ui.sections.reports.section import ReportsSection

WAIT_MS = 5000


def open_reports(window: Any, wait_idle: Callable[[Any], None]) -> ReportsSection:
    window.go_to("reports")
    wait_idle(window)
    section = window.section("reports")
    assert isinstance(section, ReportsSection)
    return section


def preview(qtbot: QtBot, window: Any, section: ReportsSection, wait: Any) -> None:
    qtbot.mouseClick(section.preview_button, Qt.MouseButton.LeftButton)
    wait(window)


def test_the_section_is_offered_and_previews_a_report_built_on_the_worker(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    fake_reports: FakeReports,
) -> None:
    assert window.sidebar.is_available("reports")
    section = open_reports(window, wait_idle)
    assert section.kind.value() == "partnerships"
    assert "Every partnership" in section.description.text()
    assert section.pane.preview.page_count() == 0

    preview(qtbot, window, section, wait_idle)

    assert fake_reports.calls == [ReportOptions("partnerships", language="de", page_size="A4")]
    assert fake_reports.threads[0] is not threading.main_thread()
    shown = section.pane.preview
    assert shown.page_count() == 2
    assert shown.page_label.text() == "Page 1 of 2"
    assert not section.pane.banner.isVisible()
    qtbot.waitUntil(shown.all_visible_drawn, timeout=WAIT_MS)


def test_language_and_paper_follow_the_office(
    qtbot: QtBot,
    db: Database,
    window: Any,
    wait_idle: Callable[[Any], None],
    fake_reports: FakeReports,
) -> None:
    save_profile(db, OfficeProfile(office_name="Office of Houston", country="US", language="en"))
    section = open_reports(window, wait_idle)
    assert (section.language.value(), section.paper.value()) == ("en", "Letter")
    preview(qtbot, window, section, wait_idle)
    assert fake_reports.calls[-1].language == "en"
    assert fake_reports.calls[-1].page_size == "Letter"

    # What the user chooses stays, even when the office profile changes meanwhile.
    section.language.setCurrentIndex(0)
    section.language.activated.emit(0)
    window.context.announce(save_profile(db, OfficeProfile(country="DE", language="en")))
    wait_idle(window)
    assert (section.language.value(), section.paper.value()) == ("de", "A4")


def test_the_evaluation_asks_for_a_period(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    fake_reports: FakeReports,
) -> None:
    section = open_reports(window, wait_idle)
    section.kind.set_value("evaluation")
    assert section.since_field.isVisible() and section.until_field.isVisible()
    assert section.since.date_value() == date(date.today().year, 1, 1)
    section.since.set_date(date(2025, 7, 1))
    section.until.set_date(date(2025, 6, 30))
    preview(qtbot, window, section, wait_idle)
    assert fake_reports.calls == []
    assert section.until_field.error.text() == "The period ends before it begins."

    section.until.clear()
    preview(qtbot, window, section, wait_idle)
    assert section.until_field.error.text() == "Enter a date."
    assert fake_reports.calls == []

    section.until.set_date(date(2025, 12, 31))
    preview(qtbot, window, section, wait_idle)
    assert fake_reports.calls == [
        ReportOptions("evaluation", since=date(2025, 7, 1), until=date(2025, 12, 31))
    ]
    assert not section.until_field.error.isVisible()


def test_the_gift_register_may_have_a_period(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    fake_reports: FakeReports,
) -> None:
    section = open_reports(window, wait_idle)
    section.kind.set_value("gifts")
    assert section.since.text() == "" and section.until.text() == ""
    assert section.since_field.caption.text() == "Fro&m (optional)"
    preview(qtbot, window, section, wait_idle)
    section.since.set_date(date(2024, 1, 1))
    preview(qtbot, window, section, wait_idle)
    assert [(c.kind, c.since, c.until) for c in fake_reports.calls] == [
        ("gifts", None, None),
        ("gifts", date(2024, 1, 1), None),
    ]


def test_a_contact_sheet_for_people_and_organisations_chosen_by_name(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    fake_reports: FakeReports,
    sample: Sample,
) -> None:
    section = open_reports(window, wait_idle)
    section.kind.set_value("contacts")
    assert section.contacts_of_field.isVisible() and section.delegation_field.isVisible()
    assert not section.people_field.isVisible()
    preview(qtbot, window, section, wait_idle)
    assert section.delegation_field.error.text() == "Choose the delegation from the list."

    section.contacts_of.set_value("selection")
    assert section.people_field.isVisible() and section.organisations_field.isVisible()
    assert not section.delegation_field.isVisible()
    preview(qtbot, window, section, wait_idle)
    assert section.people_field.error.text() == "Choose at least one person or organisation."
    assert fake_reports.calls == []

    pick_first(qtbot, section.people.picker, "Bērz")
    qtbot.waitUntil(lambda: len(section.people.records()) == 1, timeout=WAIT_MS)
    pick_first(qtbot, section.organisations.picker, "Leipzig")
    qtbot.waitUntil(lambda: len(section.organisations.records()) == 1, timeout=WAIT_MS)
    assert section.people.records() == [(sample.person_ids["Bērziņa"], "Inese Bērziņa")]
    preview(qtbot, window, section, wait_idle)
    assert fake_reports.calls == [
        ReportOptions(
            "contacts",
            person_ids=(sample.person_ids["Bērziņa"],),
            organisation_ids=(sample.organisation_id,),
        )
    ]
    # A chip's button takes the person off the sheet again.
    chip = section.people._chips[0]
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert section.people.ids() == ()


def pick_first(qtbot: QtBot, picker: Any, text: str) -> None:
    picker.window().activateWindow()
    picker.setFocus()
    qtbot.waitUntil(picker.hasFocus, timeout=2000)
    for char in text:
        if char.isascii():
            qtbot.keyClicks(picker, char)
        else:
            picker.insert(char)
            picker.textEdited.emit(picker.text())
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def test_a_refusal_of_the_builder_is_said_plainly(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    fake_reports: FakeReports,
    output: Output,
) -> None:
    section = open_reports(window, wait_idle)
    preview(qtbot, window, section, wait_idle)
    assert section.pane.preview.page_count() == 2
    fake_reports.error = "not yet"
    section.kind.set_value("gifts")
    preview(qtbot, window, section, wait_idle)
    assert section.pane.banner.isVisible()
    assert section.pane.banner.text() == "not yet"
    assert section.pane.preview.page_count() == 0
    assert section.pane.preview.message.text() == "The report could not be made."
    assert window.statusBar().currentMessage() == "not yet"
    # Nothing to print or save then: the builder is asked again, and refuses again.
    qtbot.mouseClick(section.pane.save_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert output.asked == []
    assert len(fake_reports.calls) == 3

    fake_reports.error = None
    preview(qtbot, window, section, wait_idle)
    assert not section.pane.banner.isVisible()
    assert section.pane.preview.page_count() == 2


def test_save_writes_the_pdf_on_screen(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    fake_reports: FakeReports,
    output: Output,
) -> None:
    section = open_reports(window, wait_idle)
    preview(qtbot, window, section, wait_idle)
    shown = section.pane.preview.pdf_data()
    qtbot.mouseClick(section.pane.save_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    saved = output.folder / "report.pdf"
    assert saved.read_bytes() == shown
    assert pdf_page_count(saved) == 2
    assert len(fake_reports.calls) == 1, "the preview's PDF is saved, not built again"
    kind, suggested = output.asked[0]
    assert kind == "save"
    assert suggested.name.startswith("Partnership overview ")
    assert window.statusBar().currentMessage() == f"Saved as {saved}."


def test_save_and_print_build_the_report_when_the_form_changed(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    fake_reports: FakeReports,
    output: Output,
) -> None:
    section = open_reports(window, wait_idle)
    section.kind.set_value("gifts")
    fake_reports.pages = 3
    qtbot.mouseClick(section.pane.save_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert [call.kind for call in fake_reports.calls] == ["gifts"]
    assert pdf_page_count(output.folder / "report.pdf") == 3
    assert section.pane.preview.page_count() == 3, "what was saved is also shown"

    section.paper.set_value("Letter")
    qtbot.mouseClick(section.pane.print_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert [call.page_size for call in fake_reports.calls] == ["A4", "Letter"]
    assert output.kinds() == ["save", "print"]
    assert pdf_page_count(output.printed) == 3


def test_print_sends_the_chosen_pages_and_ctrl_p_prints(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    fake_reports: FakeReports,
    output: Output,
) -> None:
    section = open_reports(window, wait_idle)
    fake_reports.pages = 4
    preview(qtbot, window, section, wait_idle)

    def second_and_third(printer: QPrinter) -> None:
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 3)

    output.set_up_printer = second_and_third
    pages = section.pane.preview.scroll_area
    pages.setFocus()
    qtbot.keyClick(pages, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    wait_idle(window)
    assert output.asked == [("print", 4)]
    assert pdf_page_count(output.printed) == 2
    assert window.statusBar().currentMessage() == "Sent to the printer."
    assert len(fake_reports.calls) == 1


def test_print_cancelled_prints_nothing(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    fake_reports: FakeReports,
    output: Output,
) -> None:
    output.print_accepted = False
    section = open_reports(window, wait_idle)
    preview(qtbot, window, section, wait_idle)
    qtbot.mouseClick(section.pane.print_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert output.kinds() == ["print"]
    assert not output.printed.exists()


def test_the_preview_follows_changes_to_the_records(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    fake_reports: FakeReports,
    sample: Sample,
) -> None:
    from crm.services.partnerships import PartnershipInput, create_partnership

    section = open_reports(window, wait_idle)
    preview(qtbot, window, section, wait_idle)
    _id, changes = create_partnership(
        window.context.db, PartnershipInput(city_name="Brno", country="CZ")
    )
    window.context.announce(changes)  # while the section is on screen: built again now
    wait_idle(window)
    assert len(fake_reports.calls) == 2
    assert section.pane.preview.page_count() == 2

    window.go_to("partnerships")
    wait_idle(window)
    _id, changes = create_partnership(
        window.context.db, PartnershipInput(city_name="Addis Abeba", country="ET")
    )
    window.context.announce(changes)
    wait_idle(window)
    assert len(fake_reports.calls) == 2, "not while another section is shown"
    window.go_to("reports")
    wait_idle(window)
    assert len(fake_reports.calls) == 3


def test_the_chosen_report_is_remembered(
    qtbot: QtBot, window: Any, wait_idle: Callable[[Any], None], db: Database
) -> None:
    from ui.main_window import MainWindow

    section = open_reports(window, wait_idle)
    section.kind.set_value("gifts")
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.set_database(db)
    wait_idle(again)
    again.go_to("reports")
    wait_idle(again)
    assert again.section("reports").kind.value() == "gifts"
    again.close()


def test_the_real_report_builder_when_it_is_there(
    qtbot: QtBot,
    window: Any,
    wait_idle: Callable[[Any], None],
    db: Database,
) -> None:
    pytest.importorskip("crm.reports.briefing")
    ids = liepaja_office(db)
    delegation_id = saved_visit(db, ids)
    section = open_reports(window, wait_idle)
    section.kind.set_value("briefing")
    assert section.confidential.isVisible()
    section.delegation.set_value(delegation_id, "Liepāja city council (2026)")
    section.confidential.setChecked(True)
    preview(qtbot, window, section, wait_idle)
    assert not section.pane.banner.isVisible(), section.pane.banner.text()
    assert section.pane.preview.page_count() >= 1
    qtbot.waitUntil(section.pane.preview.all_visible_drawn, timeout=WAIT_MS)
