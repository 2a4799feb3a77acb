"""Leipzig demo: people in Leipzig: the Referat, the city, institutions and associations."""

from __future__ import annotations

from datetime import date

from crm.demo.builder import DemoBuilder
from crm.demo.leipzig_orgs import RATHAUS


def add_leipzig_people(b: DemoBuilder) -> None:
    _referat(b)
    _city(b)
    _institutions(b)


def _referat(b: DemoBuilder) -> None:
    b.person(
        "goldfuss",
        "Goldfuß",
        "Gabriele",
        title="Dr.",
        function="Referatsleiterin",
        org="iz",
        department="Referat Internationale Zusammenarbeit",
        address_form="Frau Dr. Goldfuß",
        salutation="Sehr geehrte Frau Dr. Goldfuß",
        languages="de,en,fr,ru",
        country="DE",
        contacts=[
            ("phone", "0341 123-2032", "Büro"),
            ("fax", "0341 123-2055"),
            ("email", "gabriele.goldfuss@leipzig.de"),
        ],
        address=RATHAUS,
    )
    staff = (
        ("sommer", "Sommer", "Katrin", "Sachgebietsleiterin Städtepartnerschaften",
         "de,en,fr", "2034", "0151 1422 7310"),
        ("wendler", "Wendler", "Thomas", "Referent Mittel- und Osteuropa (Kiew, Lemberg, "
         "Krakau, Brünn, Moskau)", "de,ru,uk,pl", "2037", "0160 9187 4420"),
        ("nguyen_tt", "Nguyen", "Thu Trang", "Referentin Asien und Vietnam", "de,vi,en",
         "2039", None),
        ("hoppe", "Hoppe", "Franziska", "Koordinatorin kommunale Entwicklungspolitik "
         "(SKEW-gefördert)", "de,en,am", "2041", "0176 3350 1298"),
        ("krueger", "Krüger", "Anja", "Protokoll und Delegationsbetreuung", "de,en,it",
         "2036", "0172 4415 903"),
        ("becker", "Becker", "Jonas", "Sachbearbeiter Delegationen und Korrespondenz", "de,en",
         "2038", None),
    )  # fmt: skip
    for key, family, given, function, languages, extension, mobile in staff:
        contacts: list[tuple[str, str] | tuple[str, str, str]] = [
            ("phone", f"0341 123-{extension}", "Büro"),
            ("fax", "0341 123-2055"),
        ]
        if mobile:
            contacts.append(("mobile", mobile, "Dienstlich"))
        email = f"{given.split()[0]}.{family}".lower().replace("ü", "ue")
        contacts.append(("email", f"{email}@leipzig.de"))
        b.person(
            key,
            family,
            given,
            function=function,
            org="iz",
            languages=languages,
            country="DE",
            contacts=contacts,
            address=RATHAUS,
        )


def _city(b: DemoBuilder) -> None:
    b.person(
        "jung",
        "Jung",
        "Burkhard",
        function="Oberbürgermeister der Stadt Leipzig",
        org="obm",
        address_form="Herr Oberbürgermeister",
        salutation="Sehr geehrter Herr Oberbürgermeister",
        languages="de,en",
        country="DE",
        notes="Trägt sich bei offiziellen Besuchen mit den Gästen ins Goldene Buch ein.",
        contacts=[
            ("phone", "0341 123-2001", "Vorzimmer"),
            ("email", "oberbuergermeister@leipzig.de"),
        ],
    )
    b.person(
        "schreiber",
        "Schreiber",
        "Stefan",
        function="Protokollchef, Büro des Oberbürgermeisters",
        org="obm",
        languages="de,en,fr",
        country="DE",
        contacts=[
            ("phone", "0341 123-2010"),
            ("mobile", "0170 5528 114", "Bereitschaft"),
            ("email", "stefan.schreiber@leipzig.de"),
        ],
    )
    b.person(
        "albers",
        "Albers",
        "Dorothee",
        title="Dr.",
        function="Bürgermeisterin und Beigeordnete für Kultur",
        org="obm",
        address_form="Frau Bürgermeisterin",
        salutation="Sehr geehrte Frau Bürgermeisterin Dr. Albers",
        languages="de,en,fr",
        country="DE",
        contacts=[("phone", "0341 123-4000"), ("email", "dezernat4@leipzig.de")],
    )
    b.person(
        "vogel_wf",
        "Vogel",
        "Henrik",
        function="Leiter Internationale Wirtschaftskontakte",
        org="wifoe",
        languages="de,en,zh",
        country="DE",
        contacts=[("phone", "0341 123-5822"), ("email", "henrik.vogel@leipzig.de")],
    )
    b.person(
        "hennig",
        "Hennig",
        "Ralf",
        function="Abteilungsleiter Rettungsdienst",
        org="feuer",
        languages="de,en",
        country="DE",
        notes="Fachlicher Leiter im Projekt Rettungswesen Addis Abeba.",
        contacts=[
            ("phone", "0341 123-9141"),
            ("mobile", "0162 7731 095"),
            ("email", "ralf.hennig@leipzig.de"),
        ],
    )
    b.person(
        "wiesner",
        "Wiesner",
        "Uwe",
        function="Ortsvorsteher Engelsdorf",
        org="ass_althen",
        languages="de,fr",
        country="DE",
        contacts=[("phone", "0341 2513 080"), ("email", "ortschaftsrat.engelsdorf@leipzig.de")],
    )


def _institutions(b: DemoBuilder) -> None:
    people = (
        ("brandt", "Brandt", "Matthias", "Prof. Dr.", "Prorektor für Talententwicklung und "
         "Internationales", "uni", "de,en", "0341 97-30010", "matthias.brandt@uni-leipzig.de"),
        ("weiss", "Weiß", "Claudia", "Dr.", "Leiterin Akademisches Auslandsamt", "uni",
         "de,en,es", "0341 97-32020", "claudia.weiss@uni-leipzig.de"),
        ("vogt", "Vogt", "Martina", "Dipl.-Ing.", "Projektleiterin Internationale Kooperation",
         "lvb", "de,en,ru", "0341 492-1740", "martina.vogt@l.de"),
        ("seidel", "Seidel", "Annett", None, "Leiterin Künstlerisches Betriebsbüro",
         "gewandhaus", "de,en", "0341 1270-311", "seidel@gewandhaus.de"),
        ("tran_vh", "Trần", "Văn Hùng", None, "Vorsitzender", "vietnam_ev", "vi,de",
         "0176 2290 4411", "vorstand@vietnamesen-leipzig.de"),
        ("albrecht", "Albrecht", "Karin", "Dr.", "Projektleiterin Kommunale Partnerschaften "
         "mit Asien", "skew", "de,en,zh", "0228 20717-2671", "karin.albrecht@engagement-global.de"),
        ("kuehn", "Kühn", "Jan", None, "Referent Nachhaltige Kommunalentwicklung durch "
         "Partnerschaftsprojekte (Nakopa)", "skew", "de,en,fr", "0228 20717-2683",
         "jan.kuehn@engagement-global.de"),
        ("roth", "Roth", "Andreas", None, "Referent Internationale Beziehungen",
         "staatskanzlei", "de,en,cs", "0351 564-10312", "andreas.roth@sk.sachsen.de"),
        ("schubert", "Schubert", "Heike", None, "Vorsitzende", "ass_addis", "de,en",
         "0341 2319 661", "schubert@leipzig-addis.de"),
        ("rosenthal", "Rosenthal", "Michael", None, "Vorsitzender", "ass_herzliya",
         "de,he,en", "0341 5906 114", "m.rosenthal@freundeskreis-herzliya.de"),
        ("lambert", "Lambert", "Pierre", None, "Präsident", "ass_lyon", "fr,de",
         "0341 3911 271", "lambert@dfg-leipzig.de"),
        ("fischer", "Fischer", "Robert", None, "Vorsitzender", "ass_houston", "de,en",
         "0341 6012 555", "robert.fischer@leipzig-houston.de"),
        ("begic", "Begić", "Elvira", None, "Vorsitzende", "ass_travnik", "bs,de",
         "0341 4627 319", "elvira.begic@leipzig-travnik.de"),
        ("bauer_kv", "Bauer", "Sabine", None, "Geschäftsführerin", "ass_kiew", "de,uk,ru",
         "0341 9611 403", "bauer@leipzig-kiew.de"),
    )  # fmt: skip
    for key, family, given, title, function, org, languages, phone, email in people:
        original = latin = None
        if key == "tran_vh":
            original, latin = "Trần Văn Hùng", "Tran Van Hung"
        b.person(
            key,
            family,
            given,
            title=title,
            original=original,
            latin=latin,
            function=function,
            org=org,
            languages=languages,
            country="DE",
            contacts=[("phone", phone), ("email", email)],
            since=date(2016, 1, 1) if org == "skew" else None,
        )
