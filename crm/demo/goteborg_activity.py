"""Göteborg demo: visits, gifts, the register, projects and events."""

from __future__ import annotations

from crm.db.enums import Direction as D
from crm.db.enums import EventKind as E
from crm.db.enums import GiftDirection as G
from crm.db.enums import ProgrammeKind as K
from crm.demo.builder import DemoBuilder
from crm.demo.register_table import Entry, add_entries

IN, OUT = D.INCOMING.value, D.OUTGOING.value
STADSHUSET = "Stadshuset, Gustaf Adolfs torg 4A"
HOTEL = "Hotel Eggers, Drottningtorget 2–4, Göteborg"

ENTRIES: tuple[Entry, ...] = (
    (-420, "in", "letter", "Shanghai: proposal for the next memorandum of understanding", "li",
     "shanghai", None, None, None),
    (-400, "out", "email", "Comments on the draft memorandum", "li", "shanghai", None, None,
     None),
    (-380, "out", "email", "Vänortsmöte: inbjudan och dagordning", "kristensen", "arhus", None,
     None, None),
    (-360, "in", "email", "ICLD: beslut om projektmedel 2026", "ekstrom", "nmb", None, None,
     None),
    (-300, "in", "email", "Nelson Mandela Bay: programme for the project visit", "nkosi", "nmb",
     "nmb", None, None),
    (-290, "out", "email", "Flight details of the Göteborg delegation", "nkosi", "nmb", "nmb",
     None, None),
    (-270, "out", "letter", "Thank-you letter to the Executive Mayor's office", "nkosi", "nmb",
     "nmb", None, None),
    (-240, "in", "email", "Délice Network: annual meeting in Lyon", "org:delice", "lyon", None,
     None, None),
    (-200, "in", "email", "Chicago: gastronomy delegation to Göteborg", "obrien", "chicago",
     "chicago", None, None),
    (-185, "out", "email", "Programme for the Chicago delegation", "obrien", "chicago",
     "chicago", None, None),
    (-170, "in", "phone", "Telefonanteckning: ändrad ankomsttid Chicago", "obrien", "chicago",
     "chicago", None, None),
    (-160, "out", "letter", "Thank-you letter to Chicago Sister Cities International", "obrien",
     "chicago", "chicago", None, None),
    (-120, "in", "email", "Lyon: seminar on urban mobility", "moreau", "lyon", None, None, None),
    (-90, "in", "email", "ICLD: delrapport begärs", "ekstrom", "nmb", None, -12, "open"),
    (-60, "in", "letter", "Shanghai: delegation to sign the new memorandum", "zhang",
     "shanghai", "shanghai", None, None),
    (-45, "out", "letter", "Official invitation to the Shanghai delegation", "zhang",
     "shanghai", "shanghai", None, None),
    (-30, "in", "email", "Delegation list and flight details", "li", "shanghai", "shanghai",
     None, None),
    (-25, "out", "email", "Åbo: datum för vänortsmötet", "virtanen", "abo", "vanort", 5,
     "waiting"),
    (-18, "in", "email", "Bergen: deltagare till vänortsmötet", "berg", "bergen", "vanort",
     None, None),
    (-12, "out", "email", "Draft programme and text of the memorandum", "li", "shanghai",
     "shanghai", -1, "waiting"),
    (-8, "in", "phone", "Telefonanteckning: generalkonsulatet vill delta vid signeringen",
     "wang_g", "shanghai", "shanghai", -2, "open"),
    (-5, "in", "email", "Business Region Göteborg: företagsbesök för Shanghai", "lundgren",
     "shanghai", "shanghai", 3, "open"),
    (-2, "in", "email", "Nelson Mandela Bay: request for an accessibility toolkit", "nkosi",
     "nmb", None, 9, "open"),
)  # fmt: skip

SUMMARIES = {
    "ICLD: delrapport begärs": "Delrapport om tillgänglighetsprojektet med ekonomisk "
    "redovisning; underlag från stadsbyggnadskontoret saknas.",
    "Telefonanteckning: generalkonsulatet vill delta vid signeringen": "Generalkonsul Wang "
    "vill närvara vid signeringen av samförståndsavtalet; stäm av med protokollet.",
}


def add_activity(b: DemoBuilder) -> None:
    _visits(b)
    add_entries(b, ENTRIES, SUMMARIES)
    _projects_and_events(b)


def _visits(b: DemoBuilder) -> None:
    b.delegation(
        "shanghai",
        "Delegation från Shanghai: nytt samförståndsavtal",
        IN,
        "shanghai",
        11,
        3,
        host="lindberg",
        hotel=HOTEL,
        languages="zh,en,sv",
        interpreters="Auktoriserad tolk kinesiska–svenska (Tolkförmedling Väst)",
        purpose="Signering av nästa treåriga samförståndsavtal.",
    )
    b.member(
        "shanghai", "zhang", "Delegationsledare", 1, arrival=(0, "13:05"), departure=(2, "15:30")
    )
    b.member(
        "shanghai",
        "li",
        "Direktör, avdelningen för Europa",
        2,
        arrival=(0, "13:05"),
        departure=(2, "15:30"),
        dietary="Inget griskött",
    )
    b.item(
        "shanghai",
        0,
        "13:05",
        "14:00",
        "Mottagning på Landvetter och transfer",
        K.TRANSFER.value,
        "Göteborg Landvetter Airport",
        ours=("johansson",),
    )
    b.item(
        "shanghai",
        1,
        "09:30",
        "10:15",
        "Artighetsbesök hos kommunstyrelsens ordförande",
        K.COURTESY_CALL.value,
        STADSHUSET,
        ours=("holm", "lindberg"),
        dress="Mörk kostym",
    )
    b.item(
        "shanghai",
        1,
        "10:15",
        "11:00",
        "Signering av samförståndsavtalet och stadens gästbok",
        K.GOLDEN_BOOK.value,
        STADSHUSET,
        ours=("holm",),
        dress="Mörk kostym",
    )
    b.item(
        "shanghai",
        1,
        "13:00",
        "15:00",
        "Besök i Älvstaden: stadsutveckling",
        K.VISIT.value,
        "Frihamnen",
        ours=("johansson",),
    )
    b.item(
        "shanghai",
        1,
        "19:00",
        "21:30",
        "Middag",
        K.MEAL.value,
        "Restaurang Sjömagasinet",
        ours=("holm", "lindberg"),
        dress="Kavaj",
    )
    b.item(
        "shanghai",
        2,
        "09:00",
        "11:30",
        "Chalmers: forskningssamarbete",
        K.MEETING.value,
        "Chalmers, campus Johanneberg",
        ours=("sjoberg", "johansson"),
    )
    b.delegation(
        "nmb",
        "Projektresa till Nelson Mandela Bay (ICLD)",
        OUT,
        "nmb",
        -280,
        5,
        host="nkosi",
        hotel="The Boardwalk Hotel, Gqeberha",
        languages="en",
    )
    b.member("nmb", "nilsson", "Projektledare", 1)
    b.member("nmb", "lindberg", "Enhetschef", 2)
    b.item(
        "nmb",
        1,
        "09:00",
        "12:00",
        "Workshop: tillgänglig stadsmiljö",
        K.MEETING.value,
        "City Hall, Gqeberha",
        ours=("nilsson",),
    )
    b.delegation(
        "chicago",
        "Gastronomidelegation från Chicago",
        IN,
        "chicago",
        -175,
        2,
        host="lindberg",
        hotel=HOTEL,
        languages="en",
    )
    b.member("chicago", "obrien", "Head of delegation", 1, dietary="Vegan")
    b.delegation(
        "vanort",
        "Nordiskt vänortsmöte i Göteborg",
        IN,
        None,
        70,
        2,
        host="andersson",
        hotel=HOTEL,
        languages="sv,da,nb,fi",
    )
    b.member("vanort", "kristensen", "Århus", 1)
    b.member("vanort", "virtanen", "Åbo", 2)
    b.member("vanort", "berg", "Bergen", 3)
    b.gift(
        G.GIVEN.value,
        "Glasskål från Orrefors med Göteborgs vapen",
        delegation="shanghai",
        partnership="shanghai",
        giver="holm",
        receiver="zhang",
        value="1200.00",
        currency="SEK",
    )
    b.gift(
        G.RECEIVED.value,
        "Beadwork panel from the Eastern Cape",
        delegation="nmb",
        partnership="nmb",
        giver="nkosi",
        receiver="nilsson",
    )
    b.gift(
        G.GIVEN.value,
        "Bok om Göteborgs skärgård",
        delegation="chicago",
        partnership="chicago",
        giver="lindberg",
        receiver="obrien",
        value="350.00",
        currency="SEK",
    )


def _projects_and_events(b: DemoBuilder) -> None:
    b.project(
        "access",
        "Tillgänglig stad: Göteborg–Nelson Mandela Bay",
        partnership="nmb",
        theme="Tillgänglighet",
        funder="icld",
        budget="1200000.00",
        currency="SEK",
        start=b.day(-500),
        end=b.day(230),
        description="Hur städerna kan förbättras genom bättre stadsutveckling och "
        "ombyggnad av stadsmiljöer.",
    )
    b.event(
        "Nordiskt vänortsmöte",
        E.NETWORK_MEETING.value,
        b.at(b.day(70), "09:00"),
        b.at(b.day(71), "15:00"),
        venue=STADSHUSET,
        city="Göteborg",
        country="SE",
        organiser="slk",
        description="Andrastäderna i Danmark, Finland och Norge träffas vartannat år.",
    )
    b.event(
        "Délice Network annual meeting",
        E.NETWORK_MEETING.value,
        b.at(b.day(-230), "09:00"),
        b.at(b.day(-228), "17:00"),
        city="Lyon",
        country="FR",
        partnership="lyon",
        organiser="delice",
    )
