"""iCalendar exports read back with the icalendar package: the programme at the right local
times across the change to summer time, the visits as all-day events, stable UIDs."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from export_office import Office, office_fixture  # noqa: F401  (the fixture)

from crm.db.database import Database
from crm.io.export_model import ExportRequest
from crm.io.export_run import export_to_file
from crm.io.export_vtimezone import transitions, vtimezone


def read_calendar(path: Path) -> Any:
    import icalendar

    data = path.read_bytes()
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    assert data.endswith(b"END:VCALENDAR\r\n")
    return icalendar.Calendar.from_ical(data)


def events(calendar: Any) -> list[Any]:
    return [c for c in calendar.walk() if c.name == "VEVENT"]


def test_programme_in_the_office_zone(db: Database, office: Office, tmp_path: Path) -> None:
    target = tmp_path / "programme.ics"
    request = ExportRequest(
        "delegations", "ics", delegation_id=office.delegation_id, zone="Europe/Berlin"
    )
    export_to_file(db, request, target)
    calendar = read_calendar(target)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["X-WR-CALNAME"]) == "Besuch aus Kyjiw; Kultur, Bildung"
    [zone] = [c for c in calendar.walk() if c.name == "VTIMEZONE"]
    assert str(zone["TZID"]) == "Europe/Berlin"
    reception, lunch = events(calendar)
    start = reception.decoded("DTSTART")
    assert start == datetime(2026, 3, 28, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    assert start.utcoffset() == timedelta(hours=1)
    assert reception["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert reception.decoded("DTEND") - start == timedelta(minutes=90)
    lunch_start = lunch.decoded("DTSTART")
    assert (lunch_start.hour, lunch_start.utcoffset()) == (12, timedelta(hours=2))
    assert lunch_start.astimezone(UTC) == datetime(2026, 3, 29, 10, 0, tzinfo=UTC)
    assert str(reception["SUMMARY"]) == "Empfang im Rathaus; Eintrag ins Goldene Buch"
    assert str(reception["LOCATION"]) == "Neues Rathaus, Festsaal"
    description = str(reception["DESCRIPTION"])
    assert "Golden Book" in description and "Dark suit" in description
    assert "Bring the gift,\nand the flags" in description
    assert "Vitali Klitschko" in description
    assert str(reception["STATUS"]) == "CONFIRMED"
    assert "DTSTAMP" in reception
    assert reception["UID"] != lunch["UID"]


def test_programme_in_utc_without_a_zone_name(
    db: Database, office: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crm.io import export_ical

    monkeypatch.setattr(export_ical, "zone_name_of_computer", lambda: None)
    target = tmp_path / "programme.ics"
    export_to_file(
        db, ExportRequest("delegations", "ics", delegation_id=office.delegation_id), target
    )
    calendar = read_calendar(target)
    assert not [c for c in calendar.walk() if c.name == "VTIMEZONE"]
    reception, _lunch = events(calendar)
    assert reception.decoded("DTSTART") == datetime(2026, 3, 28, 8, 0, tzinfo=UTC)
    assert b"DTSTART:20260328T080000Z" in target.read_bytes()


def test_visits_as_all_day_events(db: Database, office: Office, tmp_path: Path) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    export_to_file(db, ExportRequest("delegations", "ics"), first)
    export_to_file(db, ExportRequest("delegations", "ics"), second)
    [visit] = events(read_calendar(first))
    assert visit.decoded("DTSTART") == date(2026, 3, 27)
    assert visit.decoded("DTEND") == date(2026, 3, 31)  # the day after the last
    assert str(visit["SUMMARY"]) == "Besuch aus Kyjiw; Kultur, Bildung"
    assert "Vitali Klitschko (Head of the delegation)" in str(visit["DESCRIPTION"])
    [again] = events(read_calendar(second))
    assert visit["UID"] == again["UID"]


@pytest.mark.parametrize(
    ("name", "rules"),
    [
        ("Europe/Berlin", ["BYMONTH=3;BYDAY=-1SU", "BYMONTH=10;BYDAY=-1SU"]),
        ("America/New_York", ["BYMONTH=3;BYDAY=2SU", "BYMONTH=11;BYDAY=1SU"]),
        ("Asia/Shanghai", []),
    ],
)
def test_vtimezone_rules(name: str, rules: list[str]) -> None:
    import icalendar

    text = vtimezone(name, date(2026, 1, 1), date(2026, 12, 31))
    for rule in rules:
        assert rule in text
    calendar = icalendar.Calendar.from_ical(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n" + text + "END:VCALENDAR\r\n"
    )
    [zone] = calendar.walk("VTIMEZONE")
    tz = zone.to_tz()
    for moment in (datetime(2026, 1, 15, 12), datetime(2026, 7, 15, 12)):
        expected = moment.replace(tzinfo=ZoneInfo(name)).utcoffset()
        assert tz.utcoffset(moment) == expected


def test_transitions_found_to_the_minute() -> None:
    found = transitions(ZoneInfo("Europe/Berlin"), 2026, 2026)
    assert found == [
        datetime(2026, 3, 29, 1, 0, tzinfo=UTC),
        datetime(2026, 10, 25, 1, 0, tzinfo=UTC),
    ]
