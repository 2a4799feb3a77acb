"""Back and Forward: the rules of the place history, without a window."""

from __future__ import annotations

from ui.places import MAX_PLACES, Place, PlaceHistory

PEOPLE = Place("people", 7)
PARTNERSHIP = Place("partnerships", 3)
TRASH = Place("trash")


def test_back_then_forward_retrace_the_steps() -> None:
    places = PlaceHistory()
    assert not places.can_go_back() and not places.can_go_forward()
    places.visit(PEOPLE)  # went from a person to a partnership
    assert places.back_target() == PEOPLE
    places.went_back(PARTNERSHIP)
    assert places.forward_target() == PARTNERSHIP
    assert not places.can_go_back()
    places.went_forward(PEOPLE)
    assert places.back_target() == PEOPLE
    assert not places.can_go_forward()


def test_a_new_visit_clears_forward() -> None:
    places = PlaceHistory()
    places.visit(PEOPLE)
    places.went_back(PARTNERSHIP)
    places.visit(PEOPLE)
    assert not places.can_go_forward()


def test_the_same_place_twice_is_one_step() -> None:
    places = PlaceHistory()
    places.visit(PEOPLE)
    places.visit(PEOPLE)
    places.went_back(TRASH)
    assert not places.can_go_back()


def test_a_trashed_record_is_forgotten() -> None:
    places = PlaceHistory()
    places.visit(PEOPLE)
    places.visit(PARTNERSHIP)
    places.forget(PEOPLE)
    assert places.back_target() == PARTNERSHIP
    places.went_back(TRASH)
    assert not places.can_go_back()


def test_history_is_bounded() -> None:
    places = PlaceHistory()
    for number in range(MAX_PLACES + 50):
        places.visit(Place("people", number))
    steps = 0
    while places.can_go_back():
        places.went_back(TRASH)
        steps += 1
    assert steps == MAX_PLACES
