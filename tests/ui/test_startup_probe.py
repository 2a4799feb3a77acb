"""LIAISON_QUIT_AFTER_MS: the app reports its milestones, closes by itself, never hangs on a
message box (the bundle's smoke test and the start-up benchmark rely on it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from crm.db.database import Database
from ui import app as app_module
from ui import dialogs, startup_probe


def milestones(err: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in err.splitlines():
        if line.startswith(startup_probe.PREFIX + " "):
            _prefix, event, seconds, *detail = line.split(" ")
            float(seconds)
            found[event] = detail
    return found


@pytest.mark.parametrize(
    ("value", "expected"), [("", None), ("250", 250), (" 0 ", 0), ("-5", 0), ("soon", None)]
)
def test_quit_after_ms_reads_the_variable(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: int | None
) -> None:
    monkeypatch.setenv(startup_probe.QUIT_AFTER_VARIABLE, value)
    assert startup_probe.quit_after_ms() == expected


def test_without_the_variable_the_app_reports_nothing(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: Any
) -> None:
    monkeypatch.delenv(startup_probe.QUIT_AFTER_VARIABLE, raising=False)
    target = tmp_path / "notes.sqlite"
    target.write_text("not a database\n", encoding="utf-8")
    assert app_module.run_app(str(target), []) == 2  # the recorder answers the message
    assert startup_probe.PREFIX not in capfd.readouterr().err


def test_the_app_reports_its_milestones_and_closes(
    qapp: QApplication, db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: Any
) -> None:
    db.close()
    monkeypatch.setenv(startup_probe.QUIT_AFTER_VARIABLE, "50")
    assert app_module.run_app(str(db_path), []) == 0
    found = milestones(capfd.readouterr().err)
    assert set(found) >= {"language", "window-shown", "data-shown"}
    assert found["language"] == ["en", "qt-catalog=yes"]
    assert found["window-shown"][0].startswith("heavy=")
    assert found["data-shown"] == ["section=overview"]
    assert not [w for w in qapp.topLevelWidgets() if w.isVisible()]


def test_a_refused_database_is_a_line_on_stderr_not_a_message_box(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: Any,
    answers: Any,
) -> None:
    monkeypatch.setenv(startup_probe.QUIT_AFTER_VARIABLE, "0")
    target = tmp_path / "notes.sqlite"
    target.write_text("not a database\n", encoding="utf-8")
    assert app_module.run_app(str(target), []) == 2
    err = capfd.readouterr().err
    assert "liaison: " in err and "notes.sqlite" in err
    assert answers.asked == []  # no message box was put up
    assert "data-shown" not in milestones(err)


def test_an_unexpected_error_ends_the_app_with_status_1(
    qapp: QApplication, db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: Any
) -> None:
    db.close()
    monkeypatch.setenv(startup_probe.QUIT_AFTER_VARIABLE, "0")

    def broken(_db: Any, _day: Any) -> Any:
        raise RuntimeError("the overview broke")

    # No first screen from the start-up reader: the Overview comes from the broken read.
    monkeypatch.setattr("crm.services.overview_sqlite.read_overview", lambda *_args: None)
    monkeypatch.setattr("crm.services.overview.get_overview", broken)
    assert app_module.run_app(str(db_path), []) == 1
    err = capfd.readouterr().err
    assert "unexpected error" in err and "the overview broke" in err


def test_the_message_boxes_are_replaced_only_for_the_run(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The test's own recorder (tests/ui/conftest.py) puts the originals back afterwards;
    # here the replacements themselves are checked.
    before = dialogs.show_unexpected
    startup_probe.install_before_window(qapp)
    assert dialogs.show_unexpected is not before
    assert dialogs.refuse_database.__module__ == startup_probe.__name__
