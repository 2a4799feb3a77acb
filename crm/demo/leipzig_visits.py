"""Leipzig demo: the visits of these weeks, with programme; the constants all visits share."""

from __future__ import annotations

from crm.db.enums import Direction as D
from crm.db.enums import GiftDirection as G
from crm.db.enums import ProgrammeKind as K
from crm.demo.builder import DemoBuilder

IN, OUT = D.INCOMING.value, D.OUTGOING.value
GIVEN, RECEIVED = G.GIVEN.value, G.RECEIVED.value
HANDELSHOF = "Steigenberger Grandhotel Handelshof, Salzgäßchen 6, 04109 Leipzig"
FUERSTENHOF = "Hotel Fürstenhof Leipzig, Tröndlinring 8, 04105 Leipzig"
OBM_ROOM = "Neues Rathaus, Dienstzimmer des Oberbürgermeisters (Raum 200)"
FESTSAAL = "Neues Rathaus, Festsaal"
DARK_SUIT = "Dunkler Anzug"


def add_visits(b: DemoBuilder) -> None:
    _ho_chi_minh(b)
    _herzliya(b)


def _ho_chi_minh(b: DemoBuilder) -> None:
    """The big one: arriving within the next two weeks."""
    b.delegation(
        "hcmc",
        "Delegation des Volkskomitees Ho-Chi-Minh-Stadt",
        IN,
        "hcmc",
        6,
        5,
        purpose="Nachhaltige Wirtschaftsentwicklung und Mobilität; Fortschreibung der "
        "Kooperationsvereinbarung; SKEW-Projekt.",
        host="goldfuss",
        hotel=HANDELSHOF,
        transport="Ankunft Flughafen Leipzig/Halle über Frankfurt (LH 164); Kleinbus der "
        "Fahrbereitschaft (Fahrer Herr Uhlig, 0341 123-1870).",
        interpreters="Frau Phạm Thu Hà (Vietnamesisch–Deutsch, konsekutiv); Reserve: "
        "Frau Nguyen (Referat IZ).",
        languages="vi,en,de",
        notes="Fotograf und Presse zum Goldenen Buch bestellt.",
    )
    b.member(
        "hcmc",
        "tran_qb",
        "Delegationsleiter",
        1,
        arrival=(0, "14:35"),
        departure=(4, "12:40"),
        dietary="Kein Rindfleisch",
    )
    b.member(
        "hcmc",
        "nguyen_tl",
        "Stellvertretende Delegationsleiterin",
        2,
        arrival=(0, "14:35"),
        departure=(4, "12:40"),
    )
    b.member(
        "hcmc",
        "le_mt",
        "Fachdelegierter Verkehr",
        3,
        arrival=(0, "14:35"),
        departure=(4, "12:40"),
        accessibility="Gehbehinderung: kurze Wege, Aufzug",
    )
    b.member(
        "hcmc",
        "vo_th",
        "Fachdelegierte Stadtplanung",
        4,
        arrival=(0, "14:35"),
        departure=(4, "12:40"),
        dietary="Vegetarisch",
    )
    b.member("hcmc", "pham", "Dolmetscherin", 10, hotel="Eigene Unterkunft in Leipzig")
    b.gift(
        GIVEN,
        "Porzellanteller mit Leipziger Stadtansicht (Protokollbestand Nr. 14)",
        delegation="hcmc",
        partnership="hcmc",
        giver="jung",
        receiver="tran_qb",
        value="95.00",
        currency="EUR",
        notes="Vorgesehen: Übergabe beim Höflichkeitsbesuch.",
    )
    hosts = ("goldfuss", "nguyen_tt")
    b.item(
        "hcmc",
        0,
        "14:35",
        "15:30",
        "Abholung am Flughafen und Transfer zum Hotel",
        K.TRANSFER.value,
        "Flughafen Leipzig/Halle, Terminal B",
        ours=("nguyen_tt",),
    )
    b.item(
        "hcmc",
        0,
        "19:00",
        "21:00",
        "Informelles Abendessen",
        K.MEAL.value,
        "Restaurant Auerbachs Keller",
        ours=hosts,
        dress="Business",
    )
    b.item(
        "hcmc",
        1,
        "09:30",
        "10:15",
        "Höflichkeitsbesuch beim Oberbürgermeister",
        K.COURTESY_CALL.value,
        OBM_ROOM,
        ours=("jung", *hosts),
        dress=DARK_SUIT,
    )
    b.item(
        "hcmc",
        1,
        "10:15",
        "10:45",
        "Eintragung in das Goldene Buch der Stadt",
        K.GOLDEN_BOOK.value,
        FESTSAAL,
        ours=("jung", "goldfuss"),
        dress=DARK_SUIT,
        notes="Fotograf bestellt; Presse ab 10:30.",
    )
    b.item(
        "hcmc",
        1,
        "11:00",
        "12:30",
        "Fachgespräch nachhaltige Wirtschaftsentwicklung",
        K.MEETING.value,
        "Amt für Wirtschaftsförderung, Martin-Luther-Ring 2",
        ours=("vogel_wf", "nguyen_tt"),
    )
    b.item(
        "hcmc",
        1,
        "15:00",
        "17:00",
        "Besichtigung E-Bus-Betriebshof",
        K.VISIT.value,
        "LVB Betriebshof Angerbrücke",
        ours=("vogt",),
        notes="Sicherheitsschuhe gestellt.",
    )
    b.item(
        "hcmc",
        2,
        "09:30",
        "12:00",
        "Universität Leipzig: Pflegeausbildung und Vietnamistik",
        K.MEETING.value,
        "Neues Augusteum, Augustusplatz 10",
        ours=("brandt", "weiss"),
    )
    b.item(
        "hcmc",
        2,
        "14:30",
        "16:30",
        "Begegnung mit der vietnamesischen Gemeinde",
        K.VISIT.value,
        "Vereinshaus, Eisenbahnstraße 121",
        ours=("tran_vh", "nguyen_tt"),
    )
    b.item(
        "hcmc",
        2,
        "20:00",
        "22:15",
        "Konzert des Gewandhausorchesters",
        K.CULTURAL.value,
        "Gewandhaus zu Leipzig, Großer Saal",
        ours=("goldfuss",),
        dress="Abendgarderobe",
    )
    b.item(
        "hcmc",
        3,
        "10:00",
        "13:00",
        "Workshop Kooperationsvereinbarung 2027–2029 (SKEW)",
        K.MEETING.value,
        "Neues Rathaus, Raum 259",
        ours=("goldfuss", "nguyen_tt", "albrecht"),
    )
    b.item(
        "hcmc", 3, "13:15", "13:45", "Pressegespräch", K.PRESS.value, FESTSAAL, ours=("goldfuss",)
    )
    b.item(
        "hcmc",
        4,
        "10:30",
        "11:30",
        "Transfer zum Flughafen",
        K.TRANSFER.value,
        "Hotel → Flughafen Leipzig/Halle",
        ours=("becker",),
    )


def _herzliya(b: DemoBuilder) -> None:
    """Under way today."""
    b.delegation(
        "herzliya",
        "Besuch aus Herzliya: Jugendaustausch und Erinnerungskultur",
        IN,
        "herzliya",
        -1,
        4,
        host="sommer",
        hotel=FUERSTENHOF,
        transport="Bahn ab Berlin Hbf; vor Ort Straßenbahn und Fußwege.",
        interpreters="Nicht erforderlich (Englisch).",
        languages="he,en",
    )
    b.member(
        "herzliya",
        "levi",
        "Delegationsleiter",
        1,
        arrival=(0, "11:02"),
        departure=(3, "15:00"),
        dietary="Koscher",
    )
    b.member("herzliya", "cohen", "Koordinatorin", 2, arrival=(0, "11:02"), departure=(3, "15:00"))
    b.item(
        "herzliya",
        0,
        "14:00",
        "15:30",
        "Treffen mit dem Freundeskreis Leipzig–Herzliya",
        K.MEETING.value,
        "Ariowitsch-Haus, Hinrichsenstraße 14",
        ours=("sommer", "rosenthal"),
    )
    b.item(
        "herzliya",
        1,
        "10:00",
        "10:30",
        "Höflichkeitsbesuch bei der Bürgermeisterin für Kultur",
        K.COURTESY_CALL.value,
        "Neues Rathaus, Raum 122",
        ours=("albers", "sommer"),
        dress="Business",
    )
    b.item(
        "herzliya",
        1,
        "11:00",
        "12:30",
        "Gedenken an der Gedenkstätte Große Gemeindesynagoge",
        K.VISIT.value,
        "Gottschedstraße / Zentralstraße",
        ours=("sommer",),
    )
    b.item(
        "herzliya",
        2,
        "09:00",
        "15:00",
        "Jugendaustausch: Schulbesuch und Workshop",
        K.VISIT.value,
        "Leibnizschule Leipzig",
        ours=("becker",),
    )
    b.item(
        "herzliya",
        2,
        "19:00",
        "21:00",
        "Abendessen (koscher)",
        K.MEAL.value,
        "Restaurant im Ariowitsch-Haus",
        ours=("sommer", "rosenthal"),
    )
