"""The gift register, read back from the PDF: every gift by date with value, giver, receiver,
visit and partnership; the totals each way; a period."""

from __future__ import annotations

from datetime import date

import pytest
from pdf_tools import pdf_text
from report_checks import flat, german, missing, not_embedded, readable
from reports_fixture import MARKUP_GIVER, PERIOD, BuiltReports

from crm.db.database import Database
from crm.reports import ReportRequest, build_report
from crm.reports.gifts_data import read_gifts
from crm.reports.report_data import Period

ALL_GIFTS = [  # by date
    "Amber brooch",  # 2024-06-04, the briefing's earlier visit
    "Meissen vase",  # 2025-03-10
    "Petrykivka painting",
    "Bildband Leipzig",  # 2025-10-20
    "Seidentuch",  # no date of its own: its visit's, 2025-10-20
    "Teeservice",  # 2025-10-21
    "Porcelain plate with the city view",  # 2026-09-07
]


def gifts(db: Database, language: str = "en", **options: object) -> bytes:
    return build_report(db, ReportRequest("gifts", language=language, **options))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def register(reports_office: BuiltReports) -> bytes:
    db = Database.open(reports_office.path)
    try:
        return gifts(db)
    finally:
        db.close()


def layout_lines(pdf: bytes) -> list[str]:
    return [flat(line) for line in pdf_text(pdf, "-layout").splitlines()]


def test_every_gift_by_date(register: bytes) -> None:
    text = readable(register)
    positions = [text.index(description) for description in ALL_GIFTS]
    assert positions == sorted(positions)
    assert "All dates · 7 gifts" in text


def test_value_giver_receiver_visit_and_partnership(register: bytes) -> None:
    assert (
        missing(
            register,
            [
                "€180.00",
                "€35.50",
                "CN¥1,200.00",
                "City of Liepāja",
                "Київ",
                MARKUP_GIVER,
                "Jānis Ķēniņš",
                "Arbeitsbesuch aus Kyjiw",
                "Delegationsreise nach Nanjing",
                "Outgoing visit to Liepāja 2024",
                "Delegation from Liepāja and friends",
                "Kiew",
                "Nanjing",
                "Liepāja",
                "visit date",
            ],
        )
        == []
    )
    lines = layout_lines(register)
    assert any(line.startswith("10/03/2025 Given by us Meissen vase €180.00") for line in lines)
    assert any(
        line.startswith("21/10/2025 Received Teeservice Müller & Söhne <GmbH>") for line in lines
    )


def test_totals_per_direction_and_currency(register: bytes) -> None:
    lines = layout_lines(register)
    assert "Given by us 3 1 €215.50" in lines  # the plate has no value
    assert "Received 4 3 CN¥1,200.00" in lines
    assert "All gifts 7 4 CN¥1,200.00" in lines and "€215.50" in lines
    assert "A gift without a date of its own is listed on its visit's first day." in readable(
        register
    )


def test_a_period(reports_db: Database) -> None:
    pdf = gifts(reports_db, since=PERIOD[0], until=PERIOD[1])
    text = readable(pdf)
    assert "1 January 2025 – 31 December 2025 · 5 gifts" in text
    assert "Amber brooch" not in text and "Porcelain plate" not in text
    assert "Seidentuch" in text  # by its visit's date
    lines = layout_lines(pdf)
    assert "Given by us 2 0 €215.50" in lines


def test_open_ended_periods(reports_db: Database) -> None:
    since = read_gifts(reports_db, Period(date(2025, 10, 20), None))
    assert [gift.description for gift in since.gifts] == [
        "Bildband Leipzig",
        "Seidentuch",
        "Teeservice",
        "Porcelain plate with the city view",
    ]
    until = read_gifts(reports_db, Period(None, date(2025, 3, 10)))
    assert [gift.description for gift in until.gifts] == [
        "Amber brooch",
        "Meissen vase",
        "Petrykivka painting",
    ]
    assert "from 20 October 2025" in flat(pdf_text(gifts(reports_db, since=date(2025, 10, 20))))


def test_an_empty_period(reports_db: Database) -> None:
    pdf = gifts(reports_db, since=date(2030, 1, 1), until=date(2030, 12, 31))
    assert "No gifts are recorded for this period." in flat(pdf_text(pdf))


def test_fonts_embedded(register: bytes) -> None:
    assert not_embedded(register) == []


HEADINGS = ("Gift register", "Gifts by date", "Totals", "Visit and partnership")


def test_english_and_german_headings(register: bytes, reports_db: Database) -> None:
    text = flat(pdf_text(register))
    assert [heading for heading in HEADINGS if heading not in text] == []
    deutsch = flat(pdf_text(gifts(reports_db, "de")))
    assert [heading for heading in HEADINGS if german(heading) not in deutsch] == []
    for word in (
        "Geschenkeverzeichnis",
        "Von uns überreicht",
        "Erhalten",
        "180,00 €",
        "Seite 1 von",
    ):
        assert word in deutsch
    assert "10.03.2025" in deutsch
