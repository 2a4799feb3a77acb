"""The rule behind the evaluation's suggested rating, on constructed activity."""

from __future__ import annotations

from datetime import date

import pytest

from crm.reports.evaluation_rule import (
    Activity,
    compare,
    contacts_a_year,
    suggested_rating,
    years_of,
)

YEAR = 1.0


@pytest.mark.parametrize(
    ("activity", "expected"),
    [
        (Activity(), None),
        (Activity(projects=1), "A"),
        (Activity(letters_in=1), "A"),
        (Activity(visits_out=1), "A"),  # 3 contacts
        (Activity(letters_in=3, letters_out=0), "A"),
        (Activity(letters_in=3, projects=1), "A"),  # 3 < 4
        (Activity(letters_in=4, projects=1), "AA"),
        (Activity(visits_in=1, letters_out=1, projects=1), "AA"),  # 3 + 1 = 4
        (Activity(letters_in=11, letters_out=0), "A"),  # 11 without a project
        (Activity(letters_in=6, letters_out=6), "AA"),  # 12 without a project
        (Activity(letters_in=6, letters_out=6, projects=1), "AA"),  # 12, one project
        (Activity(letters_in=6, letters_out=6, projects=2), "AAA"),
        (Activity(visits_in=2, visits_out=2, projects=5), "AAA"),  # 4 visits = 12
        (Activity(visits_in=1, visits_out=2, letters_in=2, projects=2), "AA"),  # 11
        (Activity(letters_in=40, projects=1), "AA"),  # many letters, one project
        (Activity(gifts_given=5, gifts_received=5), None),  # gifts do not count
    ],
)
def test_suggested_rating_in_a_year(activity: Activity, expected: str | None) -> None:
    assert suggested_rating(activity, YEAR) == expected


def test_the_thresholds_are_per_year_of_the_period() -> None:
    five_years = years_of(date(2021, 12, 6), date(2026, 12, 5))
    assert five_years == pytest.approx(5.0, abs=0.01)
    busy_year = Activity(visits_in=2, letters_in=6, projects=2)  # 12 contacts
    assert suggested_rating(busy_year, YEAR) == "AAA"
    assert suggested_rating(busy_year, five_years) == "A"  # 2.4 a year
    five_busy_years = Activity(visits_in=10, letters_in=30, projects=2)  # 60 contacts
    assert contacts_a_year(five_busy_years, five_years) == pytest.approx(12.0, abs=0.01)
    assert suggested_rating(five_busy_years, five_years) == "AAA"


def test_a_short_period_counts_as_a_whole_year() -> None:
    assert years_of(date(2025, 3, 1), date(2025, 3, 31)) == 1.0
    assert years_of(date(2025, 1, 1), date(2025, 12, 31)) == 1.0
    assert years_of(date(2024, 1, 1), date(2025, 12, 31)) == pytest.approx(2.0, abs=0.01)
    month = years_of(date(2025, 3, 1), date(2025, 3, 31))
    assert suggested_rating(Activity(letters_in=4, projects=1), month) == "AA"


def test_activity_adds_up() -> None:
    total = Activity(1, 2, 3, 4, 5, 6, 7) + Activity(1, 1, 1, 1, 1, 1, 1)
    assert total == Activity(2, 3, 4, 5, 6, 7, 8)
    assert (total.visits, total.letters) == (5, 9)


@pytest.mark.parametrize(
    ("suggested", "recorded", "expected"),
    [
        ("AAA", "AAA", 0),
        ("AA", "AAA", -1),
        ("A", "AA", -1),
        (None, "A", -1),
        ("AAA", "A", 1),
        ("A", None, 1),
        (None, None, 0),
    ],
)
def test_compare(suggested: str | None, recorded: str | None, expected: int) -> None:
    assert compare(suggested, recorded) == expected
