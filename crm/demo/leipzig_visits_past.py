"""Leipzig demo: earlier visits with their gifts, and the ones planned for later."""

from __future__ import annotations

from crm.db.enums import ProgrammeKind as K
from crm.demo.builder import DemoBuilder
from crm.demo.leipzig_visits import (
    DARK_SUIT,
    FESTSAAL,
    FUERSTENHOF,
    GIVEN,
    HANDELSHOF,
    IN,
    OBM_ROOM,
    OUT,
    RECEIVED,
)


def add_past_and_later_visits(b: DemoBuilder) -> None:
    _kiew(b)
    _addis(b)
    _nanjing(b)
    _smaller_visits(b)


def _kiew(b: DemoBuilder) -> None:
    b.delegation(
        "kiew",
        "Arbeitsbesuch aus Kiew: nachhaltige Stadtentwicklung",
        IN,
        "kiew",
        -210,
        3,
        host="wendler",
        hotel=HANDELSHOF,
        languages="uk,de",
        interpreters="Herr Wendler (Referat IZ), Ukrainisch–Deutsch",
    )
    b.member("kiew", "melnyk", "Delegationsleiter", 1)
    b.member("kiew", "kovalenko", "Leiterin Internationale Beziehungen", 2)
    b.item(
        "kiew",
        0,
        "10:00",
        "10:45",
        "Höflichkeitsbesuch beim Oberbürgermeister",
        K.COURTESY_CALL.value,
        OBM_ROOM,
        ours=("jung", "wendler"),
        dress=DARK_SUIT,
    )
    b.item(
        "kiew",
        0,
        "10:45",
        "11:15",
        "Eintragung in das Goldene Buch",
        K.GOLDEN_BOOK.value,
        FESTSAAL,
        ours=("jung",),
        dress=DARK_SUIT,
    )
    b.item(
        "kiew",
        1,
        "09:00",
        "16:00",
        "Fachtag Wiederaufbau und Stadtentwicklung",
        K.MEETING.value,
        "Stadtbüro, Katharinenstraße 2",
        ours=("wendler", "bauer_kv"),
    )
    b.gift(
        GIVEN,
        "Bildband „Leipzig – Stadt der Friedlichen Revolution“ mit Widmung",
        delegation="kiew",
        partnership="kiew",
        giver="jung",
        receiver="melnyk",
        value="45.00",
        currency="EUR",
    )
    b.gift(
        RECEIVED,
        "Petrykiwka-Malerei „Lebensbaum“ (gerahmt)",
        delegation="kiew",
        partnership="kiew",
        giver="melnyk",
        receiver="jung",
        notes="Ausgestellt im Vorzimmer des Oberbürgermeisters.",
    )


def _addis(b: DemoBuilder) -> None:
    b.delegation(
        "addis",
        "Delegationsreise nach Addis Abeba: Rettungswesen und Inklusion",
        OUT,
        "addis",
        -120,
        6,
        host="tesfaye",
        hotel="Hilton Addis Ababa",
        transport="Ethiopian Airlines ET 707 ab Frankfurt.",
        languages="en,am",
        purpose="Projektsteuerung SKEW-Projekt; Übergabe von Rettungsausrüstung.",
    )
    b.member("addis", "goldfuss", "Delegationsleiterin", 1)
    b.member("addis", "hoppe", "Projektkoordinatorin", 2)
    b.member("addis", "hennig", "Fachexperte Rettungsdienst", 3)
    b.member("addis", "schubert", "Städtepartnerschaftsverein", 4)
    b.item(
        "addis",
        1,
        "08:00",
        "09:00",
        "Höflichkeitsbesuch beim Bürgermeisteramt",
        K.COURTESY_CALL.value,
        "Addis Ababa City Hall",
        ours=("goldfuss", "hoppe"),
    )
    b.item(
        "addis",
        1,
        "10:00",
        "15:00",
        "Übergabe der Rettungsausrüstung und Schulung",
        K.VISIT.value,
        "Fire and Emergency Authority, Hauptwache",
        ours=("hennig",),
    )
    b.item(
        "addis",
        3,
        "18:00",
        "20:00",
        "Empfang der deutschen Botschaft",
        K.MEAL.value,
        "Residenz des Botschafters",
        ours=("goldfuss",),
        dress="Business",
    )
    b.gift(
        GIVEN,
        "Leipziger Lerche (Konfekt) und Porzellanteller mit Stadtansicht",
        delegation="addis",
        partnership="addis",
        giver="goldfuss",
        receiver="tesfaye",
    )
    b.gift(
        RECEIVED,
        "Äthiopisches Kaffeeservice (Jebena) mit Körbchen",
        delegation="addis",
        partnership="addis",
        giver="tesfaye",
        receiver="goldfuss",
        value="60.00",
        currency="EUR",
    )


def _nanjing(b: DemoBuilder) -> None:
    b.delegation(
        "nanjing",
        "Delegation der Stadt Nanjing",
        IN,
        "nanjing",
        -400,
        3,
        host="nguyen_tt",
        hotel=HANDELSHOF,
        languages="zh,de",
        interpreters="Dolmetscherdienst der Universität Leipzig (Chinesisch)",
    )
    b.member("nanjing", "chen", "Delegationsleiter", 1, dietary="Kein Käse")
    b.member("nanjing", "wang", "Direktorin, Abteilung Europa", 2)
    b.item(
        "nanjing",
        0,
        "10:00",
        "10:45",
        "Höflichkeitsbesuch beim Oberbürgermeister",
        K.COURTESY_CALL.value,
        OBM_ROOM,
        ours=("jung", "nguyen_tt"),
        dress=DARK_SUIT,
    )
    b.item(
        "nanjing",
        0,
        "10:45",
        "11:15",
        "Eintragung in das Goldene Buch",
        K.GOLDEN_BOOK.value,
        FESTSAAL,
        ours=("jung",),
        dress=DARK_SUIT,
    )
    b.item(
        "nanjing",
        1,
        "10:00",
        "12:00",
        "Besuch der Leipziger Messe",
        K.VISIT.value,
        "Leipziger Messe, Messe-Allee 1",
        ours=("vogel_wf",),
    )
    b.gift(
        RECEIVED,
        "Yunjin-Brokat aus Nanjing, gerahmt",
        delegation="nanjing",
        partnership="nanjing",
        giver="chen",
        receiver="jung",
        value="250.00",
        currency="EUR",
        notes="Über 150 EUR: dem Protokollbestand gemeldet.",
    )
    b.gift(
        GIVEN,
        "Meissener Porzellanvase mit Leipziger Stadtwappen",
        delegation="nanjing",
        partnership="nanjing",
        giver="jung",
        receiver="chen",
        value="180.00",
        currency="EUR",
    )
    b.gift(
        GIVEN,
        "Bildband Leipzig (chinesische Ausgabe)",
        delegation="nanjing",
        partnership="nanjing",
        giver="nguyen_tt",
        receiver="wang",
        value="35.00",
        currency="EUR",
    )


def _smaller_visits(b: DemoBuilder) -> None:
    b.delegation(
        "thessaloniki",
        "Kulturaustausch Thessaloniki",
        IN,
        "thessaloniki",
        25,
        3,
        host="krueger",
        hotel=FUERSTENHOF,
        languages="el,en",
    )
    b.member("thessaloniki", "papadopoulos", "Delegationsleiter", 1)
    b.member("thessaloniki", "georgiou", "Koordinatorin", 2, dietary="Laktosefrei")
    b.item(
        "thessaloniki",
        0,
        "11:00",
        "11:45",
        "Höflichkeitsbesuch beim Oberbürgermeister",
        K.COURTESY_CALL.value,
        OBM_ROOM,
        ours=("jung", "krueger"),
        dress=DARK_SUIT,
    )
    b.delegation(
        "lyon",
        "Arbeitsbesuch in Lyon: Stadtentwicklung und Kultur",
        OUT,
        "lyon",
        40,
        3,
        host="moreau",
        hotel="Hôtel Carlton Lyon",
        languages="fr,de",
        transport="Flug LEJ–LYS über München.",
    )
    b.member("lyon", "goldfuss", "Delegationsleiterin", 1)
    b.member("lyon", "sommer", "Sachgebietsleiterin Städtepartnerschaften", 2)
    b.member("lyon", "lambert", "Deutsch-Französische Gesellschaft", 3)
    b.delegation(
        "houston",
        "Wirtschaftsdelegation nach Houston (Energie, Medizin)",
        OUT,
        "houston",
        -700,
        5,
        host="reyes",
        hotel="The Westin Houston Downtown",
        languages="en",
    )
    b.member("houston", "vogel_wf", "Delegationsleiter", 1)
    b.member("houston", "fischer", "Freundeskreis Leipzig–Houston", 2)
    b.gift(
        RECEIVED,
        "Ehrenbürgerurkunde „Honorary Texan“ und Stetson",
        delegation="houston",
        partnership="houston",
        giver="reyes",
        receiver="vogel_wf",
    )
    b.delegation(
        "travnik",
        "Fachbesuch Travnik: nachhaltige Mobilität",
        IN,
        "travnik",
        -30,
        2,
        host="hoppe",
        hotel=FUERSTENHOF,
        languages="bs,de",
        interpreters="Frau Begić (Leipzig–Travnik e.V.)",
    )
    b.member("travnik", "kovacevic", "Delegationsleiter", 1)
    b.member("travnik", "hodzic", "Büroleiterin", 2)
    b.item(
        "travnik",
        0,
        "09:30",
        "12:00",
        "Mobilitätswerkstatt mit den LVB",
        K.MEETING.value,
        "LVB, Karl-Liebknecht-Straße 12",
        ours=("hoppe", "vogt"),
    )
    b.gift(
        RECEIVED,
        "Handgewebter Kelim aus Travnik",
        delegation="travnik",
        partnership="travnik",
        giver="kovacevic",
        receiver="goldfuss",
    )
    b.gift(
        GIVEN,
        "Fahrradhelme für die Schulverkehrserziehung (20 Stück)",
        delegation="travnik",
        partnership="travnik",
        from_text="Stadt Leipzig",
        to_text="Općina Travnik",
        value="600.00",
        currency="EUR",
    )
    b.delegation(
        "gwangju",
        "Besuch aus Gwangju: Menschenrechtsstädte im Dialog",
        IN,
        "gwangju",
        -60,
        2,
        status="cancelled",
        host="nguyen_tt",
        notes="Vom Gast kurzfristig abgesagt; neuer Termin im nächsten Jahr.",
    )
    b.member("gwangju", "kim", "Delegationsleiter", 1)
    b.member("gwangju", "lee", "Koordinatorin", 2)
    b.gift(
        RECEIVED,
        "Seladon-Vase aus Gwangju (per Post)",
        partnership="gwangju",
        on=b.day(-55),
        giver="kim",
        receiver="jung",
    )
    b.gift(
        GIVEN,
        "Leipziger Allerlei-Kochbuch und Stadtplan",
        partnership="herzliya",
        delegation="herzliya",
        giver="sommer",
        receiver="cohen",
        value="25.00",
        currency="EUR",
    )
