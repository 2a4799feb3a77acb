"""The briefing's office (briefing_fixture) with more partnerships and a year of activity,
for the overview, the evaluation, the contact sheet and the gift register.

Every partnership's activity in 2025 (``PERIOD``) is built to give a known suggested rating
(crm.reports.evaluation_rule), with things that must not count around it: a cancelled visit,
a letter in the trash, a cancelled project, visits and letters of 2024.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from briefing_fixture import Fixture, build

from crm.db.database import Database
from crm.services.contact_points import ContactPointInput
from crm.services.correspondence import (
    CorrespondenceInput,
    create_correspondence,
    get_correspondence,
)
from crm.services.delegations import DelegationInput, GiftInput, create_delegation
from crm.services.organisations import OrganisationInput, create_organisation
from crm.services.partnerships import PartnershipInput, create_partnership
from crm.services.people import PersonInput, create_person
from crm.services.projects import ProjectInput, create_project
from crm.services.trash import delete_to_trash

PERIOD = (date(2025, 1, 1), date(2025, 12, 31))
TODAY = date(2026, 12, 1)  # the overview's "today": after everything the fixture holds
LONG_EMAIL = "international.cooperation.department@liepaja-city-council.example.lv"
LONG_WEB = "https://www.liepaja.lv/en/international-cooperation/partner-cities-and-networks"
MARKUP_THEME = "Kunst & <Kultur>"
MARKUP_GIVER = "Müller & Söhne <GmbH>"


@dataclass(frozen=True)
class City:
    key: str
    name: str
    native: str | None
    latin: str | None
    country: str
    kind: str
    since: int
    rating: str | None
    themes: tuple[str, ...]


CITIES = (
    City("kyiv", "Kiew", "Київ", "Kyiv", "UA", "twin_city", 1961, "AAA", ("Stadtentwicklung",)),
    City("nanjing", "Nanjing", "南京", None, "CN", "twin_city", 1988, "AA", ("Kultur",)),
    City("herzliya", "Herzliya", "הרצליה", None, "IL", "twin_city", 2011, "AAA", ("Jugend",)),
    City("gwangju", "Gwangju", "광주", None, "KR", "cooperation_city", 2012, "A", ()),
    City("addis", "Addis Abeba", "አዲስ አበባ", "Addis Ababa", "ET", "twin_city", 2004, None, ()),
    City(
        "thessaloniki",
        "Thessaloniki",
        "Θεσσαλονίκη",
        None,
        "GR",
        "twin_city",
        1994,
        "AA",
        (MARKUP_THEME,),
    ),
)

# What the evaluation of PERIOD suggests for each, and how it compares with the record.
SUGGESTED = {
    "kyiv": ("AAA", None),  # 2 visits (6) + 6 letters = 12 a year, 2 projects
    "nanjing": ("AA", None),  # 1 visit (3) + 1 letter = 4 a year, 1 project
    "herzliya": ("A", "lower"),  # 1 letter
    "gwangju": ("–", "lower"),  # nothing in 2025 (a visit in 2024)
    "addis": ("AA", "not rated"),  # 13 letters, no project
    "thessaloniki": ("AA", None),  # 2 visits + 6 letters = 12, no project
    "liepaja": ("–", "lower"),  # the briefing's partnership: nothing in 2025
}


@dataclass
class ReportsFixture:
    briefing: Fixture
    partnerships: dict[str, int] = field(default_factory=dict)
    references: dict[str, str] = field(default_factory=dict)  # last letter per partnership
    last_visits: dict[str, str] = field(default_factory=dict)  # its title
    person_ids: list[int] = field(default_factory=list)  # a selection for the contact sheet
    organisation_ids: list[int] = field(default_factory=list)
    activity: dict[str, tuple[int, ...]] = field(default_factory=dict)  # in, out, in, out, ...


@dataclass(frozen=True)
class BuiltReports:
    path: Path
    fixture: ReportsFixture


def _visit(
    db: Database,
    partnership: int,
    title: str,
    day: date,
    direction: str = "incoming",
    status: str = "completed",
    gifts: list[GiftInput] | None = None,
) -> int:
    delegation, _c = create_delegation(
        db,
        DelegationInput(
            title=title,
            direction=direction,
            start_date=day,
            end_date=day,
            partnership_id=partnership,
            status=status,
            gifts=gifts or [],
        ),
    )
    return delegation


def _letter(db: Database, day: date, direction: str = "incoming", **link: int) -> str:
    return _entry(db, day, direction, **link)[1]


def _entry(db: Database, day: date, direction: str = "incoming", **link: int) -> tuple[int, str]:
    entry, _c = create_correspondence(
        db,
        CorrespondenceInput(
            subject=f"Letter of {day.isoformat()}",
            direction=direction,
            channel="letter",
            date=day,
            status="done",
            **link,
        ),
    )
    return entry, get_correspondence(db, entry).reference


def _letters(db: Database, partnership: int, count: int, *, start_month: int = 1) -> str:
    """``count`` letters in 2025, alternately incoming and outgoing; the reference of the
    newest."""
    written = []
    for number in range(count):
        direction = "incoming" if number % 2 == 0 else "outgoing"
        day = date(2025, start_month + number % 11, 1 + number // 11)
        written.append((day, _letter(db, day, direction, partnership_id=partnership)))
    return max(written)[1]


def _project(
    db: Database, partnership: int, name: str, start: date | None, end: date | None, status: str
) -> None:
    create_project(
        db,
        ProjectInput(
            name=name, partnership_id=partnership, start_date=start, end_date=end, status=status
        ),
    )


def build_reports(db: Database) -> ReportsFixture:
    fixture = ReportsFixture(build(db))
    ids = fixture.partnerships
    for city in CITIES:
        ids[city.key], _c = create_partnership(
            db,
            PartnershipInput(
                city_name=city.name,
                city_name_native=city.native,
                city_name_latin=city.latin,
                country=city.country,
                kind=city.kind,
                since_year=city.since,
                activity_rating=city.rating,
                themes=list(city.themes),
            ),
        )
    trashed, _c = create_partnership(
        db, PartnershipInput(city_name="Atlantis", country="GR", activity_rating="AAA")
    )
    delete_to_trash(db, "partnership", trashed)

    # Kyiv: AAA. Two visits with gifts, a cancelled one, six letters, a trashed one, two
    # projects running and a cancelled one.
    kyiv = ids["kyiv"]
    _visit(
        db,
        kyiv,
        "Arbeitsbesuch aus Kyjiw",
        date(2025, 3, 10),
        gifts=[
            GiftInput("given", "Meissen vase", date(2025, 3, 10), Decimal("180.00"), "EUR"),
            GiftInput("received", "Petrykivka painting", date(2025, 3, 10), from_text="Київ"),
        ],
    )
    _visit(db, kyiv, "Reise nach Kyjiw 2025", date(2025, 9, 15), direction="outgoing")
    _visit(db, kyiv, "Abgesagter Besuch", date(2025, 5, 1), status="cancelled")
    fixture.last_visits["kyiv"] = "Reise nach Kyjiw 2025"
    fixture.references["kyiv"] = _letters(db, kyiv, 6)
    binned, _reference = _entry(db, date(2025, 12, 20), partnership_id=kyiv)
    delete_to_trash(db, "correspondence", binned)
    _project(
        db, kyiv, "Nachhaltige Stadtentwicklung", date(2024, 6, 1), date(2026, 6, 30), "running"
    )
    _project(db, kyiv, "Schulpartnerschaften", date(2025, 2, 1), None, "running")
    _project(db, kyiv, "Abgesagtes Projekt", date(2025, 2, 1), None, "cancelled")
    fixture.activity["kyiv"] = (1, 1, 3, 3, 2, 1, 1)

    # Nanjing: AA. One visit with a letter linked only to it, a 2024 visit, a project that
    # ended in March.
    nanjing = ids["nanjing"]
    _visit(db, nanjing, "Besuch in Nanjing 2024", date(2024, 4, 2), direction="outgoing")
    visit = _visit(
        db,
        nanjing,
        "Delegationsreise nach Nanjing",
        date(2025, 10, 20),
        direction="outgoing",
        gifts=[
            GiftInput("given", "Bildband Leipzig", date(2025, 10, 20), Decimal("35.50"), "EUR"),
            GiftInput("received", "Seidentuch", None, Decimal("1200"), "CNY"),
            GiftInput("received", "Teeservice", date(2025, 10, 21), from_text=MARKUP_GIVER),
        ],
    )
    fixture.last_visits["nanjing"] = "Delegationsreise nach Nanjing"
    fixture.references["nanjing"] = _letter(db, date(2025, 10, 1), delegation_id=visit)
    _project(db, nanjing, "Kulturjahr", date(2023, 1, 1), date(2025, 3, 31), "completed")
    fixture.activity["nanjing"] = (0, 1, 1, 0, 1, 1, 2)

    fixture.references["herzliya"] = _letter(db, date(2025, 6, 1), partnership_id=ids["herzliya"])
    fixture.activity["herzliya"] = (0, 0, 1, 0, 0, 0, 0)

    _visit(db, ids["gwangju"], "Besuch aus Gwangju 2024", date(2024, 5, 10))
    fixture.last_visits["gwangju"] = "Besuch aus Gwangju 2024"
    fixture.activity["gwangju"] = (0, 0, 0, 0, 0, 0, 0)

    fixture.references["addis"] = _letters(db, ids["addis"], 13)
    fixture.activity["addis"] = (0, 0, 7, 6, 0, 0, 0)

    thessaloniki = ids["thessaloniki"]
    _visit(db, thessaloniki, "Besuch aus Θεσσαλονίκη", date(2025, 4, 1))
    _visit(db, thessaloniki, "Reise nach Thessaloniki", date(2025, 11, 3), direction="outgoing")
    fixture.last_visits["thessaloniki"] = "Reise nach Thessaloniki"
    fixture.references["thessaloniki"] = _letters(db, thessaloniki, 6, start_month=2)
    fixture.activity["thessaloniki"] = (1, 1, 3, 3, 0, 0, 0)

    # A selection for the contact sheet: an organisation with long addresses, a person.
    organisation, _c = create_organisation(
        db,
        OrganisationInput(
            name="Liepājas pilsētas pašvaldība",
            name_latin="Liepaja City Council",
            kind="city_administration",
            city="Liepāja",
            country="LV",
            contact_points=[
                ContactPointInput("phone", "+371 6340 4700"),
                ContactPointInput("fax", "+371 6340 4701"),
                ContactPointInput("email", LONG_EMAIL),
                ContactPointInput("web", LONG_WEB),
            ],
        ),
    )
    company = _organisation_named(db, MARKUP_GIVER)  # the briefing's members work there
    person, _c = create_person(
        db,
        PersonInput(
            family_name="Ozola",
            given_name="Inese",
            name_original="Inese Ozola",
            function="Interpreter",
            contact_points=[
                ContactPointInput("mobile", "+371 2912 3456"),
                ContactPointInput("email", "inese.ozola@tulkosana.example.lv"),
            ],
        ),
    )
    fixture.person_ids = [person]
    fixture.organisation_ids = [organisation, company]
    return fixture


def _organisation_named(db: Database, name: str) -> int:
    from sqlalchemy import select

    from crm.db.models import Organisation

    with db.read() as session:
        found = session.scalar(select(Organisation.id).where(Organisation.name == name))
    assert found is not None
    return found
