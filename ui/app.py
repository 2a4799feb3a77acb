"""Starting the desktop app: ``liaison`` without a subcommand calls ``run_app``."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QSize, Qt, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from crm.db.target import database_url
from crm.i18n import _, set_language
from crm.paths import APP_NAME, resource_path
from crm.settings import load_settings
from ui import dialogs
from ui.main_window import MainWindow
from ui.single_instance import InstanceGuard, database_identity
from ui.style import apply_style

if TYPE_CHECKING:
    from crm.db.database import Database
    from crm.services.overview_model import Overview
    from ui.storage import StartupStorage

ORGANISATION = "Liaison"
# The desktop file's name (resources/linux/) and the app id Wayland groups windows by.
APP_ID = "org.liaison.Liaison"
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
EXIT_REFUSED = 2
FIRST_PAINT_WAIT_MS = 500


def app_icon() -> QIcon:
    """Liaison's icon in every size drawn (resources/icons/app; Qt loads a size when used)."""
    icon = QIcon()
    for size in APP_ICON_SIZES:
        icon.addFile(str(resource_path("icons", "app", f"liaison-{size}.png")), QSize(size, size))
    return icon


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
    for folder in qt_translation_folders():
        if translator.load(f"qtbase_{language}", folder):
            app.installTranslator(translator)
            return translator
    return None


def qt_translation_folders() -> list[str]:
    """Where Qt's own catalogs are: Qt's answer, then PySide6's folder (in a PyInstaller
    bundle that is _internal/PySide6/Qt/translations, which Qt may not report)."""
    import PySide6

    package = Path(PySide6.__file__).resolve().parent
    folders = [
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(package / "Qt" / "translations"),
        str(package / "translations"),
    ]
    bundle_root = getattr(sys, "_MEIPASS", None)
    if bundle_root is not None:
        folders.append(str(Path(bundle_root, "PySide6", "Qt", "translations")))
    return list(dict.fromkeys(folder for folder in folders if folder))


def _open_database(target: str | None) -> Database:
    # Imported here, on the worker: SQLAlchemy and the migrations load after the window shows.
    from crm.db.database import Database

    database = Database.open(target)
    # The models and the first screen's services too, rather than on the GUI thread when the
    # first section is built.
    from crm.services.warmup import prepare_first_screen

    prepare_first_screen()
    return database


def first_screen_file(target: str | None) -> Path | None:
    """The SQLite file ``target`` names, whose Overview can be read before the database layer
    loads; None for a server."""
    return database_url(target)[1]


def _read_first_overview(path: Path, day: date) -> Overview | None:
    from crm.services.overview_sqlite import read_overview

    return read_overview(path, day)


class FirstPaint(QObject):
    """Calls ``then`` once ``window`` has been painted for the first time (or after
    ``FIRST_PAINT_WAIT_MS`` at the latest: a window started minimised is not painted)."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self._call)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self, self._call)  # after this paint has been drawn
        return False

    def _call(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self._window.removeEventFilter(self)
            then()


def run_app(db_target: str | None = None, argv: list[str] | None = None) -> int:
    """Open the main window on ``db_target`` (else the database in the settings, else the
    default file); returns the exit status (2 when the database is refused)."""
    app = _application(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    settings = load_settings()
    language = set_language(settings.language or None)
    target = db_target or settings.database or None
    # One window per database: a second start brings the running one forward and ends here.
    guard = InstanceGuard(target, app)
    if not guard.claim() and guard.forward():
        if sys.stderr is not None:  # None in a windowed program (Windows)
            sys.stderr.write(
                _(
                    "Liaison is already open on {database}; its window was brought to the front."
                ).format(database=database_identity(target))
                + "\n"
            )
        return 0
    qt_catalog = install_qt_translations(app, language)
    apply_style(app)
    quit_after = None
    if os.environ.get("LIAISON_QUIT_AFTER_MS"):  # the smoke test and the start-up benchmark
        from ui import startup_probe

        quit_after = startup_probe.quit_after_ms()
    if quit_after is not None:
        startup_probe.install_before_window(app)
        startup_probe.trace("language", f"{language} qt-catalog={'yes' if qt_catalog else 'no'}")

    current: dict[str, MainWindow] = {}
    guard.activation_requested.connect(lambda: bring_forward(current["window"]))
    code = 0
    first = True
    while True:
        # A restore closes the window and asks for a new one on the restored file (ui.storage).
        window = MainWindow()
        current["window"] = window
        if quit_after is not None and first:
            startup_probe.StartupProbe(app, window, guard, quit_after)
        code, restart = _run_window(app, window, target)
        from ui.server_connect import next_target  # not before the first window: 20 ms

        target = next_target(window, target)  # File › Connect to shared server…
        first = False
        if not restart:
            break
    guard.release()
    guard.deleteLater()
    return code


def _run_window(app: QApplication, window: MainWindow, target: str | None) -> tuple[int, bool]:
    """Show ``window``, open the database once it is painted and run until it closes:
    (exit status, whether a new window is wanted on the same database)."""
    # The storage and server dialogs load once there is a database (or a refusal), not
    # before the window's first paint.
    storages: list[StartupStorage] = []
    window.show()
    status = {"code": 0}

    def opened(db: Database) -> None:
        from ui.storage import StartupStorage

        window.set_database(db)
        storages.append(StartupStorage(window))
        storages[0].database_opened(db)

    def refused(error: Exception) -> None:
        from crm.db.schema import DatabaseRefused
        from ui.server_connect import ask_for_server_login
        from ui.storage import offer_restore_unopenable

        if offer_restore_unopenable(window, error):
            return  # restored on the worker; the window then starts afresh
        if ask_for_server_login(window, target, error):
            return  # connected: a new window opens on the server
        if isinstance(error, DatabaseRefused):
            dialogs.refuse_database(str(error))
        else:
            dialogs.show_unexpected(window, error)
        status["code"] = EXIT_REFUSED
        window.close()
        app.exit(EXIT_REFUSED)

    def open_database() -> None:
        window.worker.submit(_open_database, target, on_done=opened, on_error=refused)

    def first_screen(overview: Overview | None) -> None:
        if window.show_first_overview(overview):
            FirstPaint(window, open_database)  # painted with its data, then the rest loads
        else:
            open_database()

    def start() -> None:
        from ui.sections.overview.section import today

        path = first_screen_file(target)
        if path is None:
            open_database()
        else:
            window.worker.submit(
                _read_first_overview,
                path,
                today(),
                on_done=first_screen,
                on_error=open_database_after,
            )

    def open_database_after(_error: Exception) -> None:
        open_database()  # the database layer then reports what is wrong, if anything

    # The database opens once the window has been painted: importing SQLAlchemy on the
    # worker meanwhile would hold the interpreter's lock and delay that first paint. The
    # Overview comes first, read without SQLAlchemy (crm.services.overview_sqlite).
    FirstPaint(window, start)
    code = app.exec()
    from ui.storage import RESTART_PROPERTY

    restart = bool(window.property(RESTART_PROPERTY)) and not status["code"]
    if window.isVisible():
        window.close()
    for storage in storages:
        storage.shutdown()
    window.deleteLater()
    return status["code"] or code, restart


def bring_forward(window: MainWindow) -> None:
    """Show the window on top and give it the focus (restored if it was minimised)."""
    window.setWindowState(
        (window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
    )
    window.show()
    window.raise_()
    window.activateWindow()
