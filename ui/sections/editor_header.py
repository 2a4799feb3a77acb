"""The top of a record editor: the record's name, a one-line summary, Move to trash and Save."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from crm.i18n import _
from ui.icons import icon
from ui.widgets.elided_label import ElidedLabel


class EditorHeader(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editorHeader")
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 16, 20, 14)
        row.setSpacing(8)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title = QLabel()
        self.title.setObjectName("editorTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setWordWrap(True)  # long names must not widen the editor
        self.title.setMinimumWidth(120)
        self.subtitle = ElidedLabel()
        self.subtitle.setObjectName("editorSubtitle")
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        row.addLayout(titles, 1)
        self.delete_button = QPushButton(icon("trash"), _("Move to trash"))
        self.delete_button.setToolTip(_("Move to trash (Del in the list)"))
        self.save_button = QPushButton(icon("check"), _("Save"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.setToolTip(_("Save (Ctrl+S)"))
        row.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)

    def set_titles(self, title: str, subtitle: str) -> None:
        self.title.setText(title)
        self.subtitle.setText(subtitle)
        self.subtitle.setVisible(bool(subtitle))
