"""Driving the delegation page as a user would: typing, picking from lists, clicking."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from crm.db.database import Database
from crm.services.delegations import (
    DelegationInput,
    GiftInput,
    MemberInput,
    ProgrammeItemInput,
    create_delegation,
)
from crm.services.partnerships import PartnershipInput, create_partnership
from crm.services.people import PersonInput, create_person
from ui.widgets.record_picker import RecordPicker

LATVIANS = (
    ("Gunārs", "Ansiņš", "Mayor of Liepāja"),
    ("Inese", "Bērziņa", "Head of international relations"),
    ("Jānis", "Vītols", "City councillor"),
    ("Līga", "Kalniņa", "Director of the culture department"),
    ("Andris", "Ozols", "Interpreter"),
)


def liepaja_office(db: Database) -> dict[str, int]:
    ids: dict[str, int] = {}
    ids["liepaja"], _c = create_partnership(
        db, PartnershipInput(city_name="Liepāja", country="LV", since_year=1990)
    )
    for given, family, _function in LATVIANS:
        ids[family], _c = create_person(
            db, PersonInput(family_name=family, given_name=given, country="LV")
        )
    ids["Goldfuß"], _c = create_person(
        db, PersonInput(family_name="Goldfuß", given_name="Gabriele", title="Dr.")
    )
    return ids


def saved_visit(db: Database, ids: dict[str, int]) -> int:
    delegation_id, _c = create_delegation(
        db,
        DelegationInput(
            title="Liepāja city council",
            start_date=date(2026, 6, 8),
            end_date=date(2026, 6, 9),
            partnership_id=ids["liepaja"],
            members=[
                MemberInput(ids[family], function, rank)
                for rank, (_g, family, function) in enumerate(LATVIANS, start=1)
            ],
            programme=[
                ProgrammeItemInput(
                    datetime(2026, 6, 8, 8, tzinfo=UTC),
                    "Entry in the Golden Book",
                    kind="golden_book",
                    participant_ids=[ids["Goldfuß"]],
                )
            ],
            gifts=[GiftInput("received", "Amber bowl", value=Decimal("80"), currency="EUR")],
        ),
    )
    return delegation_id


def type_into(qtbot: QtBot, line: QLineEdit, text: str) -> None:
    """Replace the field's text by typing; letters beyond ASCII arrive as key events too."""
    line.setFocus()
    line.selectAll()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(line, char)
        else:  # QTest only knows ASCII keys: send what a keyboard layout would send
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    line, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
                )


def pick(qtbot: QtBot, picker: RecordPicker, text: str) -> None:
    """Type part of a name and take the first entry the list offers."""
    picker.window().activateWindow()
    picker.setFocus()
    qtbot.waitUntil(picker.hasFocus, timeout=2000)
    qtbot.keyClicks(picker, text)
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: picker.value() is not None or not picker.text(), timeout=2000)
