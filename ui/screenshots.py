"""Screenshots of the sections for the README and for review:

    liaison demo --db /tmp/shots.sqlite
    python -m ui.screenshots --db /tmp/shots.sqlite --out docs/screenshots

Runs offscreen (no display needed); each section is shown with a record open in its editor.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

WINDOW_SIZE = (1400, 860)
# Which record each section opens: a search term matching a record of the demo office.
DEFAULT_PICKS = {
    "overview": "",
    "partnerships": "kiew",
    "organisations": "gewandhaus",
    "people": "goldfu",
    "delegations": "nanjing",
    "correspondence": "IZ-2025-0003",
    "projects": "nakopa",
    "trash": "",
    "history": "",
    "settings": "",
}


def dark_palette() -> Any:
    from PySide6.QtGui import QColor, QPalette

    role = QPalette.ColorRole
    palette = QPalette()
    colours = {
        role.Window: "#2b2b2b",
        role.WindowText: "#e8e8e8",
        role.Base: "#1f1f1f",
        role.AlternateBase: "#272727",
        role.Text: "#e8e8e8",
        role.Button: "#353535",
        role.ButtonText: "#e8e8e8",
        role.Highlight: "#2f7dc1",
        role.HighlightedText: "#ffffff",
        role.ToolTipBase: "#353535",
        role.ToolTipText: "#e8e8e8",
        role.PlaceholderText: "#8c8c8c",
        role.Link: "#6cb4f0",
        role.Light: "#505050",
        role.Midlight: "#404040",
        role.Mid: "#303030",
        role.Dark: "#1a1a1a",
        role.Shadow: "#000000",
        role.BrightText: "#ff6b6b",
    }
    for colour_role, value in colours.items():
        palette.setColor(colour_role, QColor(value))
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, colour_role, QColor("#7a7a7a"))
    return palette


def take(
    db_path: Path, out: Path, picks: dict[str, str], language: str | None, scheme: str = "light"
) -> list[Path]:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    from crm.db.database import Database
    from crm.i18n import set_language
    from crm.search.query import search
    from ui.app import install_qt_translations
    from ui.main_window import MainWindow
    from ui.navigation import section_of_kind
    from ui.style import apply_style

    code = set_language(language)
    install_qt_translations(app, code)  # type: ignore[arg-type]
    if scheme == "dark":
        # Offscreen there is no system theme to ask: give the palette a dark desktop would.
        app.setStyle("Fusion")  # type: ignore[attr-defined]
        app.setPalette(dark_palette())  # type: ignore[attr-defined]
    apply_style(app)  # type: ignore[arg-type]

    def settle(window: MainWindow) -> None:
        for _ in range(200):
            loop = QEventLoop()
            QTimer.singleShot(25, loop.quit)
            loop.exec()
            if window.worker.is_idle():
                break
        # Layouts settle in posted events after the data arrives: give them a few rounds.
        for _ in range(4):
            loop = QEventLoop()
            QTimer.singleShot(25, loop.quit)
            loop.exec()

    db = Database.open(db_path, create=False)
    window = MainWindow()
    window.resize(*WINDOW_SIZE)
    window.show()
    window.set_database(db)
    settle(window)
    out.mkdir(parents=True, exist_ok=True)
    saved = []
    for key, query in picks.items():
        window.go_to(key)
        settle(window)
        hits = search(db, query) if query else []
        found = [hit for hit in hits if section_of_kind(hit.kind) == key]
        section = window.section(key)
        if found and section is not None:
            section.show_record(section.place_id(found[0].kind, found[0].id))
            settle(window)
        target = out / f"{key}.png"
        window.grab().save(str(target))
        saved.append(target)
    window.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, type=Path, help="a database with demo data")
    parser.add_argument("--out", default=Path("docs/screenshots"), type=Path)
    parser.add_argument("--language", default="en")
    parser.add_argument("--scheme", choices=("light", "dark"), default="light")
    parser.add_argument("--pick", action="append", default=[], help="section=search term")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A fresh configuration: remembered window layouts must not change the pictures.
    os.environ["LIAISON_CONFIG_DIR"] = tempfile.mkdtemp(prefix="liaison-shots-")
    picks = dict(DEFAULT_PICKS)
    picks.update(dict(item.split("=", 1) for item in args.pick))
    for path in take(args.db, args.out, picks, args.language, args.scheme):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
