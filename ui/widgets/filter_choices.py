"""Filter combos whose entries come from the database: the partnerships and years in use.

They are read when the section is first shown (not at start-up) and again whenever a change
touches one of the kinds they depend on; the chosen entry stays chosen, and refilling a combo
never counts as the user changing the filter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject

from ui.context import AppContext
from ui.widgets.choice_combo import ChoiceCombo

Reader = Callable[..., Iterable[Any]]  # reader(db) -> rows, run on the worker


def partnership_choice(row: tuple[int, str]) -> tuple[str, str]:
    partnership_id, name = row
    return str(partnership_id), name


def year_choice(year: int) -> tuple[str, str]:
    return str(year), str(year)


class FilterChoices(QObject):
    def __init__(self, context: AppContext, kinds: Iterable[str], parent: QObject) -> None:
        super().__init__(parent)
        self.context = context
        self.kinds = frozenset(kinds)
        self._combos: list[tuple[ChoiceCombo, Reader, Callable[[Any], tuple[str, str]]]] = []
        self._started = False
        context.changed.connect(self._changed)

    def add(
        self, combo: ChoiceCombo, reader: Reader, to_choice: Callable[[Any], tuple[str, str]]
    ) -> None:
        self._combos.append((combo, reader, to_choice))

    def start(self) -> None:
        """The first read, when the section is first shown."""
        if not self._started:
            self._started = True
            self.reload()

    def reload(self) -> None:
        for combo, reader, to_choice in self._combos:
            self.context.run(
                reader,
                on_done=lambda rows, c=combo, t=to_choice: fill_quietly(
                    c, [t(row) for row in rows]
                ),
                busy=False,
            )

    def _changed(self, changes: Any) -> None:
        if self._started and self.kinds & changes.kinds:
            self.reload()


def fill_quietly(combo: ChoiceCombo, choices: list[tuple[str, str]]) -> None:
    """New entries for ``combo``; the filter is not re-run (the chosen entry stays)."""
    combo.blockSignals(True)
    combo.set_choices(choices)
    combo.blockSignals(False)
