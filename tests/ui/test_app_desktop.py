"""Desktop integration: names, icon, desktop file and AppStream data, Qt's catalogs in a bundle."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSize, QTimer
from PySide6.QtWidgets import QApplication

from crm.paths import resource_path
from ui import app as app_module
from ui.main_window import MainWindow

LINUX = resource_path("linux")
DESKTOP_FILE = LINUX / f"{app_module.APP_ID}.desktop"
METAINFO = LINUX / f"{app_module.APP_ID}.metainfo.xml"


def test_the_icon_comes_in_every_size(qapp: QApplication) -> None:
    icon = app_module.app_icon()
    sizes = {(size.width(), size.height()) for size in icon.availableSizes()}
    assert sizes == {(n, n) for n in app_module.APP_ICON_SIZES}
    for size in (16, 48, 512):
        pixmap = icon.pixmap(QSize(size, size))
        assert not pixmap.isNull() and pixmap.width() == size
    folder = resource_path("icons", "app")
    assert (folder / "liaison.svg").is_file()
    assert (folder / "liaison.ico").stat().st_size > 0  # Windows
    assert (folder / "liaison.icns").read_bytes()[:4] == b"icns"  # macOS


def test_the_app_has_its_names_desktop_file_and_icon(
    qapp: QApplication, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Any] = []
    original = MainWindow.set_database

    def set_database(self: MainWindow, db: Any) -> None:
        original(self, db)
        seen.append(
            (
                qapp.applicationName(),
                qapp.applicationDisplayName(),
                qapp.organizationName(),
                qapp.desktopFileName(),
                self.windowIcon().isNull(),
            )
        )
        QTimer.singleShot(0, self.close)

    monkeypatch.setattr(MainWindow, "set_database", set_database)
    assert app_module.run_app(str(db_path), []) == 0
    assert seen == [("Liaison", "Liaison", "Liaison", app_module.APP_ID, False)]


def test_qt_catalogs_are_found_in_a_bundle(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a PyInstaller bundle Qt may not know where its catalogs are: PySide6's folder in
    the bundle (sys._MEIPASS/PySide6/Qt/translations) is looked at too."""
    import PySide6

    real = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / "qtbase_de.qm"
    bundled = tmp_path / "PySide6" / "Qt" / "translations"
    bundled.mkdir(parents=True)
    shutil.copy(real, bundled / "qtbase_de.qm")
    nowhere = tmp_path / "nowhere"

    class NoLibraryInfo:
        LibraryPath = QLibraryInfo.LibraryPath

        @staticmethod
        def path(_which: Any) -> str:
            return str(nowhere)

    monkeypatch.setattr(app_module, "QLibraryInfo", NoLibraryInfo)
    monkeypatch.setattr(PySide6, "__file__", str(nowhere / "PySide6" / "__init__.py"))
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert str(bundled) in app_module.qt_translation_folders()
    before = QLocale()
    try:
        translator = app_module.install_qt_translations(qapp, "de")
        assert translator is not None
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
        qapp.removeTranslator(translator)
    finally:
        QLocale.setDefault(before)


def test_the_desktop_file_names_the_app_and_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP_FILE, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Name"] == "Liaison"
    assert section["Exec"] == "liaison"
    assert section["Icon"] == app_module.APP_ID
    assert "Office;" in section["Categories"]
    assert section["Comment[de]"]


def test_the_appstream_data_matches_the_desktop_file() -> None:
    root = ElementTree.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == app_module.APP_ID
    assert root.findtext("launchable") == DESKTOP_FILE.name
    assert root.findtext("provides/binary") == "liaison"
    from crm import __version__

    assert __version__ in [release.get("version") for release in root.iter("release")]


@pytest.mark.parametrize(
    "command",
    [
        ["desktop-file-validate", str(DESKTOP_FILE)],
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
    ],
)
def test_the_linux_files_pass_their_validators(command: list[str]) -> None:
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed")
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
