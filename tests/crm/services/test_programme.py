"""Clash detection in a programme: end before start, outside the visit, a person twice."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from crm.services.programme import (
    DOUBLE_BOOKED,
    END_BEFORE_START,
    OUTSIDE_DATES,
    Clash,
    Slot,
    describe,
    find_clashes,
    overlap,
)

BERLIN_SUMMER = timezone(timedelta(hours=2))
FIRST, LAST = date(2026, 5, 4), date(2026, 5, 5)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 5, day, hour, minute, tzinfo=BERLIN_SUMMER)


def slot(start: datetime, end: datetime | None, *people: int, title: str = "") -> Slot:
    return Slot(start, end, frozenset(people), title)


def kinds(found: dict[int, list[Clash]]) -> dict[int, list[str]]:
    return {index: [c.kind for c in clashes] for index, clashes in found.items()}


def test_a_clean_programme_has_no_clashes() -> None:
    slots = [
        slot(at(4, 9), at(4, 10), 1, 2),
        slot(at(4, 10), at(4, 11), 1, 2),  # back to back is fine
        slot(at(4, 10, 30), at(4, 12), 3),  # others at the same time are fine
        slot(at(5, 18), None, 1),
    ]
    assert find_clashes(slots, FIRST, LAST, zone=BERLIN_SUMMER) == {}


def test_end_before_start() -> None:
    found = find_clashes([slot(at(4, 11), at(4, 10))], FIRST, LAST, zone=BERLIN_SUMMER)
    assert kinds(found) == {0: [END_BEFORE_START]}


def test_outside_the_dates_of_the_visit_in_local_time() -> None:
    # 00:30 on the 6th in Leipzig is still the 5th in UTC: the office's day counts.
    slots = [slot(at(3, 20), None), slot(at(5, 23), None), slot(at(6, 0, 30), None)]
    assert kinds(find_clashes(slots, FIRST, LAST, zone=BERLIN_SUMMER)) == {
        0: [OUTSIDE_DATES],
        2: [OUTSIDE_DATES],
    }
    # No dates yet: nothing to say.
    assert find_clashes(slots, None, None) == {}


def test_the_same_person_twice_at_once_is_pointed_out_on_both() -> None:
    slots = [
        slot(at(4, 9), at(4, 10), 1, 2, title="Golden Book"),
        slot(at(4, 9, 30), at(4, 11), 2, 3, title="Press"),
    ]
    found = find_clashes(slots, FIRST, LAST, zone=BERLIN_SUMMER)
    assert found[0] == [Clash(DOUBLE_BOOKED, 0, 1, "Press", frozenset({2}))]
    assert found[1] == [Clash(DOUBLE_BOOKED, 1, 0, "Golden Book", frozenset({2}))]
    assert describe(found[0][0], {2: "Gabriele Goldfuß"}) == (
        "Booked twice: Gabriele Goldfuß also at “Press”."
    )


def test_bookings_in_another_visit_count() -> None:
    mine = [slot(at(4, 9), at(4, 10), 7, title="Courtesy call")]
    elsewhere = [slot(at(4, 9, 45), at(4, 11), 7, title="Reception for Nanjing")]
    (clash,) = find_clashes(mine, FIRST, LAST, elsewhere, zone=BERLIN_SUMMER)[0]
    assert clash.other is None
    assert describe(clash, {7: "Burkhard Jung"}) == (
        "Booked twice: Burkhard Jung also at “Reception for Nanjing” (another visit)."
    )


def test_overlap_of_moments_and_spans() -> None:
    nine = at(4, 9)
    assert overlap(slot(nine, None), slot(nine, None))
    assert overlap(slot(at(4, 9, 30), None), slot(nine, at(4, 10)))
    assert not overlap(slot(at(4, 10), None), slot(nine, at(4, 10)))
    assert overlap(slot(nine, at(4, 10)), slot(at(4, 9, 59), at(4, 12)))
    assert not overlap(slot(nine, at(4, 10)), slot(at(4, 10), at(4, 12)))


def test_describe_the_simple_kinds() -> None:
    assert describe(Clash(END_BEFORE_START, 0), {}) == "Ends before it starts."
    assert describe(Clash(OUTSIDE_DATES, 0), {}) == "Outside the dates of the visit."


def test_utc_times_are_compared_as_instants() -> None:
    utc = datetime(2026, 5, 4, 7, 30, tzinfo=UTC)  # 09:30 in Leipzig
    assert overlap(slot(utc, None), slot(at(4, 9), at(4, 10)))
