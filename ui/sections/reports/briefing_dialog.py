"""A delegation's briefing in a window of its own: made at once, in the office's language and
paper; changing the language, the paper or the confidential mark makes it again. Print (also
Ctrl+P) and Save as PDF work on what is shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from crm.i18n import _
from crm.services.office import OfficeProfile, get_profile
from ui.context import AppContext
from ui.sections.reports import building
from ui.sections.reports.building import ReportOptions
from ui.sections.reports.pane import ReportPane
from ui.sections.reports.section import REPORTED_KINDS
from ui.widgets.choice_combo import ChoiceCombo

PREFERRED_SIZE = QSize(920, 1040)


class BriefingDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        delegation_id: int,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.delegation_id = delegation_id
        self.delegation_title = title
        self.setObjectName("briefingDialog")
        self.setWindowTitle(_("Briefing: {title}").format(title=title))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        options = QWidget()
        options.setObjectName("filterBar")
        row = QHBoxLayout(options)
        row.setContentsMargins(12, 10, 12, 10)
        row.setSpacing(8)
        self.language = ChoiceCombo(building.language_choices())
        self.language.setAccessibleName(_("Language"))
        self.paper = ChoiceCombo(building.page_size_choices())
        self.paper.setAccessibleName(_("Paper"))
        self.confidential = QCheckBox(_("Mark as &confidential"))
        self.confidential.setToolTip(_("Every page says that the briefing is confidential."))
        language_label = QLabel(_("La&nguage"))
        language_label.setBuddy(self.language)
        paper_label = QLabel(_("P&aper"))
        paper_label.setBuddy(self.paper)
        for widget in (language_label, self.language, paper_label, self.paper):
            row.addWidget(widget)
        row.addSpacing(8)
        row.addWidget(self.confidential)
        row.addStretch(1)
        layout.addWidget(options)

        self.pane = ReportPane(context, self.options, self.file_name)
        layout.addWidget(self.pane, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.setContentsMargins(12, 8, 12, 10)
        layout.addWidget(buttons)

        print_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        print_shortcut.activated.connect(self.pane.print_report)
        self._fit_to_screen()
        self.pane.preview.show_message(_("Preparing the report…"))
        context.run(get_profile, on_done=self._start, busy=False)

    def _fit_to_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        size = PREFERRED_SIZE
        if screen is not None:
            room = screen.availableGeometry().size()
            size = QSize(
                min(size.width(), room.width() - 40), min(size.height(), room.height() - 60)
            )
        self.resize(size)

    def _start(self, profile: OfficeProfile) -> None:
        self.language.set_value(building.print_language(profile.language))
        self.paper.set_value(building.default_page_size(profile.country))
        for combo in (self.language, self.paper):
            combo.value_changed.connect(lambda _value: self.pane.preview_report())
        self.confidential.toggled.connect(lambda _checked: self.pane.preview_report())
        self.context.changed.connect(self._records_changed)
        self.pane.preview_report()

    def _records_changed(self, changes: Any) -> None:
        """The visit was edited (or undone) meanwhile: the briefing shows the new state."""
        if REPORTED_KINDS & changes.kinds and self.pane.built is not None:
            self.pane.refresh()

    def options(self) -> ReportOptions:
        return ReportOptions(
            kind="briefing",
            language=self.language.value() or "de",
            page_size=self.paper.value() or "A4",
            delegation_id=self.delegation_id,
            confidential=self.confidential.isChecked(),
        )

    def file_name(self, _options: ReportOptions) -> str:
        return _("Briefing – {title}").format(title=self.delegation_title)


def open_briefing(
    context: AppContext, delegation_id: int, title: str, parent: QWidget | None
) -> BriefingDialog:
    """Show the delegation's briefing in its own window (not modal: the editor stays usable)."""
    dialog = BriefingDialog(context, delegation_id, title, parent)
    dialog.show()
    return dialog
