"""The contact sheet of a delegation or of chosen people and organisations, read back from the
PDF: every name in its script, every phone, mobile, fax, email and web address, exactly and
whole."""

from __future__ import annotations

import pytest
from briefing_fixture import MARKUP_COMPANY, MEMBERS
from pdf_tools import pdf_text
from report_checks import (
    flat,
    font_names,
    german,
    missing,
    not_embedded,
    readable,
    words_outside_the_frame,
)
from reports_fixture import LONG_EMAIL, LONG_WEB, BuiltReports
from sqlalchemy import select

from crm.db.database import Database
from crm.db.models import DelegationMember, Person
from crm.i18n import current_language
from crm.reports import ReportRequest, build_report
from crm.services.errors import ServiceError
from crm.services.people import get_person
from crm.services.trash import delete_to_trash


def contacts(db: Database, language: str = "en", **options: object) -> bytes:
    return build_report(db, ReportRequest("contacts", language=language, **options))  # type: ignore[arg-type]


def people_of(db: Database, delegation_id: int) -> list[int]:
    """The delegation's members in protocol order, then our two people."""
    with db.read() as session:
        members = list(
            session.scalars(
                select(DelegationMember.person_id)
                .where(DelegationMember.delegation_id == delegation_id)
                .order_by(DelegationMember.protocol_rank)
            )
        )
        ours = list(
            session.scalars(select(Person.id).where(Person.family_name.in_(["Goldfuß", "Becker"])))
        )
    return members + ours


def what_is_printed(db: Database, person_id: int) -> list[str]:
    person = get_person(db, person_id)
    names = [f"{person.given_name} {person.family_name}", person.name_original, person.name_latin]
    return [name for name in names if name] + [point.display for point in person.contact_points]


@pytest.fixture(scope="module")
def delegation_sheet(reports_office: BuiltReports) -> bytes:
    db = Database.open(reports_office.path)
    try:
        return contacts(db, delegation_id=reports_office.fixture.briefing.delegation_id)
    finally:
        db.close()


def test_every_member_and_host_with_every_number(
    delegation_sheet: bytes, reports_db: Database, reports_office: BuiltReports
) -> None:
    delegation = reports_office.fixture.briefing.delegation_id
    expected: list[str] = []
    for person_id in people_of(reports_db, delegation):
        expected += what_is_printed(reports_db, person_id)
    expected += [member[5] for member in MEMBERS if member[5]]  # organisations
    assert len(expected) > 60
    assert missing(delegation_sheet, expected) == []
    text = pdf_text(delegation_sheet)
    lines = set(text.splitlines())
    for name in ("Олена Коваленко", "Γιώργος Παπαδόπουλος", "王丽华", "김민준", "ሰላም ተስፋዬ"):
        assert any(name in line for line in lines), name
    assert any(MARKUP_COMPANY in line for line in lines)
    # A phone number is never broken; an email wraps, if at all, after its "@".
    phones = [value for value in expected if value.startswith("+")]
    assert len(phones) > 15
    assert [value for value in phones if value not in text] == []
    joined = "".join(text.split())
    emails = [value for value in expected if "@" in value]
    assert [value for value in emails if value not in text and value not in joined] == []
    for line in text.splitlines():
        assert not line.endswith("-"), line  # no address split at a hyphen


def test_protocol_order_and_function_in_the_delegation(delegation_sheet: bytes) -> None:
    text = readable(delegation_sheet)
    assert text.index("Jānis Ķēniņš") < text.index("Olena Kovalenko") < text.index("Avi Levi")
    assert "Head of delegation" in text
    assert text.index("Members of the delegation, in protocol order") < text.index(
        "Our side: hosts and participants"
    )
    layout = [line.strip() for line in pdf_text(delegation_sheet, "-layout").splitlines()]
    host = next(index for index, line in enumerate(layout) if line.startswith("Gabriele Goldfuß"))
    assert layout[host + 1].startswith("Host")
    # Nothing else of the briefing: no programme, no hotel.
    assert "Courtesy call at the Neues Rathaus" not in text and "Hotel Fürstenhof" not in text


def test_right_to_left_names_read_back_in_order(
    delegation_sheet: bytes, reports_office: BuiltReports
) -> None:
    text = readable(delegation_sheet)
    for name in reports_office.fixture.briefing.rtl:
        assert name in text and name[::-1] not in text


def test_fonts_embedded_one_per_script(delegation_sheet: bytes) -> None:
    assert not_embedded(delegation_sheet) == []
    assert {"NotoSans-Regular", "NotoSansHebrew-Regular", "DroidSansFallback"} <= font_names(
        delegation_sheet
    )


def test_a_selection_with_long_addresses_nothing_cut_off(
    reports_db: Database, reports_office: BuiltReports
) -> None:
    fixture = reports_office.fixture
    pdf = contacts(
        reports_db,
        person_ids=tuple(fixture.person_ids),
        organisation_ids=tuple(fixture.organisation_ids),
    )
    text = pdf_text(pdf)
    joined = "".join(text.split())
    assert LONG_EMAIL in joined and LONG_WEB in joined  # wrapped, but whole
    lines = [line.strip() for line in text.splitlines()]
    assert any(line.endswith(".department@") for line in lines)  # wrapped after the "@"
    assert not any(line.endswith("-") for line in lines)  # never after a hyphen
    assert words_outside_the_frame(pdf) == []
    assert (
        missing(
            pdf,
            [
                "Liepājas pilsētas pašvaldība",
                "Liepaja City Council",
                "+371 63 404 700",
                "+371 63 404 701",
                "Inese Ozola",
                "+371 29 123 456",
                "inese.ozola@tulkosana.example.lv",
                MARKUP_COMPANY,
                "City administration",
                "Liepāja, Latvia",
                "1 person · 2 organisations",
            ],
        )
        == []
    )
    assert text.index("People") < text.index("Organisations")


def test_a_delegation_and_more_people(reports_db: Database, reports_office: BuiltReports) -> None:
    fixture = reports_office.fixture
    pdf = contacts(
        reports_db,
        delegation_id=fixture.briefing.delegation_id,
        person_ids=tuple(fixture.person_ids),
    )
    assert (
        missing(pdf, ["Jānis Ķēniņš", "Inese Ozola", "Delegation from Liepāja and friends"]) == []
    )


def test_no_page_runs_out_of_its_frame(delegation_sheet: bytes) -> None:
    assert words_outside_the_frame(delegation_sheet) == []


HEADINGS = ("Contact sheet", "Name", "Function and organisation", "Phone, mobile, fax")


def test_english_and_german_headings(
    delegation_sheet: bytes, reports_db: Database, reports_office: BuiltReports
) -> None:
    text = flat(pdf_text(delegation_sheet))
    assert [heading for heading in HEADINGS if heading not in text] == []
    deutsch = flat(
        pdf_text(
            contacts(reports_db, "de", delegation_id=reports_office.fixture.briefing.delegation_id)
        )
    )
    assert [heading for heading in HEADINGS if german(heading) not in deutsch] == []
    for word in ("Kontaktliste", "Mitglieder der Delegation", "Unsere Seite", "Seite 1 von"):
        assert word in deutsch


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({}, "Choose a delegation, or the people and organisations"),
        ({"delegation_id": 9999}, "no delegation with the number 9999"),
        ({"person_ids": (9999,)}, "no person with the number 9999"),
        ({"person_ids": (9998, 9999)}, "no people with the numbers 9998, 9999"),
        ({"organisation_ids": (9999,)}, "no organisation with the number 9999"),
    ],
)
def test_bad_requests_are_clear_errors_in_the_askers_language(
    reports_db: Database, options: dict[str, object], message: str
) -> None:
    assert current_language() == "en"
    with pytest.raises(ServiceError, match=message):
        contacts(reports_db, "de", **options)


def test_people_in_the_trash_are_not_listed(db: Database) -> None:
    from crm.services.people import PersonInput, create_person

    person, _c = create_person(db, PersonInput(family_name="Weg", given_name="Ganz"))
    delete_to_trash(db, "person", person)
    with pytest.raises(ServiceError, match=f"no person with the number {person}"):
        contacts(db, person_ids=(person,))
