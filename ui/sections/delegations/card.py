"""A row of the delegation page drawn as a card, so one member or appointment reads as one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

CARD_STYLE = (
    "#{name} {{ border: 1px solid palette(mid); border-radius: 6px; }}"
    " QLabel#programmeDay {{ font-weight: 600; }}"
)


def make_card(row: QWidget, name: str) -> None:
    row.setObjectName(name)
    row.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    row.setStyleSheet(CARD_STYLE.format(name=name))
    layout = row.layout()
    if layout is not None:
        layout.setContentsMargins(8, 6, 4, 6)


def show_start(*lines: QLineEdit) -> None:
    """Long texts are shown from their start, not scrolled to their end."""
    for line in lines:
        line.setCursorPosition(0)
