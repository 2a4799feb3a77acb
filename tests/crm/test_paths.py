"""Where Liaison finds its resources and keeps the user's data."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from crm import paths

ROOT = Path(__file__).resolve().parents[2]


def test_resource_path_in_a_source_checkout() -> None:
    assert paths.resource_path("translations") == ROOT / "resources" / "translations"
    assert paths.resource_path() == ROOT / "resources"


def test_resource_path_in_a_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resource_path("icons", "app.svg") == tmp_path / "resources" / "icons" / "app.svg"


def test_data_and_config_dirs_follow_the_environment(tmp_path: Path) -> None:
    # tests/conftest.py points both at the test's own folders.
    assert paths.data_dir() == tmp_path / "data"
    assert paths.config_dir() == tmp_path / "config"
    assert paths.data_dir().is_dir() and paths.config_dir().is_dir()
    assert paths.default_database_path() == tmp_path / "data" / "liaison.sqlite"


def test_platform_dirs_without_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("LIAISON_DATA_DIR")
    monkeypatch.delenv("LIAISON_CONFIG_DIR")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    if sys.platform.startswith("linux"):
        assert paths.data_dir() == tmp_path / "xdg-data" / "Liaison"
        assert paths.config_dir() == tmp_path / "xdg-config" / "Liaison"
    else:
        assert paths.data_dir().is_dir()
