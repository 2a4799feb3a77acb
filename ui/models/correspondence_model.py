"""The register list: reference, date, kind, counterpart, subject, partnership, follow-up, status.

A follow-up that is overdue stands out by more than colour: the cell says "overdue" and shows
a clock; one due today says "today".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon

from crm.i18n import _, pgettext
from crm.services import correspondence_lists as cl
from crm.services.correspondence_lists import CorrespondenceFilter, CorrespondenceRow
from ui import labels
from ui.context import AppContext
from ui.formats import format_date
from ui.icons import icon
from ui.models.id_list_model import CENTER, Column, IdListModel, IdQuery, Index
from ui.sections.correspondence import vocabulary
from ui.widgets.badge_delegate import is_dark

if TYPE_CHECKING:
    from crm.db.database import Database

OVERDUE_COLOUR = "#c62828"
DUE_COLOUR = "#b26a00"
STATUS_COLOURS = {"open": "#1f6fb2", "waiting": "#8a6d1e", "done": "#6b6b6b"}


class CorrespondenceModel(IdListModel[CorrespondenceRow]):
    kind = "correspondence"
    # Rows show the names of counterparts and partnerships.
    depends_on = frozenset({"person", "organisation", "partnership"})

    def __init__(self, context: AppContext) -> None:
        self._statuses = vocabulary.statuses()
        self._clock: QIcon | None = None
        super().__init__(context, CorrespondenceFilter(), "date")
        self.set_sort_quietly("date", True)  # the register reads newest first

    def make_columns(self) -> list[Column]:
        return [
            Column("reference", _("Reference"), sort="reference", width=13),
            Column("date", _("Date"), sort="date", width=10, sample="2026-12-31"),
            Column("follow_up", _("Follow-up"), sort="follow_up", width=20),
            Column("subject", _("Subject"), sort="subject", width=30),
            Column("counterpart", _("Counterpart"), width=22),
            Column("kind", pgettext("correspondence", "Kind"), sort="direction", width=14),
            Column("partnership", _("Partnership"), width=14),
            Column("status", _("Status"), sort="status", width=11),
            Column("attachments", _("Files"), width=5, align=CENTER),
        ]

    def id_query(self) -> IdQuery:
        return cl.correspondence_ids

    def fetch_rows(self, db: Database, ids: Sequence[int]) -> list[CorrespondenceRow]:
        return cl.correspondence_rows(db, ids)

    def today(self) -> date:
        return self.filters.today or date.today()

    def cell(self, row: CorrespondenceRow, key: str) -> str:
        if key == "date":
            return format_date(row.date)
        if key == "kind":
            return vocabulary.kind_of_entry(row.direction, row.channel)
        if key == "status":
            return labels.label(self._statuses, row.status)
        if key == "attachments":
            return str(row.attachments) if row.attachments else ""
        if key == "follow_up":
            if row.follow_up_date is None:
                return ""
            state = row.follow_up_state(self.today())
            shown = format_date(row.follow_up_date)
            # The word first: it stays readable when a narrow column cuts the text off.
            if state == cl.OVERDUE:
                return _("Overdue: {date}").format(date=shown)
            if state == cl.DUE:
                return _("Due today")
            return shown
        value = getattr(row, key)
        return "" if value is None else str(value)

    def value(self, row: CorrespondenceRow, key: str) -> Any:
        if key == "follow_up":
            return row.follow_up_state(self.today())
        return getattr(row, key, None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        emphasis = (
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.FontRole,
        )
        if role not in emphasis:
            return super().data(index, role)
        if not index.isValid() or self.columns[index.column()].key != "follow_up":
            return None
        row = self.row_data(index.row())
        state = row.follow_up_state(self.today()) if row is not None else None
        if state is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = QColor(OVERDUE_COLOUR if state == cl.OVERDUE else DUE_COLOUR)
            return colour.lighter(160) if is_dark(QGuiApplication.palette()) else colour
        if role == Qt.ItemDataRole.DecorationRole:
            if self._clock is None:
                self._clock = icon("history")
            return self._clock
        font = QFont()
        font.setWeight(QFont.Weight.DemiBold)
        return font
