"""Every main screen in German and in Swedish: no English text the catalog translates is left.

The Leipzig demo office is shown section by section with a record open; every caption, button,
placeholder, column header, choice and menu entry is compared with the English messages whose
German differs. A string built without gettext, or translated before the language was chosen,
shows up here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from crm import i18n
from crm.db.database import Database
from crm.demo import build_demo
from ui.navigation import sections

# Where a language is chosen, each is named in its own language, so its speakers find it.
ENDONYMS = {"English", "Deutsch", "Svenska"}
TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources/translations"
LANGUAGES = ("de", "sv")


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def english_only(language: str) -> set[str]:
    """English messages that read differently in ``language`` (seeing them: not translated)."""
    with (TRANSLATIONS / language / "LC_MESSAGES" / "liaison.po").open("rb") as stream:
        catalog = read_po(stream)
    found = set()
    for message in catalog:
        if not message.id or not message.string:
            continue
        pairs = (
            zip(message.id, message.string, strict=False)
            if isinstance(message.id, tuple)
            else [(message.id, message.string)]
        )
        for english, translated in pairs:
            if "{" in english or len(english) < 3:
                continue  # filled in at run time, or too short to tell
            if _plain(english) != _plain(translated):
                found.add(_plain(english))
    return found


def _model_texts(model: Any) -> set[str]:
    """Column headers and the first rows' first cells (a list of choices, a table)."""
    root = QModelIndex()
    try:
        columns, rows = model.columnCount(root), model.rowCount(root)
    except TypeError:  # Qt's own helper models keep these private
        return set()
    texts = {str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)}
    texts.update(str(model.index(r, 0).data() or "") for r in range(min(rows, 3)))
    return texts


def texts_on(window: QWidget) -> set[str]:
    shown: set[str] = set()
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton):
            shown.add(widget.text())
        if isinstance(widget, QLineEdit | QTextEdit):
            shown.add(widget.placeholderText())
        if isinstance(widget, QComboBox):
            shown.update(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QTabBar):
            shown.update(widget.tabText(i) for i in range(widget.count()))
        if isinstance(widget, QGroupBox):
            shown.add(widget.title())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            shown.update(_model_texts(widget.model()))
        if isinstance(widget, QMenu):
            shown.update(action.text() for action in widget.actions())
    return {_plain(text) for text in shown if text}


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


@pytest.fixture
def demo_window(
    qtbot: QtBot, language: str, db: Database, wait_idle: Callable[[Any], None]
) -> Iterator[Any]:
    from ui.main_window import MainWindow

    build_demo(db, "leipzig")
    main = MainWindow()
    qtbot.addWidget(main)
    main.resize(1400, 860)
    main.show()
    main.set_database(db)
    wait_idle(main)
    yield main
    main.close()


def test_every_main_screen_is_translated(
    demo_window: Any, language: str, wait_idle: Callable[[Any], None]
) -> None:
    english = english_only(language)
    assert "Save" in english and "Move to trash" in english  # the check can see something
    left: dict[str, set[str]] = {}
    for info in sections():
        demo_window.go_to(info.key)
        wait_idle(demo_window)
        section = demo_window.section(info.key)
        model = getattr(section, "model", None)
        if model is not None and hasattr(model, "id_at") and model.rowCount():
            section.show_record(model.id_at(0))
            wait_idle(demo_window)
        found = (texts_on(demo_window) - ENDONYMS) & english
        if found:
            left[info.key] = found
    assert not left, f"English left on the {language} screens: {left}"
