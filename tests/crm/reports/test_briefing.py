"""The delegation briefing, read back from the PDF: every name, number and item, exactly."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import pytest
from briefing_fixture import BuiltOffice
from pdf_tools import pdf_fonts, pdf_info, pdf_text

from crm.db.database import Database
from crm.i18n import current_language
from crm.reports import ReportRequest, build_report
from crm.reports.briefing import build_briefing
from crm.services.errors import ServiceError


def briefing(db: Database, office: BuiltOffice, **options: object) -> bytes:
    request = ReportRequest("briefing", delegation_id=office.fixture.delegation_id, **options)  # type: ignore[arg-type]
    return build_report(db, request)


@pytest.fixture(scope="module")
def english(briefing_office: BuiltOffice) -> bytes:
    db = Database.open(briefing_office.path)
    try:
        return briefing(db, briefing_office, language="en", confidential=True)
    finally:
        db.close()


def flat(text: str) -> str:
    """Whitespace collapsed: a long cell wraps, and its lines come out one below the other."""
    return " ".join(text.split())


def test_every_name_number_and_item_is_in_the_text(
    english: bytes, briefing_office: BuiltOffice
) -> None:
    text = pdf_text(english)
    fixture = briefing_office.fixture
    # Arabic is printed in its shaped presentation forms: the same text under NFKC.
    readable = flat(unicodedata.normalize("NFKC", text))
    missing = [value for value in fixture.expected if flat(value) not in readable]
    assert missing == []
    for value in fixture.absent:  # a correspondence entry that is done
        assert value not in text


def test_names_numbers_and_references_are_never_broken_across_lines(
    english: bytes, briefing_office: BuiltOffice
) -> None:
    text = pdf_text(english)
    lines = set(text.splitlines())
    exact = [
        value
        for value in briefing_office.fixture.expected
        if "@" in value or value.startswith("+") or re.fullmatch(r"IZ-\d{4}-\d{4}", value)
    ]
    assert len(exact) > 25
    assert [value for value in exact if value not in text] == []
    # Names in every script, each as written, on a line of its own or in a line.
    for name in ("Jānis Ķēniņš", "Олена Коваленко", "Γιώργος Παπαδόπουλος", "王丽华", "김민준"):
        assert any(name in line for line in lines), name
    for name in ("ሰላም ተስፋዬ", "אבי לוי", "עיריית הרצליה", "Müller & Söhne <GmbH>"):
        assert any(name in line for line in lines), name


def test_right_to_left_names_come_back_in_logical_order(
    english: bytes, briefing_office: BuiltOffice
) -> None:
    text = unicodedata.normalize("NFKC", pdf_text(english))
    for name in briefing_office.fixture.rtl:
        assert name in text
        assert name[::-1] not in text


def test_every_font_is_embedded(english: bytes) -> None:
    found = pdf_fonts(english)
    names = {row["name"].split("+", 1)[-1] for row in found}
    assert [row["line"] for row in found if row["emb"] != "yes" or row["uni"] != "yes"] == []
    # One face per script in the sheet, and nothing else (no Helvetica from a table default).
    assert names == {
        "NotoSans-Regular",
        "NotoSans-Bold",
        "NotoSansHebrew-Regular",
        "NotoSansArabic-Regular",
        "NotoSansEthiopic-Regular",
        "DroidSansFallback",
        "NanumGothic",
    }


def test_pages_are_numbered_dated_and_marked(english: bytes) -> None:
    text = pdf_text(english)
    pages = int(pdf_info(english)["Pages"])
    assert pages >= 2
    for page in range(1, pages + 1):
        assert f"Page {page} of {pages}" in text
    assert text.count("Printed on ") == pages
    assert text.count("CONFIDENTIAL") == pages
    assert "Referat Internationale Zusammenarbeit" in text
    assert pdf_info(english)["Page size"].endswith("(A4)")


ENGLISH = (
    "Delegation briefing",
    "The partner city",
    "Members of the delegation, in protocol order",
    "Our side: hosts and participants",
    "Programme",
    "Logistics",
    "History",
    "Last visits",
    "Gifts given and received",
    "Open correspondence",
    "Protocol notes",
)


def german(message: str) -> str:
    """The German catalog's translation (new strings read English until they are merged)."""
    import gettext

    from crm.paths import resource_path

    catalog = gettext.translation("liaison", str(resource_path("translations")), ["de"])
    return catalog.gettext(message)


def test_english_headings(english: bytes) -> None:
    text = flat(pdf_text(english))
    assert [heading for heading in ENGLISH if heading not in text] == []
    assert "Monday, 7 September 2026" in text
    assert "Page 1 of" in text


def test_german_headings_without_changing_the_apps_language(
    office_db: Database, briefing_office: BuiltOffice
) -> None:
    assert current_language() == "en"
    text = flat(pdf_text(briefing(office_db, briefing_office, language="de")))
    assert current_language() == "en"
    assert [heading for heading in ENGLISH if german(heading) not in text] == []
    assert german("Page {page} of {pages}").format(page=1, pages=3) in text
    # Already in the catalog: the words the app uses, and dates from CLDR.
    for word in ("Programm", "Logistik", "Verlauf", "Städtepartnerschaft", "Lettland"):
        assert word in text
    assert "Montag, 7. September 2026" in text and "7.–9. September 2026" in text
    assert "Lettisch, Deutsch" in text  # the languages of the visit
    assert german("Confidential").upper() not in text


def test_letter_paper(office_db: Database, briefing_office: BuiltOffice) -> None:
    pdf = briefing(office_db, briefing_office, language="en", page_size="Letter")
    assert "(letter)" in pdf_info(pdf)["Page size"]


def test_printed_on_date(office_db: Database, briefing_office: BuiltOffice) -> None:
    from crm.i18n import language_override

    request = ReportRequest("briefing", delegation_id=briefing_office.fixture.delegation_id)
    with language_override("en"):
        pdf = build_briefing(office_db, request, today=date(2026, 9, 1))
    assert "Printed on 1 September 2026" in pdf_text(pdf)


def test_a_delegation_without_partnership_members_or_programme(db: Database) -> None:
    from crm.services.delegations import DelegationInput, create_delegation

    delegation, _changes = create_delegation(
        db,
        DelegationInput(
            title="Empty visit", start_date=date(2026, 1, 5), end_date=date(2026, 1, 5)
        ),
    )
    pdf = build_report(db, ReportRequest("briefing", language="en", delegation_id=delegation))
    text = flat(pdf_text(pdf))
    assert "Empty visit" in text
    assert "This visit is not linked to a partnership." in text
    assert "No members have been entered yet." in text
    assert "No appointments have been entered yet." in text
    assert "International relations office" in text  # no office profile yet


def test_markup_in_any_field_prints_as_typed_and_never_runs(db: Database) -> None:
    from crm.services.delegations import DelegationInput, MemberInput, create_delegation
    from crm.services.organisations import OrganisationInput, create_organisation
    from crm.services.people import AffiliationInput, PersonInput, create_person

    typed = [
        '<img src="/etc/passwd"/>',
        "AT&T",
        "<b>not bold</b>",
        "Müller & Söhne <GmbH>",
        '<a href="file:///etc/passwd">link</a>',
        "&lt;escaped&gt; &amp;",
    ]
    organisation, _c = create_organisation(db, OrganisationInput(name="AT&T <Labs>"))
    person, _c = create_person(
        db,
        PersonInput(
            family_name='<img src="/etc/passwd"/>',
            given_name="<b>",
            function="Müller & Söhne <GmbH>",
            affiliations=[AffiliationInput(organisation)],
        ),
    )
    delegation, _c = create_delegation(
        db,
        DelegationInput(
            title="AT&T",
            purpose='<a href="file:///etc/passwd">link</a>',
            hotel="<b>not bold</b>",
            notes="&lt;escaped&gt; &amp;",
            start_date=date(2026, 1, 5),
            end_date=date(2026, 1, 6),
            members=[MemberInput(person, "<font size=40>big</font>")],
        ),
    )
    pdf = build_report(db, ReportRequest("briefing", language="en", delegation_id=delegation))
    text = flat(pdf_text(pdf))
    for value in [
        *typed,
        "AT&T <Labs>",
        "<font size=40>big</font>",
        '<b> <img src="/etc/passwd"/>',
    ]:
        assert value in text, value
    assert b"/Subtype /Image" not in pdf  # no picture was read, and there is no logo
    assert b"/URI" not in pdf and b"/Link" not in pdf


def test_unknown_or_trashed_delegation_is_a_clear_error(
    office_db: Database, briefing_office: BuiltOffice
) -> None:
    with pytest.raises(ServiceError, match="no delegation with the number 9999"):
        build_report(office_db, ReportRequest("briefing", delegation_id=9999))
    with pytest.raises(ServiceError, match="Choose the delegation"):
        build_report(office_db, ReportRequest("briefing"))


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (ReportRequest("letters"), "no report “letters”"),
        (ReportRequest("briefing", language="fr", delegation_id=1), "not “fr”"),
        (ReportRequest("briefing", page_size="A3", delegation_id=1), "not “A3”"),
        (
            ReportRequest("gifts", since=date(2026, 2, 1), until=date(2026, 1, 1)),
            "ends before it starts",
        ),
        (ReportRequest("contacts"), "Choose a delegation, or the people"),
    ],
)
def test_bad_requests(office_db: Database, request_: ReportRequest, message: str) -> None:
    with pytest.raises(ServiceError, match=message):
        build_report(office_db, request_)
