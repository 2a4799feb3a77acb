"""Leipzig demo: the partnerships from the 2020 evaluation, projects and events."""

from __future__ import annotations

from datetime import date

from crm.db.enums import AgreementKind as A
from crm.db.enums import EventKind as E
from crm.db.enums import PartnershipKind as P
from crm.demo.builder import DemoBuilder

TWIN, NATIONAL = P.TWIN_CITY.value, P.NATIONAL_PARTNER.value
COOPERATION, DISTRICT = P.COOPERATION_CITY.value, P.DISTRICT_PARTNERSHIP.value
EVALUATED = date(2020, 10, 16)  # Beschlussvorlage VII-DS-01264: evaluated every five years
NEXT_EVALUATION = date(2025, 10, 16)

# key, name, native, latin, country, kind, since, rating, association, officer, themes
PARTNERSHIPS: tuple[
    tuple[str, str, str | None, str | None, str, str, int, str, str | None, str, str], ...
] = (
    ("kiew", "Kiew", "Київ", "Kyiv", "UA", TWIN, 1961, "AAA", "ass_kiew", "wendler",
     "Nachhaltige Stadtentwicklung;Kultur;Bildung;Jugend;Wissenschaft"),
    ("lyon", "Lyon", None, None, "FR", TWIN, 1981, "AAA", "ass_lyon", "sommer",
     "Kultur;Wirtschaft;Stadtentwicklung;Bildung;Jugend"),
    ("nanjing", "Nanjing", "南京", "Nanjing", "CN", TWIN, 1988, "AA", None, "nguyen_tt",
     "Wirtschaft;Wissenschaft;Kultur;Umwelt"),
    ("birmingham", "Birmingham", None, None, "GB", TWIN, 1992, "AA", None, "sommer",
     "Kultur;Bildung;Wirtschaft"),
    ("houston", "Houston", None, None, "US", TWIN, 1993, "AAA", "ass_houston", "sommer",
     "Wirtschaft;Gesundheit;Kultur;Bildung"),
    ("thessaloniki", "Thessaloniki", "Θεσσαλονίκη", "Thessaloniki", "GR", TWIN, 1994, "AAA",
     None, "krueger", "Kultur;Tourismus;Jugend"),
    ("travnik", "Travnik", None, None, "BA", TWIN, 2003, "AAA", "ass_travnik", "hoppe",
     "Nachhaltige Mobilität;Bildung für nachhaltige Entwicklung;Nachhaltiges Wirtschaften"),
    ("addis", "Addis Abeba", "አዲስ አበባ", "Addis Ababa", "ET", TWIN, 2004, "AAA", "ass_addis",
     "hoppe", "Inklusion;Rettungswesen;Bildung"),
    ("herzliya", "Herzliya", "הרצליה", "Herzliya", "IL", TWIN, 2011, "AAA", "ass_herzliya",
     "sommer", "Jugend;Erinnerungskultur;Innovation;Kultur"),
    ("bologna", "Bologna", None, None, "IT", TWIN, 1962, "AA", None, "krueger",
     "Kultur;Wissenschaft;Bildung"),
    ("krakau", "Krakau", "Kraków", "Krakow", "PL", TWIN, 1995, "AAA", None, "wendler",
     "Kultur;Tourismus;Wissenschaft"),
    ("bruenn", "Brünn", "Brno", "Brno", "CZ", TWIN, 1973, "AAA", None, "wendler",
     "Kultur;Wirtschaft;Sport"),
    ("frankfurt", "Frankfurt am Main", None, None, "DE", NATIONAL, 1990, "A", None, "sommer",
     "Verwaltungsaustausch"),
    ("hannover", "Hannover", None, None, "DE", NATIONAL, 1987, "AA", None, "sommer",
     "Verwaltungsaustausch;Kultur"),
    ("danzig", "Danzig", "Gdańsk", "Gdansk", "PL", COOPERATION, 2008, "AAA", None, "wendler",
     "Kultur;Tourismus;Stadtentwicklung"),
    ("gwangju", "Gwangju", "광주", "Gwangju", "KR", COOPERATION, 2012, "AA", None, "nguyen_tt",
     "Menschenrechte;Kultur;Wissenschaft"),
    ("hcmc", "Ho-Chi-Minh-Stadt", "Thành phố Hồ Chí Minh", "Ho Chi Minh City", "VN",
     COOPERATION, 2014, "AAA", None, "nguyen_tt",
     "Nachhaltige Wirtschaftsentwicklung;Nachhaltige Mobilität;Gesundheit;Berufsbildung"),
    ("lviv", "Lviv", "Львів", "Lviv", "UA", COOPERATION, 2013, "A", None, "wendler",
     "Nachhaltige Mobilität;Kultur"),
    ("moskau", "Moskau", "Москва", "Moskva", "RU", COOPERATION, 2016, "AAA", None, "wendler",
     "Kultur;Wirtschaft;Wissenschaft"),
    ("althen", "Althen des Paluds", None, None, "FR", DISTRICT, 1992, "AA", "ass_althen",
     "sommer", "Jugend;Kultur;Vereinsleben"),
    ("herbiers", "Pays des Herbiers", None, None, "FR", DISTRICT, 1996, "AAA", "ass_herbiers",
     "sommer", "Jugend;Sport;Schulaustausch"),
)  # fmt: skip

SKEW_FUNDED = {"kiew", "travnik", "addis", "hcmc", "lviv"}
LOCAL_PARTY = {"althen": "Ortschaft Engelsdorf", "herbiers": "Ortschaft Liebertwolkwitz"}
NOTES = {
    "kiew": "Älteste Partnerschaft Leipzigs, entlang der Via Regia. Seit 2016 kommunale "
    "Entwicklungszusammenarbeit zur nachhaltigen Stadtentwicklung.",
    "thessaloniki": "Partnerschaftsvertrag 1994, erneuert und erweitert 2008.",
    "travnik": "Corona 2020: Testgeräte und Aufklärungskampagne aus Leipzig.",
    "addis": "Nord-Süd-Verantwortung: Inklusion und Rettungswesen, gefördert durch die SKEW.",
    "herzliya": "Die besonderen Beziehungen zu Israel: Erinnerung – Gegenwart – Zukunft.",
    "krakau": "Via Regia; 2020 Schutzausrüstung aus Leipzig.",
    "hcmc": "Zweitgrößte vietnamesische Gemeinde Deutschlands in Leipzig. 2020 schickte "
    "Ho-Chi-Minh-Stadt Schutzausrüstung. Kooperationsvereinbarung alle drei Jahre erneuert.",
    "lviv": "Lemberg; Nakopa-Projekt nachhaltige Mobilität mit den LVB.",
    "moskau": "Bewertung aus der Evaluierung 2020. Zusammenarbeit seit Februar 2022 ausgesetzt.",
}


def add_partnerships(b: DemoBuilder) -> None:
    for (
        key,
        name,
        native,
        latin,
        country,
        kind,
        since,
        rating,
        association,
        officer,
        themes,
    ) in PARTNERSHIPS:
        if kind == TWIN:
            agreement, document = A.TREATY.value, f"Partnerschaftsvertrag {since}"
        elif kind == COOPERATION:
            agreement, document = A.COOPERATION_AGREEMENT.value, f"Kooperationsvereinbarung {since}"
        else:
            agreement, document = A.LETTER_OF_INTENT.value, f"Absichtserklärung {since}"
        suspended = key == "moskau"
        b.partnership(
            key,
            name,
            country,
            kind,
            native=native,
            latin=latin,
            local_party=LOCAL_PARTY.get(key),
            since=since,
            agreement=agreement,
            document=document,
            renewal=b.day(75) if key == "hcmc" else None,
            status="suspended" if suspended else "active",
            rating=rating,
            association=association,
            officer=officer,
            last_evaluation=EVALUATED,
            next_evaluation=None if suspended else _next_evaluation(b, kind),
            themes=themes.split(";"),
            funders=["skew"] if key in SKEW_FUNDED else [],
            notes=NOTES.get(key),
        )


def _next_evaluation(b: DemoBuilder, kind: str) -> date:
    # The national partnerships are reviewed with the Saxon network, shortly.
    return b.day(40) if kind == NATIONAL else NEXT_EVALUATION


def add_projects_and_events(b: DemoBuilder) -> None:
    b.project(
        "lviv_mobility",
        "Nachhaltige Mobilität Lemberg–Leipzig (Nakopa)",
        partnership="lviv",
        theme="Nachhaltige Mobilität",
        funder="skew",
        budget="248000.00",
        currency="EUR",
        start=b.day(-700),
        end=b.day(120),
        description="Radverkehrskonzept und Straßenbahnbeschleunigung mit den LVB.",
    )
    b.project(
        "addis_rescue",
        "Rettungswesen und Inklusion Addis Abeba",
        partnership="addis",
        theme="Rettungswesen",
        funder="skew",
        budget="180000.00",
        currency="EUR",
        start=b.day(-420),
        end=b.day(310),
        description="Ausbildung von Rettungskräften mit der Branddirektion Leipzig; "
        "barrierefreie Notaufnahme.",
    )
    b.project(
        "hcmc_economy",
        "Nachhaltige Wirtschaftsentwicklung und Mobilität Ho-Chi-Minh-Stadt",
        partnership="hcmc",
        theme="Nachhaltige Wirtschaftsentwicklung",
        funder="skew",
        budget="210000.00",
        currency="EUR",
        start=b.day(-300),
        end=b.day(430),
        description="Fachaustausch Wirtschaftsförderung, E-Busse und Pflegeausbildung.",
    )
    b.project(
        "travnik_climate",
        "Klimafreundliche Mobilität und BNE in Travnik",
        partnership="travnik",
        theme="Nachhaltige Mobilität",
        funder="skew",
        budget="95000.00",
        currency="EUR",
        start=b.day(-800),
        end=b.day(-60),
        status="completed",
    )
    b.project(
        "haus",
        "Internationales Haus für die Städtepartnerschaftsvereine",
        theme="Zivilgesellschaft",
        start=b.day(200),
        status="planned",
        description="Gemeinsame Struktur für die Vereine (Beschlusspunkt 3 der Evaluierung).",
    )
    b.event(
        "3. Asienkonferenz: Kommunale Partnerschaften mit Asien",
        E.CONFERENCE.value,
        b.at(date(2021, 3, 1), "09:30"),
        b.at(date(2021, 3, 3), "16:00"),
        venue="Online-Konferenz",
        city="Leipzig",
        country="DE",
        organiser="skew",
        project="hcmc_economy",
        description="Bundesweite Konferenz der SKEW in Zusammenarbeit mit der Stadt Leipzig; "
        "Leipzig stellt die partnerschaftliche Zusammenarbeit mit Vietnam vor.",
    )
    reception = b.day(18)
    b.event(
        f"{reception.year - 1961} Jahre Städtepartnerschaft Leipzig–Kiew: Festempfang",
        E.ANNIVERSARY.value,
        b.at(reception, "18:00"),
        b.at(reception, "21:00"),
        venue="Neues Rathaus, Festsaal",
        city="Leipzig",
        country="DE",
        partnership="kiew",
        organiser="iz",
    )
    b.event(
        "Empfang des Oberbürgermeisters für das Konsularische Korps",
        E.RECEPTION.value,
        b.at(b.day(33), "17:00"),
        b.at(b.day(33), "19:00"),
        venue="Altes Rathaus, Festsaal",
        city="Leipzig",
        country="DE",
        organiser="obm",
    )
    b.event(
        "EUROCITIES Jahrestagung",
        E.NETWORK_MEETING.value,
        b.at(b.day(-160), "09:00"),
        b.at(b.day(-158), "13:00"),
        city="Brüssel",
        country="BE",
        organiser="eurocities",
    )
    b.event(
        "Fest der Partnerstädte auf dem Markt",
        E.FESTIVAL.value,
        b.at(b.day(190), "11:00"),
        b.at(b.day(190), "20:00"),
        venue="Markt, vor dem Alten Rathaus",
        city="Leipzig",
        country="DE",
        organiser="iz",
        description="Alle Partnerschaftsvereine stellen sich vor.",
    )


def add_tags(b: DemoBuilder) -> None:
    b.tag("VIP", "#b3261e", "person", ["jung", "melnyk", "chen", "tran_qb", "levi", "volkov"])
    b.tag(
        "Entwicklungszusammenarbeit",
        "#2e7d32",
        "partnership",
        sorted(SKEW_FUNDED),
    )
    b.tag("Via Regia", "#6a1b9a", "partnership", ["kiew", "krakau", "lviv", "moskau", "bruenn"])
    b.tag("Presseverteiler", "#1565c0", "organisation", ["vietnam_ev", "ass_addis", "uni"])
