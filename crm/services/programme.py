"""Clashes in a delegation's programme, found while it is planned (pure functions).

Three kinds are pointed out: an appointment that ends before it starts, one outside the
visit's dates, and a person booked twice at once (within this programme, or in another
delegation's programme at the same time). They are hints, not refusals: the office plans in
drafts, and only an end before the start is refused when saving.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo

from crm.i18n import _

END_BEFORE_START = "end_before_start"
OUTSIDE_DATES = "outside_dates"
DOUBLE_BOOKED = "double_booked"


@dataclass(frozen=True)
class Slot:
    """An appointment as clash detection sees it; ``title`` names it in messages."""

    starts_at: datetime
    ends_at: datetime | None
    person_ids: frozenset[int] = frozenset()
    title: str = ""


@dataclass(frozen=True)
class Clash:
    kind: str
    index: int  # the appointment's position in the programme
    other: int | None = None  # the other appointment in this programme (double booking)
    other_title: str | None = None  # or the title of one elsewhere
    person_ids: frozenset[int] = field(default_factory=frozenset)


def ends_before_start(slot: Slot) -> bool:
    return slot.ends_at is not None and slot.ends_at < slot.starts_at


def _span(slot: Slot) -> tuple[datetime, datetime]:
    # An appointment without an end (or ending before it starts) is taken as a moment.
    end = slot.ends_at if slot.ends_at is not None and slot.ends_at >= slot.starts_at else None
    return slot.starts_at, end or slot.starts_at


def overlap(a: Slot, b: Slot) -> bool:
    """True when the two appointments share some time; back to back is no overlap."""
    a_start, a_end = _span(a)
    b_start, b_end = _span(b)
    if a_start == a_end or b_start == b_end:
        # A moment overlaps what runs at that moment (or the same moment).
        if a_start == a_end and b_start == b_end:
            return a_start == b_start
        return b_start <= a_start < b_end if a_start == a_end else a_start <= b_start < a_end
    return a_start < b_end and b_start < a_end


def local_day(moment: datetime, zone: tzinfo | None = None) -> date:
    """The calendar day of ``moment`` where the office is (the computer's zone by default)."""
    return moment.astimezone(zone).date()


def outside_dates(
    slot: Slot, first_day: date | None, last_day: date | None, zone: tzinfo | None = None
) -> bool:
    if first_day is None or last_day is None:
        return False
    start_day = local_day(slot.starts_at, zone)
    end_day = local_day(slot.ends_at, zone) if slot.ends_at is not None else start_day
    return start_day < first_day or max(start_day, end_day) > last_day


def find_clashes(
    slots: Sequence[Slot],
    first_day: date | None,
    last_day: date | None,
    elsewhere: Iterable[Slot] = (),
    zone: tzinfo | None = None,
) -> dict[int, list[Clash]]:
    """Clashes by position in ``slots``; ``elsewhere``: other delegations' appointments of
    the same people, in the same weeks."""
    found: dict[int, list[Clash]] = {}

    def note(clash: Clash) -> None:
        found.setdefault(clash.index, []).append(clash)

    for index, slot in enumerate(slots):
        if ends_before_start(slot):
            note(Clash(END_BEFORE_START, index))
        if outside_dates(slot, first_day, last_day, zone):
            note(Clash(OUTSIDE_DATES, index))
    for index, slot in enumerate(slots):
        for other_index in range(index + 1, len(slots)):
            other = slots[other_index]
            shared = slot.person_ids & other.person_ids
            if shared and overlap(slot, other):
                note(Clash(DOUBLE_BOOKED, index, other_index, other.title, shared))
                note(Clash(DOUBLE_BOOKED, other_index, index, slot.title, shared))
    others = list(elsewhere)
    for index, slot in enumerate(slots):
        for other in others:
            shared = slot.person_ids & other.person_ids
            if shared and overlap(slot, other):
                note(Clash(DOUBLE_BOOKED, index, None, other.title, shared))
    return found


def describe(clash: Clash, names: Mapping[int, str]) -> str:
    """The clash in a sentence for the person planning the visit."""
    if clash.kind == END_BEFORE_START:
        return _("Ends before it starts.")
    if clash.kind == OUTSIDE_DATES:
        return _("Outside the dates of the visit.")
    people = ", ".join(sorted(names.get(p, "?") for p in clash.person_ids))
    if clash.other is None:
        return _("Booked twice: {people} also at “{title}” (another visit).").format(
            people=people, title=clash.other_title or "?"
        )
    return _("Booked twice: {people} also at “{title}”.").format(
        people=people, title=clash.other_title or "?"
    )
