"""A delegation whose briefing needs every script: built through the services, like the app.

Members from Liepāja (Latvian), Київ, Θεσσαλονίκη, הרצליה, 南京, 광주, አዲስ አበባ, an Arabic and
a Japanese name, Polish, Czech, Lithuanian and Vietnamese spellings, and a company called
``Müller & Söhne <GmbH>``. ``expected`` lists what the printed sheet must show exactly.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from crm.db.database import Database
from crm.services.contact_points import ContactPointInput
from crm.services.correspondence import (
    CorrespondenceInput,
    create_correspondence,
    get_correspondence,
)
from crm.services.delegations import (
    DelegationInput,
    GiftInput,
    MemberInput,
    ProgrammeItemInput,
    create_delegation,
)
from crm.services.office import OfficeProfile, save_logo, save_profile
from crm.services.organisations import OrganisationInput, create_organisation
from crm.services.partnerships import PartnershipInput, create_partnership
from crm.services.people import AffiliationInput, PersonInput, create_person, get_person

MARKUP_COMPANY = "Müller & Söhne <GmbH>"


@dataclass
class Fixture:
    delegation_id: int
    earlier_visit_id: int
    expected: list[str] = field(default_factory=list)  # exactly as printed, each on one line
    rtl: list[str] = field(default_factory=list)  # right-to-left names, also in `expected`
    absent: list[str] = field(default_factory=list)  # must not be printed


@dataclass(frozen=True)
class BuiltOffice:
    """A database file holding the fixture (tests only read it)."""

    path: Path
    fixture: Fixture


# (given, family, as written, in Latin letters, function, organisation, contacts)
MEMBERS = (
    (
        "Jānis",
        "Ķēniņš",
        None,
        None,
        "Mayor of Liepāja",
        "Liepājas pilsētas dome",
        [
            ("phone", "+371 6340 4750"),
            ("fax", "+371 6340 4756"),
            ("email", "janis.kenins@liepaja.lv"),
        ],
    ),
    (
        "Olena",
        "Kovalenko",
        "Олена Коваленко",
        "Olena Kovalenko",
        "Deputy mayor",
        "Київська міська рада",
        [
            ("phone", "+380 44 202 7070"),
            ("mobile", "+380 67 123 4567"),
            ("email", "o.kovalenko@kyivcity.gov.ua"),
        ],
    ),
    (
        "Giorgos",
        "Papadopoulos",
        "Γιώργος Παπαδόπουλος",
        "Giorgos Papadopoulos",
        "Councillor",
        "Δήμος Θεσσαλονίκης",
        [("phone", "+30 2313 317 000"), ("email", "g.papadopoulos@thessaloniki.gr")],
    ),
    (
        "Avi",
        "Levi",
        "אבי לוי",
        "Avi Levi",
        "Deputy mayor",
        "עיריית הרצליה",
        [
            ("phone", "+972 9 959 1500"),
            ("fax", "+972 9 959 1555"),
            ("email", "avi.levi@herzliya.muni.il"),
        ],
    ),
    (
        "Lihua",
        "Wang",
        "王丽华",
        "Wang Lihua",
        "Director",
        "南京市人民政府外事办公室",
        [("phone", "+86 25 8363 1234"), ("email", "wanglihua@nanjing.gov.cn")],
    ),
    (
        "Min-jun",
        "Kim",
        "김민준",
        "Kim Min-jun",
        "Head of division",
        "광주광역시청",
        [("phone", "+82 62 613 2345"), ("email", "minjun.kim@gwangju.go.kr")],
    ),
    (
        "Selam",
        "Tesfaye",
        "ሰላም ተስፋዬ",
        "Selam Tesfaye",
        "Director",
        "አዲስ አበባ ከተማ አስተዳደር",
        [("mobile", "+251 91 123 4567"), ("email", "selam.tesfaye@addisababa.gov.et")],
    ),
    (
        "Layla",
        "Haddad",
        "ليلى حداد",
        "Layla Haddad",
        "Adviser",
        None,
        [("email", "l.haddad@example.org")],
    ),
    (
        "Hanako",
        "Tanaka",
        "田中花子",
        "Tanaka Hanako",
        "Interpreter",
        None,
        [("mobile", "+81 90 1234 5678")],
    ),
    (
        "Łukasz",
        "Wiśniewski",
        None,
        None,
        "Managing director",
        MARKUP_COMPANY,
        [("phone", "+48 22 123 45 67"), ("email", "l.wisniewski@mueller-soehne.example")],
    ),
    (
        "Jiří",
        "Dvořák",
        None,
        None,
        "Engineer",
        MARKUP_COMPANY,
        [("email", "jiri.dvorak@example.cz")],
    ),
    ("Žygimantas", "Čepulis", None, None, "Adviser", None, [("phone", "+370 5 211 2000")]),
    ("Thị Lan", "Nguyễn", None, None, "Adviser", None, [("email", "lan.nguyen@hcmc.gov.vn")]),
)

OUR_PEOPLE = (
    (
        "Gabriele",
        "Goldfuß",
        "Head of the office",
        [
            ("phone", "+49 341 123 2032"),
            ("fax", "+49 341 123 2055"),
            ("email", "gabriele.goldfuss@leipzig.de"),
        ],
    ),
    (
        "Jonas",
        "Becker",
        "Protocol officer",
        [("phone", "+49 341 123 2038"), ("email", "jonas.becker@leipzig.de")],
    ),
)

PROGRAMME = (
    # (day, hour, minutes, title, venue, dress code, participants: our people's family names)
    (
        7,
        9,
        60,
        "Courtesy call at the Neues Rathaus",
        "Neues Rathaus, Raum 122",
        "Business",
        ("Goldfuß",),
    ),
    (7, 11, 30, "Golden Book of the city", "Neues Rathaus, Festsaal", "Dark suit", ("Goldfuß",)),
    (7, 13, 90, "Lunch with Müller & Söhne", "Auerbachs Keller", None, ("Becker",)),
    (8, 9, 120, "Visit to the youth centre in Grünau", "Jugendhaus Grünau", None, ("Becker",)),
    (
        8,
        18,
        150,
        "Concert at the Gewandhaus",
        "Gewandhaus zu Leipzig",
        "Evening dress",
        ("Goldfuß", "Becker"),
    ),
    (9, 10, 60, "Farewell and transfer", "Leipzig/Halle Airport", None, ("Becker",)),
)


def _contacts(items: list[tuple[str, str]]) -> list[ContactPointInput]:
    return [ContactPointInput(kind, value) for kind, value in items]


def _displayed(db: Database, person_id: int) -> list[str]:
    """How the sheet shows the person's phones, faxes and emails (phones formatted)."""
    return [point.display for point in get_person(db, person_id).contact_points]


def logo_png() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (240, 90), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 90, 90), fill=(31, 58, 95))
    draw.ellipse((110, 15, 170, 75), fill=(179, 38, 30))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def build(db: Database, *, logo: bool = True) -> Fixture:
    save_profile(
        db,
        OfficeProfile(
            office_name="Referat Internationale Zusammenarbeit",
            city="Leipzig",
            country="DE",
            reference_prefix="IZ",
            language="de",
        ),
    )
    if logo:
        save_logo(db, logo_png())
    expected: list[str] = []
    rtl: list[str] = []
    organisations: dict[str, int] = {}
    for name in {member[5] for member in MEMBERS if member[5]}:
        organisations[name], _c = create_organisation(db, OrganisationInput(name=name))
    association, _c = create_organisation(
        db,
        OrganisationInput(
            name="Freundeskreis Leipzig–Liepāja e.V.", kind="partnership_association"
        ),
    )
    funder, _c = create_organisation(
        db, OrganisationInput(name="AT&T Foundation <Europe>", kind="funder")
    )
    partnership, _c = create_partnership(
        db,
        PartnershipInput(
            city_name="Liepāja",
            city_name_native="Liepāja",
            country="LV",
            since_year=1990,
            agreement_kind="treaty",
            agreement_document="Partnerschaftsvertrag 1990",
            activity_rating="AA",
            themes=["Jugend", "Kultur"],
            association_id=association,
            funder_ids=[funder],
        ),
    )
    expected += ["Liepāja", "Freundeskreis Leipzig–Liepāja e.V.", "AT&T Foundation <Europe>"]

    member_inputs = []
    for rank, (given, family, original, latin, function, organisation, contacts) in enumerate(
        MEMBERS, start=1
    ):
        person_id, _c = create_person(
            db,
            PersonInput(
                family_name=family,
                given_name=given,
                name_original=original,
                name_latin=latin,
                function=function,
                form_of_address=f"Dear {given} {family}" if rank <= 3 else None,
                languages="lv,de" if rank == 1 else "en",
                contact_points=_contacts(contacts),
                affiliations=[AffiliationInput(organisations[organisation], is_primary=True)]
                if organisation
                else [],
            ),
        )
        member_inputs.append(
            MemberInput(
                person_id,
                "Head of delegation" if rank == 1 else None,
                rank,
                dietary_needs="Kosher" if family == "Levi" else None,
                accessibility_needs="Wheelchair" if family == "Čepulis" else None,
            )
        )
        expected.append(f"{given} {family}")
        expected += [name for name in (original, latin) if name]
        if organisation:
            expected.append(organisation)
        expected += _displayed(db, person_id)
        if original and any("\u0590" <= ch <= "\u06ff" for ch in original):
            rtl.append(original)
        if organisation and any("\u0590" <= ch <= "\u06ff" for ch in organisation):
            rtl.append(organisation)

    ours: dict[str, int] = {}
    for given, family, function, contacts in OUR_PEOPLE:
        ours[family], _c = create_person(
            db,
            PersonInput(
                family_name=family,
                given_name=given,
                function=function,
                contact_points=_contacts(contacts),
            ),
        )
        expected.append(f"{given} {family}")
        expected += _displayed(db, ours[family])

    programme = []
    for day, hour, minutes, title, venue, dress, participants in PROGRAMME:
        start = datetime(2026, 9, day, hour, tzinfo=UTC)
        programme.append(
            ProgrammeItemInput(
                starts_at=start,
                ends_at=start.replace(hour=hour + minutes // 60, minute=minutes % 60),
                title=title,
                venue=venue,
                dress_code=dress,
                participant_ids=[ours[name] for name in participants],
            )
        )
        expected += [title, venue] + ([dress] if dress else [])

    earlier, _c = create_delegation(
        db,
        DelegationInput(
            title="Outgoing visit to Liepāja 2024",
            direction="outgoing",
            start_date=date(2024, 6, 3),
            end_date=date(2024, 6, 5),
            partnership_id=partnership,
            status="completed",
            gifts=[
                GiftInput(
                    "received", "Amber brooch", date(2024, 6, 4), from_text="City of Liepāja"
                ),
            ],
        ),
    )
    delegation, _c = create_delegation(
        db,
        DelegationInput(
            title="Delegation from Liepāja and friends",
            direction="incoming",
            start_date=date(2026, 9, 7),
            end_date=date(2026, 9, 9),
            partnership_id=partnership,
            purpose="Youth exchange and culture",
            status="confirmed",
            host_person_id=ours["Goldfuß"],
            hotel="Hotel Fürstenhof",
            transport="Train from Berlin",
            interpreters="Ms Ozola (Latvian–German)",
            languages="lv,de",
            members=member_inputs,
            programme=programme,
            gifts=[
                GiftInput(
                    "given",
                    "Porcelain plate with the city view",
                    date(2026, 9, 7),
                    to_person_id=member_inputs[0].person_id,
                ),
            ],
        ),
    )
    expected += [
        "Delegation from Liepāja and friends",
        "Outgoing visit to Liepāja 2024",
        "Amber brooch",
        "Porcelain plate with the city view",
        "Hotel Fürstenhof",
        "Train from Berlin",
        "Ms Ozola (Latvian–German)",
        "Dear Jānis Ķēniņš",
    ]
    fixture = Fixture(delegation, earlier, expected, rtl)
    for subject, status, link in (
        ("Programme draft for the visit", "open", {"delegation_id": delegation}),
        ("Hotel booking", "waiting", {"partnership_id": partnership}),
        ("Thank-you letter 2024", "done", {"partnership_id": partnership}),
    ):
        entry_id, _c = create_correspondence(
            db,
            CorrespondenceInput(
                subject=subject,
                direction="outgoing",
                channel="email",
                date=date(2026, 8, 1),
                status=status,
                **link,
            ),
        )
        reference = get_correspondence(db, entry_id).reference
        (fixture.absent if status == "done" else fixture.expected).extend([reference, subject])
    return fixture
