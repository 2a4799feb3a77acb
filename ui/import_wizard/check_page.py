"""The check: every record with its problems and possible duplicates, and what will be done
with it. The user changes the action per record (or for the selected ones), then imports.

Checking and importing run on the worker with a progress dialog and Cancel; the import is one
transaction, so a cancel leaves the register as it was and the user stays on this page.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from crm.i18n import _
from crm.io.import_check import Action, ImportPlan
from crm.io.import_model import preset_name
from crm.io.import_report import ImportReport, count_text
from crm.io.import_source import check_source
from crm.io.import_write import dry_run, run_import
from crm.services.errors import ServiceError
from crm.services.progress import Cancelled, Progress
from ui import dialogs
from ui.import_wizard.check_model import (
    ALL,
    DUPLICATES,
    DUPLICATES_ONLY,
    PROBLEMS,
    PROBLEMS_ONLY,
    REJECTED_ONLY,
    ActionDelegate,
    CheckModel,
)
from ui.progress import ProgressRun

if TYPE_CHECKING:
    from crm.db.database import Database
    from ui.import_wizard.wizard import ImportWizard


def choose_report_path(parent: QWidget | None, suggested: str) -> str | None:
    """Ask where to save a report as text (tests replace this function)."""
    path, _filter = QFileDialog.getSaveFileName(
        parent, _("Save the report"), suggested, _("Text files (*.txt);;All files (*)")
    )
    return path or None


def save_report(parent: QWidget, report: ImportReport) -> bool:
    """Save ``report`` as a UTF-8 text file where the user says; True when saved."""
    stem = Path(report.file_name).stem
    suggested = _("Import report {name}.txt").format(name=stem)
    path = choose_report_path(parent, suggested)
    if not path:
        return False
    try:
        Path(path).write_text(report.text(), encoding="utf-8")
    except OSError as error:
        dialogs.show_error(
            parent,
            _("The report cannot be saved in {path}: {reason}").format(
                path=path, reason=error.strerror or error
            ),
        )
        return False
    return True


def _check(db: Database, source: Any, kind: str, mapping: Any, progress: Progress) -> Any:
    """The check, or None when the user cancelled it."""
    try:
        return check_source(db, source, kind, mapping, progress)
    except Cancelled:
        return None


def _import(db: Database, plan: ImportPlan, progress: Progress) -> ImportReport | None:
    """The import, or None when the user cancelled it (nothing was stored then)."""
    try:
        return run_import(db, plan, progress)
    except Cancelled:
        return None


class CheckPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.import_wizard = wizard
        self.setTitle(_("Check the records"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, _("Import"))
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("sectionTitle")
        self.summary.setWordWrap(True)
        top.addWidget(self.summary, 1)
        self.filter = QComboBox()
        self.filter.setAccessibleName(_("Show"))
        for key, label in (
            (ALL, _("All records")),
            (PROBLEMS_ONLY, _("Records with problems")),
            (DUPLICATES_ONLY, _("Possible duplicates")),
            (REJECTED_ONLY, _("Rejected records")),
        ):
            self.filter.addItem(label, key)
        self.filter.currentIndexChanged.connect(
            lambda _i: self.model.set_filter(str(self.filter.currentData()))
        )
        top.addWidget(self.filter)
        layout.addLayout(top)
        self.model = CheckModel(self)
        self.model.dataChanged.connect(self._update_summary)
        self.table = QTableView()
        self.table.setObjectName("importCheck")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(2, ActionDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        character = self.fontMetrics().averageCharWidth()
        for column, width in enumerate((6, 22, 18, 28)):
            self.table.setColumnWidth(column, width * character + 16)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(_("For the selected records:")))
        self.create_button = QPushButton(_("Create new"))
        self.update_button = QPushButton(_("Update the existing"))
        self.skip_button = QPushButton(_("Skip"))
        for button, action in (
            (self.create_button, Action.CREATE),
            (self.update_button, Action.UPDATE),
            (self.skip_button, Action.SKIP),
        ):
            button.clicked.connect(lambda _c=False, action=action: self.choose_selected(action))
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.save_button = QPushButton(_("Save this check…"))
        self.save_button.setToolTip(_("Save what the import would do as a text file (dry run)"))
        self.save_button.clicked.connect(self._save_check)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.cancelled = QLabel()
        self.cancelled.setObjectName("fieldCaption")
        layout.addWidget(self.cancelled)
        self._imported = False
        self.run: ProgressRun | None = None

    # --- checking ---------------------------------------------------------------------------

    def initializePage(self) -> None:
        wizard = self.import_wizard
        source = wizard.source
        assert source is not None
        subtitle = source.describe()
        if source.preset:
            subtitle = _("{file}, recognised as {export}").format(
                file=subtitle, export=preset_name(source.preset)
            )
        self.setSubTitle(
            _(
                "{file}. Choose what happens to each record: click its action to change it. "
                "Nothing is stored until you import."
            ).format(file=subtitle)
        )
        self.cancelled.setText("")
        wizard.plan = None
        self.model.set_plan(None)
        self.summary.setText(_("Checking the records…"))
        self.completeChanged.emit()
        self.run = ProgressRun(
            wizard.context,
            wizard,
            _("Checking the records"),
            _check,
            source,
            wizard.kind,
            wizard.mapping if source.table is not None else None,
            on_done=self._checked,
            on_error=self._check_failed,
        )

    def _checked(self, plan: ImportPlan | None) -> None:
        if plan is None:
            self.summary.setText(_("The check was cancelled. Go back to start it again."))
            return
        self.import_wizard.plan = plan
        self.model.set_plan(plan)
        # Columns that would stay empty make room for the others.
        self.table.setColumnHidden(
            DUPLICATES,
            not any(r.duplicates or r.same_as_line is not None for r in plan.records),
        )
        self.table.setColumnHidden(PROBLEMS, not any(r.errors or r.warnings for r in plan.records))
        self._update_summary()
        self.completeChanged.emit()

    def _check_failed(self, error: Exception) -> None:
        if isinstance(error, ServiceError):
            self.summary.setText(str(error))
        else:
            self.import_wizard.context.worker.unhandled_error.emit(error)

    def _update_summary(self) -> None:
        plan = self.import_wizard.plan
        if plan is None:
            return
        parts = [
            _("{count} to create").format(count=count_text(plan.count(Action.CREATE))),
            _("{count} to update").format(count=count_text(plan.count(Action.UPDATE))),
            _("{count} to skip").format(count=count_text(plan.count(Action.SKIP))),
            _("{count} rejected").format(count=count_text(plan.count(Action.REJECT))),
        ]
        self.summary.setText(" · ".join(parts))
        self.completeChanged.emit()

    def choose_selected(self, action: Action) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        self.model.choose_rows(rows, action)
        self._update_summary()

    def _save_check(self) -> None:
        plan = self.import_wizard.plan
        if plan is not None:
            save_report(self, dry_run(plan))

    def isComplete(self) -> bool:
        plan = self.import_wizard.plan
        return plan is not None and bool(plan.accepted()) and not self._imported

    def cleanupPage(self) -> None:
        """Back to the columns or the file: the check is made again afterwards."""
        self.import_wizard.plan = None
        self.model.set_plan(None)

    # --- importing --------------------------------------------------------------------------

    def validatePage(self) -> bool:
        """The import runs on the worker; the wizard moves on when it is done."""
        if self._imported:
            return True
        plan = self.import_wizard.plan
        if plan is None or (self.run is not None and not self.run.finished):
            return False
        self.cancelled.setText("")
        self.run = ProgressRun(
            self.import_wizard.context,
            self.import_wizard,
            _("Importing"),
            _import,
            plan,
            on_done=self._imported_all,
            on_error=self._import_failed,
        )
        return False

    def _imported_all(self, report: ImportReport | None) -> None:
        if report is None:
            self.cancelled.setText(str(Cancelled()))
            return
        wizard = self.import_wizard
        wizard.report = report
        if report.changes is not None:
            wizard.context.announce(report.changes)
        wizard.context.say(f"{report.title()}: {report.summary()}")
        self._imported = True
        wizard.next()

    def _import_failed(self, error: Any) -> None:
        if isinstance(error, ServiceError):
            dialogs.show_error(self, str(error))
        else:
            self.import_wizard.context.worker.unhandled_error.emit(error)
