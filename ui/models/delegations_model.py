"""The Delegations list: dates, title, partnership, direction, head, members, status."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from crm.i18n import _
from crm.services import delegation_lists as dl
from crm.services.delegation_lists import DelegationFilter, DelegationRow
from ui.context import AppContext
from ui.formats import format_date
from ui.models.id_list_model import CENTER, Column, IdListModel, IdQuery
from ui.sections.delegations import vocabulary

if TYPE_CHECKING:
    from crm.db.database import Database


def date_span(row: DelegationRow) -> str:
    if row.start_date == row.end_date:
        return format_date(row.start_date)
    return f"{format_date(row.start_date)} – {format_date(row.end_date)}"


class DelegationsModel(IdListModel[DelegationRow]):
    kind = "delegation"
    depends_on = frozenset({"partnership", "person"})  # the rows show their names

    def __init__(self, context: AppContext) -> None:
        self._directions = vocabulary.directions()
        self._statuses = vocabulary.statuses()
        super().__init__(context, DelegationFilter(), "upcoming")

    def make_columns(self) -> list[Column]:
        return [
            Column("dates", _("Dates"), sort="upcoming", sample="2026-12-30 – 2027-01-02"),
            Column("title", _("Title"), sort="title", width=26),
            Column("partnership", _("Partnership"), sort="partnership", width=14),
            Column("direction", _("Direction"), sort="direction", width=9),
            Column("head", _("Head of delegation"), width=18),
            Column("member_count", _("Members"), width=7, align=CENTER),
            Column("status", _("Status"), sort="status", width=10),
        ]

    def id_query(self) -> IdQuery:
        return dl.delegation_ids

    def fetch_rows(self, db: Database, ids: Sequence[int]) -> list[DelegationRow]:
        return dl.delegation_rows(db, ids)

    def cell(self, row: DelegationRow, key: str) -> str:
        if key == "dates":
            return date_span(row)
        if key == "direction":
            return self._directions.get(row.direction, row.direction)
        if key == "status":
            return self._statuses.get(row.status, row.status)
        if key == "member_count":
            return str(row.member_count) if row.member_count else ""
        value = getattr(row, key)
        return "" if value is None else str(value)
