"""The sidebar: every section of Liaison in the order an office works. Sections that a later
version brings are listed but disabled, so nobody lands on an empty screen."""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from crm.i18n import _
from ui.icons import icon

if TYPE_CHECKING:
    from ui.context import AppContext
    from ui.sections.section import Section

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class SectionInfo:
    key: str
    title: str
    icon: str
    kinds: tuple[str, ...] = ()  # the record kinds this section opens ("person")
    gap_before: bool = False

    @property
    def module(self) -> str:
        return f"ui.sections.{self.key}.section"

    @property
    def available(self) -> bool:
        """A section is offered once its module is there: nothing fake stands in for it."""
        return _module_exists(self.module)


@cache
def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def sections() -> list[SectionInfo]:
    return [
        SectionInfo("overview", _("Overview"), "overview"),
        SectionInfo("partnerships", _("Partnerships"), "partnerships", ("partnership",)),
        SectionInfo("organisations", _("Organisations"), "organisations", ("organisation",)),
        SectionInfo("people", _("People"), "people", ("person",)),
        SectionInfo("delegations", _("Delegations and visits"), "delegations", ("delegation",)),
        SectionInfo("correspondence", _("Correspondence"), "correspondence", ("correspondence",)),
        SectionInfo("projects", _("Projects and events"), "projects", ("project", "event")),
        SectionInfo("reports", _("Reports"), "reports"),
        SectionInfo("trash", _("Trash"), "trash", gap_before=True),
        SectionInfo("history", _("History"), "history"),
        SectionInfo("settings", _("Settings"), "settings"),
    ]


def section_of_kind(kind: str) -> str | None:
    """The section that opens records of ``kind``, if it is there."""
    for info in sections():
        if kind in info.kinds and info.available:
            return info.key
    return None


def make_section(key: str, context: AppContext) -> Section:
    """Build a section: the class in ``ui/sections/<key>/section.py`` whose ``key`` is ``key``."""
    from ui.sections.section import Section

    module = importlib.import_module(f"ui.sections.{key}.section")
    for value in vars(module).values():
        if (
            isinstance(value, type)
            and issubclass(value, Section)
            and value.__module__ == module.__name__
            and value.key == key
        ):
            return value(context)
    raise LookupError(f"no section class in {module.__name__}")


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
        self.setFixedWidth(widest + 18 + 52)
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
