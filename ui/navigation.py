"""The sidebar: every section of Liaison in the order an office works. Sections that a later
version brings are listed but disabled, so nobody lands on an empty screen."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from crm.i18n import _
from ui.icons import icon

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class SectionInfo:
    key: str
    title: str
    icon: str
    available: bool
    gap_before: bool = False


def sections() -> list[SectionInfo]:
    return [
        SectionInfo("overview", _("Overview"), "overview", False),
        SectionInfo("partnerships", _("Partnerships"), "partnerships", True),
        SectionInfo("organisations", _("Organisations"), "organisations", False),
        SectionInfo("people", _("People"), "people", True),
        SectionInfo("delegations", _("Delegations and visits"), "delegations", False),
        SectionInfo("correspondence", _("Correspondence"), "correspondence", False),
        SectionInfo("projects", _("Projects and events"), "projects", False),
        SectionInfo("reports", _("Reports"), "reports", False),
        SectionInfo("trash", _("Trash"), "trash", False, gap_before=True),
        SectionInfo("history", _("History"), "history", False),
        SectionInfo("settings", _("Settings"), "settings", False),
    ]


class Sidebar(QListWidget):
    section_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName(_("Sections"))
        self.setIconSize(QSize(18, 18))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(False)
        self.setSpacing(1)
        self._rows: dict[str, int] = {}
        widest = 0
        for info in sections():
            if info.gap_before:
                gap = QListWidgetItem()
                gap.setFlags(Qt.ItemFlag.NoItemFlags)
                gap.setSizeHint(QSize(10, 14))
                self.addItem(gap)
            item = QListWidgetItem(icon(info.icon), info.title)
            item.setData(KEY_ROLE, info.key)
            if info.available:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            else:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setToolTip(_("Coming in a later version"))
            item.setSizeHint(QSize(0, self.fontMetrics().height() + 16))
            self._rows[info.key] = self.count()
            self.addItem(item)
            widest = max(widest, self.fontMetrics().horizontalAdvance(info.title))
        self.setFixedWidth(widest + 18 + 70)
        self.currentItemChanged.connect(self._changed)

    def _changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None and current.data(KEY_ROLE):
            self.section_requested.emit(str(current.data(KEY_ROLE)))

    def select(self, key: str) -> None:
        """Show ``key`` as the current section without asking for it again."""
        row = self._rows.get(key)
        if row is None:
            return
        self.blockSignals(True)
        self.setCurrentRow(row)
        self.blockSignals(False)

    def is_available(self, key: str) -> bool:
        row = self._rows.get(key)
        item = self.item(row) if row is not None else None
        return item is not None and bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)
