"""The Partnerships list: partner city, own name, country, kind, since, rating, status, themes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from crm.i18n import _
from crm.services import lists
from crm.services.lists import PartnershipFilter, PartnershipRow
from ui import labels
from ui.context import AppContext
from ui.countries import country_name
from ui.models.id_list_model import CENTER, Column, IdListModel, IdQuery

if TYPE_CHECKING:
    from crm.db.database import Database


class PartnershipsModel(IdListModel[PartnershipRow]):
    kind = "partnership"

    def __init__(self, context: AppContext) -> None:
        self._kinds = labels.partnership_kinds()
        self._statuses = labels.partnership_statuses()
        super().__init__(context, PartnershipFilter(), "name")

    def make_columns(self) -> list[Column]:
        return [
            Column("name", _("Partner city"), sort="name", width=20),
            Column("name_native", _("Own name"), width=12),
            Column("country", _("Country"), sort="country", width=12),
            Column("kind", _("Kind"), sort="kind", width=16),
            Column("since_year", _("Since"), sort="since", width=6, align=CENTER),
            Column("activity_rating", _("Rating"), sort="rating", width=7, align=CENTER),
            Column("status", _("Status"), sort="status", width=9),
            Column("themes", _("Themes"), width=24),
        ]

    def id_query(self) -> IdQuery:
        return lists.partnership_ids

    def fetch_rows(self, db: Database, ids: Sequence[int]) -> list[PartnershipRow]:
        return lists.partnership_rows(db, ids)

    def cell(self, row: PartnershipRow, key: str) -> str:
        if key == "country":
            return country_name(row.country)
        if key == "kind":
            return labels.label(self._kinds, row.kind)
        if key == "status":
            return labels.label(self._statuses, row.status)
        if key == "themes":
            return ", ".join(row.themes)
        value = getattr(row, key)
        return "" if value is None else str(value)
