"""Importing people or organisations: choose the file, match the columns (CSV and Excel only,
and only when the file is not a known export), check the records and choose what happens to
each, import with progress and Cancel, and read (or save) the report."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget, QWizard

from crm.i18n import _
from crm.io.import_check import ImportPlan
from crm.io.import_model import PEOPLE, ImportSource
from crm.io.import_report import ImportReport
from crm.io.import_table import ColumnMapping
from ui.context import AppContext
from ui.import_wizard.check_page import CheckPage
from ui.import_wizard.file_page import FilePage
from ui.import_wizard.mapping_page import MappingPage
from ui.import_wizard.report_page import ReportPage

FILE_PAGE, MAPPING_PAGE, CHECK_PAGE, REPORT_PAGE = range(4)


class ImportWizard(QWizard):
    def __init__(self, context: AppContext, kind: str = PEOPLE, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.kind = kind
        self.source: ImportSource | None = None
        self.mapping: ColumnMapping | None = None
        self.plan: ImportPlan | None = None
        self.report: ImportReport | None = None
        self.setObjectName("importWizard")
        self.setWindowTitle(_("Import"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, _("Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, _("Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, _("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, _("Close"))
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.report_page = ReportPage(self)
        self.setPage(FILE_PAGE, self.file_page)
        self.setPage(MAPPING_PAGE, self.mapping_page)
        self.setPage(CHECK_PAGE, self.check_page)
        self.setPage(REPORT_PAGE, self.report_page)
        self.setStartId(FILE_PAGE)
        self.resize(1040, 700)


def open_import_wizard(parent: QWidget, context: AppContext, kind: str = PEOPLE) -> ImportWizard:
    """Show the import wizard (window-modal) for ``kind``; it deletes itself when closed."""
    wizard = ImportWizard(context, kind, parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.setWindowModality(Qt.WindowModality.WindowModal)
    wizard.show()
    return wizard
