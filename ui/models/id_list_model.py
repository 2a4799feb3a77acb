"""A table over an ordered list of record ids: calibre's library view is the model.

The service returns the ids of the records that pass the filter, in the chosen order, both
done in SQL; the model fetches the rows themselves a page at a time, only when a view asks for
them, and caches them. Sorting and filtering re-query the ids; a ChangeSet refreshes only the
rows it names.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ui.context import AppContext

if TYPE_CHECKING:
    from crm.db.database import Database
    from crm.services.unit import ChangeSet

Row = TypeVar("Row")
# The service's id query: (db, filters, sort key, descending, limit or None) -> ids in order.
IdQuery = Callable[["Database", Any, str, bool, "int | None"], list[int]]
Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 100
MAX_CACHED_PAGES = 50
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the record's id
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2  # the stored value behind the text (for delegates)

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    sort: str | None = None  # the service's sort key; None: the column cannot be sorted
    width: int = 16  # default width in average characters
    align: Qt.AlignmentFlag = LEFT
    # A typical cell (a date): digits are wider than the average character, so such columns are
    # sized to show this text whole.
    sample: str = ""


class IdListModel(QAbstractTableModel, Generic[Row]):
    """Subclasses give the columns, the id query, the page fetch and the cell texts."""

    kind = ""  # the entity kind in ChangeSets ("person")
    depends_on: frozenset[str] = frozenset()  # other kinds whose names the rows show
    loaded = Signal()  # the id list was (re)loaded

    def __init__(self, context: AppContext, filters: Any, default_sort: str) -> None:
        super().__init__(context)
        self._context = context
        self._filters = filters
        self._sort = default_sort
        self._descending = False
        # An array of 64-bit ids: a million of them take 8 MB, as a list 36 MB.
        self._ids: array[int] = array("q")
        self._order_only = False  # the next load only changes the order (a sort)
        self._cache: dict[int, Row | None] = {}
        self._generation = 0
        self._loading = False
        self.columns: list[Column] = self.make_columns()
        context.changed.connect(self.refresh)

    # --- for subclasses ---------------------------------------------------------------------

    def make_columns(self) -> list[Column]:
        raise NotImplementedError

    def id_query(self) -> IdQuery:
        raise NotImplementedError

    def fetch_rows(self, db: Database, ids: Sequence[int]) -> list[Row]:
        raise NotImplementedError

    def row_id(self, row: Row) -> int:
        return int(row.id)  # type: ignore[attr-defined]

    def cell(self, row: Row, key: str) -> str:
        raise NotImplementedError

    def value(self, row: Row, key: str) -> Any:
        return getattr(row, key, None)

    # --- loading ----------------------------------------------------------------------------

    @property
    def filters(self) -> Any:
        return self._filters

    @property
    def sort_key(self) -> str:
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def is_loading(self) -> bool:
        return self._loading

    def set_filters(self, filters: Any) -> None:
        if filters != self._filters:
            self._filters = filters
            self.reload()

    def set_sort(self, key: str, descending: bool) -> None:
        if (key, descending) != (self._sort, self._descending):
            self._sort, self._descending = key, descending
            self._order_only = not self._loading
            self.reload()

    def set_sort_quietly(self, key: str, descending: bool) -> None:
        """Set the order for the next load (a remembered sort, before the first load)."""
        self._sort, self._descending = key, descending

    def reload(self) -> None:
        """Query the ids again on the worker; stale answers (filter typed on) are dropped.

        The first page of rows comes back with the ids, so painting the list needs no query
        on the GUI thread. An empty list first gets a preview, the first page alone (a
        LIMIT query, a few milliseconds in any office), and the rest of the ids follow.
        """
        self._generation += 1
        generation = self._generation
        same_records, self._order_only = self._order_only, False
        self._loading = True
        query = self.id_query()
        if not self._ids:
            self._context.run(
                self._load_first_page,
                query,
                self._filters,
                self._sort,
                self._descending,
                on_done=lambda rows: self._apply_preview(generation, rows),
            )
        self._context.run(
            self._load,
            query,
            self._filters,
            self._sort,
            self._descending,
            frozenset(self._cache),  # a copy: the worker must not read the live cache
            on_done=lambda loaded: self._apply_ids(generation, same_records, *loaded),
        )

    def _load_first_page(
        self, db: Database, query: IdQuery, filters: Any, sort: str, descending: bool
    ) -> list[Row]:
        return self.fetch_rows(db, query(db, filters, sort, descending, PAGE_SIZE))

    def _load(
        self,
        db: Database,
        query: IdQuery,
        filters: Any,
        sort: str,
        descending: bool,
        cached: frozenset[int],
    ) -> tuple[array[int], list[Row]]:
        ids = array("q", query(db, filters, sort, descending, None))  # here, off the GUI thread
        first = [i for i in ids[:PAGE_SIZE] if i not in cached]
        return ids, self.fetch_rows(db, first) if first else []

    def _apply_preview(self, generation: int, rows: list[Row]) -> None:
        if generation != self._generation or self._ids or not rows:
            return
        for row in rows:
            self._cache[self.row_id(row)] = row
        self.beginResetModel()
        self._set_ids([self.row_id(row) for row in rows])
        self.endResetModel()

    def _apply_ids(
        self, generation: int, same_records: bool, ids: array[int], first_page: list[Row]
    ) -> None:
        if generation != self._generation:
            return
        self._loading = False
        for row in first_page:
            self._cache[self.row_id(row)] = row
        shown = len(self._ids)
        if 0 < shown < len(ids) and ids[:shown] == self._ids:
            # The preview was the start of the list: the rest is appended, the selection stays.
            self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
            self._set_ids(ids)
            self.endInsertRows()
        # A new sort order alone keeps the records: no need to compare a million ids as sets.
        elif len(ids) == shown and (same_records or set(ids) == set(self._ids)):
            self._reorder(ids)
        else:
            self.beginResetModel()
            self._set_ids(ids)
            self.endResetModel()
        self.loaded.emit()

    def _set_ids(self, ids: Iterable[int]) -> None:
        self._ids = ids if isinstance(ids, array) else array("q", ids)

    def _row_in_list(self, record_id: int) -> int | None:
        # A scan in C: a few milliseconds over a million ids, where a dict of them would hold
        # about 100 MB for the few lookups an edit or a selection needs.
        try:
            return self._ids.index(record_id)
        except ValueError:
            return None

    def _reorder(self, ids: array[int]) -> None:
        """Same records, new order: a layout change keeps the selection on its records."""
        if ids == self._ids:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._ids[index.row()] for index in old]
        self._set_ids(ids)
        # A selected row has an index per column: look each record up once.
        rows = {record_id: self._row_in_list(record_id) or 0 for record_id in set(old_ids)}
        new = [
            self.index(rows[record_id], index.column())
            for record_id, index in zip(old_ids, old, strict=True)
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def refresh(self, changes: ChangeSet) -> None:
        """Bring the rows a ChangeSet names up to date; re-query the ids only when needed."""
        kinds = changes.kinds
        if self.depends_on & kinds:
            self._cache.clear()
            self._all_changed()
        if self.kind not in kinds:
            return
        for record_id in changes.updated.get(self.kind, set()):
            self._cache.pop(record_id, None)
            row = self._row_in_list(record_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        # New and deleted records change the list; an edit may move a record in the order or
        # out of the filter. The re-query costs one id query; rows that stay keep their place.
        self.reload()

    def _all_changed(self) -> None:
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1)
            )

    # --- rows -------------------------------------------------------------------------------

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: int) -> int | None:
        return self._row_in_list(record_id)

    def ids(self) -> list[int]:
        return list(self._ids)

    def row_data(self, row: int) -> Row | None:
        record_id = self.id_at(row)
        if record_id is None:
            return None
        if record_id not in self._cache:
            self._fetch_page(row)
        return self._cache.get(record_id)

    def _fetch_page(self, row: int) -> None:
        # Synchronous on purpose: a view asks for cells while it paints and needs them now.
        # One page is a bounded query by primary key (about a millisecond for 100 rows, even in
        # an office of 100,000 people), so doing it here is cheaper than a round trip through
        # the worker and a second paint. Everything unbounded goes through the worker.
        if len(self._cache) > MAX_CACHED_PAGES * PAGE_SIZE:
            self._cache.clear()
        start = row - row % PAGE_SIZE
        wanted = [i for i in self._ids[start : start + PAGE_SIZE] if i not in self._cache]
        found = {self.row_id(r): r for r in self.fetch_rows(self._context.db, wanted)}
        for record_id in wanted:
            self._cache[record_id] = found.get(record_id)

    # --- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        column = self.columns[index.column()]
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, VALUE_ROLE):
            return None
        row = self.row_data(index.row())
        if row is None:
            return None
        if role == VALUE_ROLE:
            return self.value(row, column.key)
        text = self.cell(row, column.key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if len(text) > column.width else None
        return text

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(self.columns)):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in SQL: re-query the ids in the new order."""
        if not (0 <= column < len(self.columns)) or self.columns[column].sort is None:
            return
        key = self.columns[column].sort
        assert key is not None
        self.set_sort(key, order == Qt.SortOrder.DescendingOrder)

    def sort_column(self) -> int:
        for position, column in enumerate(self.columns):
            if column.sort == self._sort:
                return position
        return 0
