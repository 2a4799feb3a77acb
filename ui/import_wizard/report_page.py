"""The last step: what was created, updated, skipped and rejected, with the lines; the report
can be saved as a text file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from crm.i18n import _
from ui.import_wizard.check_page import save_report

if TYPE_CHECKING:
    from ui.import_wizard.wizard import ImportWizard


class ReportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.import_wizard = wizard
        self.setTitle(_("The import is done"))
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        self.summary = QLabel()
        self.summary.setObjectName("sectionTitle")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        layout.addWidget(self.notes)
        self.text = QPlainTextEdit()
        self.text.setObjectName("importReport")
        self.text.setReadOnly(True)
        self.text.setAccessibleName(_("Report"))
        layout.addWidget(self.text, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = QPushButton(_("Save the report…"))
        self.save_button.clicked.connect(self._save)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        self.saved = QLabel()
        self.saved.setObjectName("fieldCaption")
        layout.addWidget(self.saved)

    def initializePage(self) -> None:
        report = self.import_wizard.report
        assert report is not None
        self.setSubTitle(report.title())
        self.summary.setText(report.summary())
        self.notes.setText("\n".join(report.notes()))
        self.notes.setVisible(bool(report.notes()))
        self.text.setPlainText("\n".join(report.entry_line(entry) for entry in report.entries))
        self.saved.setText("")

    def _save(self) -> None:
        report = self.import_wizard.report
        if report is not None and save_report(self, report):
            self.saved.setText(_("The report was saved."))
