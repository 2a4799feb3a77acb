"""A line for recipients with completion from the addresses kept in Liaison: the part after
the last comma or semicolon is completed, the addresses before it stay."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

_SEPARATOR = re.compile(r"[,;]\s*")


class AddressCompleter(QCompleter):
    def __init__(self, model: QStringListModel, field: QLineEdit) -> None:
        super().__init__(model, field)
        self._field = field
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(10)

    def splitPath(self, path: str) -> list[str]:
        return [_SEPARATOR.split(path)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        chosen = str(index.data(Qt.ItemDataRole.EditRole) or "")
        text = self._field.text()
        cut = max(text.rfind(","), text.rfind(";"))
        before = text[: cut + 1] + " " if cut >= 0 else ""
        return before + chosen + ", "


class AddressField(QLineEdit):
    def __init__(self, model: QStringListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCompleter(AddressCompleter(model, self))
        self.setClearButtonEnabled(True)

    def addresses(self) -> list[str]:
        return [self.text()] if self.text().strip(" ,;") else []
