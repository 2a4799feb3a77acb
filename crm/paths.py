"""Where Liaison finds its resources and keeps the user's data.

One function owns the resource lookup so a source checkout, an installed wheel
and a PyInstaller bundle all find icons, translations and demo data the same way.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Liaison"
APP_AUTHOR = "Liaison"


def resource_path(*parts: str) -> Path:
    """Absolute path of a file under ``resources/``."""
    bundle_root = getattr(sys, "_MEIPASS", None)
    if bundle_root is not None:
        return Path(bundle_root, "resources", *parts)
    return Path(__file__).resolve().parent.parent.joinpath("resources", *parts)


def data_dir() -> Path:
    """The user's data directory (created on first use); LIAISON_DATA_DIR overrides it."""
    override = os.environ.get("LIAISON_DATA_DIR")
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """The user's configuration directory; LIAISON_CONFIG_DIR overrides it."""
    override = os.environ.get("LIAISON_CONFIG_DIR")
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return data_dir() / "liaison.sqlite"
