"""Leipzig demo: people in the partner cities and the diplomatic corps, in their own scripts."""

from __future__ import annotations

from crm.demo.base import Contact
from crm.demo.builder import DemoBuilder

# key, family, given, name as written there (None: Latin script), function, org, languages.
PEOPLE: tuple[tuple[str, str, str, str | None, str, str, str], ...] = (
    ("melnyk", "Melnyk", "Taras", "Тарас Мельник",
     "Stellvertretender Leiter der Stadtverwaltung Kiew", "kyiv_adm", "uk,en"),
    ("kovalenko", "Kovalenko", "Olena", "Олена Коваленко",
     "Leiterin der Abteilung Internationale Beziehungen", "kyiv_adm", "uk,en,de"),
    ("moreau", "Moreau", "Claire", None, "Directrice des Relations internationales",
     "lyon_adm", "fr,en,de"),
    ("garnier", "Garnier", "Julien", None, "Chargé de mission Allemagne et Europe centrale",
     "lyon_adm", "fr,de"),
    ("chen", "Chen", "Jianguo", "陈建国", "Vizebürgermeister der Stadt Nanjing", "nanjing_fao",
     "zh"),
    ("wang", "Wang", "Lihua", "王丽华", "Direktorin, Abteilung Europa", "nanjing_fao",
     "zh,en,de"),
    ("whitfield", "Whitfield", "Sarah", None, "International Relations Manager", "bham", "en"),
    ("reyes", "Reyes", "Michael", None, "Director, Office of Protocol and International Affairs",
     "houston_adm", "en,es"),
    ("papadopoulos", "Papadopoulos", "Nikos", "Νίκος Παπαδόπουλος",
     "Stellvertretender Bürgermeister für Internationale Beziehungen", "thess_adm", "el,en,de"),
    ("georgiou", "Georgiou", "Eleni", "Ελένη Γεωργίου", "Referentin Internationale Beziehungen",
     "thess_adm", "el,en"),
    ("kovacevic", "Kovačević", "Emir", None, "Bürgermeister (Načelnik) der Gemeinde Travnik",
     "travnik_adm", "bs,de,en"),
    ("hodzic", "Hodžić", "Amra", None, "Leiterin des Büros des Bürgermeisters", "travnik_adm",
     "bs,en,de"),
    ("tesfaye", "Tesfaye", "Selam", "ሰላም ተስፋዬ", "Direktorin, Büro für Internationale Beziehungen",
     "addis_adm", "am,en"),
    ("gebremedhin", "Gebremedhin", "Dawit", "ዳዊት ገብረመድህን",
     "Generaldirektor der Feuerwehr- und Rettungsbehörde", "addis_fire", "am,en"),
    ("levi", "Levi", "Avi", "אבי לוי", "Stellvertretender Bürgermeister", "herzliya_adm",
     "he,en"),
    ("cohen", "Cohen", "Yael", "יעל כהן", "Direktorin für Internationale Beziehungen",
     "herzliya_adm", "he,en,de"),
    ("ricci", "Ricci", "Giulia", None, "Responsabile Relazioni internazionali", "bologna_adm",
     "it,en,de"),
    ("nowak", "Nowak", "Katarzyna", None, "Kierowniczka Referatu Współpracy Międzynarodowej",
     "krakow_adm", "pl,de,en"),
    ("dvorak", "Dvořák", "Petr", None, "Vedoucí Oddělení vnějších vztahů", "brno_adm",
     "cs,de,en"),
    ("zielinska", "Zielińska", "Agnieszka", None, "Koordynatorka współpracy zagranicznej",
     "gdansk_adm", "pl,en,de"),
    ("kim", "Kim", "Min-jun", "김민준", "Leiter, Abteilung Internationale Zusammenarbeit",
     "gwangju_adm", "ko,en"),
    ("lee", "Lee", "Seo-yeon", "이서연", "Koordinatorin für Internationale Beziehungen "
     "(Deutschland)", "gwangju_adm", "ko,de,en"),
    ("tran_qb", "Trần", "Quốc Bảo", "Trần Quốc Bảo",
     "Stellvertretender Vorsitzender des Volkskomitees", "hcmc_pc", "vi,en"),
    ("nguyen_tl", "Nguyễn", "Thị Lan", "Nguyễn Thị Lan",
     "Stellvertretende Direktorin, Amt für Auswärtige Angelegenheiten", "hcmc_dofa", "vi,en,de"),
    ("le_mt", "Lê", "Minh Tuấn", "Lê Minh Tuấn", "Direktor des Verkehrsamts", "hcmc_dot",
     "vi,en"),
    ("vo_th", "Võ", "Thị Hồng", "Võ Thị Hồng", "Abteilungsleiterin Stadtplanung", "hcmc_pc",
     "vi,en"),
    ("hnativ", "Hnativ", "Marta", "Марта Гнатів",
     "Leiterin der Abteilung Internationale Beziehungen", "lviv_adm", "uk,en,de,pl"),
    ("smirnov", "Smirnov", "Andrei", "Андрей Смирнов", "Referatsleiter, Departement für "
     "Außenwirtschaft und Internationale Beziehungen", "moscow_adm", "ru,en,de"),
    ("keller", "Keller", "Susanne", None, "Referentin Städtepartnerschaften", "frankfurt_adm",
     "de,en"),
    ("pohl", "Pohl", "Markus", None, "Internationale Angelegenheiten", "hannover_adm", "de,en"),
    ("martin", "Martin", "Sophie", None, "Présidente du comité de jumelage", "althen_adm", "fr"),
    ("bouchet", "Bouchet", "Laurent", None, "Vice-président chargé des jumelages",
     "herbiers_adm", "fr,de"),
    ("tkachenko", "Tkachenko", "Iryna", "Ірина Ткаченко", "Gesandte-Botschaftsrätin", "emb_ua",
     "uk,de,en"),
    ("alemu", "Alemu", "Mulugeta", "ሙሉጌታ አለሙ", "Gesandter-Botschaftsrat", "emb_et",
     "am,en,de"),
    ("volkov", "Volkov", "Sergei", "Сергей Волков", "Generalkonsul", "gk_ru", "ru,de"),
)  # fmt: skip

CONTACTS: dict[str, list[Contact]] = {
    "melnyk": [("phone", "+380 44 202 7601"), ("email", "t.melnyk@kyivcity.gov.ua")],
    "kovalenko": [
        ("phone", "+380 44 202 7614"),
        ("mobile", "+380 67 412 5590"),
        ("fax", "+380 44 202 7615"),
        ("email", "o.kovalenko@kyivcity.gov.ua"),
    ],
    "moreau": [("phone", "+33 4 72 10 31 12"), ("email", "c.moreau@mairie-lyon.fr")],
    "garnier": [
        ("phone", "+33 4 72 10 31 45"),
        ("mobile", "+33 6 12 48 77 30"),
        ("email", "julien.garnier@mairie-lyon.fr"),
    ],
    "chen": [("phone", "+86 25 8363 1000", "Büro des Vizebürgermeisters")],
    "wang": [
        ("phone", "+86 25 8363 1234"),
        ("mobile", "+86 139 5188 2046"),
        ("fax", "+86 25 8363 1250"),
        ("email", "wanglihua@nanjing.gov.cn"),
        ("email", "wanglihua@163.com", "privat"),
    ],
    "whitfield": [("phone", "+44 121 303 9944"), ("email", "sarah.whitfield@birmingham.gov.uk")],
    "reyes": [("phone", "+1 832 393 0919"), ("email", "michael.reyes@houstontx.gov")],
    "papadopoulos": [("phone", "+30 2313 317 120"), ("email", "n.papadopoulos@thessaloniki.gr")],
    "georgiou": [
        ("phone", "+30 2313 317 128"),
        ("fax", "+30 2313 317 129"),
        ("email", "e.georgiou@thessaloniki.gr"),
    ],
    "kovacevic": [("phone", "+387 30 511 200"), ("email", "nacelnik@opcinatravnik.com.ba")],
    "hodzic": [
        ("phone", "+387 30 511 215"),
        ("mobile", "+387 61 218 442"),
        ("email", "amra.hodzic@opcinatravnik.com.ba"),
    ],
    "tesfaye": [
        ("phone", "+251 11 155 3322"),
        ("mobile", "+251 91 123 4567"),
        ("email", "selam.tesfaye@addisababa.gov.et"),
    ],
    "gebremedhin": [("phone", "+251 11 156 8601"), ("email", "dawit.g@aafire.gov.et")],
    "levi": [("phone", "+972 9 959 1500"), ("email", "avi.levi@herzliya.muni.il")],
    "cohen": [
        ("phone", "+972 9 959 1510"),
        ("mobile", "+972 52 555 0182"),
        ("email", "yaelc@herzliya.muni.il"),
    ],
    "ricci": [("phone", "+39 051 219 4321"), ("email", "giulia.ricci@comune.bologna.it")],
    "nowak": [("phone", "+48 12 616 1234"), ("email", "katarzyna.nowak@um.krakow.pl")],
    "dvorak": [("phone", "+420 542 172 345"), ("email", "dvorak.petr@brno.cz")],
    "zielinska": [("phone", "+48 58 323 6012"), ("email", "agnieszka.zielinska@gdansk.gda.pl")],
    "kim": [("phone", "+82 62 613 2345"), ("email", "minjun.kim@korea.kr")],
    "lee": [
        ("phone", "+82 62 613 2361"),
        ("mobile", "+82 10 4417 2290"),
        ("email", "seoyeon.lee@korea.kr"),
    ],
    "tran_qb": [("phone", "+84 28 3829 6052", "Büro")],
    "nguyen_tl": [
        ("phone", "+84 28 3822 4124"),
        ("mobile", "+84 90 312 4478"),
        ("fax", "+84 28 3825 1436"),
        ("email", "lan.nguyen@hochiminhcity.gov.vn"),
    ],
    "le_mt": [("phone", "+84 28 3829 0451")],
    "vo_th": [("email", "hong.vo@hochiminhcity.gov.vn")],
    "hnativ": [
        ("phone", "+380 32 297 5812"),
        ("mobile", "+380 67 300 1822"),
        ("email", "m.hnativ@lvivcity.gov.ua"),
    ],
    "smirnov": [("phone", "+7 495 633 6044"), ("email", "smirnovav@mos.ru")],
    "keller": [("phone", "069 212-38866"), ("email", "susanne.keller@stadt-frankfurt.de")],
    "pohl": [("phone", "0511 168-41234"), ("email", "markus.pohl@hannover-stadt.de")],
    "martin": [("phone", "+33 4 90 62 01 02"), ("email", "jumelage@althendespaluds.fr")],
    "bouchet": [("phone", "+33 2 51 91 29 29"), ("email", "l.bouchet@paysdesherbiers.fr")],
    "tkachenko": [("phone", "030 288 87-120"), ("fax", "030 288 87-163")],
    "alemu": [("phone", "030 772 06-14"), ("email", "m.alemu@ethiopia-embassy.de")],
    "volkov": [("phone", "0341 585 1876"), ("fax", "0341 564 9589")],
}

COUNTRIES = {
    "kyiv_adm": "UA", "lyon_adm": "FR", "nanjing_fao": "CN", "bham": "GB", "houston_adm": "US",
    "thess_adm": "GR", "travnik_adm": "BA", "addis_adm": "ET", "addis_fire": "ET",
    "herzliya_adm": "IL", "bologna_adm": "IT", "krakow_adm": "PL", "brno_adm": "CZ",
    "gdansk_adm": "PL", "gwangju_adm": "KR", "hcmc_pc": "VN", "hcmc_dofa": "VN", "hcmc_dot": "VN",
    "lviv_adm": "UA", "moscow_adm": "RU", "frankfurt_adm": "DE", "hannover_adm": "DE",
    "althen_adm": "FR", "herbiers_adm": "FR", "emb_ua": "UA", "emb_et": "ET", "gk_ru": "RU",
}  # fmt: skip

ADDRESS_FORMS = {
    "melnyk": ("Herr Stellvertretender Bürgermeister", "Sehr geehrter Herr Melnyk"),
    "chen": ("Herr Vizebürgermeister", "Sehr geehrter Herr Vizebürgermeister Chen"),
    "papadopoulos": ("Herr Vizebürgermeister", "Sehr geehrter Herr Papadopoulos"),
    "kovacevic": ("Herr Bürgermeister", "Sehr geehrter Herr Bürgermeister Kovačević"),
    "levi": ("Herr Vizebürgermeister", "Sehr geehrter Herr Levi"),
    "tran_qb": ("Herr Stellvertretender Vorsitzender", "Sehr geehrter Herr Trần Quốc Bảo"),
    "tkachenko": ("Frau Gesandte", "Sehr geehrte Frau Gesandte"),
    "volkov": ("Herr Generalkonsul", "Sehr geehrter Herr Generalkonsul"),
    "moreau": ("Madame la Directrice", "Chère Madame Moreau"),
    "whitfield": ("Ms Whitfield", "Dear Ms Whitfield"),
}

NOTES = {
    "levi": "Isst koscher.",
    "chen": "Spricht kein Englisch; immer mit Dolmetschung planen.",
    "tran_qb": "Leitet die Delegation zur nachhaltigen Wirtschaftsentwicklung und Mobilität.",
    "tesfaye": "Ansprechpartnerin für die SKEW-Projekte Inklusion und Rettungswesen.",
}


def add_partner_people(b: DemoBuilder) -> None:
    for key, family, given, original, function, org, languages in PEOPLE:
        latin = f"{given} {family}" if original else None
        if original and key in {"tran_qb", "nguyen_tl", "le_mt", "vo_th"}:
            latin = _ascii(original)
        elif original and key in {"chen", "wang", "kim", "lee"}:
            latin = f"{family} {given}"  # family name first, as written there
        address_form, salutation = ADDRESS_FORMS.get(key, (None, None))
        b.person(
            key,
            family,
            given,
            original=original,
            latin=latin,
            function=function,
            org=org,
            address_form=address_form,
            salutation=salutation,
            languages=languages,
            country=COUNTRIES[org],
            notes=NOTES.get(key),
            contacts=CONTACTS.get(key, []),
        )
    b.person(
        "pham",
        "Phạm",
        "Thu Hà",
        original="Phạm Thu Hà",
        latin="Pham Thu Ha",
        function="Dolmetscherin Vietnamesisch–Deutsch (freiberuflich, allgemein beeidigt)",
        languages="vi,de,en",
        country="DE",
        contacts=[("mobile", "0157 3418 2260"), ("email", "pham.thuha@dolmetsch-leipzig.de")],
    )


def _ascii(text: str) -> str:
    from crm.text import fold

    return " ".join(word.capitalize() for word in fold(text).split())
