"""Fixtures for the desktop app's tests: a main window on a real SQLite file, sample records
made through the services, and the dialogs replaced by recorders (no modal boxes in tests)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services.contact_points import ContactPointInput
from crm.services.organisations import OrganisationInput, create_organisation
from crm.services.partnerships import PartnershipInput, create_partnership
from crm.services.people import AffiliationInput, PersonInput, create_person
from ui import dialogs
from ui.dialogs import ConflictChoice, Unsaved

WAIT_MS = 5000
# The offscreen platform has no window system: it says so when a layout passes a minimum size
# on, and when a popup (a completer's list) raises itself or grabs the keyboard and mouse.
# These are about the test platform, not the app.
OFFSCREEN_NOISE = (
    r"This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the (keyboard|mouse))"
)
HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@dataclass
class DialogRecorder:
    """Answers the app's questions the way a test says, and keeps what was asked."""

    delete: bool = True
    purge: bool = True
    unsaved: Unsaved = Unsaved.DISCARD
    conflict_choice: ConflictChoice = ConflictChoice.RELOAD
    asked: list[tuple[str, str]] = field(default_factory=list)

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def confirm_delete(_parent: Any, name: str) -> bool:
            self.asked.append(("delete", name))
            return self.delete

        def confirm_purge(_parent: Any, names: Any) -> bool:
            self.asked.append(("purge", ", ".join(names)))
            return self.purge

        def ask_unsaved(_parent: Any, name: str) -> Unsaved:
            self.asked.append(("unsaved", name))
            return self.unsaved

        def conflict(_parent: Any, message: str, saved_meanwhile: str = "") -> ConflictChoice:
            self.asked.append(("conflict", f"{message}\n{saved_meanwhile}".strip()))
            return self.conflict_choice

        def show_error(_parent: Any, message: str) -> None:
            self.asked.append(("error", message))

        def show_unexpected(_parent: Any, error: BaseException) -> None:
            raise AssertionError(f"unexpected error shown to the user: {error!r}") from error

        def refuse_database(message: str) -> None:
            self.asked.append(("refused", message))

        def inform(_parent: Any, _title: str, message: str) -> None:
            self.asked.append(("info", message))

        for name, function in (
            ("confirm_delete", confirm_delete),
            ("confirm_purge", confirm_purge),
            ("ask_unsaved", ask_unsaved),
            ("conflict", conflict),
            ("show_error", show_error),
            ("show_unexpected", show_unexpected),
            ("refuse_database", refuse_database),
            ("inform", inform),
        ):
            monkeypatch.setattr(dialogs, name, function)

    def kinds(self) -> list[str]:
        return [kind for kind, _text in self.asked]


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> DialogRecorder:
    recorder = DialogRecorder()
    recorder.install(monkeypatch)
    return recorder


@pytest.fixture
def wait_idle(qtbot: QtBot) -> Callable[[Any], None]:
    """Wait until the window's database worker has delivered every result."""

    def wait(window: Any) -> None:
        qtbot.waitUntil(window.worker.is_idle, timeout=WAIT_MS)

    return wait


@pytest.fixture
def window(qtbot: QtBot, db: Database, wait_idle: Callable[[Any], None]) -> Iterator[Any]:
    from ui.main_window import MainWindow

    main = MainWindow()
    qtbot.addWidget(main)
    main.resize(1400, 860)
    main.show()
    main.set_database(db)
    wait_idle(main)
    yield main
    main.close()


@dataclass
class Sample:
    organisation_id: int
    person_ids: dict[str, int]
    partnership_ids: dict[str, int]


@pytest.fixture
def sample(db: Database) -> Sample:
    """A small office: one organisation, three people, four partnerships."""
    organisation_id, _changes = create_organisation(
        db, OrganisationInput(name="Stadt Leipzig, Referat Internationale Zusammenarbeit")
    )
    people = {}
    for given, family, country, phone in (
        ("Gabriele", "Goldfuß", "DE", "0341 123-2020"),
        ("Inese", "Bērziņa", "LV", "+ 371 6 34 04789"),
        ("Olena", "Koval", "UA", None),
    ):
        contacts = [ContactPointInput("phone", phone, "office", True)] if phone else []
        contacts.append(ContactPointInput("email", f"{given.lower()}@example.org"))
        people[family], _changes = create_person(
            db,
            PersonInput(
                family_name=family,
                given_name=given,
                country=country,
                contact_points=contacts,
                affiliations=[AffiliationInput(organisation_id, "Officer")],
            ),
        )
    partnerships = {}
    for city, native, country, year, rating, kind in (
        ("Kiew", "Київ", "UA", 1961, "AA", "twin_city"),
        ("Herzliya", "הרצליה", "IL", 2011, "A", "twin_city"),
        ("Nanjing", "南京", "CN", 1988, "AAA", "twin_city"),
        ("Houston", None, "US", 1993, "AAA", "cooperation_city"),
    ):
        partnerships[city], _changes = create_partnership(
            db,
            PartnershipInput(
                city_name=city,
                city_name_native=native,
                country=country,
                since_year=year,
                activity_rating=rating,
                kind=kind,
                themes=["culture", "education"],
            ),
        )
    return Sample(organisation_id, people, partnerships)


@pytest.fixture
def context(qtbot: QtBot, db: Database) -> Iterator[Any]:
    """The shared context (database + worker) without a window, for models and widgets."""
    from ui.context import AppContext
    from ui.worker import DbWorker

    worker = DbWorker()
    yield AppContext(db, worker)
    worker.shutdown()
