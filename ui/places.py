"""Back and Forward like a browser: the places (a section, and the record open in it) the user
came from. Plain Python, so the rules are tested without a window."""

from __future__ import annotations

from dataclasses import dataclass

MAX_PLACES = 100


@dataclass(frozen=True)
class Place:
    key: str  # the section
    record_id: int | None = None  # the record open in it


class PlaceHistory:
    def __init__(self) -> None:
        self._back: list[Place] = []
        self._forward: list[Place] = []

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def visit(self, left: Place) -> None:
        """The user went somewhere new from ``left``: Forward has nowhere to go any more."""
        if not self._back or self._back[-1] != left:
            self._back.append(left)
            del self._back[:-MAX_PLACES]
        self._forward.clear()

    def back_target(self) -> Place | None:
        return self._back[-1] if self._back else None

    def forward_target(self) -> Place | None:
        return self._forward[-1] if self._forward else None

    def went_back(self, left: Place) -> None:
        """The step back was taken (the user did not cancel leaving ``left``)."""
        self._back.pop()
        self._forward.append(left)

    def went_forward(self, left: Place) -> None:
        self._forward.pop()
        self._back.append(left)

    def forget(self, place: Place) -> None:
        """A record went to the trash: stepping back must not land on it."""
        self._back = [p for p in self._back if p != place]
        self._forward = [p for p in self._forward if p != place]
