"""The Overview as the office sees it in the morning: what is coming up, what is due, and
each line one click (or Enter) away from its record."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.db.models import (
    Correspondence,
    Delegation,
    Event,
    PartnerCity,
    Partnership,
    ProgrammeItem,
)
from crm.services.partnerships import PartnershipInput, create_partnership
from ui.sections.overview import section as overview_module
from ui.sections.overview.cards import Card, Line, LineWidget
from ui.sections.overview.section import OverviewSection

TODAY = date(2026, 11, 22)
WAIT_MS = 5000


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(overview_module, "today", lambda: TODAY)


@pytest.fixture
def overview(qtbot: QtBot, context: Any) -> Iterator[OverviewSection]:
    section = OverviewSection(context)
    qtbot.addWidget(section)
    section.resize(1200, 900)
    section.show()
    section.activate()
    wait(qtbot, context)
    yield section


def wait(qtbot: QtBot, context: Any) -> None:
    qtbot.waitUntil(context.worker.is_idle, timeout=WAIT_MS)


def add_letters(db: Database, follow_ups: list[tuple[str, date, str]]) -> dict[str, int]:
    ids = {}
    with db.write_session() as session, session.begin():
        for number, (subject, follow_up, status) in enumerate(follow_ups, start=1):
            letter = Correspondence(
                direction="incoming",
                channel="letter",
                date=day(-30),
                reference=f"IZ-2026-{number:04d}",
                subject=subject,
                counterpart_text="Generalkonsulat der Sozialistischen Republik Vietnam",
                follow_up_date=follow_up,
                status=status,
            )
            session.add(letter)
            session.flush()
            ids[subject] = letter.id
    return ids


def add_visit(db: Database) -> int:
    with db.write_session() as session, session.begin():
        city = PartnerCity(name="Herzliya", name_native="הרצליה", country="IL", sort_name="h")
        partnership = Partnership(partner_city=city, kind="twin_city", since_year=2011)
        visit = Delegation(
            title="Besuch aus Herzliya",
            direction="incoming",
            start_date=day(2),
            end_date=day(4),
            status="confirmed",
        )
        session.add_all([partnership, visit])
        session.flush()
        visit.partnership_id = partnership.id
        starts = datetime.combine(day(3), time(9, 0)).astimezone(UTC)
        visit.programme.append(
            ProgrammeItem(starts_at=starts, title="Eintrag ins Goldene Buch", kind="golden_book")
        )
        session.flush()
        return visit.id


def texts(card: Card) -> list[str]:
    return [widget.line.text for widget in card.line_widgets]


def test_a_fresh_office_sees_a_friendly_sentence_in_every_card(overview: OverviewSection) -> None:
    assert overview.date_label.text() == "Sunday, 22 November 2026"
    for card in overview.cards:
        assert card.empty.isVisible(), card.title.text()
        assert card.line_widgets == []
        assert not card.more.isVisible()
        assert not card.count.isVisible()
    assert overview.follow_ups.empty.text() == "Nothing to follow up: every letter is answered."


def test_an_overdue_follow_up_is_shown_and_opens_its_letter_with_a_click(
    qtbot: QtBot, context: Any, db: Database
) -> None:
    ids = add_letters(
        db,
        [
            ("Programmentwurf zur Abstimmung", day(-3), "open"),
            ("Antwort steht aus", day(1), "waiting"),
            ("Erledigt", day(-3), "done"),
            ("Noch nicht fällig", day(9), "open"),
        ],
    )
    section = OverviewSection(context)
    qtbot.addWidget(section)
    section.resize(1200, 900)
    section.show()
    section.activate()
    wait(qtbot, context)
    card = section.follow_ups
    assert texts(card) == ["Programmentwurf zur Abstimmung", "Antwort steht aus"]
    assert card.count.text() == "2"
    overdue, soon = card.line_widgets
    assert overdue.tag.text() == "3 days overdue"
    assert overdue.tag.property("tone") == "warn"
    assert soon.tag.text() == "in 1 day"
    assert "IZ-2026-0001" in overdue.detail.text()
    with qtbot.waitSignal(context.open_record, timeout=WAIT_MS) as opened:
        qtbot.mouseClick(overdue, Qt.MouseButton.LeftButton)
    assert opened.args == ["correspondence", ids["Programmentwurf zur Abstimmung"]]


def test_the_agenda_groups_a_visit_by_day_and_enter_opens_the_delegation(
    qtbot: QtBot, context: Any, db: Database
) -> None:
    visit_id = add_visit(db)
    section = OverviewSection(context)
    qtbot.addWidget(section)
    section.resize(1200, 900)
    section.show()
    section.activate()
    wait(qtbot, context)
    groups = [
        label.text()
        for label in section.upcoming.findChildren(type(section.title), "overviewGroup")
    ]
    assert groups == ["Tuesday, 24 November", "Wednesday, 25 November", "Thursday, 26 November"]
    lines = section.upcoming.line_widgets
    assert [(w.line.text, w.line.tag) for w in lines] == [
        ("Besuch aus Herzliya", "Arrival"),
        ("Eintrag ins Goldene Buch", ""),
        ("Besuch aus Herzliya", "Departure"),
    ]
    assert lines[0].line.detail == "Herzliya"
    golden_book = lines[1]
    section.activateWindow()
    golden_book.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(golden_book.hasFocus, timeout=WAIT_MS)
    with qtbot.waitSignal(context.open_record, timeout=WAIT_MS) as opened:
        qtbot.keyClick(golden_book, Qt.Key.Key_Return)
    assert opened.args == ["delegation", visit_id]


def test_a_change_announced_while_shown_appears_in_recent_changes(
    qtbot: QtBot, overview: OverviewSection, context: Any, db: Database
) -> None:
    partnership_id, changes = create_partnership(
        db, PartnershipInput(city_name="Travnik", country="BA", since_year=2003)
    )
    context.announce(changes)
    qtbot.waitUntil(lambda: bool(overview.recent.line_widgets), timeout=WAIT_MS)
    line = overview.recent.line_widgets[0]
    assert "Travnik" in line.line.text
    assert line.line.lead  # when: the history's own clock, not the fixed day
    with qtbot.waitSignal(context.open_record, timeout=WAIT_MS) as opened:
        qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    assert opened.args == ["partnership", partnership_id]
    # Travnik was never evaluated and is more than five years old.
    assert texts(overview.evaluations) == ["Travnik"]
    assert overview.evaluations.line_widgets[0].line.detail == "never evaluated"


def test_round_anniversaries_show_the_years(
    qtbot: QtBot, context: Any, db: Database, overview: OverviewSection
) -> None:
    for city, year in (("Pays des Herbiers", 1996), ("Kiew", 1961), ("Moskau", 2016)):
        create_partnership(
            db,
            PartnershipInput(
                city_name=city,
                country="FR",
                since_year=year,
                status="suspended" if city == "Moskau" else "active",
            ),
        )
    overview.activate()  # shown again: it reads afresh
    wait(qtbot, context)
    assert [(w.line.lead, w.line.text) for w in overview.anniversaries.line_widgets] == [
        ("30 years", "Pays des Herbiers")
    ]


def test_a_long_list_shows_its_first_lines_and_all_on_request(
    qtbot: QtBot, context: Any, db: Database
) -> None:
    add_letters(db, [(f"Brief {n:02d}", day(-n), "open") for n in range(1, 10)])
    section = OverviewSection(context)
    qtbot.addWidget(section)
    section.resize(1200, 900)
    section.show()
    section.activate()
    wait(qtbot, context)
    card = section.follow_ups
    assert len(card.line_widgets) == 6
    assert card.count.text() == "9"
    assert card.more.isVisible() and card.more.text() == "Show all (9)"
    qtbot.mouseClick(card.more, Qt.MouseButton.LeftButton)
    assert len(card.line_widgets) == 9
    assert texts(card)[0] == "Brief 09"  # the longest overdue first
    assert card.more.text() == "Show fewer"
    qtbot.mouseClick(card.more, Qt.MouseButton.LeftButton)
    assert len(card.line_widgets) == 6


def test_a_narrow_window_stacks_the_cards_in_one_column(
    qtbot: QtBot, overview: OverviewSection
) -> None:
    def column_of(card: Card) -> int:
        index = overview.grid.indexOf(card)
        return overview.grid.getItemPosition(index)[1]

    assert column_of(overview.follow_ups) == 1
    overview.resize(700, 900)
    assert {column_of(card) for card in overview.cards} == {0}


def test_a_click_on_a_recent_change_opens_the_record_in_its_section(
    qtbot: QtBot, window: Any, db: Database, wait_idle: Any
) -> None:
    partnership_id, _changes = create_partnership(
        db, PartnershipInput(city_name="Kiew", city_name_native="Київ", country="UA")
    )
    assert window.sidebar.is_available("overview")
    window.go_to("overview")
    wait_idle(window)
    overview = window.section("overview")
    assert window.current_section() is overview
    line = overview.recent.line_widgets[0]
    assert "Kiew" in line.line.text
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert window.current_key == "partnerships"
    assert window.current_section().current_record_id() == partnership_id


def test_lines_without_a_record_are_not_clickable(qtbot: QtBot) -> None:
    widget = LineWidget(Line("today 09:00", "Office profile", "anna"))
    qtbot.addWidget(widget)
    assert not widget.openable
    assert widget.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_an_event_is_on_the_agenda_with_its_kind_and_a_click_opens_it(
    qtbot: QtBot, context: Any, db: Database
) -> None:
    with db.write_session() as session, session.begin():
        event = Event(
            name="4. Asienkonferenz",
            kind="conference",
            starts_at=datetime.combine(day(3), time(9, 0)).astimezone(UTC),
            venue="Kongresshalle am Zoo",
            city="Leipzig",
        )
        session.add(event)
        session.flush()
        event_id = event.id
    section = OverviewSection(context)
    qtbot.addWidget(section)
    section.resize(1200, 900)
    section.show()
    section.activate()
    wait(qtbot, context)
    (line,) = section.upcoming.line_widgets
    assert (line.line.lead, line.line.text, line.line.tag) == (
        "09:00",
        "4. Asienkonferenz",
        "Conference",
    )
    assert line.line.detail == "Kongresshalle am Zoo, Leipzig"
    with qtbot.waitSignal(context.open_record, timeout=WAIT_MS) as opened:
        qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    assert opened.args == ["event", event_id]
