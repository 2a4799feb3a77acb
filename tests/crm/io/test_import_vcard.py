"""Reading vCards as real programs write them: Outlook's and Android's 2.1 with quoted-printable
and character sets, 3.0 and 4.0; broken files reported card by card."""

from __future__ import annotations

import base64
import codecs
import time
from pathlib import Path

import pytest

from crm.io.import_model import EMAIL, FAX, MOBILE, OFFICE, PHONE, PRIVATE
from crm.io.import_source import open_source
from crm.io.import_text import ImportFileError
from crm.io.import_vcard import read_vcards

DATA = Path(__file__).resolve().parent / "data"


def records(data: bytes) -> list:
    return list(read_vcards(data))


def test_outlook_21_with_windows_1252_and_quoted_printable() -> None:
    source = open_source(DATA / "outlook_21.vcf")
    goldfuss, reinhardt, vecvagare = source.records
    assert goldfuss.values["family_name"] == "Goldfuß"  # raw Windows-1252 bytes, CHARSET named
    assert goldfuss.values["given_name"] == "Gabriele"
    assert goldfuss.values["title"] == "Dr."
    assert goldfuss.values["organisation"] == "Stadt Leipzig"
    assert goldfuss.values["department"] == "Referat Internationale Zusammenarbeit"
    # A quoted-printable NOTE over three lines joined by soft line breaks.
    assert goldfuss.values["notes"].startswith("Zuständig für Städtepartnerschaften mit Kiew")
    assert goldfuss.values["notes"].endswith("bitte über das Sekretariat anfragen.")
    assert [(c.kind, c.value, c.label) for c in goldfuss.contacts] == [
        (PHONE, "0341 123-2020", OFFICE),
        (FAX, "0341 123-2025", OFFICE),
        (EMAIL, "gabriele.goldfuss@leipzig.de", None),
    ]
    assert goldfuss.contacts[2].preferred
    address = goldfuss.addresses[0]
    assert (address.street, address.postcode, address.city, address.country) == (
        "Martin-Luther-Ring 4-6",
        "04109",
        "Leipzig",
        "Deutschland",
    )
    assert goldfuss.photo and goldfuss.problems == [] and goldfuss.warnings == []
    assert reinhardt.values["function"] == "Referent Städtepartnerschaften"
    assert reinhardt.contacts[1].kind == MOBILE
    # CHARSET=utf-8 and a quoted-printable ORG in UTF-8.
    assert vecvagare.values["organisation"] == "Liepājas pilsētas pašvaldības administrācija"
    assert vecvagare.addresses[0].street == "Rožu iela 6"
    assert (goldfuss.line, reinhardt.line, vecvagare.line) == (1, 36, 49)
    assert [r.number for r in source.records] == [1, 2, 3]


def test_android_21_with_soft_line_breaks_and_a_photo() -> None:
    berzina, ozols, lindqvist = open_source(DATA / "android_21.vcf").records
    assert berzina.values["family_name"] == "Bērziņa"
    # The soft break fell inside the organisation's name.
    assert berzina.values["organisation"] == "Liepājas pilsētas dome"
    assert berzina.photo and berzina.warnings == []
    assert [(c.kind, c.label) for c in ozols.contacts] == [
        (MOBILE, None),
        (EMAIL, PRIVATE),
        (EMAIL, OFFICE),
    ]
    assert (
        ozols.values["notes"] == "Tikāmies Göteborgā 2025. gada oktobrī – UBC ģenerālā asambleja."
    )
    assert lindqvist.values["organisation"] == "Nynäshamns kommun"


def test_vcard_3_and_4() -> None:
    data = (
        "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:individual\r\n"
        "FN;ALTID=1;PREF=1:Olena Koval\r\nFN;ALTID=1;LANGUAGE=uk:Олена Коваль\r\n"
        "N:Koval;Olena;;;\r\nX-LIAISON-NAME-ORIGINAL:Олена Коваль\r\n"
        'TEL;VALUE=uri;TYPE="work,voice";PREF=1:tel:+380-44-202-7633\r\n'
        "TEL;TYPE=cell:+380 67 123 4567\r\n"
        "EMAIL;TYPE=work:o.koval@kyivcity.gov.ua\r\n"
        "ADR;TYPE=work:;;вул. Хрещатик\\, 36;Київ;;01044;Україна\r\n"
        "LANG;PREF=1:uk\r\nNOTE:Line one\\nline two\\; with a semicolon\r\n"
        "item1.URL:https://kyivcity.gov.ua\r\nitem1.X-ABLabel:_$!<HomePage>!$_\r\n"
        "END:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:Bergen kommune\r\nORG:Bergen kommune\r\n"
        "X-ABSHOWAS:COMPANY\r\nNICKNAME:BK\r\nTEL;TYPE=WORK,FAX:+47 55 56 55 57\r\nEND:VCARD\r\n"
    ).encode()
    koval, bergen = records(data)
    assert koval.values["full_name"] == "Olena Koval"
    assert koval.values["name_original"] == "Олена Коваль"
    assert koval.values["preferred_language"] == "uk"
    assert [(c.kind, c.value, c.preferred) for c in koval.contacts] == [
        (PHONE, "+380 44 202 7633", True),
        (MOBILE, "+380 67 123 4567", False),
        (EMAIL, "o.koval@kyivcity.gov.ua", False),
        ("web", "https://kyivcity.gov.ua", False),
    ]
    assert koval.addresses[0].street == "вул. Хрещатик, 36"
    assert koval.values["notes"] == "Line one\nline two; with a semicolon"
    assert bergen.organisation_card and bergen.values["short_name"] == "BK"
    assert bergen.contacts[0].kind == FAX


def test_broken_cards_are_reported_and_the_rest_read() -> None:
    source = open_source(DATA / "broken.vcf")  # BOM, CRLF, LF and CR alone, all mixed
    haugen, petrauskiene, jankauskas, bergstrom, wisniewska = source.records
    assert haugen.values["family_name"] == "Haugen" and haugen.problems == []
    assert petrauskiene.problems == [
        "The card has no END:VCARD before the next card begins on line 15."
    ]
    assert jankauskas.problems == [] and jankauskas.photo
    assert jankauskas.warnings == [
        "Line 20: the photo cannot be read (it is not valid base64); it was left out."
    ]
    assert jankauskas.contacts[0].value == "+370 460 48 711"
    assert bergstrom.values["languages"] == "sv"
    assert bergstrom.contacts[0].value == "+46 42 10 52 87"
    assert wisniewska.values["family_name"] == "Wiśniewska"
    assert wisniewska.problems == [
        "The file ends inside this card: END:VCARD is missing (the file may be cut off)."
    ]


def test_unknown_charset_and_lines_that_are_no_property() -> None:
    data = (
        b"BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=X-UNKNOWN:Ozola;Dace\n"
        b"this line has no colon\nEND:VCARD\n"
    )
    (record,) = records(data)
    assert record.values["family_name"] == "Ozola"
    assert record.warnings == [
        "Line 4 is not a vCard property and was left out.",
        "Line 3: the character set “X-UNKNOWN” is unknown; read as UTF-8.",
    ]


def test_utf16_vcard() -> None:
    text = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Kalniņa;Anna\r\nFN:Anna Kalniņa\r\nEND:VCARD\r\n"
    (record,) = records(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert record.values["family_name"] == "Kalniņa"


def test_a_ten_megabyte_photo_is_read_past_quickly(tmp_path: Path) -> None:
    photo = base64.b64encode(b"\xff\xd8\xff\xe0" + bytes(10 * 1024 * 1024) + b"\xff\xd9").decode()
    folded = "\r\n ".join(photo[i : i + 74] for i in range(0, len(photo), 74))
    path = tmp_path / "big.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ek;Karin\r\nFN:Karin Ek\r\n"
        f"PHOTO;ENCODING=b;TYPE=JPEG:{folded}\r\nEMAIL:karin.ek@gov.se\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Park;Jennifer\r\nFN:Jennifer Park\r\nEND:VCARD\r\n",
        encoding="ascii",
    )
    assert path.stat().st_size > 13_000_000
    start = time.perf_counter()
    ek, park = open_source(path).records
    assert time.perf_counter() - start < 5
    assert ek.photo and ek.warnings == [] and ek.contacts[0].value == "karin.ek@gov.se"
    assert park.values["family_name"] == "Park"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.vcf", b"  \r\n", "empty.vcf is empty."),
        ("none.vcf", b"Hello\r\n", "none.vcf holds no vCard."),
        ("picture.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not text in an encoding"),
        ("notes.docx", b"plain words", "is not a file Liaison can import"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "Excel 97–2003"),
        ("fake.xlsx", b"just text", "fake.xlsx is not an Excel workbook."),
    ],
)
def test_files_that_cannot_be_imported(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message):
        open_source(path)


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="There is no file"):
        open_source(tmp_path / "nowhere.vcf")
