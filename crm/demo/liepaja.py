"""The Liepāja demo office: Bureau of International Relations and Protocol.

Facts from the seed: the eleven partner cities with their years, the Union of Baltic Cities
membership, the themes, and the bureau's contact block (Natalja Vecvagare). The rest is
invented but plausible.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from crm.db.enums import AgreementKind as A
from crm.db.enums import OrganisationKind as K
from crm.db.enums import PartnershipKind as P
from crm.demo.base import Contact, OfficeSpec
from crm.demo.builder import DemoBuilder
from crm.demo.liepaja_activity import add_activity
from crm.services.office import OfficeProfile

SPEC = OfficeSpec(
    profile=OfficeProfile(
        office_name="Bureau of International Relations and Protocol",
        city="Liepāja",
        country="LV",
        reference_prefix="SAD",
        language="lv",
    ),
    timezone="Europe/Riga",
    utc_offset_hours=2,
)
CITY = K.CITY_ADMINISTRATION.value
TOWN_HALL = ("Rožu iela 6", "LV-3401", "Liepāja", "LV")
# The bureau's contact block exactly as the city publishes it.
BUREAU_CONTACTS: list[Contact] = [
    ("phone", "+ 371 6 34 04789"),
    ("fax", "+ 371 6 34 04777"),
    ("email", "international@dome.liepaja.lv"),
    ("email", "natalja.vecvagare@dome.liepaja.lv"),
]
THEMES = "Education;Culture;Sport;Tourism;Health;Youth;Business promotion;Municipal services"

# key, city, native name, country, region, since, agreement, administration, its phone.
PARTNERS: tuple[tuple[str, str, str | None, str, str | None, int, str, str, str], ...] = (
    ("nynashamn", "Nynäshamn", None, "SE", "Stockholms län", 1990, A.TREATY.value,
     "Nynäshamns kommun", "+46 8 520 680 00"),
    ("elblag", "Elbląg", None, "PL", "Warmińsko-Mazurskie", 1991, A.TREATY.value,
     "Urząd Miejski w Elblągu", "+48 55 239 3333"),
    ("bellevue", "Bellevue", None, "US", "Washington", 1992, A.LETTER_OF_INTENT.value,
     "City of Bellevue", "+1 425 452 6800"),
    ("darmstadt", "Darmstadt", None, "DE", "Hessen", 1993, A.TREATY.value,
     "Wissenschaftsstadt Darmstadt", "+49 6151 13 2274"),
    ("guldborgsund", "Guldborgsund", None, "DK", "Region Sjælland", 1993, A.TREATY.value,
     "Guldborgsund Kommune", "+45 54 73 10 00"),
    ("klaipeda", "Klaipėda", None, "LT", None, 1997, A.TREATY.value,
     "Klaipėdos miesto savivaldybė", "+370 46 396 001"),
    ("gdynia", "Gdynia", None, "PL", "Pomorskie", 1999, A.TREATY.value,
     "Urząd Miasta Gdyni", "+48 58 668 8000"),
    ("gomel", "Gomel", "Гомель", "BY", None, 1999, A.LETTER_OF_INTENT.value,
     "Гомельский городской исполнительный комитет", "+375 232 33 45 01"),
    ("bergen", "Bergen", None, "NO", "Vestland", 2001, A.LETTER_OF_INTENT.value,
     "Bergen kommune", "+47 55 56 55 56"),
    ("palanga", "Palanga", None, "LT", None, 2001, A.TREATY.value,
     "Palangos miesto savivaldybė", "+370 460 48 700"),
    ("helsingborg", "Helsingborg", None, "SE", "Skåne län", 2005, A.LETTER_OF_INTENT.value,
     "Helsingborgs stad", "+46 42 10 50 00"),
)  # fmt: skip

# key, family, given, name as written (None: Latin script), function, org, languages, contacts.
PEOPLE: tuple[tuple[str, str, str, str | None, str, str, str, list[Contact]], ...] = (
    ("lindqvist", "Lindqvist", "Eva", None, "Internationell samordnare", "adm_nynashamn",
     "sv,en", [("phone", "+46 8 520 681 42"), ("email", "eva.lindqvist@nynashamn.se")]),
    ("wisniewski", "Wiśniewski", "Tomasz", None, "Biuro Współpracy Zagranicznej",
     "adm_elblag", "pl,en,ru", [("phone", "+48 55 239 3462")]),
    ("park", "Park", "Jennifer", None, "Sister Cities Coordinator", "adm_bellevue", "en,ko",
     [("phone", "+1 425 452 4137"), ("email", "jpark@bellevuewa.gov")]),
    ("reinhardt", "Reinhardt", "Klaus", None, "Referent Städtepartnerschaften",
     "adm_darmstadt", "de,en,lv", [("phone", "+49 6151 13 2275"),
                                   ("email", "klaus.reinhardt@darmstadt.de")]),
    ("sorensen", "Sørensen", "Mette", None, "International koordinator", "adm_guldborgsund",
     "da,en", [("phone", "+45 54 73 12 36")]),
    ("petrauskiene", "Petrauskienė", "Rūta", None, "Tarptautinių ryšių skyriaus vedėja",
     "adm_klaipeda", "lt,en,lv,ru", [("phone", "+370 46 396 020"),
                                     ("email", "ruta.petrauskiene@klaipeda.lt")]),
    ("kowalski", "Kowalski", "Marek", None, "Wydział Promocji i Współpracy Międzynarodowej",
     "adm_gdynia", "pl,en", [("phone", "+48 58 668 8210"), ("email", "m.kowalski@gdynia.pl")]),
    ("kovalyova", "Kovalyova", "Irina", "Ирина Ковалёва", "Отдел внешних связей",
     "adm_gomel", "ru,be,en", [("phone", "+375 232 33 45 17")]),
    ("haugen", "Haugen", "Ingrid", None, "Internasjonal rådgiver", "adm_bergen", "nb,en",
     [("phone", "+47 55 56 61 20"), ("email", "ingrid.haugen@bergen.kommune.no")]),
    ("jankauskas", "Jankauskas", "Darius", None, "Mero patarėjas", "adm_palanga", "lt,lv,en",
     [("phone", "+370 460 48 711")]),
    ("bergstrom", "Bergström", "Johan", None, "Internationell strateg", "adm_helsingborg",
     "sv,en", [("phone", "+46 42 10 52 87"), ("email", "johan.bergstrom@helsingborg.se")]),
    ("wisniewska", "Wiśniewska", "Anna", None, "Project Officer, UBC Secretariat", "ubc",
     "pl,en", [("phone", "+48 58 301 09 17"), ("email", "anna.wisniewska@ubc.net")]),
    ("ozola", "Ozola", "Dace", "Dr.", "Vice-rector for international affairs", "university",
     "lv,en,de", [("phone", "6 34 23 568"), ("email", "dace.ozola@liepu.lv")]),
    ("ek", "Ek", "Karin", None, "Counsellor, Embassy of Sweden in Riga", "emb_se", "sv,en",
     [("phone", "6 76 86 600")]),
)  # fmt: skip


def populate(session: Session) -> None:
    b = DemoBuilder(session, SPEC)
    _organisations(b)
    _people(b)
    _partnerships(b)
    add_activity(b)
    b.finish()


def _organisations(b: DemoBuilder) -> None:
    b.org(
        "dome",
        "Liepājas pilsētas dome",
        CITY,
        name_latin="Liepāja City Council",
        city="Liepāja",
        country="LV",
        contacts=[("phone", "6 34 04 750"), ("web", "www.liepaja.lv")],
        address=TOWN_HALL,
    )
    b.org(
        "bureau",
        "Liepājas pilsētas dome, Starptautisko sakaru un protokola birojs",
        CITY,
        name_latin="Liepāja: Bureau of International Relations and Protocol",
        short_name="Liepājas dome, SSPB",
        city="Liepāja",
        country="LV",
        notes="Our bureau: first point of contact for foreign institutions and their "
        "representatives, and for the NGOs based in Liepāja.",
        contacts=BUREAU_CONTACTS,
        address=TOWN_HALL,
    )
    b.org(
        "ubc",
        "Union of Baltic Cities (UBC)",
        K.NETWORK.value,
        short_name="UBC",
        city="Gdańsk",
        country="PL",
        notes="Liepāja is a member city.",
        contacts=[("phone", "+48 58 301 09 17"), ("email", "info@ubc.net"), ("web", "ubc.net")],
        address=("Wały Jagiellońskie 1", "80-853", "Gdańsk", "PL"),
    )
    b.org(
        "university",
        "Liepājas Universitāte",
        K.UNIVERSITY.value,
        name_latin="Liepāja University",
        city="Liepāja",
        country="LV",
        contacts=[("phone", "6 34 23 568")],
        address=("Lielā iela 14", "LV-3401", "Liepāja", "LV"),
    )
    b.org(
        "amber",
        "Koncertzāle „Lielais dzintars”",
        K.CULTURAL_INSTITUTION.value,
        name_latin="Great Amber Concert Hall",
        city="Liepāja",
        country="LV",
        contacts=[("phone", "6 34 57 788")],
        address=("Radio iela 8", "LV-3401", "Liepāja", "LV"),
    )
    b.org(
        "sez",
        "Liepājas Speciālās ekonomiskās zonas pārvalde",
        K.GOVERNMENT.value,
        name_latin="Liepāja Special Economic Zone Authority",
        city="Liepāja",
        country="LV",
        contacts=[("phone", "6 34 27 227")],
    )
    b.org(
        "emb_se",
        "Sveriges ambassad i Riga",
        K.EMBASSY.value,
        name_latin="Embassy of Sweden in Riga",
        city="Rīga",
        country="SE",
        contacts=[("phone", "6 76 86 600")],
    )
    for key, _city, _native, country, _region, _since, _agreement, name, phone in PARTNERS:
        b.org(f"adm_{key}", name, CITY, city=_city, country=country, contacts=[("phone", phone)])
    b.orgs["adm_gomel"].name_latin = "Gomel City Executive Committee"


def _people(b: DemoBuilder) -> None:
    b.person(
        "vecvagare",
        "Vecvagare",
        "Natalja",
        function="Bureau of International Relations",
        org="bureau",
        department="Bureau of International Relations and Protocol",
        address_form="Ms Vecvagare",
        salutation="Dear Ms Vecvagare",
        languages="lv,en,de,ru",
        country="LV",
        contacts=BUREAU_CONTACTS,
        address=TOWN_HALL,
    )
    for key, family, given, function, phone in (
        ("berzina", "Bērziņa", "Ilze", "Protocol officer", "6 34 04 781"),
        ("ozols", "Ozols", "Kārlis", "EU projects manager", "6 34 04 786"),
        ("kalnina", "Kalniņa", "Anna", "Assistant, visits and correspondence", "6 34 04 790"),
    ):
        email = f"{given}.{family}".lower().translate(str.maketrans("āēīūšžņķļģč", "aeiusznklgc"))
        b.person(
            key,
            family,
            given,
            function=function,
            org="bureau",
            languages="lv,en,ru",
            country="LV",
            contacts=[("phone", phone), ("email", f"{email}@dome.liepaja.lv")],
        )
    b.person(
        "liepins",
        "Liepiņš",
        "Andris",
        function="Chairman of Liepāja City Council",
        org="dome",
        address_form="Mr Chairman",
        salutation="Dear Mr Chairman",
        languages="lv,en,ru",
        country="LV",
        contacts=[("phone", "6 34 04 700", "Secretariat"), ("email", "dome@liepaja.lv")],
    )
    for key, family, given, original, function, org, languages, contacts in PEOPLE:
        title = "Dr." if key == "ozola" else None
        b.person(
            key,
            family,
            given,
            title=title,
            original=original,
            latin=f"{given} {family}" if original else None,
            function=function,
            org=org,
            languages=languages,
            country=b.orgs[org].country,
            contacts=contacts,
        )


def _partnerships(b: DemoBuilder) -> None:
    officers = {"nynashamn": "berzina", "helsingborg": "berzina", "darmstadt": "vecvagare"}
    for key, city, native, country, region, since, agreement, _name, _phone in PARTNERS:
        gomel = key == "gomel"
        b.partnership(
            key,
            city,
            country,
            P.TWIN_CITY.value,
            native=native,
            latin="Homiel" if gomel else None,
            region=region,
            since=since,
            agreement=agreement,
            document=f"{'Agreement' if agreement == A.TREATY.value else 'Letter of intent'} "
            f"{since}",
            status="suspended" if gomel else "active",
            officer=officers.get(key, "vecvagare"),
            last_evaluation=date(2021, 11, 30),
            next_evaluation=b.day(-20) if key in {"bellevue", "guldborgsund"} else b.day(200),
            themes=THEMES.split(";")[:4] if gomel else THEMES.split(";"),
            notes="Cooperation suspended since 2022." if gomel else None,
        )
