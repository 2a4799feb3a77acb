from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from crm.db.database import Database
from crm.db.models import OfficeSetting
from crm.services.progress import Cancelled, Progress
from crm.services.unit import write


def test_progress_reports_how_far_a_job_is() -> None:
    progress = Progress()
    progress.start(10, "Deleting")
    progress.advance(3)
    progress.advance(2, "Deleting Kiew")
    state = progress.snapshot()
    assert (state.done, state.total, state.text, state.cancelled) == (5, 10, "Deleting Kiew", False)


def test_done_never_passes_the_total() -> None:
    progress = Progress()
    progress.start(2)
    progress.advance(5)
    assert progress.snapshot().done == 2


def test_a_cancelled_job_stops_at_its_next_step_and_stores_nothing(db: Database) -> None:
    progress = Progress()
    progress.start(3)
    with pytest.raises(Cancelled, match="nothing was changed"), write(db, "Long job") as unit:
        unit.session.add(OfficeSetting(key="written_by_the_job", value="1"))
        unit.session.flush()
        progress.advance()
        progress.cancel()
        progress.advance()
    with db.read() as session:
        assert (
            session.scalar(select(OfficeSetting).where(OfficeSetting.key == "written_by_the_job"))
            is None
        )


def test_cancel_from_another_thread_is_seen() -> None:
    progress = Progress()
    thread = threading.Thread(target=progress.cancel)
    thread.start()
    thread.join()
    assert progress.cancelled
    with pytest.raises(Cancelled):
        progress.check()
