"""The questions about likely duplicates and merges, answered the way a test says (no modal
dialogs in tests, as tests/ui/conftest.py does for the questions in ui.dialogs)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from crm.services.duplicates import Duplicate
from crm.services.merge import MergePreview
from ui.widgets import duplicate_dialog, merge_dialog
from ui.widgets.duplicate_dialog import DuplicateChoice


@dataclass
class Questions:
    duplicates: DuplicateChoice = DuplicateChoice.CANCEL
    keep: int | None = None  # the record picked to keep (None: the picker is cancelled)
    merge: bool = True
    asked: list[tuple[str, Any]] = field(default_factory=list)

    def kinds(self) -> list[str]:
        return [kind for kind, _what in self.asked]


@pytest.fixture(autouse=True)
def questions(monkeypatch: pytest.MonkeyPatch) -> Questions:
    recorder = Questions()

    def ask_duplicates(
        _parent: Any, kind: str, found: list[Duplicate]
    ) -> tuple[DuplicateChoice, int]:
        recorder.asked.append(("duplicates", (kind, found)))
        return recorder.duplicates, found[0].id

    def pick_merge_target(_parent: Any, _context: Any, kind: str, record_id: int, name: str) -> Any:
        recorder.asked.append(("pick", (kind, record_id, name)))
        return recorder.keep

    def confirm_merge(_parent: Any, preview: MergePreview) -> bool:
        recorder.asked.append(("confirm", preview))
        return recorder.merge

    monkeypatch.setattr(duplicate_dialog, "ask_duplicates", ask_duplicates)
    monkeypatch.setattr(merge_dialog, "pick_merge_target", pick_merge_target)
    monkeypatch.setattr(merge_dialog, "confirm_merge", confirm_merge)
    return recorder
