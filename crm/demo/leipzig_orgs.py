"""Leipzig demo: the organisations the Referat Internationale Zusammenarbeit works with."""

from __future__ import annotations

from crm.db.enums import OrganisationKind as K
from crm.demo.builder import DemoBuilder

CITY = K.CITY_ADMINISTRATION.value
ASSOCIATION = K.PARTNERSHIP_ASSOCIATION.value
RATHAUS = ("Martin-Luther-Ring 4–6", "04109", "Leipzig", "DE")


def add_organisations(b: DemoBuilder) -> None:
    _leipzig(b)
    _associations(b)
    _partner_cities(b)
    _diplomatic(b)


def _leipzig(b: DemoBuilder) -> None:
    b.org(
        "iz",
        "Stadt Leipzig, Referat Internationale Zusammenarbeit",
        CITY,
        short_name="Referat IZ",
        city="Leipzig",
        country="DE",
        notes="Unser Referat. Neues Rathaus, Zimmer 250–262.",
        contacts=[
            ("phone", "0341 123-2030", "Sekretariat"),
            ("fax", "0341 123-2055"),
            ("email", "international@leipzig.de"),
            ("web", "www.leipzig.de/internationales"),
        ],
        address=RATHAUS,
    )
    b.org(
        "obm",
        "Stadt Leipzig, Büro des Oberbürgermeisters",
        CITY,
        city="Leipzig",
        country="DE",
        contacts=[("phone", "0341 123-2000"), ("fax", "0341 123-2005")],
        address=RATHAUS,
    )
    b.org(
        "wifoe",
        "Stadt Leipzig, Amt für Wirtschaftsförderung",
        CITY,
        city="Leipzig",
        country="DE",
        contacts=[("phone", "0341 123-5810"), ("email", "wifoe@leipzig.de")],
        address=("Martin-Luther-Ring 2", "04109", "Leipzig", "DE"),
    )
    b.org(
        "feuer",
        "Branddirektion Leipzig",
        CITY,
        city="Leipzig",
        country="DE",
        notes="Partner im Projekt Rettungswesen Addis Abeba.",
        contacts=[("phone", "0341 123-9100"), ("email", "branddirektion@leipzig.de")],
        address=("Goerdelerring 7", "04109", "Leipzig", "DE"),
    )
    b.org(
        "uni",
        "Universität Leipzig",
        K.UNIVERSITY.value,
        short_name="UL",
        city="Leipzig",
        country="DE",
        contacts=[
            ("phone", "0341 97-32020", "Akademisches Auslandsamt"),
            ("web", "www.uni-leipzig.de"),
        ],
        address=("Augustusplatz 10", "04109", "Leipzig", "DE"),
    )
    b.org(
        "htwk",
        "Hochschule für Technik, Wirtschaft und Kultur Leipzig",
        K.UNIVERSITY.value,
        short_name="HTWK",
        city="Leipzig",
        country="DE",
        contacts=[("phone", "0341 3076-6290")],
    )
    b.org(
        "lvb",
        "Leipziger Verkehrsbetriebe (LVB) GmbH",
        K.COMPANY.value,
        short_name="LVB",
        city="Leipzig",
        country="DE",
        notes="Fachpartner für nachhaltige Mobilität (Lemberg, Ho-Chi-Minh-Stadt, Travnik).",
        contacts=[("phone", "0341 492-1001"), ("web", "www.l.de/verkehrsbetriebe")],
        address=("Karl-Liebknecht-Straße 12", "04107", "Leipzig", "DE"),
    )
    b.org(
        "gewandhaus",
        "Gewandhaus zu Leipzig",
        K.CULTURAL_INSTITUTION.value,
        city="Leipzig",
        country="DE",
        contacts=[("phone", "0341 1270-0")],
        address=("Augustusplatz 8", "04109", "Leipzig", "DE"),
    )
    b.org(
        "vietnam_ev",
        "Gemeinschaft der Vietnamesen in Leipzig e.V.",
        K.NGO.value,
        city="Leipzig",
        country="DE",
        notes=(
            "Mit rund 3.500 Mitgliedern die zweitgrößte vietnamesische Gemeinde in Deutschland; "
            "nähte 2020 Alltagsmasken für den städtischen Gebrauch."
        ),
        contacts=[("phone", "0341 2254 871"), ("email", "info@vietnamesen-leipzig.de")],
        address=("Eisenbahnstraße 121", "04315", "Leipzig", "DE"),
    )
    b.org(
        "skew",
        "Servicestelle Kommunen in der Einen Welt (SKEW)",
        K.FUNDER.value,
        short_name="SKEW",
        city="Bonn",
        country="DE",
        notes="Bei Engagement Global; zentraler Partner und Mittelgeber der kommunalen "
        "Entwicklungszusammenarbeit seit 2016.",
        contacts=[("phone", "0228 20717-2670"), ("email", "info@service-eine-welt.de")],
        address=("Friedrich-Ebert-Allee 40", "53113", "Bonn", "DE"),
    )
    b.org(
        "staatskanzlei",
        "Sächsische Staatskanzlei",
        K.GOVERNMENT.value,
        city="Dresden",
        country="DE",
        contacts=[("phone", "0351 564-10305")],
        address=("Archivstraße 1", "01097", "Dresden", "DE"),
    )
    b.org(
        "eurocities",
        "EUROCITIES",
        K.NETWORK.value,
        city="Brüssel",
        country="BE",
        contacts=[("phone", "+32 2 552 0888"), ("web", "eurocities.eu")],
    )
    b.org(
        "ubc",
        "Union of Baltic Cities (UBC)",
        K.NETWORK.value,
        short_name="UBC",
        city="Gdańsk",
        country="PL",
        notes="Städtenetzwerk der Ostseeregion; Kontakt über die Kooperationsstadt Danzig.",
        contacts=[("phone", "+48 58 301 09 17"), ("email", "info@ubc.net")],
        address=("Wały Jagiellońskie 1", "80-853", "Gdańsk", "PL"),
    )


def _associations(b: DemoBuilder) -> None:
    for key, name, phone in (
        ("ass_kiew", "Leipzig–Kiew Partnerschaftsverein e.V.", "0341 9611 402"),
        ("ass_lyon", "Deutsch-Französische Gesellschaft Leipzig e.V.", "0341 3911 270"),
        ("ass_houston", "Freundeskreis Leipzig–Houston e.V.", "0341 6012 554"),
        ("ass_travnik", "Leipzig–Travnik e.V.", "0341 4627 318"),
        ("ass_addis", "Städtepartnerschaftsverein Leipzig–Addis Abeba e.V.", "0341 2319 660"),
        ("ass_herzliya", "Freundeskreis Leipzig–Herzliya e.V.", "0341 5906 113"),
        ("ass_althen", "Partnerschaftskomitee Engelsdorf–Althen des Paluds e.V.", "0341 2513 084"),
        ("ass_herbiers", "Freundeskreis Liebertwolkwitz–Pays des Herbiers e.V.", "034297 4 21 36"),
    ):
        b.org(key, name, ASSOCIATION, city="Leipzig", country="DE", contacts=[("phone", phone)])


def _partner_cities(b: DemoBuilder) -> None:
    cities: tuple[tuple[str, str, str | None, str, str, str], ...] = (
        ("kyiv_adm", "Київська міська державна адміністрація", "Kyiv City State Administration",
         "Kyiv", "UA", "+380 44 202 7614"),
        ("lyon_adm", "Ville de Lyon, Direction des Relations Internationales", None,
         "Lyon", "FR", "+33 4 72 10 30 30"),
        ("nanjing_fao", "南京市人民政府外事办公室",
         "Foreign Affairs Office of the Nanjing Municipal People's Government",
         "Nanjing", "CN", "+86 25 8363 1234"),
        ("bham", "Birmingham City Council", None, "Birmingham", "GB", "+44 121 303 9944"),
        ("houston_adm", "City of Houston, Office of Protocol and International Affairs", None,
         "Houston", "US", "+1 832 393 0919"),
        ("thess_adm", "Δήμος Θεσσαλονίκης", "Municipality of Thessaloniki",
         "Thessaloniki", "GR", "+30 2313 317 100"),
        ("travnik_adm", "Općina Travnik", "Municipality of Travnik", "Travnik", "BA",
         "+387 30 511 211"),
        ("addis_adm", "የአዲስ አበባ ከተማ አስተዳደር", "Addis Ababa City Administration",
         "Addis Abeba", "ET", "+251 11 155 3322"),
        ("addis_fire", "Addis Ababa Fire and Emergency Prevention and Rescue Authority", None,
         "Addis Abeba", "ET", "+251 11 156 8601"),
        ("herzliya_adm", "עיריית הרצליה", "Herzliya Municipality", "Herzliya", "IL",
         "+972 9 959 1510"),
        ("bologna_adm", "Comune di Bologna, Relazioni Internazionali", None, "Bologna", "IT",
         "+39 051 219 4321"),
        ("krakow_adm", "Urząd Miasta Krakowa", "Kraków City Hall", "Krakau", "PL",
         "+48 12 616 1234"),
        ("brno_adm", "Statutární město Brno, Magistrát města Brna", "City of Brno", "Brünn", "CZ",
         "+420 542 172 345"),
        ("gdansk_adm", "Urząd Miejski w Gdańsku", "Gdańsk City Hall", "Danzig", "PL",
         "+48 58 323 6000"),
        ("gwangju_adm", "광주광역시청", "Gwangju Metropolitan City Hall", "Gwangju", "KR",
         "+82 62 613 2345"),
        ("hcmc_pc", "Ủy ban nhân dân Thành phố Hồ Chí Minh",
         "People's Committee of Ho Chi Minh City", "Ho-Chi-Minh-Stadt", "VN",
         "+84 28 3829 6052"),
        ("hcmc_dofa", "Sở Ngoại vụ Thành phố Hồ Chí Minh",
         "Department of Foreign Affairs of Ho Chi Minh City", "Ho-Chi-Minh-Stadt", "VN",
         "+84 28 3822 4124"),
        ("hcmc_dot", "Sở Giao thông Vận tải Thành phố Hồ Chí Minh",
         "Department of Transport of Ho Chi Minh City", "Ho-Chi-Minh-Stadt", "VN",
         "+84 28 3829 0451"),
        ("lviv_adm", "Львівська міська рада", "Lviv City Council", "Lviv", "UA",
         "+380 32 297 5812"),
        ("moscow_adm", "Правительство Москвы", "Moscow City Government", "Moskau", "RU",
         "+7 495 633 6044"),
        ("frankfurt_adm", "Stadt Frankfurt am Main, Referat für Internationale Angelegenheiten",
         None, "Frankfurt am Main", "DE", "069 212-38866"),
        ("hannover_adm", "Landeshauptstadt Hannover, Internationale Angelegenheiten", None,
         "Hannover", "DE", "0511 168-41234"),
        ("althen_adm", "Mairie d'Althen-des-Paluds", None, "Althen-des-Paluds", "FR",
         "+33 4 90 62 01 02"),
        ("herbiers_adm", "Communauté de communes du Pays des Herbiers", None, "Les Herbiers",
         "FR", "+33 2 51 91 29 29"),
    )  # fmt: skip
    for key, name, latin, city, country, phone in cities:
        b.org(
            key,
            name,
            CITY,
            name_latin=latin,
            city=city,
            country=country,
            contacts=[("phone", phone, "Zentrale")],
        )
    for key, address in (
        ("kyiv_adm", ("вул. Хрещатик, 36", "01044", "Київ", "UA")),
        ("lyon_adm", ("1 place de la Comédie", "69001", "Lyon", "FR")),
        ("thess_adm", ("Βασιλέως Γεωργίου Α΄ 1", "546 40", "Θεσσαλονίκη", "GR")),
        ("krakow_adm", ("pl. Wszystkich Świętych 3–4", "31-004", "Kraków", "PL")),
        ("brno_adm", ("Dominikánské náměstí 1", "602 00", "Brno", "CZ")),
        ("lviv_adm", ("пл. Ринок, 1", "79008", "Львів", "UA")),
        ("bologna_adm", ("Piazza Maggiore 6", "40124", "Bologna", "IT")),
        ("hannover_adm", ("Trammplatz 2", "30159", "Hannover", "DE")),
    ):
        b.orgs[key].addresses = b.address_list(address)


def _diplomatic(b: DemoBuilder) -> None:
    b.org(
        "emb_ua",
        "Botschaft der Ukraine in der Bundesrepublik Deutschland",
        K.EMBASSY.value,
        city="Berlin",
        country="UA",
        contacts=[("phone", "030 288 87-0"), ("fax", "030 288 87-163")],
        address=("Albrechtstraße 26", "10117", "Berlin", "DE"),
    )
    b.org(
        "emb_et",
        "Botschaft der Demokratischen Bundesrepublik Äthiopien",
        K.EMBASSY.value,
        city="Berlin",
        country="ET",
        contacts=[("phone", "030 772 06-0"), ("email", "info@ethiopia-embassy.de")],
        address=("Boothstraße 20a", "12207", "Berlin", "DE"),
    )
    b.org(
        "emb_il",
        "Botschaft des Staates Israel",
        K.EMBASSY.value,
        city="Berlin",
        country="IL",
        contacts=[("phone", "030 8904 5500")],
        address=("Auguste-Viktoria-Straße 74–76", "14193", "Berlin", "DE"),
    )
    b.org(
        "emb_vn",
        "Botschaft der Sozialistischen Republik Vietnam",
        K.EMBASSY.value,
        city="Berlin",
        country="VN",
        contacts=[("phone", "030 5363 0108"), ("fax", "030 5363 0200")],
        address=("Elsenstraße 3", "12435", "Berlin", "DE"),
    )
    b.org(
        "gk_ru",
        "Generalkonsulat der Russischen Föderation in Leipzig",
        K.CONSULATE.value,
        city="Leipzig",
        country="RU",
        contacts=[("phone", "0341 585 1876")],
        address=("Turmgutstraße 1", "04155", "Leipzig", "DE"),
    )
