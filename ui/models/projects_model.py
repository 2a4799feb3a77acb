"""The Projects list: period, name, partnership, theme, funder, budget, status."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from crm.i18n import _
from crm.services import project_lists as pl
from crm.services.project_lists import ProjectFilter, ProjectRow
from ui.context import AppContext
from ui.formats import format_date
from ui.models.id_list_model import Column, IdListModel, IdQuery
from ui.sections.projects import vocabulary
from ui.sections.projects.money import format_budget

if TYPE_CHECKING:
    from crm.db.database import Database

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def period_text(start: Any, end: Any) -> str:
    """ "01.03.2024 – 31.12.2026"; an open end or an unknown start is left open."""
    if start is None and end is None:
        return ""
    if end is None:
        return _("from {date}").format(date=format_date(start))
    if start is None:
        return _("until {date}").format(date=format_date(end))
    return f"{format_date(start)} – {format_date(end)}"


class ProjectsModel(IdListModel[ProjectRow]):
    kind = "project"
    depends_on = frozenset({"partnership", "organisation"})  # the rows show their names

    def __init__(self, context: AppContext) -> None:
        self._statuses = vocabulary.project_statuses()
        super().__init__(context, ProjectFilter(), "current")

    def make_columns(self) -> list[Column]:
        return [
            Column("period", _("Period"), sort="current", sample="2026-12-30 – 2027-01-02"),
            Column("name", _("Project"), sort="name", width=24),
            Column("partnership", _("Partnership"), sort="partnership", width=12),
            Column(
                "budget", _("Budget"), sort="budget", width=8, sample="999.999,00 €", align=RIGHT
            ),
            Column("status", _("Status"), sort="status", width=10),
            Column("funder", _("Funder"), sort="funder", width=18),
            Column("theme", _("Theme"), width=16),
        ]

    def id_query(self) -> IdQuery:
        return pl.project_ids

    def fetch_rows(self, db: Database, ids: Sequence[int]) -> list[ProjectRow]:
        return pl.project_rows(db, ids)

    def cell(self, row: ProjectRow, key: str) -> str:
        if key == "period":
            return period_text(row.start_date, row.end_date)
        if key == "budget":
            return format_budget(row.budget, row.currency)
        if key == "status":
            return self._statuses.get(row.status, row.status)
        value = getattr(row, key)
        return "" if value is None else str(value)
