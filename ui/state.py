"""Window layout kept between runs: geometry, splitters, columns and sort orders.

Qt's QSettings in an INI file in Liaison's configuration folder (LIAISON_CONFIG_DIR in tests),
not the platform's registry, so every test and every user profile stays separate.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from crm.paths import config_dir

STATE_FILE = "window-state.ini"


def ui_state() -> QSettings:
    return QSettings(str(config_dir() / STATE_FILE), QSettings.Format.IniFormat)
