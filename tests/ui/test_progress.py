from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from crm.db.database import Database
from crm.db.models import OfficeSetting
from crm.services.progress import Progress
from crm.services.unit import write
from ui import progress as progress_module
from ui.progress import ProgressRun


def slow_job(db: Database, steps: int, delay: float, progress: Progress) -> int:
    """Writes a row, then works step by step, as a large purge does."""
    progress.start(steps, "Working")
    with write(db, "Slow job") as unit:
        unit.session.add(OfficeSetting(key="slow_job", value="written"))
        unit.session.flush()
        for step in range(steps):
            time.sleep(delay)
            progress.advance(1, f"Step {step + 1} of {steps}")
    return steps


def _stored(db: Database) -> bool:
    with db.read() as session:
        key = select(OfficeSetting).where(OfficeSetting.key == "slow_job")
        return session.scalar(key) is not None


@pytest.fixture
def parent(qtbot: QtBot) -> Any:
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_a_quick_job_never_shows_the_dialog(qtbot: QtBot, context: Any, parent: Any) -> None:
    results: list[int] = []
    run = ProgressRun(context, parent, "Quick", slow_job, 2, 0.0, on_done=results.append)
    qtbot.waitUntil(lambda: run.finished)
    assert results == [2]
    assert not run.was_shown
    assert _stored(context.db)


def test_a_long_job_shows_its_progress(
    qtbot: QtBot, context: Any, parent: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress_module, "SHOW_AFTER_MS", 50)
    results: list[int] = []
    run = ProgressRun(
        context, parent, "Deleting for good", slow_job, 20, 0.05, on_done=results.append
    )
    qtbot.waitUntil(lambda: run.dialog.isVisible() and run.dialog.value() > 2, timeout=5000)
    assert run.dialog.maximum() == 20
    assert run.dialog.labelText().startswith("Step ")
    qtbot.waitUntil(lambda: run.finished, timeout=10000)
    assert results == [20]
    assert _stored(context.db)


def test_cancel_stops_the_job_and_changes_nothing(
    qtbot: QtBot, context: Any, parent: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress_module, "SHOW_AFTER_MS", 50)
    said: list[str] = []
    context.status_message.connect(said.append)
    results: list[int] = []
    errors: list[Exception] = []
    run = ProgressRun(
        context,
        parent,
        "Deleting",
        slow_job,
        200,
        0.02,
        on_done=results.append,
        on_error=errors.append,
    )
    qtbot.waitUntil(lambda: run.dialog.isVisible() and run.dialog.value() > 1, timeout=5000)
    qtbot.mouseClick(run.cancel_button, Qt.MouseButton.LeftButton)
    assert not run.cancel_button.isEnabled()
    assert run.dialog.labelText() == "Cancelling…"
    qtbot.waitUntil(lambda: run.finished, timeout=5000)
    assert results == [] and errors == []  # a cancel is not an error
    assert said == ["Cancelled; nothing was changed."]
    assert run.was_shown
    assert not _stored(context.db)
