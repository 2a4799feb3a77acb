"""The Overview read: what is coming up, follow-ups due, anniversaries, evaluations, changes.

The office is made in the test, like a small Leipzig week, around a fixed "today".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from crm.db.database import Database
from crm.db.models import (
    Correspondence,
    Delegation,
    DelegationMember,
    Event,
    PartnerCity,
    Partnership,
    Person,
    ProgrammeItem,
)
from crm.services.overview import (
    add_years,
    evaluation_due,
    get_overview,
    is_round_anniversary,
)
from crm.services.partnerships import PartnershipInput, create_partnership
from crm.services.trash import delete_to_trash

TODAY = date(2026, 11, 22)  # a Sunday
BERLIN = ZoneInfo("Europe/Berlin")


def at(day: date, clock: str) -> datetime:
    hour, minute = (int(part) for part in clock.split(":"))
    return datetime.combine(day, time(hour, minute), tzinfo=BERLIN).astimezone(UTC)


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


@dataclass
class Office:
    partnerships: dict[str, int]
    delegations: dict[str, int]
    letters: dict[str, int]


def _partnership(
    session: object, name: str, since: int, native: str | None = None, **values: object
) -> Partnership:
    city = PartnerCity(name=name, name_native=native, country="DE", sort_name=name.lower())
    partnership = Partnership(partner_city=city, kind="twin_city", since_year=since, **values)
    session.add(partnership)  # type: ignore[attr-defined]
    return partnership


@pytest.fixture
def office(db: Database) -> Office:
    with db.write_session() as session, session.begin():
        evaluated = date(2021, 6, 1)
        parts = {
            "kiew": _partnership(session, "Kiew", 1961, "Київ", last_evaluation=evaluated),
            "herbiers": _partnership(
                session, "Pays des Herbiers", 1996, since_date=date(1996, 5, 12)
            ),
            "moskau": _partnership(session, "Moskau", 2016, "Москва", status="suspended"),
            "hcmc": _partnership(
                session,
                "Ho-Chi-Minh-Stadt",
                2014,
                "Thành phố Hồ Chí Minh",
                last_evaluation=date(2020, 10, 16),
                next_evaluation=date(2025, 10, 16),
            ),
            "lyon": _partnership(session, "Lyon", 1981, last_evaluation=date(2024, 3, 1)),
            "gwangju": _partnership(session, "Gwangju", 2012, "광주"),
            "herzliya": _partnership(session, "Herzliya", 2001, "הרצליה", status="ended"),
            "lviv": _partnership(
                session, "Lviv", 2023, last_evaluation=None, next_evaluation=day(500)
            ),
        }
        host = Person(family_name="Goldfuß", given_name="Gabriele", title="Dr.", sort_name="g")
        guest = Person(family_name="Trần", given_name="Quốc Bảo", sort_name="t")
        session.add_all([host, guest])
        session.flush()
        hcmc = Delegation(
            title="Delegation des Volkskomitees Ho-Chi-Minh-Stadt",
            direction="incoming",
            partnership_id=parts["hcmc"].id,
            start_date=day(6),
            end_date=day(10),
            status="confirmed",
        )
        hcmc.members.append(
            DelegationMember(
                person_id=guest.id,
                protocol_rank=1,
                arrival=at(day(6), "14:35"),
                departure=at(day(10), "12:40"),
            )
        )
        hcmc.programme.extend(
            [
                ProgrammeItem(
                    starts_at=at(day(7), "09:30"),
                    ends_at=at(day(7), "10:15"),
                    title="Höflichkeitsbesuch beim Oberbürgermeister",
                    kind="courtesy_call",
                    venue="Neues Rathaus",
                ),
                ProgrammeItem(
                    starts_at=at(day(7), "10:15"),
                    title="Eintragung in das Goldene Buch",
                    kind="golden_book",
                ),
            ]
        )
        lyon = Delegation(
            title="Arbeitsbesuch in Lyon",
            direction="outgoing",
            start_date=day(14),
            end_date=day(16),
            status="planned",
        )
        cancelled = Delegation(
            title="Besuch aus Gwangju",
            direction="incoming",
            start_date=day(3),
            end_date=day(4),
            status="cancelled",
        )
        later = Delegation(
            title="Kulturaustausch Thessaloniki",
            direction="incoming",
            start_date=day(25),
            end_date=day(27),
        )
        session.add_all([hcmc, lyon, cancelled, later])
        letters = {}
        for key, follow_up, status, counterpart in (
            ("overdue", day(-20), "open", {"counterpart_person_id": host.id}),
            ("waiting", day(-1), "waiting", {"counterpart_text": "Generalkonsulat"}),
            ("today", day(0), "open", {}),
            ("soon", day(3), "open", {}),
            ("later", day(4), "open", {}),
            ("done", day(-5), "done", {}),
            ("none", None, "open", {}),
        ):
            letter = Correspondence(
                direction="incoming",
                channel="letter",
                date=day(-30),
                reference=f"IZ-2026-{len(letters) + 1:04d}",
                subject=f"Brief {key}",
                follow_up_date=follow_up,
                status=status,
                **counterpart,
            )
            session.add(letter)
            session.flush()
            letters[key] = letter.id
        session.flush()
        return Office(
            {key: p.id for key, p in parts.items()},
            {"hcmc": hcmc.id, "lyon": lyon.id, "cancelled": cancelled.id},
            letters,
        )


def test_round_anniversaries_are_decades_and_the_silver_and_diamond_jubilees() -> None:
    rounds = [years for years in range(0, 131) if is_round_anniversary(years)]
    assert rounds == [10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90, 100, 110, 120, 125, 130]
    assert not any(is_round_anniversary(years) for years in (0, 5, 15, 35, 45, 65, -10))


def test_add_years_keeps_the_day_and_moves_a_leap_day_to_the_28th() -> None:
    assert add_years(date(2020, 10, 16), 5) == date(2025, 10, 16)
    assert add_years(date(2024, 2, 29), 5) == date(2029, 2, 28)


def test_the_evaluation_is_due_five_years_after_the_last_unless_one_is_planned() -> None:
    # Last evaluated in 2021: due in 2026, so by the end of this year.
    assert evaluation_due(date(2021, 6, 1), None, 1961, TODAY) == (True, date(2026, 6, 1))
    # 2022 + 5 = 2027: not this year.
    assert evaluation_due(date(2022, 1, 10), None, 1961, TODAY) == (False, date(2027, 1, 10))
    # A planned date wins over the five-year rule, either way.
    assert evaluation_due(date(2024, 1, 1), date(2026, 12, 31), 1990, TODAY)[0]
    assert not evaluation_due(date(2019, 1, 1), date(2027, 1, 1), 1990, TODAY)[0]
    # Never evaluated: due once the partnership is more than five years old.
    assert evaluation_due(None, None, 2020, TODAY) == (True, None)
    assert evaluation_due(None, None, 2021, TODAY) == (False, None)
    assert evaluation_due(None, None, None, TODAY) == (False, None)


def test_coming_up_lists_arrivals_programme_and_departures_by_day(
    db: Database, office: Office
) -> None:
    overview = get_overview(db, TODAY, zone=BERLIN)
    seen = [
        (item.day, item.what, item.starts_at.strftime("%H:%M") if item.starts_at else None)
        for item in overview.upcoming
    ]
    assert seen == [
        (day(6), "arrival", "14:35"),  # the first member's arrival, in local time
        (day(7), "programme", "09:30"),
        (day(7), "programme", "10:15"),
        (day(10), "departure", "12:40"),
        (day(14), "arrival", None),  # the trip to Lyon starts on the last day shown
    ]
    courtesy = overview.upcoming[1]
    assert courtesy.title == "Höflichkeitsbesuch beim Oberbürgermeister"
    assert courtesy.venue == "Neues Rathaus"
    assert courtesy.partner == "Ho-Chi-Minh-Stadt"
    assert courtesy.delegation_id == office.delegations["hcmc"]
    assert courtesy.ends_at is not None and courtesy.ends_at.strftime("%H:%M") == "10:15"
    trip = overview.upcoming[-1]
    assert (trip.direction, trip.delegation_id) == ("outgoing", office.delegations["lyon"])
    # Cancelled visits and those beyond two weeks are not on it.
    assert office.delegations["cancelled"] not in {i.delegation_id for i in overview.upcoming}


def test_a_visit_under_way_shows_its_remaining_programme_and_departure(
    db: Database, office: Office
) -> None:
    overview = get_overview(db, day(8), zone=BERLIN)
    assert [(item.day, item.what) for item in overview.upcoming][:1] == [(day(10), "departure")]


def test_follow_ups_due_are_open_or_waiting_and_due_within_three_days(
    db: Database, office: Office
) -> None:
    overview = get_overview(db, TODAY, zone=BERLIN)
    ids = [item.correspondence_id for item in overview.follow_ups]
    assert ids == [office.letters[k] for k in ("overdue", "waiting", "today", "soon")]
    assert overview.follow_ups_total == 4
    overdue, waiting, today, soon = overview.follow_ups
    assert (overdue.days_late, today.days_late, soon.days_late) == (20, 0, -3)
    assert overdue.counterpart == "Dr. Gabriele Goldfuß"
    assert waiting.counterpart == "Generalkonsulat" and waiting.status == "waiting"
    assert overdue.reference == "IZ-2026-0001"


def test_round_anniversaries_of_partnerships_in_force_this_year(
    db: Database, office: Office
) -> None:
    overview = get_overview(db, TODAY, zone=BERLIN)
    found = [(a.name, a.years, a.on) for a in overview.anniversaries]
    # Kiew 1961 is 65 (not round); Moskau's 10 years are skipped while it is suspended.
    assert found == [("Pays des Herbiers", 30, date(2026, 5, 12))]
    assert get_overview(db, date(2031, 1, 5)).anniversaries[0].name == "Kiew"  # 70 years
    later = [(a.name, a.years) for a in get_overview(db, date(2036, 1, 5)).anniversaries]
    assert later == [("Pays des Herbiers", 40), ("Kiew", 75)]  # the known day comes first


def test_evaluations_due_never_evaluated_first_then_the_longest_overdue(
    db: Database, office: Office
) -> None:
    overview = get_overview(db, TODAY, zone=BERLIN)
    found = [(e.name, e.due, e.overdue) for e in overview.evaluations]
    assert found == [
        ("Gwangju", None, True),  # since 2012, never evaluated
        ("Pays des Herbiers", None, True),
        ("Ho-Chi-Minh-Stadt", date(2025, 10, 16), True),  # the planned date passed
        ("Kiew", date(2026, 6, 1), True),  # evaluated 2021, five years are up
    ]
    # Lyon (2024) and Lviv (planned for later) are not due; Moskau and Herzliya are not in force.
    assert overview.evaluations[0].name_native == "광주"


def test_recent_changes_name_who_when_and_the_record_to_open(db: Database) -> None:
    assert get_overview(db, TODAY).recent == ()
    first, _changes = create_partnership(db, PartnershipInput(city_name="Kiew", country="UA"))
    second, _changes = create_partnership(db, PartnershipInput(city_name="Lyon", country="FR"))
    delete_to_trash(db, "partnership", second)
    recent = get_overview(db, TODAY, zone=BERLIN, recent=2).recent
    assert len(recent) == 2
    trashed, created = recent
    assert trashed.label and trashed.actor and not trashed.undone
    # Lyon is in the trash now: nothing to open for either of its operations.
    assert (trashed.kind, trashed.record_id) == (created.kind, created.record_id) == (None, None)
    older = get_overview(db, TODAY, zone=BERLIN, recent=3).recent[-1]
    assert (older.kind, older.record_id) == ("partnership", first)
    assert older.at.tzinfo is not None and older.label


def test_events_of_the_next_two_weeks_are_on_the_agenda(db: Database, office: Office) -> None:
    with db.write_session() as session, session.begin():
        conference = Event(
            name="EUROCITIES Kultur-Forum",
            kind="conference",
            starts_at=at(day(7), "09:00"),
            ends_at=at(day(8), "17:00"),
            venue="Kongresshalle",
            city="Leipzig",
            partnership_id=office.partnerships["kiew"],
        )
        running = Event(
            name="Lichtfest-Woche",
            kind="festival",
            starts_at=at(day(-2), "18:00"),
            ends_at=at(day(3), "23:00"),
        )
        over = Event(name="Empfang", kind="reception", starts_at=at(day(-3), "18:00"))
        later = Event(
            name="Netzwerktreffen", kind="network_meeting", starts_at=at(day(15), "10:00")
        )
        trashed = Event(
            name="Abgesagt",
            kind="other",
            starts_at=at(day(2), "10:00"),
            deleted_at=datetime.now(UTC),
        )
        session.add_all([conference, running, over, later, trashed])
        session.flush()
        ids = {"conference": conference.id, "running": running.id}
    events = [i for i in get_overview(db, TODAY, zone=BERLIN).upcoming if i.what == "event"]
    assert [(e.day, e.title, e.event_id) for e in events] == [
        (TODAY, "Lichtfest-Woche", ids["running"]),  # under way: listed today, all day
        (day(7), "EUROCITIES Kultur-Forum", ids["conference"]),
    ]
    assert events[0].starts_at is None
    forum = events[1]
    assert forum.starts_at is not None and forum.starts_at.strftime("%H:%M") == "09:00"
    assert (forum.venue, forum.partner, forum.event_kind) == (
        "Kongresshalle, Leipzig",
        "Kiew",
        "conference",
    )
