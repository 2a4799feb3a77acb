"""The People list: name, name in own script, function, organisation, email, phone, country."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from crm.i18n import _
from crm.services import lists
from crm.services.lists import PeopleFilter, PersonRow
from ui.context import AppContext
from ui.countries import country_name
from ui.models.id_list_model import Column, IdListModel, IdQuery

if TYPE_CHECKING:
    from crm.db.database import Database


class PeopleModel(IdListModel[PersonRow]):
    kind = "person"
    depends_on = frozenset({"organisation"})  # rows show the organisation's name

    def __init__(self, context: AppContext) -> None:
        super().__init__(context, PeopleFilter(), "name")

    def make_columns(self) -> list[Column]:
        return [
            Column("name", _("Name"), sort="name", width=22),
            Column("name_original", _("Name in own script"), width=17),
            Column("function", _("Function"), sort="function", width=20),
            Column("organisation", _("Organisation"), width=22),
            Column("email", _("Email"), width=22),
            Column("phone", _("Phone"), width=16),
            Column("country", _("Country"), sort="country", width=11),
        ]

    def id_query(self) -> IdQuery:
        return lists.person_ids

    def fetch_rows(self, db: Database, ids: Sequence[int]) -> list[PersonRow]:
        return lists.person_rows(db, ids)

    def cell(self, row: PersonRow, key: str) -> str:
        if key == "country":
            return country_name(row.country)
        value = getattr(row, key)
        return "" if value is None else str(value)
