"""PySide's feature support no longer reads the source of every module imported after it."""

from __future__ import annotations

import sys
import types

import pytest

from ui import qt_imports


def test_modules_that_use_qt_are_known_by_their_package() -> None:
    assert qt_imports.uses_pyside(sys.modules["ui.qt_imports"])
    assert qt_imports.uses_pyside(types.ModuleType("PySide6.QtWidgets"))
    assert not qt_imports.uses_pyside(types.ModuleType("sqlalchemy.orm"))
    assert not qt_imports.uses_pyside(types.ModuleType("crm.services.people"))
    assert not qt_imports.uses_pyside(object())


def test_speed_up_imports_replaces_the_source_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    feature = pytest.importorskip("shibokensupport.feature")
    if not callable(getattr(feature, "_mod_uses_pyside", None)):
        pytest.skip("this PySide has no source scan")
    monkeypatch.setattr(feature, "_mod_uses_pyside", feature._mod_uses_pyside)
    assert qt_imports.speed_up_imports() is True
    assert feature._mod_uses_pyside is qt_imports.uses_pyside
    # Still everything Qt works after it: a module imported now is imported normally.
    import email.mime.text

    assert email.mime.text.MIMEText("x")["Content-Type"].startswith("text/plain")


def test_without_the_source_scan_nothing_is_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    feature = pytest.importorskip("shibokensupport.feature")
    monkeypatch.delattr(feature, "_mod_uses_pyside", raising=False)
    assert qt_imports.speed_up_imports() is False
