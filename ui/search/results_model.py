"""The global search's results: people, organisations, partnerships and delegations first
(ranked by the search), then correspondence, which arrives a moment later."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from crm.i18n import _
from ui import labels
from ui.navigation import section_of_kind

if TYPE_CHECKING:
    from crm.search.query import SearchHit

Index = QModelIndex | QPersistentModelIndex

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 3
KIND_LABEL_ROLE = Qt.ItemDataRole.UserRole + 4
OPENS_ROLE = Qt.ItemDataRole.UserRole + 5  # True when the app can open this kind yet


def opens(kind: str) -> bool:
    """Whether the app has a section that opens records of ``kind``."""
    return section_of_kind(kind) is not None


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self._kinds = labels.record_kinds()

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def append_hits(self, hits: list[SearchHit]) -> None:
        known = {(hit.kind, hit.id) for hit in self._hits}
        new = [hit for hit in hits if (hit.kind, hit.id) not in known]
        if not new:
            return
        first = len(self._hits)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._hits.extend(new)
        self.endInsertRows()

    def hit(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.hit(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.name
        if role == DETAIL_ROLE:
            return hit.detail
        if role == KIND_ROLE:
            return hit.kind
        if role == ID_ROLE:
            return hit.id
        if role == KIND_LABEL_ROLE:
            return labels.label(self._kinds, hit.kind)
        if role == OPENS_ROLE:
            return opens(hit.kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            if opens(hit.kind):
                return " · ".join(part for part in (hit.name, hit.detail) if part)
            return _("Opens in a later version of Liaison")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
