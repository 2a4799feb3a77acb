"""The top of a record editor: the record's name, a one-line summary, Move to trash and Save."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from crm.i18n import _
from ui.icons import icon
from ui.widgets.elided_label import ElidedLabel


class EditorHeader(QFrame):
    """The title has the whole width (long names wrap between words, never cut); the summary
    and the buttons share the line below it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editorHeader")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 14, 20, 12)
        outer.setSpacing(4)
        self.title = QLabel()
        self.title.setObjectName("editorTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setWordWrap(True)  # long names must not widen the editor
        self.title.setMinimumWidth(120)
        outer.addWidget(self.title)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(8)
        self.subtitle = ElidedLabel()
        self.subtitle.setObjectName("editorSubtitle")
        self.buttons.addWidget(self.subtitle, 1)
        self.delete_button = QPushButton(icon("trash"), _("Move to trash"))
        self.delete_button.setToolTip(_("Move to trash (Del in the list)"))
        self.save_button = QPushButton(icon("check"), _("Save"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.setToolTip(_("Save (Ctrl+S)"))
        self.buttons.addWidget(self.delete_button)
        self.buttons.addWidget(self.save_button)
        outer.addLayout(self.buttons)

    def add_button(self, button: QWidget) -> None:
        """A section's own action (Briefing…, More actions), placed before Move to trash."""
        self.buttons.insertWidget(self.buttons.indexOf(self.delete_button), button)

    def set_titles(self, title: str, subtitle: str) -> None:
        self.title.setText(title)
        self.subtitle.setText(subtitle)
