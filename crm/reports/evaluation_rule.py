"""The rule that turns a partnership's activity in a period into the rating it suggests.

Leipzig's scale (Stadt Leipzig, evaluation of the partnerships 2020):
A – moderate activity: occasional contacts and projects; AA – regular activity: regular
contacts and projects; AAA – very high activity: weekly to daily contacts and numerous
projects. The register holds the formal contacts only (visits and registered correspondence,
not every call and email), so the thresholds below are set for those:

- contacts are the visits (either way; cancelled ones not counted) and the correspondence
  entries (either way) of the period; a visit counts as ``VISIT_WEIGHT`` contacts;
- they are averaged per year of the period; a period shorter than a year counts as a year;
- projects are those running or completed whose dates overlap the period;
- AAA: at least ``HIGH`` contacts a year and at least ``MANY_PROJECTS`` projects;
- AA: at least ``REGULAR`` contacts a year and at least one project, or at least ``HIGH``
  contacts a year without one;
- A: any contact or project in the period;
- none (printed "–"): no visit, correspondence or project at all.

Gifts are listed beside the rest but not counted: they come with the visits.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass
from datetime import date

VISIT_WEIGHT = 3
HIGH = 12  # contacts a year: monthly
REGULAR = 4  # contacts a year: quarterly
MANY_PROJECTS = 2
DAYS_A_YEAR = 365.25

RATINGS = ("AAA", "AA", "A")  # highest first


@dataclass(frozen=True)
class Activity:
    """What a partnership did in a period."""

    visits_in: int = 0
    visits_out: int = 0
    letters_in: int = 0
    letters_out: int = 0
    projects: int = 0
    gifts_given: int = 0
    gifts_received: int = 0

    def __add__(self, other: Activity) -> Activity:
        return Activity(
            *(mine + theirs for mine, theirs in zip(astuple(self), astuple(other), strict=True))
        )

    @property
    def visits(self) -> int:
        return self.visits_in + self.visits_out

    @property
    def letters(self) -> int:
        return self.letters_in + self.letters_out


def years_of(since: date, until: date) -> float:
    """The period's length in years (both days included); at least one."""
    days = (until - since).days + 1
    return max(days / DAYS_A_YEAR, 1.0)


def contacts_a_year(activity: Activity, years: float) -> float:
    return (VISIT_WEIGHT * activity.visits + activity.letters) / years


def suggested_rating(activity: Activity, years: float) -> str | None:
    """ "AAA", "AA" or "A" by the rule above; None when nothing happened at all."""
    rate = contacts_a_year(activity, years)
    if rate >= HIGH and activity.projects >= MANY_PROJECTS:
        return "AAA"
    if (rate >= REGULAR and activity.projects >= 1) or rate >= HIGH:
        return "AA"
    if activity.visits or activity.letters or activity.projects:
        return "A"
    return None


def compare(suggested: str | None, recorded: str | None) -> int:
    """1 when the suggestion is higher than the recorded rating, -1 when lower, 0 when they
    are the same. A partnership that is not rated compares as below A."""

    def level(rating: str | None) -> int:
        return len(rating) if rating in RATINGS else 0

    difference = level(suggested) - level(recorded)
    return (difference > 0) - (difference < 0)
