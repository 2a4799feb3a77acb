"""The Events list: when, name, kind, place, partnership, project, organiser."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from crm.i18n import _
from crm.services import event_lists as el
from crm.services.event_lists import EventFilter, EventRow
from ui.context import AppContext
from ui.countries import country_name
from ui.formats import format_date
from ui.models.id_list_model import Column, IdListModel, IdQuery
from ui.sections.projects import vocabulary

if TYPE_CHECKING:
    from crm.db.database import Database


def _clock(moment: datetime) -> str:
    """The local time of day, or nothing for an event that starts at midnight (a whole day)."""
    local = moment.astimezone()
    return "" if (local.hour, local.minute) == (0, 0) else local.strftime("%H:%M")


def when_text(starts_at: datetime, ends_at: datetime | None) -> str:
    """ "23.12.2026 18:00–21:00", "01.03.2021 – 03.03.2021" or "23.12.2026 18:00"."""
    start_day = format_date(starts_at.astimezone().date())
    start_clock = _clock(starts_at)
    first = f"{start_day} {start_clock}".strip()
    if ends_at is None:
        return first
    if ends_at.astimezone().date() == starts_at.astimezone().date():
        end_clock = _clock(ends_at)
        return f"{first}–{end_clock}" if start_clock and end_clock else first
    return f"{start_day} – {format_date(ends_at.astimezone().date())}"


def place_text(venue: str | None, city: str | None, country: str | None) -> str:
    """Venue and city; the country only where no city says where it is."""
    parts = [venue, city or country_name(country)]
    return ", ".join(part for part in parts if part)


class EventsModel(IdListModel[EventRow]):
    kind = "event"
    depends_on = frozenset({"partnership", "organisation", "project"})  # names in the rows

    def __init__(self, context: AppContext) -> None:
        self._kinds = vocabulary.event_kinds()
        super().__init__(context, EventFilter(), "upcoming")

    def make_columns(self) -> list[Column]:
        return [
            Column("when", _("When"), sort="upcoming", sample="2026-12-30 – 2027-01-02"),
            Column("name", _("Event"), sort="name", width=30),
            Column("kind", _("Kind"), sort="kind", width=14),
            Column("place", _("Place"), sort="place", width=20),
            Column("partnership", _("Partnership"), sort="partnership", width=12),
            Column("organiser", _("Organiser"), sort="organiser", width=18),
        ]

    def id_query(self) -> IdQuery:
        return el.event_ids

    def fetch_rows(self, db: Database, ids: Sequence[int]) -> list[EventRow]:
        return el.event_rows(db, ids)

    def cell(self, row: EventRow, key: str) -> str:
        if key == "when":
            return when_text(row.starts_at, row.ends_at)
        if key == "kind":
            return self._kinds.get(row.kind, row.kind)
        if key == "place":
            return place_text(row.venue, row.city, row.country)
        value = getattr(row, key)
        return "" if value is None else str(value)
