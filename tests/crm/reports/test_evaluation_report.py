"""The evaluation for a period, read back from the PDF and from its data: the counts of the
period only, the suggested rating beside the recorded one, the rule on the last page."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pdf_tools import pdf_info, pdf_text
from report_checks import flat, german, missing, not_embedded, readable
from reports_fixture import PERIOD, SUGGESTED, BuiltReports

from crm.db.database import Database
from crm.reports import ReportRequest, build_report, evaluation
from crm.reports.evaluation_data import read_evaluation
from crm.reports.evaluation_rule import suggested_rating, years_of
from crm.services.errors import ServiceError

CITY = {
    "kyiv": "Kiew",
    "nanjing": "Nanjing",
    "herzliya": "Herzliya",
    "gwangju": "Gwangju",
    "addis": "Addis Abeba",
    "thessaloniki": "Thessaloniki",
    "liepaja": "Liepāja",
}


def request(language: str = "en", **options: object) -> ReportRequest:
    return ReportRequest(
        "evaluation",
        language=language,
        since=PERIOD[0],
        until=PERIOD[1],
        **options,  # type: ignore[arg-type]
    )


@pytest.fixture(scope="module")
def english(reports_office: BuiltReports) -> bytes:
    db = Database.open(reports_office.path)
    try:
        return build_report(db, request())
    finally:
        db.close()


def layout_lines(pdf: bytes) -> list[str]:
    return [flat(line) for line in pdf_text(pdf, "-layout").splitlines()]


def test_counts_of_the_period_only(reports_db: Database, reports_office: BuiltReports) -> None:
    data = read_evaluation(reports_db, *PERIOD)
    found = {line.partner.city: line for line in data.lines}
    for key, expected in reports_office.fixture.activity.items():
        activity = found[CITY[key]].activity
        counted = (
            activity.visits_in,
            activity.visits_out,
            activity.letters_in,
            activity.letters_out,
            activity.projects,
            activity.gifts_given,
            activity.gifts_received,
        )
        assert counted == expected, key
    assert found["Kiew"].projects == ("Nachhaltige Stadtentwicklung", "Schulpartnerschaften")
    assert found["Nanjing"].projects == ("Kulturjahr",)  # ended in March: still counted
    assert "Atlantis" not in found  # in the trash


def test_the_suggested_rating_per_partnership(
    reports_db: Database, reports_office: BuiltReports
) -> None:
    data = read_evaluation(reports_db, *PERIOD)
    years = years_of(*PERIOD)
    suggested = {
        line.partner.city: suggested_rating(line.activity, years) or "–" for line in data.lines
    }
    assert suggested == {CITY[key]: rating for key, (rating, _mark) in SUGGESTED.items()}


def test_each_row_prints_suggested_recorded_and_the_mark(english: bytes) -> None:
    lines = layout_lines(english)
    rows = {
        "kyiv": "Kiew 1 1 3 3 2 1 1 12.0 AAA AAA",
        "nanjing": "Nanjing 0 1 1 0 1 1 2 4.0 AA AA",
        "herzliya": "Herzliya 0 0 1 0 0 0 0 1.0 A AAA lower",
        "gwangju": "Gwangju 0 0 0 0 0 0 0 0.0 – A lower",
        "addis": "Addis Abeba 0 0 7 6 0 0 0 13.0 AA – not rated",
        "thessaloniki": "Thessaloniki 1 1 3 3 0 0 0 12.0 AA AA",
        "liepaja": "Liepāja 0 0 0 0 0 0 0 0.0 – AA lower",
    }
    assert [key for key, row in rows.items() if row not in lines] == []


def test_summary_first_and_the_rule_last(english: bytes) -> None:
    text = readable(english)
    summary = text.index("Summary")
    assert summary < text.index("Activity per partnership")
    assert "Visits 2 incoming, 3 outgoing" in text
    assert "Correspondence 15 incoming, 12 outgoing" in text
    assert "Gifts 2 given, 3 received" in text
    assert "4 of 7 partnerships: the suggested rating is not the recorded one" in text
    lines = layout_lines(english)
    for row in (
        "AAA – very high activity 2 1",
        "AA – regular activity 3 3",
        "A – moderate activity 1 1",
        "– not rated, or no activity 1 2",
    ):
        assert row in lines
    pages = int(pdf_info(english)["Pages"])
    last = flat(pdf_text(english, "-f", str(pages), "-l", str(pages)))
    assert "How the suggested rating is worked out" in last
    assert "a visit counts as 3 contacts" in last
    assert "At least 12 contacts a year and at least 2 projects." in last
    assert "At least 4 contacts a year and at least one project" in last


def test_every_name_in_its_script_and_fonts_embedded(english: bytes) -> None:
    names = ["Київ", "Kyiv", "南京", "הרצליה", "광주", "አዲስ አበባ", "Addis Ababa", "Θεσσαλονίκη"]
    assert missing(english, [*names, "Nachhaltige Stadtentwicklung", "Kulturjahr"]) == []
    assert "Abgesagtes Projekt" not in pdf_text(english)
    assert not_embedded(english) == []
    assert "1 January 2025 – 31 December 2025" in flat(pdf_text(english))


def test_another_period_counts_otherwise(reports_db: Database) -> None:
    data = read_evaluation(reports_db, date(2024, 1, 1), date(2024, 12, 31))
    found = {line.partner.city: line.activity for line in data.lines}
    assert found["Gwangju"].visits_in == 1  # its 2024 visit
    assert found["Nanjing"].visits_out == 1
    assert found["Liepāja"].visits_out == 1 and found["Liepāja"].gifts_received == 1
    assert found["Kiew"].letters == 0 and found["Kiew"].projects == 1  # running since June
    assert found["Addis Abeba"].letters == 0


def test_without_dates_the_last_five_years(reports_db: Database) -> None:
    today = date(2026, 12, 5)
    data = evaluation.read_request(reports_db, ReportRequest("evaluation"), today=today)
    assert (data.since, data.until) == (date(2021, 12, 6), today)
    assert years_of(data.since, data.until) == pytest.approx(5.0, abs=0.01)
    only_end = evaluation.read_request(
        reports_db, ReportRequest("evaluation", until=date(2025, 12, 31)), today=today
    )
    assert (only_end.since, only_end.until) == (date(2021, 1, 1), date(2025, 12, 31))
    pdf = build_report(reports_db, ReportRequest("evaluation", language="en"))
    start = date.today().replace(year=date.today().year - 5) + timedelta(days=1)
    assert str(start.year) in flat(pdf_text(pdf))


def test_a_start_after_today_is_refused(reports_db: Database) -> None:
    with pytest.raises(ServiceError, match="ends before it starts"):
        evaluation.read_request(
            reports_db,
            ReportRequest("evaluation", since=date(2030, 1, 1)),
            today=date(2026, 12, 5),
        )


HEADINGS = (
    "Evaluation of the partnerships",
    "Summary",
    "Activity per partnership",
    "How the suggested rating is worked out",
    "Visits",
    "Correspondence",
)


def test_english_and_german_headings(reports_db: Database, english: bytes) -> None:
    text = flat(pdf_text(english))
    assert [heading for heading in HEADINGS if heading not in text] == []
    deutsch = flat(pdf_text(build_report(reports_db, request("de"))))
    assert [heading for heading in HEADINGS if german(heading) not in deutsch] == []
    for word in ("Zusammenfassung", "Schriftverkehr", "Aktivitätsstufe", "1. Januar 2025"):
        assert word in deutsch
    assert "Seite 1 von" in deutsch
