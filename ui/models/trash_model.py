"""The Trash list: every record moved to the trash, of every kind, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from crm.i18n import _
from crm.services import trash
from crm.services.trash import TrashFilter, TrashRow
from ui.context import AppContext
from ui.models.history_model import format_time, kind_label
from ui.models.id_list_model import Column, IdListModel, IdQuery

if TYPE_CHECKING:
    from crm.db.database import Database
    from crm.services.unit import ChangeSet


class TrashModel(IdListModel[TrashRow]):
    def __init__(self, context: AppContext) -> None:
        super().__init__(context, TrashFilter(), "deleted")
        self.set_sort_quietly("deleted", True)

    def make_columns(self) -> list[Column]:
        return [
            Column("kind", _("Kind"), sort="kind", width=14),
            Column("name", _("Name"), sort="name", width=36),
            Column("deleted", _("Deleted"), sort="deleted", width=16),
            Column("by", _("By"), sort="by", width=14),
        ]

    def id_query(self) -> IdQuery:
        return trash.trash_ids

    def fetch_rows(self, db: Database, ids: Sequence[int]) -> list[TrashRow]:
        return trash.trash_rows(db, ids)

    def cell(self, row: TrashRow, key: str) -> str:
        if key == "kind":
            return kind_label(row.entity)
        if key == "name":
            return row.label
        if key == "deleted":
            return format_time(row.deleted_at)
        return row.deleted_by

    def refresh(self, changes: ChangeSet) -> None:
        # Records of any kind come in (trashed) and go out (restored, deleted for good).
        if changes.deleted or changes.created:
            self.reload()

    def items(self, rows: Sequence[int]) -> list[TrashRow]:
        """The trash entries at ``rows`` (a selection)."""
        found = (self.row_data(row) for row in sorted(set(rows)))
        return [row for row in found if row is not None]
