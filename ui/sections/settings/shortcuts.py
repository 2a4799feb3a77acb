"""Every keyboard shortcut of the main window, listed where people look for them."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from crm.i18n import _


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(what it does, keys) for each action with a shortcut, in menu order."""
    rows = []
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if k]
        if not keys:
            continue
        name = action.text().split("\t")[0].replace("&&", "\0").replace("&", "").replace("\0", "&")
        rows.append((name, ", ".join(keys)))
    return rows


class ShortcutTable(QTableWidget):
    def __init__(self) -> None:
        super().__init__(0, 2)
        self.setObjectName("shortcutTable")
        self.setHorizontalHeaderLabels([_("Action"), _("Keys")])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

    def show_actions(self, actions: list[QAction]) -> None:
        rows = shortcut_rows(actions)
        self.setRowCount(len(rows))
        for row, (name, keys) in enumerate(rows):
            self.setItem(row, 0, QTableWidgetItem(name))
            self.setItem(row, 1, QTableWidgetItem(keys))
        height = self.horizontalHeader().height() + sum(
            self.rowHeight(r) for r in range(self.rowCount())
        )
        self.setFixedHeight(height + 2 * self.frameWidth())
