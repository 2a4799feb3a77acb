"""The partnership overview, read back from the PDF: every partnership by city, in every
script, with kind, since, rating, themes, last visit and last correspondence."""

from __future__ import annotations

import re

import pytest
from pdf_tools import pdf_info, pdf_text
from report_checks import flat, german, missing, not_embedded, readable
from reports_fixture import CITIES, MARKUP_THEME, TODAY, BuiltReports

from crm.db.database import Database
from crm.i18n import language_override
from crm.reports import ReportRequest, build_report
from crm.reports import partnerships as overview
from crm.reports.partnerships_data import read_overview


def build(db: Database, language: str = "en", **options: object) -> bytes:
    request = ReportRequest("partnerships", language=language, **options)  # type: ignore[arg-type]
    data = overview.read_request(db, request, today=TODAY)
    with language_override(language):
        return overview.build(db, request, data)


@pytest.fixture(scope="module")
def english(reports_office: BuiltReports) -> bytes:
    db = Database.open(reports_office.path)
    try:
        return build(db)
    finally:
        db.close()


def test_every_partnership_in_every_spelling(english: bytes, reports_office: BuiltReports) -> None:
    expected = ["Liepāja", "Latvia", "AA", "Jugend, Kultur", "1990"]
    for city in CITIES:
        expected += [value for value in (city.name, city.native, city.latin) if value]
        expected += [str(city.since), *city.themes]
    expected += ["Ukraine", "China", "Israel", "South Korea", "Ethiopia", "Greece"]
    expected += ["Twin city", "Cooperation city", MARKUP_THEME]
    assert missing(english, expected) == []
    assert "Atlantis" not in pdf_text(english)  # in the trash


def test_sorted_by_city(english: bytes) -> None:
    text = readable(english)
    cities = ["Addis Abeba", "Gwangju", "Herzliya", "Kiew", "Liepāja", "Nanjing", "Thessaloniki"]
    positions = [text.index(f"{city} ") for city in cities]
    assert positions == sorted(positions)


def test_last_visit_and_last_correspondence(english: bytes, reports_office: BuiltReports) -> None:
    fixture = reports_office.fixture
    text = readable(english)
    for title in fixture.last_visits.values():
        assert title in text
    for reference in fixture.references.values():
        assert reference in text
    # Kyiv: the September visit, not the cancelled one; the June letter, not the one binned.
    assert "15 September 2025" in text and "Outgoing · Reise nach Kyjiw 2025" in text
    assert "Abgesagter Besuch" not in text
    assert "Letter of 2025-12-20" not in text
    # Nanjing's letter is linked to its visit only, and still counts as Nanjing's.
    assert f"01/10/2025 · {fixture.references['nanjing']}" in text
    # Liepāja's last visit is the briefing's delegation (the earlier one is older).
    assert "Delegation from Liepāja and friends" in text


def test_rows_hold_their_values(reports_db: Database, reports_office: BuiltReports) -> None:
    data = read_overview(reports_db, TODAY)
    lines = {line.partner.city: line for line in data.lines}
    assert list(lines) == sorted(lines, key=lambda name: name.casefold())
    kyiv = lines["Kiew"]
    assert (kyiv.partner.city_native, kyiv.partner.city_latin) == ("Київ", "Kyiv")
    assert kyiv.partner.rating == "AAA" and kyiv.since_year == 1961
    assert kyiv.last_visit is not None and kyiv.last_visit.direction == "outgoing"
    assert kyiv.last_letter is not None
    assert kyiv.last_letter.reference == reports_office.fixture.references["kyiv"]
    assert lines["Herzliya"].last_visit is None
    assert lines["Addis Abeba"].partner.rating is None


def test_summary_by_kind_and_rating(english: bytes) -> None:
    lines = [flat(line) for line in pdf_text(english, "-layout").splitlines()]
    assert "Ratings by kind of partnership" in lines
    # Twin cities: Liepāja AA, Kyiv AAA, Nanjing AA, Herzliya AAA, Addis none, Thessaloniki AA.
    for row in ("Twin city 2 3 0 1 6", "Cooperation city 0 0 1 0 1", "All partnerships 2 3 1 1 7"):
        assert row in lines
    assert "AAA – very high activity" in lines


def test_landscape_numbered_and_embedded(english: bytes) -> None:
    info = pdf_info(english)
    width, height = (float(value) for value in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert width > height
    pages = int(info["Pages"])
    text = pdf_text(english)
    for page in range(1, pages + 1):
        assert f"Page {page} of {pages}" in text
    assert not_embedded(english) == []


def test_letter_paper(reports_db: Database) -> None:
    assert "(letter)" in pdf_info(build(reports_db, page_size="Letter"))["Page size"]


HEADINGS = ("Partnership overview", "Partnerships by city", "Last visit", "Last correspondence")


def test_english_and_german_headings(reports_db: Database, english: bytes) -> None:
    text = flat(pdf_text(english))
    assert [heading for heading in HEADINGS if heading not in text] == []
    assert "7 partnerships · as of 1 December 2026" in text
    deutsch = flat(pdf_text(build(reports_db, "de")))
    assert [heading for heading in HEADINGS if german(heading) not in deutsch] == []
    for word in ("Partnerschaftsübersicht", "Städtepartnerschaft", "Partnerstadt", "Seite 1 von"):
        assert word in deutsch
    assert "Ukraine" in deutsch and "Griechenland" in deutsch and "15. September 2025" in deutsch


def test_through_build_report(reports_db: Database) -> None:
    pdf = build_report(reports_db, ReportRequest("partnerships", language="en"))
    assert "Partnership overview" in pdf_text(pdf)


def test_no_partnerships(db: Database) -> None:
    pdf = build_report(db, ReportRequest("partnerships", language="en"))
    assert "No partnerships have been entered yet." in flat(pdf_text(pdf))
