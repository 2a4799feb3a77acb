"""The Göteborg demo office: Göteborgs Stad's partner cities and Nordic friendship towns.

Facts from the seed: Shanghai (agreements since 1986, three-year memoranda), Nelson Mandela
Bay (since 1999, funded by Sida through ICLD), Chicago (1987), Lyon (early 1990s, through
Business Region Göteborg and Aderly) and the vänorter Århus, Åbo and Bergen.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from crm.db.enums import AgreementKind as A
from crm.db.enums import OrganisationKind as K
from crm.db.enums import PartnershipKind as P
from crm.demo.base import Contact, OfficeSpec
from crm.demo.builder import DemoBuilder
from crm.demo.goteborg_activity import add_activity
from crm.services.office import OfficeProfile

SPEC = OfficeSpec(
    profile=OfficeProfile(
        office_name="Stadsledningskontoret, Internationellt samarbete",
        city="Göteborg",
        country="SE",
        reference_prefix="SLK",
        language="sv",
    ),
    timezone="Europe/Stockholm",
    utc_offset_hours=1,
)
CITY = K.CITY_ADMINISTRATION.value
STADSHUSET = ("Gustaf Adolfs torg 4A", "411 10", "Göteborg", "SE")

# key, name, latin/English name, kind, city, country, contacts
ORGANISATIONS: tuple[tuple[str, str, str | None, str, str, str, list[Contact]], ...] = (
    ("brg", "Business Region Göteborg AB", None, K.COMPANY.value, "Göteborg", "SE",
     [("phone", "031-367 61 00"), ("web", "www.businessregiongoteborg.se")]),
    ("aderly", "Aderly – Invest in Lyon", None, K.COMPANY.value, "Lyon", "FR",
     [("phone", "+33 4 72 40 57 50")]),
    ("icld", "Internationellt Centrum för Lokal Demokrati (ICLD)",
     "Swedish International Centre for Local Democracy", K.FUNDER.value, "Visby", "SE",
     [("phone", "0498-29 91 80"), ("email", "info@icld.se")]),
    ("sida", "Sida – Styrelsen för internationellt utvecklingssamarbete",
     "Swedish International Development Cooperation Agency", K.FUNDER.value, "Stockholm", "SE",
     [("phone", "08-698 50 00")]),
    ("delice", "Délice Network – Good Food Cities of the World", None, K.NETWORK.value, "Lyon",
     "FR", [("email", "contact@delice-network.com")]),
    ("gu", "Göteborgs universitet", "University of Gothenburg", K.UNIVERSITY.value, "Göteborg",
     "SE", [("phone", "031-786 00 00")]),
    ("chalmers", "Chalmers tekniska högskola", "Chalmers University of Technology",
     K.UNIVERSITY.value, "Göteborg", "SE", [("phone", "031-772 10 00")]),
    ("shanghai_fao", "上海市人民政府外事办公室", "Shanghai Municipal Foreign Affairs Office",
     CITY, "Shanghai", "CN", [("phone", "+86 21 6321 5500")]),
    ("nmbm", "Nelson Mandela Bay Municipality", None, CITY, "Gqeberha", "ZA",
     [("phone", "+27 41 506 1911"), ("web", "www.nelsonmandelabay.gov.za")]),
    ("chicago", "City of Chicago, Office of the Mayor", None, CITY, "Chicago", "US",
     [("phone", "+1 312 744 5000")]),
    ("csci", "Chicago Sister Cities International", None, K.NGO.value, "Chicago", "US",
     [("phone", "+1 312 744 8074")]),
    ("lyon", "Ville de Lyon, Direction des Relations Internationales", None, CITY, "Lyon", "FR",
     [("phone", "+33 4 72 10 30 30")]),
    ("aarhus", "Aarhus Kommune", "Municipality of Aarhus", CITY, "Aarhus", "DK",
     [("phone", "+45 89 40 20 00")]),
    ("turku", "Turun kaupunki – Åbo stad", "City of Turku", CITY, "Turku", "FI",
     [("phone", "+358 2 330 000")]),
    ("bergen", "Bergen kommune", None, CITY, "Bergen", "NO", [("phone", "+47 55 56 55 56")]),
    ("gk_cn", "中华人民共和国驻哥德堡总领事馆", "Kinas generalkonsulat i Göteborg",
     K.CONSULATE.value, "Göteborg", "CN", [("phone", "031-84 04 90")]),
)  # fmt: skip

# key, family, given, name as written (None: Latin script), function, org, languages, contacts
PEOPLE: tuple[tuple[str, str, str, str | None, str, str, str, list[Contact]], ...] = (
    ("li", "Li", "Ming", "李明", "Direktör, avdelningen för Europa", "shanghai_fao", "zh,en",
     [("phone", "+86 21 6321 5561"), ("email", "liming@shfao.gov.cn")]),
    ("zhang", "Zhang", "Wei", "张伟", "Vice direktör", "shanghai_fao", "zh,en",
     [("phone", "+86 21 6321 5502")]),
    ("nkosi", "Nkosi", "Thandiwe", None, "Manager, International Relations", "nmbm", "en,xh,af",
     [("phone", "+27 41 506 2270"), ("mobile", "+27 82 555 0134"),
      ("email", "tnkosi@mandelametro.gov.za")]),
    ("mthembu", "Mthembu", "Sipho", None, "Director, Human Settlements", "nmbm", "en,xh",
     [("phone", "+27 41 506 3310")]),
    ("obrien", "O'Brien", "Karen", None, "Chair, Gothenburg Committee", "csci", "en",
     [("phone", "+1 312 744 8074"), ("email", "kobrien@chicagosistercities.com")]),
    ("moreau", "Moreau", "Claire", None, "Directrice des Relations internationales", "lyon",
     "fr,en", [("phone", "+33 4 72 10 31 12"), ("email", "c.moreau@mairie-lyon.fr")]),
    ("girard", "Girard", "Thomas", None, "Chargé d'affaires internationales", "aderly", "fr,en",
     [("phone", "+33 4 72 40 57 62")]),
    ("kristensen", "Kristensen", "Mette", None, "International koordinator", "aarhus", "da,en",
     [("phone", "+45 89 40 21 15"), ("email", "mekr@aarhus.dk")]),
    ("virtanen", "Virtanen", "Mikko", None, "Kansainvälisten asioiden päällikkö", "turku",
     "fi,sv,en", [("phone", "+358 2 330 4412"), ("email", "mikko.virtanen@turku.fi")]),
    ("berg", "Berg", "Solveig", None, "Spesialrådgiver, internasjonalt samarbeid", "bergen",
     "nb,en", [("phone", "+47 55 56 61 34")]),
    ("ekstrom", "Ekström", "Johan", None, "Programhandläggare, kommunala partnerskap", "icld",
     "sv,en", [("phone", "0498-29 91 86"), ("email", "johan.ekstrom@icld.se")]),
    ("lundgren", "Lundgren", "Per", None, "Internationell etableringsrådgivare", "brg", "sv,en,zh",
     [("phone", "031-367 61 48")]),
    ("sjoberg", "Sjöberg", "Helena", None, "Prorektor för internationalisering", "gu", "sv,en",
     [("phone", "031-786 10 22")]),
    ("wang_g", "Wang", "Gang", "王刚", "Generalkonsul", "gk_cn", "zh,en,sv",
     [("phone", "031-84 04 90")]),
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
        "slk",
        "Göteborgs Stad, Stadsledningskontoret – Internationellt samarbete",
        CITY,
        short_name="SLK Internationellt",
        city="Göteborg",
        country="SE",
        notes="Vårt kontor.",
        contacts=[
            ("phone", "031-365 00 00", "Göteborgs Stads kontaktcenter"),
            ("email", "international@stadshuset.goteborg.se"),
            ("web", "goteborg.se"),
        ],
        address=STADSHUSET,
    )
    for key, name, latin, kind, city, country, contacts in ORGANISATIONS:
        b.org(key, name, kind, name_latin=latin, city=city, country=country, contacts=contacts)


def _people(b: DemoBuilder) -> None:
    for key, family, given, function, phone in (
        ("lindberg", "Lindberg", "Anna", "Enhetschef, internationellt samarbete", "031-368 02 10"),
        ("johansson", "Johansson", "Erik", "Handläggare Kina och Asien", "031-368 02 14"),
        ("nilsson", "Nilsson", "Sara", "Projektledare ICLD-partnerskapet", "031-368 02 17"),
        ("andersson", "Andersson", "Maria", "Protokollansvarig", "031-368 02 20"),
    ):
        email = f"{given}.{family}".lower()
        b.person(
            key,
            family,
            given,
            function=function,
            org="slk",
            languages="sv,en",
            country="SE",
            contacts=[("phone", phone), ("email", f"{email}@stadshuset.goteborg.se")],
            address=STADSHUSET,
        )
    b.person(
        "holm",
        "Holm",
        "Karin",
        function="Kommunstyrelsens ordförande",
        org="slk",
        address_form="Kommunstyrelsens ordförande",
        languages="sv,en",
        country="SE",
        contacts=[("phone", "031-368 00 10", "Kansli")],
    )
    for key, family, given, original, function, org, languages, contacts in PEOPLE:
        b.person(
            key,
            family,
            given,
            original=original,
            latin=f"{family} {given}" if original else None,
            function=function,
            org=org,
            languages=languages,
            country=b.orgs[org].country,
            contacts=contacts,
        )


def _partnerships(b: DemoBuilder) -> None:
    partner, friend = P.TWIN_CITY.value, P.FRIENDSHIP_TOWN.value
    renewal = b.day(95)  # the current three-year memorandum runs out
    b.partnership(
        "shanghai",
        "Shanghai",
        "CN",
        partner,
        native="上海",
        latin="Shanghai",
        since=1986,
        agreement=A.MEMORANDUM.value,
        document=f"Samförståndsavtal {renewal.year - 3}–{renewal.year}",
        renewal=renewal,
        officer="johansson",
        themes=["Kunskapsutbyte", "Näringsliv", "Akademi"],
        last_evaluation=date(2023, 12, 1),
        next_evaluation=b.day(60),
        notes="Partnerstadsavtal tecknade kontinuerligt sedan 1986; det löpande "
        "arbetet sker inom treåriga samförståndsavtal.",
    )
    b.partnership(
        "nmb",
        "Nelson Mandela Bay",
        "ZA",
        partner,
        region="Eastern Cape",
        since=1999,
        agreement=A.COOPERATION_AGREEMENT.value,
        document="ICLD-partnerskapsavtal",
        renewal=b.day(40),
        officer="nilsson",
        themes=["Integration", "Hållbarhet", "Tillgänglighet", "Stadsutveckling"],
        funders=["sida", "icld"],
        notes="Finansieras av Sida genom ICLD. Fokus: tillgänglighet ur ett stadsperspektiv.",
    )
    b.partnership(
        "chicago",
        "Chicago",
        "US",
        partner,
        region="Illinois",
        since=1987,
        agreement=A.TREATY.value,
        officer="lindberg",
        themes=["Utbildning", "Biomedicin", "Gastronomi", "Turism"],
        association="csci",
        notes="Båda städerna är medlemmar i nätverket Délice.",
    )
    b.partnership(
        "lyon",
        "Lyon",
        "FR",
        partner,
        since=1991,
        agreement=A.TREATY.value,
        officer="lindberg",
        themes=[
            "Näringslivsutveckling",
            "Handel och destinationsutveckling",
            "Stadsutveckling och mobilitet",
            "Energi och miljö",
            "Kultur",
            "Sociala frågor",
            "Internationella nätverk och projekt",
        ],
        notes="Inleddes i början av 1990-talet genom Business Region Göteborg och Aderly.",
    )
    for key, city, native, country in (
        ("arhus", "Århus", "Aarhus", "DK"),
        ("abo", "Åbo", "Turku", "FI"),
        ("bergen", "Bergen", None, "NO"),
    ):
        b.partnership(
            key,
            city,
            country,
            friend,
            native=native,
            since=1946,
            agreement=A.TREATY.value,
            officer="andersson",
            themes=["Kommunal förvaltning", "Demokrati", "Service till medborgarna"],
            notes="Nordisk vänort; politiker och tjänstemän träffas vartannat år.",
        )
