"""Starting the desktop app: ``liaison`` without a subcommand calls ``run_app``."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from crm.i18n import set_language
from crm.paths import APP_NAME
from crm.settings import load_settings
from ui import dialogs
from ui.main_window import MainWindow
from ui.style import apply_style

if TYPE_CHECKING:
    from crm.db.database import Database

ORGANISATION = "Liaison"
EXIT_REFUSED = 2


def _application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    return QApplication(argv)


def install_qt_translations(app: QApplication, language: str) -> QTranslator | None:
    """Qt's own dialogs and buttons in the user's language (qtbase_de.qm and the like)."""
    QLocale.setDefault(QLocale(language))
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        app.installTranslator(translator)
        return translator
    return None


def _open_database(target: str | None) -> Database:
    # Imported here, on the worker: SQLAlchemy and the migrations load after the window shows.
    from crm.db.database import Database

    return Database.open(target)


def run_app(db_target: str | None = None, argv: list[str] | None = None) -> int:
    """Open the main window on ``db_target`` (else the database in the settings, else the
    default file); returns the exit status (2 when the database is refused)."""
    app = _application(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    settings = load_settings()
    language = set_language(settings.language or None)
    install_qt_translations(app, language)
    apply_style(app)

    window = MainWindow()
    window.show()
    target = db_target or settings.database or None
    status = {"code": 0}

    def refused(error: Exception) -> None:
        from crm.db.schema import DatabaseRefused

        if isinstance(error, DatabaseRefused):
            dialogs.refuse_database(str(error))
        else:
            dialogs.show_unexpected(window, error)
        status["code"] = EXIT_REFUSED
        window.close()
        app.exit(EXIT_REFUSED)

    def start() -> None:
        window.worker.submit(_open_database, target, on_done=window.set_database, on_error=refused)

    QTimer.singleShot(0, start)
    code = app.exec()
    if window.isVisible():
        window.close()
    window.deleteLater()
    return status["code"] or code
