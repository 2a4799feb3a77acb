"""The Organisations list: name as written and in Latin letters, kind, city, country, first
phone and email, and how many people work there."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from crm.i18n import _
from crm.services import organisation_lists
from crm.services.organisation_lists import OrganisationFilter, OrganisationRow
from ui import labels
from ui.context import AppContext
from ui.countries import country_name
from ui.models.id_list_model import CENTER, Column, IdListModel, IdQuery

if TYPE_CHECKING:
    from crm.db.database import Database


class OrganisationsModel(IdListModel[OrganisationRow]):
    kind = "organisation"
    # The people count comes from the people's affiliations, which are edited on the person.
    depends_on = frozenset({"person"})

    def __init__(self, context: AppContext) -> None:
        self._kinds = labels.organisation_kinds()
        super().__init__(context, OrganisationFilter(), "name")

    def make_columns(self) -> list[Column]:
        return [
            Column("name", _("Name"), sort="name", width=26),
            Column("name_latin", _("In Latin letters"), width=16),
            Column("kind", _("Kind"), sort="kind", width=16),
            Column("city", _("City"), sort="city", width=11),
            Column("country", _("Country"), sort="country", width=10),
            Column("people", _("People"), sort="people", width=6, align=CENTER),
            Column("phone", _("Phone"), width=16),
            Column("email", _("Email"), width=22),
        ]

    def id_query(self) -> IdQuery:
        return organisation_lists.organisation_ids

    def fetch_rows(self, db: Database, ids: Sequence[int]) -> list[OrganisationRow]:
        return organisation_lists.organisation_rows(db, ids)

    def cell(self, row: OrganisationRow, key: str) -> str:
        if key == "country":
            return country_name(row.country)
        if key == "kind":
            return labels.label(self._kinds, row.kind)
        if key == "people":
            return str(row.people) if row.people else ""
        value = getattr(row, key)
        return "" if value is None else str(value)
