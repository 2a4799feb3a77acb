"""One office with the every-script delegation, built once for all the report tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from briefing_fixture import BuiltOffice, build
from reports_fixture import BuiltReports, build_reports

from crm.db.database import Database


@pytest.fixture(scope="session")
def briefing_office(tmp_path_factory: pytest.TempPathFactory) -> BuiltOffice:
    """The database with the fixture delegation; tests only read it."""
    from crm.i18n import language_override

    path = tmp_path_factory.mktemp("briefing") / "office.sqlite"
    db = Database.open(path)
    try:
        with language_override("en"):
            fixture = build(db)
    finally:
        db.close()
    return BuiltOffice(path, fixture)


@pytest.fixture
def office_db(briefing_office: BuiltOffice) -> Iterator[Database]:
    db = Database.open(briefing_office.path)
    yield db
    db.close()


@pytest.fixture(scope="session")
def reports_office(tmp_path_factory: pytest.TempPathFactory) -> BuiltReports:
    """The briefing's office with more partnerships and a year of activity; tests only read
    it."""
    from crm.i18n import language_override

    path = tmp_path_factory.mktemp("reports") / "office.sqlite"
    db = Database.open(path)
    try:
        with language_override("en"):
            fixture = build_reports(db)
    finally:
        db.close()
    return BuiltReports(path, fixture)


@pytest.fixture
def reports_db(reports_office: BuiltReports) -> Iterator[Database]:
    db = Database.open(reports_office.path)
    yield db
    db.close()
