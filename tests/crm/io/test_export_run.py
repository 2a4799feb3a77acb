"""Running an export: whole files or none, refusals before anything is written, and the fast
phone formatting giving the app's own text."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_office import Office, office_fixture  # noqa: F401  (the fixture)

from crm.db.database import Database
from crm.io.export_model import ExportRequest, default_file_name
from crm.io.export_run import export_to_file
from crm.io.export_values import international
from crm.services.errors import ServiceError
from crm.services.progress import Cancelled, Progress
from crm.validation import format_phone


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


class CancelAfterFirstBatch(Progress):
    def advance(self, count: int = 1, text: str | None = None) -> None:
        self.cancel()
        super().advance(count, text)


@pytest.mark.parametrize("format_", ["csv", "xlsx", "vcf"])
def test_cancel_leaves_no_file(db: Database, office: Office, out: Path, format_: str) -> None:
    target = out / f"people.{format_}"
    with pytest.raises(Cancelled):
        export_to_file(db, ExportRequest("people", format_), target, CancelAfterFirstBatch())
    assert list(out.iterdir()) == []


def test_a_failed_export_keeps_the_old_file(db: Database, office: Office, out: Path) -> None:
    target = out / "people.csv"
    target.write_text("the old list")
    with pytest.raises(Cancelled):
        export_to_file(db, ExportRequest("people", "csv"), target, CancelAfterFirstBatch())
    assert target.read_text() == "the old list"
    assert list(out.iterdir()) == [target]
    export_to_file(db, ExportRequest("people", "csv"), target)
    assert target.read_text(encoding="utf-8-sig").startswith("No.;")
    assert oct(target.stat().st_mode & 0o777) != oct(0o600)


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (ExportRequest("people", "ics"), "cannot be exported as ics"),
        (ExportRequest("gifts", "csv"), "There is no list"),
        (ExportRequest("people", "csv", separator="|"), "separator"),
        (ExportRequest("people", "vcf", vcard_version="2.1"), "3.0 or 4.0"),
        (ExportRequest("people", "csv", delegation_id=1), "iCalendar"),
    ],
)
def test_bad_requests_write_nothing(
    db: Database, out: Path, request_: ExportRequest, message: str
) -> None:
    with pytest.raises(ServiceError, match=message):
        export_to_file(db, request_, out / "out.file")
    assert list(out.iterdir()) == []


def test_bad_targets(db: Database, out: Path) -> None:
    with pytest.raises(ServiceError, match="folder"):
        export_to_file(db, ExportRequest("people", "csv"), out)
    with pytest.raises(ServiceError, match="does not exist"):
        export_to_file(db, ExportRequest("people", "csv"), out / "missing" / "x.csv")


def test_a_missing_delegation(db: Database, out: Path) -> None:
    with pytest.raises(ServiceError, match="no longer exists"):
        export_to_file(db, ExportRequest("delegations", "ics", delegation_id=99), out / "x.ics")
    assert list(out.iterdir()) == []


def test_an_empty_list_is_a_header(db: Database, out: Path) -> None:
    target = out / "people.csv"
    assert export_to_file(db, ExportRequest("people", "csv"), target).records == 0
    assert target.read_bytes().count(b"\r\n") == 1


@pytest.mark.parametrize(
    "number",
    [
        "+37163404789",
        "+4934112342020",
        "+493412342020",
        "+390612345678",  # Italy keeps the leading zero
        "+3906123456",
        "+12025550123",
        "+8613912345678",
        "+82221234567",
        "+97235551234",
        "+251115517055",
        "+74956336044",
        "+302310123456",
        "+8801812345678",
        "+999123",  # no such country: left to format_phone
        "+49",
    ],
)
def test_fast_phone_format_is_the_apps(number: str) -> None:
    assert international(number, "typed") == format_phone(number, "typed")


def test_unnormalised_phones_as_typed() -> None:
    assert international(None, "0341 123") == "0341 123"
    assert international("", "ext. 12") == "ext. 12"


def test_default_file_name() -> None:
    from datetime import date

    assert default_file_name("people", "csv", date(2026, 5, 12)) == "people-2026-05-12.csv"


def test_fast_phone_format_for_every_country() -> None:
    """The example numbers of every region, and numbers that share their leading digits (laid
    out from the layout kept for the first), read as the app shows them."""
    import random

    import phonenumbers
    from phonenumbers import PhoneNumberFormat, PhoneNumberType

    rng = random.Random(5)
    checked = 0
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in (PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            e164 = phonenumbers.format_number(example, PhoneNumberFormat.E164)
            variants = [e164]
            for _ in range(3):
                tail = "".join(str(rng.randint(0, 9)) for _ in range(3))
                variants.append(e164[:-3] + tail)
            for number in variants:
                stored = phonenumbers.format_number(
                    phonenumbers.parse(number, None), PhoneNumberFormat.E164
                )
                assert international(stored, "x") == format_phone(stored, "x"), stored
                checked += 1
    assert checked > 1000
