"""Liepāja demo: visits, gifts, the register, projects and events."""

from __future__ import annotations

from crm.db.enums import Direction as D
from crm.db.enums import EventKind as E
from crm.db.enums import GiftDirection as G
from crm.db.enums import ProgrammeKind as K
from crm.demo.builder import DemoBuilder
from crm.demo.register_table import Entry, add_entries

IN, OUT = D.INCOMING.value, D.OUTGOING.value
TOWN_HALL = "Liepāja City Council, Rožu iela 6"
HOTEL = "Hotel Promenade, Vecā ostmala 40, Liepāja"

ENTRIES: tuple[Entry, ...] = (
    (-400, "in", "letter", "Invitation to the UBC General Conference", "wisniewska", None, None,
     None, None),
    (-380, "out", "email", "Registration of the Liepāja delegation to the UBC conference",
     "wisniewska", None, None, None, None),
    (-330, "in", "email", "Darmstadt: proposal for a youth orchestra exchange", "reinhardt",
     "darmstadt", None, None, None),
    (-300, "out", "letter", "Invitation to the Darmstadt delegation", "reinhardt", "darmstadt",
     "darmstadt", None, None),
    (-270, "in", "email", "Darmstadt delegation: list of participants", "reinhardt",
     "darmstadt", "darmstadt", None, None),
    (-255, "out", "fax", "Hotel booking for the Darmstadt delegation",
     "text:Hotel Promenade, reservations", "darmstadt", "darmstadt", None, None),
    (-235, "out", "letter", "Thank-you letter to Darmstadt", "reinhardt", "darmstadt",
     "darmstadt", None, None),
    (-210, "in", "letter", "Season greetings from Bellevue", "park", "bellevue", None, None,
     None),
    (-180, "in", "email", "Gdynia: Baltic youth sailing regatta", "kowalski", "gdynia", None,
     None, None),
    (-160, "out", "email", "Nomination of Liepāja crews for the regatta", "kowalski", "gdynia",
     None, None, None),
    (-130, "in", "email", "Klaipėda: joint tourism route along the coast", "petrauskiene",
     "klaipeda", "klaipeda", None, None),
    (-110, "out", "email", "Programme of the working visit to Klaipėda", "petrauskiene",
     "klaipeda", "klaipeda", None, None),
    (-95, "in", "phone", "Phone note: meeting room changed in Klaipėda", "petrauskiene",
     "klaipeda", "klaipeda", None, None),
    (-80, "out", "letter", "Thank-you letter to Klaipėda City Municipality", "petrauskiene",
     "klaipeda", "klaipeda", None, None),
    (-70, "in", "letter", "Gomel: request to renew contacts", "kovalyova", "gomel", None, -30,
     "open"),
    (-60, "in", "email", "Nynäshamn: request for a visit on citizen services", "lindqvist",
     "nynashamn", "nynashamn", None, None),
    (-45, "out", "letter", "Official invitation to the Nynäshamn delegation", "lindqvist",
     "nynashamn", "nynashamn", None, None),
    (-40, "in", "email", "Palanga: summer festival co-operation", "jankauskas", "palanga", None,
     -7, "open"),
    (-30, "in", "email", "Nynäshamn delegation: participants and arrival by ferry", "lindqvist",
     "nynashamn", "nynashamn", None, None),
    (-22, "out", "email", "Helsingborg: dates for the working visit", "bergstrom", "helsingborg",
     "helsingborg", 6, "waiting"),
    (-14, "in", "email", "Embassy of Sweden: request for a meeting with the Chairman", "ek",
     None, None, -3, "open"),
    (-10, "out", "email", "Draft programme for the Nynäshamn delegation", "lindqvist",
     "nynashamn", "nynashamn", 1, "waiting"),
    (-6, "in", "email", "Guldborgsund: 30 years of partnership, proposal for a joint event",
     "sorensen", "guldborgsund", None, 12, "open"),
    (-3, "in", "phone", "Phone note: Elbląg asks about the amber exhibition", "wisniewski",
     "elblag", None, 4, "open"),
    (-1, "in", "email", "Bergen: UBC cultural commission, Liepāja as host?", "haugen", "bergen",
     None, 10, "open"),
)  # fmt: skip

SUMMARIES = {
    "Gomel: request to renew contacts": "Cooperation is suspended; answer to be agreed with "
    "the Chairman and the Ministry of Foreign Affairs.",
    "Embassy of Sweden: request for a meeting with the Chairman": "Ms Ek would like to "
    "introduce the new ambassador; propose two dates.",
}


def add_activity(b: DemoBuilder) -> None:
    _visits(b)
    add_entries(b, ENTRIES, SUMMARIES)
    _projects_and_events(b)


def _visits(b: DemoBuilder) -> None:
    b.delegation(
        "nynashamn",
        "Delegation from Nynäshamn: citizen services",
        IN,
        "nynashamn",
        9,
        3,
        host="berzina",
        hotel=HOTEL,
        languages="sv,en",
        transport="Ferry Nynäshamn–Ventspils, then minibus of the City Council.",
        purpose="Citizens' Information Centre in the town hall and the "
        "“small city administrations” in the districts.",
    )
    b.member(
        "nynashamn",
        "lindqvist",
        "Head of delegation",
        1,
        arrival=(0, "11:30"),
        departure=(2, "16:00"),
        dietary="Gluten-free",
    )
    b.item(
        "nynashamn",
        0,
        "14:00",
        "14:30",
        "Courtesy call on the Chairman of the City Council",
        K.COURTESY_CALL.value,
        TOWN_HALL,
        ours=("liepins", "vecvagare"),
        dress="Business",
    )
    b.item(
        "nynashamn",
        0,
        "14:30",
        "14:45",
        "Signing the Golden Book of Liepāja",
        K.GOLDEN_BOOK.value,
        TOWN_HALL,
        ours=("liepins",),
    )
    b.item(
        "nynashamn",
        1,
        "10:00",
        "12:00",
        "Visit to the Citizens' Information Centre",
        K.VISIT.value,
        TOWN_HALL,
        ours=("berzina",),
    )
    b.item(
        "nynashamn",
        1,
        "19:00",
        "22:00",
        "Concert",
        K.CULTURAL.value,
        "Great Amber Concert Hall",
        ours=("vecvagare",),
        dress="Smart casual",
    )
    b.delegation(
        "klaipeda",
        "Working visit to Klaipėda: coastal tourism",
        OUT,
        "klaipeda",
        -100,
        2,
        host="petrauskiene",
        languages="lt,lv,en",
    )
    b.member("klaipeda", "vecvagare", "Head of delegation", 1)
    b.member("klaipeda", "ozols", "EU projects", 2)
    b.delegation(
        "darmstadt",
        "Delegation from Darmstadt: youth orchestra exchange",
        IN,
        "darmstadt",
        -245,
        3,
        host="vecvagare",
        hotel=HOTEL,
        languages="de,en",
        interpreters="Ms Vecvagare (German)",
    )
    b.member("darmstadt", "reinhardt", "Head of delegation", 1)
    b.item(
        "darmstadt",
        0,
        "11:00",
        "11:30",
        "Courtesy call on the Chairman",
        K.COURTESY_CALL.value,
        TOWN_HALL,
        ours=("liepins", "vecvagare"),
        dress="Business",
    )
    b.item(
        "darmstadt",
        1,
        "18:00",
        "21:00",
        "Joint concert of the youth orchestras",
        K.CULTURAL.value,
        "Great Amber Concert Hall",
        ours=("liepins",),
    )
    b.delegation(
        "helsingborg",
        "Working visit to Helsingborg",
        OUT,
        "helsingborg",
        45,
        2,
        host="bergstrom",
        languages="en,sv",
    )
    b.member("helsingborg", "berzina", "Protocol officer", 1)
    b.gift(
        G.GIVEN.value,
        "Amber brooch in a Liepāja gift box",
        delegation="darmstadt",
        partnership="darmstadt",
        giver="liepins",
        receiver="reinhardt",
        value="85.00",
        currency="EUR",
    )
    b.gift(
        G.RECEIVED.value,
        "Jugendstil vase from the Mathildenhöhe",
        delegation="darmstadt",
        partnership="darmstadt",
        giver="reinhardt",
        receiver="liepins",
    )
    b.gift(
        G.GIVEN.value,
        "Book “Liepāja – the city where the wind is born”",
        delegation="klaipeda",
        partnership="klaipeda",
        giver="vecvagare",
        receiver="petrauskiene",
        value="30.00",
        currency="EUR",
    )
    b.gift(
        G.RECEIVED.value,
        "Amber and linen table set",
        delegation="klaipeda",
        partnership="klaipeda",
        giver="petrauskiene",
        receiver="vecvagare",
    )


def _projects_and_events(b: DemoBuilder) -> None:
    b.project(
        "citizens",
        "Citizens' Information Centre in the town hall",
        partnership="nynashamn",
        theme="Municipal services",
        start=b.day(-2000),
        end=b.day(-1500),
        status="completed",
        description="Inspired by Nynäshamn and Helsingborg.",
    )
    b.project(
        "regatta",
        "Baltic youth sailing regatta",
        partnership="gdynia",
        theme="Youth",
        budget="24000.00",
        currency="EUR",
        start=b.day(-200),
        end=b.day(150),
    )
    b.event(
        "UBC General Conference",
        E.NETWORK_MEETING.value,
        b.at(b.day(60), "09:00"),
        b.at(b.day(62), "14:00"),
        city="Gdańsk",
        country="PL",
        organiser="ubc",
    )
    b.event(
        "Reception for the honorary consuls in Liepāja",
        E.RECEPTION.value,
        b.at(b.day(12), "17:00"),
        b.at(b.day(12), "19:00"),
        venue=TOWN_HALL,
        city="Liepāja",
        country="LV",
        organiser="bureau",
    )
