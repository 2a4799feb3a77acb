"""The delegations list: upcoming first, filters by direction, status, partnership, year."""

from __future__ import annotations

from datetime import UTC, date, datetime

from crm.db.database import Database
from crm.services import delegation_lists as dl
from crm.services.delegations import (
    DelegationInput,
    MemberInput,
    ProgrammeItemInput,
    create_delegation,
)
from crm.services.partnerships import PartnershipInput, create_partnership
from crm.services.people import PersonInput, create_person

TODAY = date(2026, 5, 1)


def make(db: Database) -> dict[str, int]:
    kiew, _c = create_partnership(db, PartnershipInput(city_name="Kiew", country="UA"))
    nanjing, _c = create_partnership(db, PartnershipInput(city_name="Nanjing", country="CN"))
    mayor, _c = create_person(db, PersonInput(family_name="Jung", given_name="Burkhard"))
    aide, _c = create_person(db, PersonInput(family_name="Wolf"))
    ids = {"kiew_p": kiew, "nanjing_p": nanjing, "mayor": mayor}
    for key, title, direction, start, end, partnership, status in (
        ("past", "Visit 2025", "incoming", date(2025, 9, 1), date(2025, 9, 3), kiew, "completed"),
        ("older", "Visit 2024", "outgoing", date(2024, 3, 1), date(2024, 3, 2), None, "completed"),
        ("now", "Under way", "incoming", date(2026, 4, 30), date(2026, 5, 2), nanjing, "confirmed"),
        ("later", "In June", "outgoing", date(2026, 6, 10), date(2026, 6, 12), kiew, "planned"),
        ("soon", "Next week", "incoming", date(2026, 5, 8), date(2026, 5, 9), kiew, "planned"),
    ):
        ids[key], _c = create_delegation(
            db,
            DelegationInput(
                title=title,
                direction=direction,
                start_date=start,
                end_date=end,
                partnership_id=partnership,
                status=status,
                members=[MemberInput(aide, "Aide", 5), MemberInput(mayor, "Mayor", 1)],
            ),
        )
    return ids


def test_upcoming_first_then_the_past_latest_first(db: Database) -> None:
    ids = make(db)
    order = ["now", "soon", "later", "past", "older"]
    assert dl.delegation_ids(db, today=TODAY) == [ids[k] for k in order]
    assert dl.delegation_ids(db, today=TODAY, limit=2) == [ids["now"], ids["soon"]]
    assert dl.delegation_ids(db, sort="start", today=TODAY) == [
        ids[k] for k in ("older", "past", "now", "soon", "later")
    ]


def test_filters(db: Database) -> None:
    ids = make(db)
    f = dl.DelegationFilter
    assert set(dl.delegation_ids(db, f(direction="outgoing"))) == {ids["later"], ids["older"]}
    assert dl.delegation_ids(db, f(status="confirmed")) == [ids["now"]]
    kiew = set(dl.delegation_ids(db, f(partnership_id=ids["kiew_p"])))
    assert kiew == {ids["past"], ids["later"], ids["soon"]}
    assert set(dl.delegation_ids(db, f(year=2025))) == {ids["past"]}
    assert dl.delegation_ids(db, f(text="june")) == [ids["later"]]
    assert dl.delegation_years(db) == [2026, 2025, 2024]
    assert [name for _id, name in dl.delegation_partnerships(db)] == ["Kiew", "Nanjing"]


def test_rows_show_the_head_and_the_count(db: Database) -> None:
    ids = make(db)
    (row,) = dl.delegation_rows(db, [ids["soon"]])
    assert (row.title, row.partnership, row.head, row.member_count) == (
        "Next week",
        "Kiew",
        "Burkhard Jung",
        2,
    )
    assert dl.delegation_rows(db, [ids["older"], 999]) == [
        dl.delegation_rows(db, [ids["older"]])[0]
    ]


def test_bookings_elsewhere_finds_our_people_in_other_visits(db: Database) -> None:
    ids = make(db)
    other, _c = create_delegation(
        db,
        DelegationInput(
            title="Reception",
            start_date=date(2026, 5, 8),
            end_date=date(2026, 5, 8),
            programme=[
                ProgrammeItemInput(
                    datetime(2026, 5, 8, 8, tzinfo=UTC),
                    "Reception",
                    participant_ids=[ids["mayor"]],
                )
            ],
        ),
    )
    found = dl.bookings_elsewhere(
        db, ids["soon"], [ids["mayor"]], date(2026, 5, 8), date(2026, 5, 9)
    )
    assert [s.title for s in found] == ["Reception"]
    assert (
        dl.bookings_elsewhere(db, other, [ids["mayor"]], date(2026, 5, 8), date(2026, 5, 9)) == []
    )
    assert dl.bookings_elsewhere(db, None, [], date(2026, 5, 8), date(2026, 5, 9)) == []
